// Anchors: tokens that survive translation unchanged (numbers, URLs, domains, acronyms), strong evidence for alignment.

const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"]+[^\s<>()".,;:!?]/giu
const DOMAIN = /\b(?:[a-z0-9-]+\.)+(?:com|org|net|info|io|nl|eu|dev|co|uk|de|be)\b/giu
const NUMBER = /\d+(?:[.,]\d+)*/gu
const ACRONYM = /\b\p{Lu}{2,}s?\b/gu

/** The anchors of a text, as a set of normalised tokens. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>()
  let rest = text
  for (const match of text.matchAll(URL)) {
    found.add('url:' + match[0].toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''))
    rest = rest.replace(match[0], ' ')
  }
  for (const match of rest.matchAll(DOMAIN)) {
    found.add('url:' + match[0].toLowerCase())
    rest = rest.replace(match[0], ' ')
  }
  for (const match of rest.matchAll(NUMBER)) found.add('num:' + match[0].replace(/[.,]/g, ''))
  for (const match of rest.matchAll(ACRONYM)) found.add('acr:' + match[0].replace(/s$/, ''))
  return found
}
