// Types of the rule language, read from the subject's JSON Schema: what a path may be, and what it may be compared with.

/** A type of a value in the subject. */
export type Type =
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'string'; enum?: readonly string[] | undefined }
  | { kind: 'null' }
  | { kind: 'array'; items: Type }
  | { kind: 'object'; properties: ReadonlyMap<string, Type> }
  | { kind: 'union'; types: readonly Type[] }
  | { kind: 'any' }

type Schema = boolean | { [key: string]: unknown }

/** Read a JSON Schema (2020-12 subset: type, enum, const, properties, items, $ref to #/$defs, anyOf, oneOf) into a type. */
export function typeFromSchema(root: Schema): Type {
  const seen = new Map<string, Type>()
  const convert = (schema: Schema, depth: number): Type => {
    // Only a checked schema reaches here, but a value that is not a schema object reads as anything, never as a crash.
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > 32) return { kind: 'any' }
    const ref = schema['$ref']
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const cached = seen.get(ref)
      if (cached) return cached
      const defs = (typeof root === 'object' ? root['$defs'] : undefined) as Record<string, Schema> | undefined
      const name = ref.slice('#/$defs/'.length)
      // Own members only: `#/$defs/constructor` must not find Object.prototype.constructor.
      const target = typeof defs === 'object' && defs !== null && Object.hasOwn(defs, name) ? defs[name] : undefined
      const type = target === undefined ? { kind: 'any' as const } : convert(target, depth + 1)
      seen.set(ref, type)
      return type
    }
    const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined
    if (Array.isArray(alternatives)) return union(alternatives.map((alternative) => convert(alternative, depth + 1)))
    if (Array.isArray(schema['enum']) || 'const' in schema) {
      const values = (Array.isArray(schema['enum']) ? schema['enum'] : [schema['const']]) as unknown[]
      const strings = values.filter((value): value is string => typeof value === 'string')
      const types: Type[] = []
      if (strings.length > 0) types.push({ kind: 'string', enum: strings })
      if (values.includes(null)) types.push({ kind: 'null' })
      if (values.some((value) => typeof value === 'boolean')) types.push({ kind: 'boolean' })
      if (values.some((value) => typeof value === 'number')) types.push({ kind: 'number', integer: false })
      return union(types)
    }
    const declared = schema['type']
    const names = Array.isArray(declared) ? (declared as string[]) : typeof declared === 'string' ? [declared] : []
    if (names.length === 0) {
      if (schema['properties']) names.push('object')
      else if (schema['items']) names.push('array')
      else return { kind: 'any' }
    }
    return union(
      names.map((name): Type => {
        switch (name) {
          case 'boolean':
            return { kind: 'boolean' }
          case 'integer':
            return { kind: 'number', integer: true }
          case 'number':
            return { kind: 'number', integer: false }
          case 'string':
            return { kind: 'string' }
          case 'null':
            return { kind: 'null' }
          case 'array':
            return { kind: 'array', items: schema['items'] === undefined ? { kind: 'any' } : convert(schema['items'] as Schema, depth + 1) }
          case 'object': {
            const properties = new Map<string, Type>()
            const declaredProperties = schema['properties']
            if (typeof declaredProperties === 'object' && declaredProperties !== null) {
              for (const [key, value] of Object.entries(declaredProperties as Record<string, Schema>)) properties.set(key, convert(value, depth + 1))
            }
            return { kind: 'object', properties }
          }
          default:
            return { kind: 'any' }
        }
      }),
    )
  }
  return convert(root, 0)
}

/** One type for several: itself if only one. */
export function union(types: readonly Type[]): Type {
  const flat = types.flatMap((type) => (type.kind === 'union' ? type.types : [type]))
  if (flat.length === 0) return { kind: 'any' }
  return flat.length === 1 ? flat[0]! : { kind: 'union', types: flat }
}

/** The alternatives of a type. */
export function alternatives(type: Type): readonly Type[] {
  return type.kind === 'union' ? type.types : [type]
}

/** Whether a value of `type` may be of kind `kind`. */
export function mayBe(type: Type, kind: Type['kind']): boolean {
  return alternatives(type).some((alternative) => alternative.kind === kind || alternative.kind === 'any')
}

/** The type without `null`. */
export function nonNull(type: Type): Type {
  return union(alternatives(type).filter((alternative) => alternative.kind !== 'null'))
}

/** A short name for messages: `boolean`, `string`, `"a" | "b"`, `array of string`, `object`. */
export function describeType(type: Type): string {
  switch (type.kind) {
    case 'string':
      return type.enum ? type.enum.map((value) => JSON.stringify(value)).join(' | ') : 'string'
    case 'number':
      return type.integer ? 'integer' : 'number'
    case 'array':
      return `array of ${describeType(type.items)}`
    case 'union':
      return type.types.map(describeType).join(' | ')
    default:
      return type.kind
  }
}

// The suggester moved to util/suggest.ts (one did-you-mean for the DSL and the command line); re-exported for callers of this module.
export { didYouMean, editDistance } from '../util/suggest.js'
