// Find the line of a JSON value by its JSON pointer, so errors about a field can name its line.

/** Escape one JSON pointer segment (RFC 6901). */
function segment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Map every JSON pointer in `text` to the 1-based line where its value (or its key, for members) starts.
 * The text must be valid JSON; on a syntax error the map holds what was read before it.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>()
  let index = 0
  let line = 1
  const space = () => {
    while (index < text.length) {
      const char = text[index]
      if (char === '\n') line++
      else if (char !== ' ' && char !== '\t' && char !== '\r') break
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
  const value = (pointer: string, keyLine?: number) => {
    space()
    if (!lines.has(pointer)) lines.set(pointer, keyLine ?? line)
    const char = text[index]
    if (char === '{') {
      index++
      space()
      if (text[index] === '}') return void index++
      while (index < text.length) {
        space()
        const at = line
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
  return lines
}

/** Line of the value at `pointer`, or of its nearest ancestor that has one. */
export function lineOf(lines: Map<string, number>, pointer: string): number | undefined {
  let current = pointer
  for (;;) {
    const line = lines.get(current)
    if (line !== undefined) return line
    if (current === '') return undefined
    current = current.slice(0, current.lastIndexOf('/'))
  }
}

/** Line and column of a JSON.parse syntax error, from its message (Node 20: "at position N"). */
export function syntaxErrorPlace(text: string, error: Error): { line: number; column: number } | undefined {
  const match = /position (\d+)/.exec(error.message)
  if (!match) return undefined
  const offset = Number(match[1])
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
