// Readable, stable IDs: a section slug from its title, a clause ID from the section and the clause's first words.
import { ENGLISH } from '../languages/index.js'
import { type Block, PREAMBLE_ID } from '../text/document.js'

/**
 * Words left out of IDs and leading words dropped from a section title, from a language pack. IDs are
 * made with the English ones whatever the language (an ID is an identifier, not a translation).
 */
const SLUG = ENGLISH.slug

/** Words of `text` folded to ASCII lowercase, apostrophes removed. */
export function idWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
}

/** Slug of a section title, leading articles and possessives dropped, at most 5 words. */
export function sectionSlug(title: string): string {
  const words = idWords(title)
  while (words.length > 1 && SLUG.leading.has(words[0]!)) words.shift()
  return words.slice(0, 5).join('-') || 'section'
}

/** The significant words of a clause text, for its ID. */
export function significantWords(text: string): string[] {
  const words = idWords(text)
  const significant = words.filter((word) => !SLUG.stopwords.has(word) && !/^\d{6,}$/.test(word))
  return significant.length > 0 ? significant : words
}

/** Pick a free ID from `stem` words: 3 words, then more words, then a numeric suffix. */
export function freeId(prefix: string, words: string[], taken: Set<string>, initial = 3): string {
  const base = words.length > 0 ? words : ['clause']
  for (let count = Math.min(initial, base.length); count <= Math.min(base.length, 8); count++) {
    const id = prefix + base.slice(0, count).join('-')
    if (!taken.has(id)) return id
  }
  const stem = prefix + base.slice(0, Math.min(initial, base.length)).join('-')
  // Suffixes below the last one given for this stem were taken then, and IDs are never untaken: start there,
  // so that a thousand clauses of the same words do not each count up from 2.
  let suffixes = nextSuffix.get(taken)
  if (!suffixes) nextSuffix.set(taken, (suffixes = new Map()))
  for (let n = suffixes.get(stem) ?? 2; ; n++) {
    const id = `${stem}-${n}`
    if (!taken.has(id)) {
      suffixes.set(stem, n)
      return id
    }
  }
}

/** For each set of taken IDs, the first suffix worth trying for each stem. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>()

/**
 * Give every block without an ID a new one, unique in `taken` (which is updated).
 * Headings get a section slug; other blocks `section.first-words`.
 */
export function generateIds(blocks: Block[], ids: Array<string | undefined>, taken: Set<string>): string[] {
  const result: string[] = []
  // Blocks before the first heading belong to the document's opening section.
  let section = PREAMBLE_ID
  blocks.forEach((block, index) => {
    let id = ids[index]
    if (id === undefined) {
      id =
        block.form === 'heading'
          ? freeId('', [sectionSlug(block.text)], taken, 1)
          : freeId(`${section}.`, significantWords(block.text), taken)
      taken.add(id)
    }
    if (block.form === 'heading') section = id
    result.push(id)
  })
  return result
}
