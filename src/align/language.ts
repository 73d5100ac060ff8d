// Which language a text is written in, by its function words: enough to tell an untranslated clause.
import { LANGUAGES } from '../languages/index.js'

/** Function words by language, from the language packs. */
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(Object.values(LANGUAGES).map((pack) => [pack.code, pack.functionWords]))

/** Count the function words of each known language in `text`. */
export function languageScores(text: string): Record<string, number> {
  const words = text.toLowerCase().split(/[^\p{L}’']+/u)
  const scores: Record<string, number> = {}
  for (const [language, stopwords] of Object.entries(STOPWORDS)) scores[language] = words.filter((word) => stopwords.has(word)).length
  return scores
}

/**
 * The language `text` is most likely written in, among `candidates`, or undefined when the text is
 * too short or mixed to tell (fewer than 3 function words, or no clear winner).
 */
export function detectLanguage(text: string, candidates: readonly string[]): string | undefined {
  const scores = languageScores(text)
  const ranked = candidates.filter((language) => language in STOPWORDS).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0))
  const [first, second] = ranked
  if (!first) return undefined
  const best = scores[first] ?? 0
  const next = second ? (scores[second] ?? 0) : 0
  return best >= 3 && best >= 2 * next ? first : undefined
}

const vocabularies = new Map<string, ReadonlySet<string>>()

/** The words a language's pack knows as its own: function words, month and weekday names, effective-date phrases. */
function vocabulary(language: string): ReadonlySet<string> {
  let words = vocabularies.get(language)
  if (!words) {
    const pack = LANGUAGES[language]
    words = new Set(pack ? [...pack.functionWords, ...pack.dates.months, ...pack.dates.weekdays, ...pack.dates.effective.flatMap((phrase) => phrase.split(' '))] : [])
    vocabularies.set(language, words)
  }
  return words
}

/**
 * How many words of `text` belong to language `language` and not to `other` ("Effective", "July", "a" in English
 * against Dutch): a text the same in both languages that has one is the reference left untranslated, one that has none
 * is a name or an address ("Mozilla Corporation, 149 New Montgomery Street").
 */
export function ownWords(text: string, language: string, other: string): number {
  const mine = vocabulary(language)
  const theirs = vocabulary(other)
  return text.toLowerCase().split(/[^\p{L}’']+/u).filter((word) => mine.has(word) && !theirs.has(word)).length
}
