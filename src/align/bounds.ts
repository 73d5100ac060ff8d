// Numbers bound from above or below ("up to 25 months", "niet langer dan 25 maanden", "mindestens 13 Jahre"): a number
// the reference bounds one way and the translation the other has lost or gained a negation, where no negative word is
// left to count ("up to 25 months" / "langer dan 25 maanden").
import { LANGUAGES } from '../languages/index.js'
import { LEXICONS } from '../modality/lexicon.js'
import { numbers } from './numbers.js'

export type Direction = 'atMost' | 'atLeast'

/** A bound number: its value as `numbers` writes it, which way it is bound, and the words as written. */
export interface Bound {
  value: string
  direction: Direction
  written: string
}

interface Reader {
  pattern: RegExp
  directions: Map<string, Direction>
  negations: Set<string>
}

const readers = new Map<string, Reader | undefined>()

function reader(language: string): Reader | undefined {
  if (readers.has(language)) return readers.get(language)
  const pack = LANGUAGES[language]?.bounds
  let ready: Reader | undefined
  if (pack) {
    const directions = new Map<string, Direction>()
    for (const direction of ['atMost', 'atLeast'] as const) for (const phrase of pack[direction]) directions.set(normal(phrase), direction)
    // Longest first, and the text is read left to right: "not more than" is found before its "more than".
    const phrases = [...directions.keys()].sort((a, b) => b.length - a.length)
    const alternatives = phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')
    const lexicon = LEXICONS[language]
    ready = {
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})\\s+(\\d+(?:[.,\\u00A0\\u202F]\\d+)*)`, 'giu'),
      directions,
      negations: new Set([...(lexicon?.negation ?? []), ...(lexicon?.determiners ?? [])]),
    }
  }
  readers.set(language, ready)
  return ready
}

/** Lowercase, one space between words, straight apostrophes. */
function normal(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ')
}

/**
 * The bound numbers of a text. A bound after a negation in its sentence ("we do not keep it more than 25 months",
 * "ne … pas … plus de") is left out: which way it points is not read from the phrase.
 */
export function bounds(text: string, language: string): Bound[] {
  const ready = reader(language)
  if (!ready) return []
  const normalised = text.replace(/[’‘]/g, "'")
  const found: Bound[] = []
  // Read once, left to right: whether the sentence so far holds a negation, up to each bound.
  let cursor = 0
  let negated = false
  for (const match of normalised.matchAll(ready.pattern)) {
    const between = normalised.slice(cursor, match.index)
    const boundary = Math.max(...['.', ';', ':', '!', '?'].map((mark) => between.lastIndexOf(mark)))
    if (boundary !== -1) negated = false
    negated ||= between.slice(boundary + 1).toLowerCase().split(/[^\p{L}]+/u).some((word) => ready.negations.has(word))
    cursor = match.index
    if (negated) continue
    const value = numbers(match[2]!, language)[0]
    const direction = ready.directions.get(normal(match[1]!))
    if (value !== undefined && direction) found.push({ value, direction, written: match[0] })
  }
  return found
}

/**
 * Numbers that the reference bounds one way and the translation only the other way ("up to 25" / "langer dan 25"),
 * each with both sides' words. Numbers bound on one side only are no difference: languages say a limit many ways.
 */
export function reversedBounds(referenceText: string, referenceLanguage: string, translationText: string, translationLanguage: string): Array<{ reference: Bound; translation: Bound }> {
  const left = bounds(referenceText, referenceLanguage)
  const right = bounds(translationText, translationLanguage)
  const out: Array<{ reference: Bound; translation: Bound }> = []
  for (const bound of left) {
    const same = right.filter((other) => other.value === bound.value)
    if (same.length > 0 && same.every((other) => other.direction !== bound.direction)) out.push({ reference: bound, translation: same[0]! })
  }
  return out
}
