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

/** Quote a value as a JavaScript literal. U+2028 and U+2029 are escaped, as ajv does. */
export function quote(value: string | number | boolean | null): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
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

/** A generated identifier: a fixed prefix and a counter, never a name from input. */
export function name(prefix: 't' | 'v' | 'd' | 'q' | 'r' | 'c', index: number): Code {
  if (!Number.isInteger(index) || index < 0) throw new TypeError('Invalid name index')
  return new Code(`${prefix}${index}`)
}

/** Join pieces of code. */
export function join(pieces: readonly Code[], separator: string): Code {
  return new Code(pieces.map((piece) => piece.text).join(separator))
}
