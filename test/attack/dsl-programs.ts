// Generators of the DSL attack harness: seeded random rule programs (well typed, mutated, malformed, hostile) over
// the test schema of test/dsl/helpers.ts, and random profiles for them. Plain seeded code, cheap enough for a million.

/** Tokens of the language and a few hostile ones, for malformed programs and mutations. */
export const TOKENS_OF_THE_LANGUAGE = ['rule', 'define', 'classify', 'as', 'implements', 'must', 'not', 'may', 'when', 'message', 'attest', '{', '}', '(', ')', '[', ']', ',', ':', '.', '==', '!=', '<', '>=', 'and', 'or', 'implies', 'in', 'some', 'every', 'exists', 'missing', 'starts with', 'ends with', 'contains', 'count', 'kids', 'creds.storage', 'actions', 'a.auto', '"local"', '"{creds.storage}"', '13', '-1.5', '9'.repeat(320), 'null', 'true', 's.one', 'en', 'nl', '#', '//', '\n', ' ', '"', '\\', '\u2028', '__proto__', 'constructor', '*/', '</script>', '`', '${']

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same programs. */
export class Random {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(below: number): number {
    return Math.floor(this.next() * below)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

/** Strings that break naive code generators, HTML and JSON handling. */
export const PAYLOADS = ['*/', '</script>', '\u2028', '\u2029', '`', '${', '${globalThis.pwned = 1}', '"', "'", '\\', '__proto__', 'constructor', '\0', '"); globalThis.pwned = 1; ("', '<!--', '\ud83d\ude00', ''] as const

/** Names that are also Object.prototype members, or collide with facts, fields and each other. */
export const NAMES = ['d', 'e', 'x', 'y', 'a', 'kids', 'age', 'auto', 'steps', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'm', 's', 'c', 'v0', 'q0', 'd0', 'r0', 'f0', 't0'] as const

/** A string literal of the rule language holding `text` (quotes and backslashes escaped; U+2028 left raw, or escaped). */
export function literal(text: string, random: Random): string {
  let out = '"'
  for (const char of text) {
    if (char === '"' || char === '\\') out += `\\${char}`
    else if (char === '\n') out += '\\n'
    else if (char === '\0' || (char === '\u2028' && random.chance(0.5))) out += `\\u{${char.codePointAt(0)!.toString(16)}}`
    else out += char
  }
  return `${out}"`
}

/** A hostile text: payloads around a word (braces doubled when it is a message, where `{` starts a placeholder). */
function hostile(random: Random, message: boolean): string {
  let text = `${random.pick(PAYLOADS)}x${random.pick(PAYLOADS)}`
  if (message) text = text.replace(/\{/g, '{{').replace(/\}/g, '}}')
  return text
}

/** Numbers at the edges: huge, tiny, negative zero, fractions; and, rarely, one too large to be a number. */
function number(random: Random): string {
  if (random.chance(0.01)) return '9'.repeat(309 + random.int(20))
  return random.pick(['0', '-0', '1', '13', '-1', '0.5', '2.25', '9007199254740993', '1' + '0'.repeat(300), '0.' + '0'.repeat(330) + '1', '-' + '9'.repeat(200)])
}

interface Scope {
  /** Variables bound here, and the kind of item each stands for. */
  variables: Array<{ name: string; of: 'action' | 'step' | 'tag' }>
  definitions: readonly string[]
  /** Name quantifier variables after definitions, often (the checker refuses it; the evaluators must still agree). */
  shadow?: boolean | undefined
}

/** A boolean expression over the test schema, of at most `depth` levels. */
export function expression(random: Random, scope: Scope, depth: number): string {
  if (depth <= 0 || random.chance(0.3)) return leaf(random, scope)
  switch (random.int(6)) {
    case 0:
      return `not ${random.chance(0.5) ? `(${expression(random, scope, depth - 1)})` : leaf(random, scope)}`
    case 1:
    case 2:
      return `(${expression(random, scope, depth - 1)}) ${random.pick(['and', 'or', 'implies'])} (${expression(random, scope, depth - 1)})`
    case 3: {
      const name = scope.shadow && scope.definitions.length > 0 && random.chance(0.6) ? random.pick(scope.definitions) : random.chance(0.85) ? `v${scope.variables.length}` : random.pick(NAMES)
      const action = scope.variables.find((variable) => variable.of === 'action')
      const [collection, of] = action && random.chance(0.5) ? [`${action.name}.steps`, 'step' as const] : random.chance(0.8) ? ['actions', 'action' as const] : ['tags', 'tag' as const]
      const inner: Scope = { ...scope, variables: [...scope.variables.filter((variable) => variable.name !== name), { name, of }] }
      return `${random.pick(['some', 'every'])} ${name} in ${collection}: ${expression(random, inner, depth - 1)}`
    }
    default:
      return leaf(random, scope)
  }
}

function leaf(random: Random, scope: Scope): string {
  const variable = scope.variables.length > 0 && random.chance(scope.shadow ? 0.3 : 0.5) ? random.pick(scope.variables) : undefined
  if (variable?.of === 'action') {
    return random.pick([`${variable.name}.auto`, `${variable.name}.chosen`, `${variable.name}.kind == "follow"`, `${variable.name}.kind in ["save"]`, `count(${variable.name}.steps) >= ${random.int(3)}`, `exists ${variable.name}.auto`, `missing ${variable.name}.kind`])
  }
  if (variable?.of === 'step') return random.pick([`${variable.name}.ok`, `not ${variable.name}.ok`, `missing ${variable.name}.ok`])
  if (variable?.of === 'tag') return random.pick([`${variable.name} == "a"`, `${variable.name} != "c"`, `${variable.name} in ["a", "b"]`])
  // A definition, unless a variable of its name hides it here (that would be an object, not a truth value).
  const visible = scope.definitions.filter((name) => !scope.variables.some((variable) => variable.name === name))
  if (visible.length > 0 && random.chance(scope.shadow ? 0.6 : 0.25)) return random.pick(visible)
  switch (random.int(14)) {
    case 0:
      return 'kids'
    case 1:
      return 'creds.byok'
    case 2:
      return `age ${random.pick(['<', '<=', '>', '>=', '==', '!='])} ${number(random)}`
    case 3:
      return `name == ${literal(hostile(random, false), random)}`
    case 4:
      return `url ${random.pick(['starts with', 'ends with', 'contains'])} ${literal(hostile(random, false), random)}`
    case 5:
      return `name contains ${literal(random.pick(PAYLOADS), random)}`
    case 6:
      return `tags contains ${literal(random.pick(['a', 'b', 'c']), random)}`
    case 7:
      return `storage ${random.chance(0.5) ? 'not ' : ''}in ["local"${random.chance(0.5) ? ', "server"' : ''}]`
    case 8:
      return `creds.storage == ${literal(random.pick(['local', 'server']), random)}`
    case 9:
      return random.pick(['exists url', 'missing age', 'url == null', 'exists creds'])
    case 10:
      return `count(${random.pick(['tags', 'actions'])}) ${random.pick(['>', '==', '<='])} ${random.int(4)}`
    case 11:
      return random.pick(['true', 'false'])
    case 12:
      return `age in [${number(random)}, ${number(random)}]`
    default:
      return `name ${random.pick(['starts with', 'ends with'])} name`
  }
}

/** A policy in one to three files: definitions (in order, so mostly without cycles), rules, and the cover rules. */
export function program(random: Random, cover: string, files = 1 + random.int(3), shadow = false): Array<{ file: string; text: string }> {
  const items: string[] = []
  const definitions: string[] = []
  const count = 1 + random.int(3)
  const defined = shadow ? 2 + random.int(3) : random.int(4)
  for (let index = 0; index < defined; index++) {
    const name = random.chance(0.7) ? `def${index}` : random.pick(NAMES)
    // Mostly the definitions before it; rarely one after (a cycle, or a name that is not there yet).
    const visible = random.chance(0.95) ? definitions : [...definitions, name]
    items.push(`define ${name} = ${expression(random, { variables: [], definitions: [...visible], shadow }, 3)}`)
    definitions.push(name)
  }
  for (let index = 0; index < count; index++) {
    const scope: Scope = { variables: [], definitions, shadow }
    const clause = random.pick(['s.one', 's.two', 's.info'])
    const fields = [`implements ${clause}`]
    if (random.chance(0.4)) fields.push(`when ${expression(random, scope, 2)}`)
    if (random.chance(0.12)) fields.push(`attest { en: ${literal(hostile(random, true), random)}, nl: ${literal(hostile(random, true), random)} }`)
    else {
      fields.push(`${random.pick(['must', 'must not', 'may'])} ${expression(random, scope, 4)}`)
      fields.push(`message { en: ${literal(hostile(random, true), random)}, nl: ${literal(random.chance(0.9) ? hostile(random, true) : `{${random.pick(['age', 'name', 'creds.storage', 'constructor', '__proto__'])}}`, random)} }`)
    }
    items.push(`rule r${index}-${random.pick(['a', 'proto', 'constructor', '0'])} {\n  ${fields.join('\n  ')}\n}`)
  }
  items.push(cover)
  // Split the items over the files.
  const parts: string[][] = Array.from({ length: files }, () => [])
  items.forEach((item, index) => parts[index === items.length - 1 ? files - 1 : random.int(files)]!.push(item))
  return parts.map((part, index) => ({ file: `${'abc'[index]}.dip`, text: `# file ${index}\n${part.join('\n\n')}\n` }))
}

const TWINS: Record<string, string> = { '==': '!=', '!=': '==', '<=': '>=', '>=': '<=', and: 'or ', 'must not': 'must    ', 'rule r': 'rule q', def: 'deg' }

/**
 * Two files whose every expression starts and ends at the same offsets as in the other, but means something else
 * (`==` for `!=`, `and` for `or `, …): what a compiler that keys anything by position gets wrong.
 */
export function twins(random: Random, cover: string): Array<{ file: string; text: string }> {
  const [first] = program(random, '', 1)
  const text = first!.text.replace(/==|!=|<=|>=|\band\b|\bmust not\b|\brule r|\bdef(?=\d)/g, (token) => TWINS[token]!)
  return [first!, { file: 'b.dip', text: `${text}\n${cover}\n` }]
}

/** A mutation of a text: a cut, an inserted token, a duplicated line, or swapped lines. */
export function mutate(random: Random, text: string): string {
  const at = random.int(text.length + 1)
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random.int(30))
    case 1:
      return `${text.slice(0, at)} ${random.pick(TOKENS_OF_THE_LANGUAGE)} ${text.slice(at)}`
    case 2: {
      const lines = text.split('\n')
      const line = random.int(lines.length)
      lines.splice(line, 0, lines[line]!)
      return lines.join('\n')
    }
    default: {
      const lines = text.split('\n')
      const [a, b] = [random.int(lines.length), random.int(lines.length)]
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      return lines.join('\n')
    }
  }
}

