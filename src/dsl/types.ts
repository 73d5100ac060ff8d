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

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Math.max(a.length, b.length))
}

/**
 * Levenshtein distance of two (lowercased) strings when it is at most `bound`, else a number above `bound`: only the
 * band of width 2·bound+1 around the diagonal is computed, and it stops as soon as a row exceeds the bound.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  const big = bound + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j <= bound ? j : big
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound)
    const to = Math.min(b.length, i + bound)
    current[0] = i <= bound ? i : big
    if (from > 1) current[from - 1] = big
    let rowMin = current[0]!
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, big)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) current[to + 1] = big
    if (rowMin > bound) return big
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}

/** Candidates a did-you-mean looks at, at most: beyond them (thousands of definitions) it gives up rather than slow the check. */
const SUGGEST_CANDIDATES = 5_000
/** Candidates whose distance a did-you-mean computes, at most (those of a near length). */
const SUGGEST_DISTANCES = 500

/**
 * The candidate nearest to `name`, if near enough to be a likely typo: within a third of its length (at least 2) and
 * shorter than it. Bounded work: only candidates of a near length are measured, by a banded distance that stops at the
 * best so far, and at most {@link SUGGEST_CANDIDATES} candidates are looked at.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase()
  // A suggestion must be nearer than this.
  let limit = Math.min(Math.max(2, Math.floor(name.length / 3)), name.length - 1) + 1
  let best: string | undefined
  let seen = 0
  let measured = 0
  for (const candidate of candidates) {
    if (++seen > SUGGEST_CANDIDATES) break
    if (Math.abs(candidate.length - name.length) >= limit) continue
    if (++measured > SUGGEST_DISTANCES) break
    const distance = boundedDistance(lower, candidate.toLowerCase(), limit - 1)
    if (distance < limit) {
      best = candidate
      limit = distance
    }
  }
  return best
}
