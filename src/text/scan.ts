// Linear scanners for URLs, domains and e-mail addresses: the same matches as the regular expressions they replace
// (documented on each), found without backtracking, so that no text ("ab." × 20,000) makes them quadratic.

/** A match: its start and end (exclusive) in the text. */
export type Span = readonly [start: number, end: number]

type CharTest = (code: number) => boolean

const isAsciiWord: CharTest = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
/** `\w` under the `iu` flags: the ASCII word characters, and ſ and K, which fold to s and k. */
const isWordIU: CharTest = (c) => isAsciiWord(c) || c === 0x17f || c === 0x212a
/** `[a-z0-9-]` under the `iu` flags. */
const isLabelIU: CharTest = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 0x17f || c === 0x212a
/** `[\w-]` under the `u` flag. */
const isDomainLabel: CharTest = (c) => isAsciiWord(c) || c === 45
/** `[\w.+-]` under the `u` flag. */
const isLocalPart: CharTest = (c) => isAsciiWord(c) || c === 46 || c === 43 || c === 45

/** Whether `\b` holds at `at`, for the given notion of a word character. */
function boundary(text: string, at: number, word: CharTest): boolean {
  const before = at > 0 && word(text.charCodeAt(at - 1))
  const after = at < text.length && word(text.charCodeAt(at))
  return before !== after
}

/** A character code folded as the `iu` flags fold ASCII letters (and ſ, K). */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32
  if (c === 0x17f) return 115
  if (c === 0x212a) return 107
  return c
}

function codes(characters: string): Set<number> {
  return new Set([...characters].map((character) => character.charCodeAt(0)))
}

const WHITE = /\s/u
function isSpace(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITE.test(String.fromCharCode(c))
}

/** The characters a URL's body excludes and, beyond those, the ones it may not end with. */
export interface UrlClasses {
  /** Besides white space. */
  body: string
  /** Besides the body's exclusions. */
  end: string
}

