// The links of a clause put back into its text: the catalogue keeps a clause's plain text and, beside it, its links
// (visible text and target) in order; the renderers find each link's visible text in the text again.
import type { Clause, ClauseLink } from '../catalogue/types.js'

/** A run of a clause's text: plain, or the visible text of a link to `url`. */
export interface Piece {
  text: string
  url?: string
}

/**
 * Split texts (a clause's text, or the cells of a table row, in order) at the visible texts of its links. Each link, in
 * order, takes the first occurrence of its text after the previous link's (so two links named "here" take the first
 * and the second "here"), else the first free one anywhere; a link whose text is not found (or is empty) is left out.
 */
export function placeLinks(texts: readonly string[], links: readonly ClauseLink[] = []): Piece[][] {
  const taken: Array<Array<{ start: number; end: number; url: string }>> = texts.map(() => [])
  const free = (cell: number, start: number, end: number) => taken[cell]!.every((range) => end <= range.start || start >= range.end)
  /** The first free occurrence of `text` from (cell, offset) up to (not into) cell `until`. */
  const find = (text: string, cell: number, offset: number, until: number): { cell: number; start: number } | undefined => {
    for (let at = cell; at < until; at++) {
      let start = texts[at]!.indexOf(text, at === cell ? offset : 0)
      while (start !== -1 && !free(at, start, start + text.length)) start = texts[at]!.indexOf(text, start + 1)
      if (start !== -1) return { cell: at, start }
    }
    return undefined
  }
  let cursor = { cell: 0, offset: 0 }
  for (const link of links) {
    if (link.text === '') continue
    const found = find(link.text, cursor.cell, cursor.offset, texts.length) ?? find(link.text, 0, 0, texts.length)
    if (!found) continue
    const end = found.start + link.text.length
    taken[found.cell]!.push({ start: found.start, end, url: link.url })
    cursor = { cell: found.cell, offset: end }
  }
  return texts.map((text, cell) => {
    const pieces: Piece[] = []
    let last = 0
    for (const range of taken[cell]!.sort((a, b) => a.start - b.start)) {
      if (range.start > last) pieces.push({ text: text.slice(last, range.start) })
      pieces.push({ text: text.slice(range.start, range.end), url: range.url })
      last = range.end
    }
    if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last) })
    return pieces
  })
}

/** The texts of a clause in a language, split at its links: the cells of a table row, else its one text. */
export function clausePieces(clause: Clause, locale: string): Piece[][] | undefined {
  const text = clause.text[locale]
  if (text === undefined) return undefined
  const cells = clause.form === 'row' ? clause.cells?.[locale] : undefined
  return placeLinks(cells ?? [text], clause.links?.[locale])
}

/** A URL's scheme (`https`, `javascript`), lowercase; undefined for a relative URL or an in-page anchor. */
function scheme(url: string): string | undefined {
  // Browsers drop leading control characters and spaces, and tabs and line ends anywhere, before reading a scheme.
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '')
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase()
}

const WEB = new Set(['http', 'https', 'mailto'])

/** Whether the page makes a link of `url`: http(s), mailto and in-page anchors (`#id`) only. */
export function isPageLink(url: string): boolean {
  const kind = scheme(url)
  return kind === undefined ? url.startsWith('#') : WEB.has(kind)
}

/** Whether the Markdown keeps `url` as a link: anything but a scheme other than http(s) and mailto (relative links stay). */
export function isMarkdownLink(url: string): boolean {
  const kind = scheme(url)
  return kind === undefined || WEB.has(kind)
}
