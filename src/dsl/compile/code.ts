// Code generation that cannot be injected (after ajv's codegen): values are always quoted, only Code is pasted.

/** A piece of generated JavaScript. Only this module and trusted generator code make it. */
export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

/** A value that may be interpolated: code as it is, anything else quoted as a literal. */
export type Interpolated = Code | string | number | boolean | null

/** JSON as JavaScript source: U+2028 and U+2029 (line breaks in JavaScript before ES2019, not in JSON) escaped, as ajv does. */
function safeStringify(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** Quote a value as a JavaScript literal. U+2028 and U+2029 are escaped, as ajv does. */
export function quote(value: string | number | boolean | null): string {
  if (typeof value === 'string') return safeStringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot quote the number ${value}`)
    return value < 0 || Object.is(value, -0) ? `(${value})` : String(value)
  }
  return String(value)
}

/** Tagged template: `_\`get(${code}, ${key})\`` pastes code and quotes every other value. */
export function _(strings: TemplateStringsArray, ...values: Interpolated[]): Code {
  let text = strings[0]!
  values.forEach((value, index) => {
    text += (value instanceof Code ? value.text : quote(value)) + strings[index + 1]!
  })
  return new Code(text)
}

/** A data value (arrays, objects of JSON values) as a JavaScript literal, quoted as {@link quote} quotes strings. */
export function literal(value: unknown): Code {
  return new Code(safeStringify(value))
}

/**
 * What a generated name holds, by its prefix: `s` the subject, `f` a fact read once into a local, `v` a quantifier's
 * item, `t` a temporary, `d` a definition's function, `q` a quantifier's, `r` a rule's, `c` the definitions' memo,
 * `o` whether the prototypes are pristine (no key the module reads), `p` whether an object is plain (see `plain`).
 */
export type NamePrefix = 's' | 'f' | 'v' | 't' | 'd' | 'q' | 'r' | 'c' | 'o' | 'p'

/** A generated identifier: its kind is known, so the generator never reads it back from the text. */
export class Name extends Code {
  constructor(
    readonly prefix: NamePrefix,
    index?: number,
  ) {
    super(index === undefined ? prefix : `${prefix}${index}`)
  }
}

/** A generated identifier: a fixed prefix and a counter, never a name from input. */
export function name(prefix: NamePrefix, index: number): Name {
  if (!Number.isInteger(index) || index < 0) throw new TypeError('Invalid name index')
  return new Name(prefix, index)
}

/** The subject, `s`, the parameter of every generated function. */
export const SUBJECT = new Name('s')

/** Join pieces of code. */
export function join(pieces: readonly Code[], separator: string): Code {
  return new Code(pieces.map((piece) => piece.text).join(separator))
}