/** Whether a surrogate pair (one code point) starts at `at`. */
function isPair(text: string, at: number): boolean {
  const high = text.charCodeAt(at)
  const low = text.charCodeAt(at + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}

/** URL starts: `\b(?:https?:\/\/|www\.)`. The pattern is bounded, so a search for it is linear. */
const URL_START = /\b(?:https?:\/\/|www\.)/giu

/**
 * URLs as `\b(?:https?:\/\/|www\.)[^\s<body>]+[^\s<body><end>]` (flags `giu`) finds them: the longest run of body
 * characters after the scheme, less trailing characters it may not end with.
 */
export function urlSpans(text: string, classes: UrlClasses): Span[] {
  const body = codes(classes.body)
  const end = codes(classes.end)
  const inBody = (c: number) => !isSpace(c) && !body.has(c)
  const spans: Span[] = []
  const start = new RegExp(URL_START.source, URL_START.flags)
  let at = 0
  while (at < text.length) {
    start.lastIndex = at
    const found = start.exec(text)
    if (!found) break
    const from = found.index
    const prefixEnd = from + found[0].length
    let stop = prefixEnd
    while (stop < text.length && inBody(text.charCodeAt(stop))) stop++
    let last = stop
    while (last >= prefixEnd + 2 && end.has(text.charCodeAt(last - 1))) last--
    // The body and its last character: two code points at least (a surrogate pair is one).
    const two = last - prefixEnd > 2 || (last - prefixEnd === 2 && !isPair(text, prefixEnd))
    if (two) {
      spans.push([from, last])
      at = last
    } else {
      // Every later start inside this run ends in the same place, among the same characters: none can match.
      at = Math.max(stop, from + 1)
    }
  }
  return spans
}

/** Label starts: `\b[a-z0-9-]` (flags `iu`). */
const LABEL_START = /\b[a-z0-9-]/giu

/**
 * Domains as `\b(?:[a-z0-9-]+\.)+(?:<tlds>)\b` (flags `giu`) finds them: the longest chain of labels that ends in
 * one of `tlds` (tried in their order at each dot, from the last dot back).
 */
export function domainSpans(text: string, tlds: readonly string[]): Span[] {
  const folded = tlds.map((tld) => [...tld].map((character) => fold(character.charCodeAt(0))))
  const spans: Span[] = []
  const start = new RegExp(LABEL_START.source, LABEL_START.flags)
  let at = 0
  while (at < text.length) {
    start.lastIndex = at
    const found = start.exec(text)
    if (!found) break
    const from = found.index
    // The chain of labels from here: the dots that end each label.
    const dots: number[] = []
    let index = from
    let chainEnd = from
    for (;;) {
      let stop = index
      while (stop < text.length && isLabelIU(text.charCodeAt(stop))) stop++
      chainEnd = stop
      if (stop === index || text.charCodeAt(stop) !== 46) break
      dots.push(stop)
      index = stop + 1
    }
    let match: Span | undefined
    for (let k = dots.length - 1; k >= 0 && !match; k--) {
      const tldStart = dots[k]! + 1
      for (const tld of folded) {
        const tldEnd = tldStart + tld.length
        if (tldEnd > text.length) continue
        let same = true
        for (let c = 0; c < tld.length && same; c++) same = fold(text.charCodeAt(tldStart + c)) === tld[c]
        if (same && boundary(text, tldEnd, isWordIU)) {
          match = [from, tldEnd]
          break
        }
      }
    }
    if (match) {
      spans.push(match)
      at = match[1]
    } else {
      // A later start in this chain sees a subset of the same dots, each already tried: none can match.
      at = Math.max(chainEnd, from + 1)
    }
  }
  return spans
}

/** Local-part starts: `\b[\w.+-]` (flag `u`). */
const LOCAL_START = /\b[\w.+-]/gu

/** E-mail addresses as `\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b` (flags `gu`) finds them. */
export function emailSpans(text: string): Span[] {
  const spans: Span[] = []
  const start = new RegExp(LOCAL_START.source, LOCAL_START.flags)
  let at = 0
  while (at < text.length) {
    start.lastIndex = at
    const found = start.exec(text)
    if (!found) break
    const from = found.index
    let atSign = from
    while (atSign < text.length && isLocalPart(text.charCodeAt(atSign))) atSign++
    if (text.charCodeAt(atSign) !== 64) {
      // Every later start in this run ends at the same character, which is not an @.
      at = Math.max(atSign, from + 1)
      continue
    }
    // The domain: a first label, then labels after dots; the match ends at the last word boundary inside a later label.
    const domain = atSign + 1
    let stop = domain
    while (stop < text.length && isDomainLabel(text.charCodeAt(stop))) stop++
    let end = -1
    if (stop > domain) {
      const firstDot = stop
      while (text.charCodeAt(stop) === 46 && stop + 1 < text.length && isDomainLabel(text.charCodeAt(stop + 1))) {
        stop++
        while (stop < text.length && isDomainLabel(text.charCodeAt(stop))) stop++
      }
      for (let candidate = stop; candidate >= firstDot + 2; candidate--) {
        if (text.charCodeAt(candidate - 1) === 46) continue
        if (boundary(text, candidate, isAsciiWord)) {
          end = candidate
          break
        }
      }
    }
    if (end !== -1) {
      spans.push([from, end])
      at = end
    } else {
      // Every start before the @ shares its domain, which has no end: none can match.
      at = atSign + 1
    }
  }
  return spans
}

/** `text` with each span replaced by one space (as `String.replace` with the pattern and `' '` does). */
export function blank(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text
  const parts: string[] = []
  let last = 0
  for (const [from, to] of spans) {
    parts.push(text.slice(last, from), ' ')
    last = to
  }
  parts.push(text.slice(last))
  return parts.join('')
}
