// Places in JSON text: the line and column of a value by its JSON pointer, and of a syntax error.

/** The one rule ID of a JSON syntax error, whatever the file (project/json-file.ts; profiles in report/profiles.ts). */
export const JSON_SYNTAX_RULE = 'json/syntax'

/** A 1-based line and column. */
export interface TextPlace {
  line: number
  column: number
}

/** Escape one JSON pointer segment (RFC 6901). */
function segment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Map every JSON pointer in `text` to the place where its value (or its key, for members) starts.
 * The text should be valid JSON; on a syntax error the map holds what was read before it.
 */
export function jsonPlaces(text: string): Map<string, TextPlace> {
  const places = new Map<string, TextPlace>()
  let index = 0
  let line = 1
  let lineStart = 0
  const here = (): TextPlace => ({ line, column: index - lineStart + 1 })
  const space = () => {
    while (index < text.length) {
      const char = text[index]
      if (char === '\n') {
        line++
        lineStart = index + 1
      } else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\uFEFF') break
      index++
    }
  }
  const string = (): string => {
    const start = index
    index++
    while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1
    index++
    return JSON.parse(text.slice(start, index)) as string
  }
  const value = (pointer: string, keyPlace?: TextPlace) => {
    space()
    if (!places.has(pointer)) places.set(pointer, keyPlace ?? here())
    const char = text[index]
    if (char === '{') {
      index++
      space()
      if (text[index] === '}') return void index++
      while (index < text.length) {
        space()
        const at = here()
        const key = string()
        space()
        index++ // colon
        value(`${pointer}/${segment(key)}`, at)
        space()
        if (text[index++] !== ',') return
      }
    } else if (char === '[') {
      index++
      space()
      if (text[index] === ']') return void index++
      for (let item = 0; index < text.length; item++) {
        value(`${pointer}/${item}`)
        space()
        if (text[index++] !== ',') return
      }
    } else if (char === '"') string()
    else while (index < text.length && !/[\s,\]}]/.test(text[index]!)) index++
  }
  try {
    value('')
  } catch {
    // Keep what was read.
  }
  return places
}

/** Map every JSON pointer in `text` to the line where its value (or its key) starts. */
export function jsonLines(text: string): Map<string, number> {
  return new Map([...jsonPlaces(text)].map(([pointer, place]) => [pointer, place.line]))
}

/** Line of the value at `pointer`, or of its nearest ancestor that has one. */
export function lineOf(lines: Map<string, number>, pointer: string): number | undefined {
  return nearest(lines, pointer)
}

/** Place of the value at `pointer`, or of its nearest ancestor that has one. */
export function placeOf(places: Map<string, TextPlace>, pointer: string): TextPlace | undefined {
  return nearest(places, pointer)
}

function nearest<T>(map: Map<string, T>, pointer: string): T | undefined {
  let current = pointer
  for (;;) {
    const found = map.get(current)
    if (found !== undefined) return found
    if (current === '') return undefined
    current = current.slice(0, current.lastIndexOf('/'))
  }
}

/** Offset of the first character at which `text` stops being valid JSON (text.length when it ends too soon). */
export function jsonErrorOffset(text: string): number {
  let index = 0
  const fail = (): never => {
    throw index
  }
  const space = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index]!)) index++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, index)) index += word.length
    else fail()
  }
  const string = () => {
    index++
    while (index < text.length && text[index] !== '"') {
      const code = text.charCodeAt(index)
      if (code < 0x20) fail()
      if (text[index] === '\\') {
        const next = text[index + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail()
          index += 6
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2
        else {
          index++
          fail()
        }
      } else index++
    }
    if (index >= text.length) fail()
    index++
  }
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index, index + 400))
    if (!match) fail()
    index += match![0].length
  }
  const value = (depth: number): void => {
    if (depth > 10_000) fail()
    space()
    const char = text[index]
    if (char === '{') {
      index++
      space()
      if (text[index] === '}') return void index++
      for (;;) {
        space()
        if (text[index] !== '"') fail()
        string()
        space()
        if (text[index] !== ':') fail()
        index++
        value(depth + 1)
        space()
        if (text[index] === ',') index++
        else if (text[index] === '}') return void index++
        else fail()
      }
    } else if (char === '[') {
      index++
      space()
      if (text[index] === ']') return void index++
      for (;;) {
        value(depth + 1)
        space()
        if (text[index] === ',') index++
        else if (text[index] === ']') return void index++
        else fail()
      }
    } else if (char === '"') string()
    else if (char === 't') literal('true')
    else if (char === 'f') literal('false')
    else if (char === 'n') literal('null')
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number()
    else fail()
  }
  try {
    value(0)
    space()
    return index < text.length ? index : -1
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0
  }
}

/** Line and column of a JSON syntax error: from the message when it gives a position, else found by scanning. */
export function syntaxErrorPlace(text: string, error: Error): TextPlace | undefined {
  const match = /position (\d+)/.exec(error.message)
  let offset = match ? Number(match[1]) : jsonErrorOffset(text)
  if (offset < 0) return undefined
  offset = Math.min(offset, text.length)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/**
 * Offset of the first `[` or `{` that opens a level deeper than `limit` in JSON text (strings skipped), or -1.
 * One pass, no recursion: the place of a value that {@link jsonTooDeep} finds too deep, or a check of text that is
 * never parsed as a whole.
 */
export function jsonDepthOffset(text: string, limit: number): number {
  let depth = 0
  const length = text.length
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x22) {
      // Skip a string: to the next quote that no backslash escapes.
      for (index++; index < length; index++) {
        const inner = text.charCodeAt(index)
        if (inner === 0x5c) index++
        else if (inner === 0x22) break
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return index
    } else if (code === 0x5d || code === 0x7d) depth--
  }
  return -1
}

/** Line and column (1-based) of a character offset in a text. */
export function placeAtOffset(text: string, offset: number): TextPlace {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `limit` levels. Iterative, and it visits only
 * arrays and objects: for a profile of a few kB it costs a fifth of scanning its text with {@link jsonDepthOffset},
 * which is kept for the error's place. (`JSON.parse` itself does not recurse, so a deep value is safe to parse.)
 */
export function jsonTooDeep(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false
  const values: object[] = [value]
  const depths: number[] = [1]
  while (values.length > 0) {
    const node = values.pop()!
    const depth = depths.pop()!
    if (depth > limit) return true
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        values.push(child)
        depths.push(depth + 1)
      }
    }
  }
  return false
}
