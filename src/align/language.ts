// Which language a text is written in, by its function words: enough to tell an untranslated clause.

const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('the and of to a in is you your that for with on not or are be this as it by from any our we their they if must may can will do don’t don\'t use have has which other such'.split(' ')),
  nl: new Set('de het een en van in is je jouw dat voor met op niet of zijn dit als door uit onze we hun ze als moet mag kunnen zal geen ook wordt worden die bij naar om te aan er wel'.split(' ')),
}

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
