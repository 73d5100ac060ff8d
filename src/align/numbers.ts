// Numbers, URLs, domains and e-mail addresses of a text, normalised so that two languages can be compared.
import { decimalSeparator } from '../languages/index.js'
import { type Span, blank, domainSpans, emailSpans, urlSpans } from '../text/scan.js'

/** URLs: what `\b(?:https?:\/\/|www\.)[^\s<>()"'”’]+[^\s<>()"'”’.,;:!?]` matches, found in linear time. */
const URL_CLASSES = { body: '<>()"\'”’', end: '.,;:!?' }
/** Top-level domains of a bare domain (`optout.aboutads.info`). */
const TLDS = ['com', 'org', 'net', 'info', 'io', 'nl', 'eu', 'dev', 'co', 'uk', 'de', 'be', 'fr', 'app']
const NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu

/**
 * URLs, then e-mail addresses in what is left, then bare domains in what is left: each kind's matches with the
 * text left after blanking them (one pass a kind, so many links cost no more than one each).
 */
function linkParts(text: string): { found: string[]; rest: string } {
  const found: string[] = []
  let rest = text
  const finders: Array<(text: string) => Span[]> = [(value) => urlSpans(value, URL_CLASSES), emailSpans, (value) => domainSpans(value, TLDS)]
  for (const find of finders) {
    const spans = find(rest)
    for (const [from, to] of spans) found.push(rest.slice(from, to))
    rest = blank(rest, spans)
  }
  return { found, rest }
}

/** Links of a text: URLs (without scheme or trailing slash), e-mail addresses and bare domains, lowercase. */
export function links(text: string): string[] {
  return linkParts(text)
    .found.map((link) => link.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, ''))
    .sort()
}

/** Text with its links blanked out, so the digits of a URL are not taken for numbers. */
export function withoutLinks(text: string): string {
  return linkParts(text).rest
}

/**
 * Numbers of a text as canonical decimal strings, read with the language's separators:
 * "1,000.5" in English and "1.000,5" in Dutch are both "1000.5". A number with one separator
 * followed by exactly three digits is read as thousands in either language ("1,000" / "1.000").
 */
export function numbers(text: string, language: string): string[] {
  const decimal = decimalSeparator(language)
  const group = decimal === '.' ? ',' : '.'
  const found: string[] = []
  for (const match of withoutLinks(text).matchAll(NUMBER)) {
    let token = match[0]
    const parts = token.split(/[.,]/)
    if (parts.length > 1 && parts.slice(1).every((part) => part.length === 3) && !(token.includes(decimal) && token.includes(group))) {
      // 1,000 or 1.000 or 1,000,000: groups of thousands.
      token = parts.join('')
    } else {
      token = token.split(group).join('').replace(decimal, '.')
    }
    const value = Number(token)
    found.push(Number.isFinite(value) ? String(value) : token)
  }
  return found.sort()
}