/** Random tokens of the language, and random characters: malformed programs. */
export function malformed(random: Random): string {
  if (random.chance(0.5)) return Array.from({ length: random.int(80) }, () => random.pick(TOKENS_OF_THE_LANGUAGE)).join(random.chance(0.5) ? ' ' : '')
  return Array.from({ length: random.int(300) }, () => String.fromCharCode(random.chance(0.9) ? 32 + random.int(95) : random.int(0x3000))).join('')
}

/** A random profile for the test schema: every field optional, sometimes of the wrong type, with hostile keys. */
export function profile(random: Random): unknown {
  const maybe = <T>(value: () => T): T | undefined => (random.chance(0.75) ? value() : undefined)
  const wrong = (): unknown => random.pick([null, 0, '', [], {}, 'true', 1e308, -0])
  const value = <T>(make: () => T): unknown => (random.chance(0.05) ? wrong() : make())
  const action = () => ({
    kind: maybe(() => value(() => random.pick(['follow', 'save']))),
    auto: maybe(() => value(() => random.chance(0.5))),
    chosen: maybe(() => value(() => random.chance(0.5))),
    steps: maybe(() => value(() => Array.from({ length: random.int(3) }, () => ({ ok: maybe(() => value(() => random.chance(0.5))) })))),
  })
  const subject: Record<string, unknown> = {
    name: maybe(() => value(() => random.pick([...PAYLOADS, 'app']))),
    url: maybe(() => value(() => random.pick([null, 'https://x.example', 'http://y', '</script>', '']))),
    age: maybe(() => value(() => random.pick([0, 12, 13, -1, 0.5, 1e300]))),
    kids: maybe(() => value(() => random.chance(0.5))),
    tags: maybe(() => value(() => Array.from({ length: random.int(4) }, () => random.pick(['a', 'b', 'c'])))),
    storage: maybe(() => value(() => random.pick(['local', 'server']))),
    creds: maybe(() => value(() => ({ byok: maybe(() => random.chance(0.5)), storage: maybe(() => random.pick(['local', 'server'])) }))),
    actions: maybe(() => value(() => Array.from({ length: random.int(4) }, action))),
    attestations: maybe(() => ({ 'r0-a': random.chance(0.5), 'cover-one': random.chance(0.5), 'r1-proto': random.pick([true, false, 'yes']) })),
  }
  // Through JSON, as a profile arrives: drops the fields left undefined; `__proto__` becomes an own key.
  let text = JSON.stringify(subject)
  if (random.chance(0.1)) {
    const hostile = '"__proto__": {"kids": true, "age": 20}, "constructor": {"prototype": {"kids": true}}'
    text = text === '{}' ? `{${hostile}}` : text.replace(/^\{/, `{${hostile}, `)
  }
  return JSON.parse(text) as unknown
}
