// Attribute lists as Python-Markdown (attr_list) and kramdown write them: `{: #anchor .class key="value" }` at the end
// of a block, and diptych's own `{#id}`. An mdast transform, since no maintained micromark extension reads them:
// micromark never treats `{`, `:`, `#` or `=` as syntax, so a list stands intact at the end of a block's last text.

/** What an attribute list says: an ID, classes, and other attributes (`datetime`, …). */
export interface Attributes {
  /** The `#id`, as written. */
  id?: string | undefined
  classes: string[]
  /** Other attributes, in order. */
  attributes: Record<string, string>
  /** Whether the list was written `{:` (Python-Markdown, kramdown) rather than diptych's `{#id}`. */
  colon: boolean
}

/** A trailing attribute list found in a text: where it starts (spaces before it included) and what it says. */
export interface TrailingList {
  index: number
  attributes: Attributes
}

/**
 * The attribute list at the end of `value`, if any: `{…}` after a space or a line break, followed only by spaces. It
 * must look like one (a `:` after the brace, or a first token `#…`, `.…` or `key=…`), so a trailing `{placeholder}`
 * stays text. Read from the end, in time linear in the list's length.
 */
export function trailingList(value: string): TrailingList | undefined {
  let end = value.length
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--
  if (value[end - 1] !== '}') return undefined
  const open = value.lastIndexOf('{', end - 2)
  if (open === -1) return undefined
  const inside = value.slice(open + 1, end - 1)
  if (inside.includes('}') || inside.includes('\n')) return undefined
  // Escaped `\{` is text.
  if (open > 0 && value[open - 1] === '\\') return undefined
  const attributes = parseList(inside)
  if (!attributes) return undefined
  let index = open
  while (index > 0 && (value[index - 1] === ' ' || value[index - 1] === '\t')) index--
  // A list glued to a word (`word{: #x }`) belongs to an inline element, not to the block.
  if (index === open && open > 0 && value[open - 1] !== '\n') return undefined
  return { index, attributes }
}

/** The attribute list at the start of `value` (`{: .class }` right after an inline element), if any. */
export function leadingList(value: string): { length: number; attributes: Attributes } | undefined {
  if (value[0] !== '{') return undefined
  const close = value.indexOf('}')
  if (close === -1) return undefined
  const inside = value.slice(1, close)
  if (inside.includes('\n') || inside.includes('{')) return undefined
  const attributes = parseList(inside)
  return attributes && { length: close + 1, attributes }
}

/** A token of a list: `key="v"`, `key='v'`, `key=v`, `#id`, `.class`, or a bare word. */
const TOKEN = /([^\s=}"']+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))|#([^\s=}]+)|\.([^\s=}]+)|([^\s=}"']+)/gy

/** Parse what stands between the braces; undefined when it is not an attribute list. */
function parseList(inside: string): Attributes | undefined {
  const colon = inside.startsWith(':')
  const body = (colon ? inside.slice(1) : inside).trim()
  if (body === '') return undefined
  // diptych's own `{#id}`: everything after the `#` is the ID, to be checked as one (`{#A B}` is a bad ID, not two tokens).
  if (!colon && body.startsWith('#')) return { id: body.slice(1), classes: [], attributes: {}, colon }
  const result: Attributes = { classes: [], attributes: {}, colon }
  TOKEN.lastIndex = 0
  let at = 0
  let first = true
  while (at < body.length) {
    while (body[at] === ' ' || body[at] === '\t') at++
    if (at >= body.length) break
    TOKEN.lastIndex = at
    const match = TOKEN.exec(body)
    if (!match) return undefined
    const [, key, double, single, bare, id, className, word] = match
    if (word !== undefined) {
      // A bare word first, without a colon, is not a list: `{placeholder}`.
      if (first && !colon) return undefined
      result.attributes[word] = word
    } else if (id !== undefined) result.id = id
    else if (className !== undefined) result.classes.push(className)
    else result.attributes[key!] = double ?? single ?? bare ?? ''
    at = TOKEN.lastIndex
    first = false
  }
  return result
}
