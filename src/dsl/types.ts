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
    if (typeof schema === 'boolean' || depth > 32) return { kind: 'any' }
    const ref = schema['$ref']
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const cached = seen.get(ref)
      if (cached) return cached
      const defs = (typeof root === 'object' ? root['$defs'] : undefined) as Record<string, Schema> | undefined
      const target = defs?.[ref.slice('#/$defs/'.length)]
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
            for (const [key, value] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) properties.set(key, convert(value, depth + 1))
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

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]!
}

/** The candidate nearest to `name`, if near enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance < name.length && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}
