// Anchors: tokens that survive translation unchanged (numbers, URLs, domains, acronyms), strong evidence for alignment.
import { blank, domainSpans, urlSpans } from './scan.js'

/** URLs: what `\b(?:https?:\/\/|www\.)[^\s<>()"]+[^\s<>()".,;:!?]` matches, found in linear time. */
const URL_CLASSES = { body: '<>()"', end: '.,;:!?' }
/** Top-level domains of a bare domain. */
const TLDS = ['com', 'org', 'net', 'info', 'io', 'nl', 'eu', 'dev', 'co', 'uk', 'de', 'be']
const NUMBER = /\d+(?:[.,]\d+)*/gu
const ACRONYM = /\b\p{Lu}{2,}s?\b/gu

/** The anchors of a text, as a set of normalised tokens. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>()
  // Each kind in one pass, its matches blanked out of the text the next kinds read.
  const urls = urlSpans(text, URL_CLASSES)
  for (const [from, to] of urls) found.add('url:' + text.slice(from, to).toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''))
  let rest = blank(text, urls)
  const domains = domainSpans(rest, TLDS)
  for (const [from, to] of domains) found.add('url:' + rest.slice(from, to).toLowerCase())
  rest = blank(rest, domains)
  for (const match of rest.matchAll(NUMBER)) found.add('num:' + match[0].replace(/[.,]/g, ''))
  for (const match of rest.matchAll(ACRONYM)) found.add('acr:' + match[0].replace(/s$/, ''))
  return found
}
