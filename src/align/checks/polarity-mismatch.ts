// Report a negation of the reference that the translation lacks: "bewaren niet langer dan 25 maanden" become
// "bewaren langer dan 25 maanden", in a sentence with or without a modal verb.
import { negativeSentences } from '../../modality/deontic.js'
import { alignSentences, type SentenceBead } from '../../text/sentence-align.js'
import type { CheckDefinition } from '../findings.js'
import { modalityDifference } from './modality-mismatch.js'

export const polarityMismatch: CheckDefinition = {
  id: 'polarity-mismatch',
  needsLanguage: true,
  severity: 'warning',
  summary:
    'A sentence of the translation has fewer negations (not, never, no, without, non- / niet, nooit, geen, zonder …) than its sentence in the reference: a lost negation turns the clause around. Words that hold a negation (unsure, invalid / onzeker, ongeldig …) count as one; idioms that negate nothing (“without limitation”) are not counted.',
  example: {
    reference: '## Retention\n\n- We keep your data for no longer than 25 months and never sell it.\n',
    translation: '## Bewaren\n\n- We bewaren je gegevens langer dan 25 maanden en verkopen ze nooit.\n',
    ok: '## Bewaren\n\n- We bewaren je gegevens niet langer dan 25 maanden en verkopen ze nooit.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const left = negativeSentences(referenceText, reference.locale)
    const right = negativeSentences(translationText, translation.locale)
    if (!left || !right) return []
    // Sentence by sentence (aligned by length), so that a "niet" lost where the translator added one elsewhere ("zonder
    // enige garantie" for "as-is") is still seen; over the whole clause where the sentences cannot be aligned.
    const beads = droppedIn(left, right)
    if (beads.length === 0) return []
    // A changed modality is the stronger finding, and says the same.
    if (modalityDifference(referenceText, reference.locale, translationText, translation.locale)) return []
    const quote = (words: string[]) => [...new Set(words.map((word) => `“${word}”`))].join(', ')
    return beads.map((bead) => {
      const lost = bead.reference.flatMap((index) => left[index]!.negatives)
      const kept = bead.translation.flatMap((index) => right[index]!.negatives)
      return {
        check: 'polarity-mismatch',
        message: `Negations differ${where(right, bead.translation)}: ${lost.length} in the reference (${quote(lost)}), ${kept.length} in the translation${kept.length > 0 ? ` (${quote(kept)})` : ''}; check that no “not” was lost`,
      }
    })
  },
}

type Sentences = Array<{ text: string; negatives: string[] }>

/** " in “…”": the translation's sentences that have fewer negations than their counterpart (all of the clause's: none). */
function where(right: Sentences, indices: number[]): string {
  if (indices.length === 0 || indices.length === right.length) return ''
  const text = indices.map((index) => right[index]!.text).join(' ')
  return ` in “${text.length <= 60 ? text : `${text.slice(0, 57)}…`}”`
}

/**
 * The beads of sentences whose translation has fewer negations than its reference, each its own finding (it names its
 * sentence). Where the sentences cannot be aligned (too many), the whole clause is one bead.
 */
function droppedIn(left: Sentences, right: Sentences): SentenceBead[] {
  const all = (side: Sentences) => side.map((_, index) => index)
  const beads = alignSentences(
    left.map((sentence) => sentence.text.length),
    right.map((sentence) => sentence.text.length),
  ) ?? [{ reference: all(left), translation: all(right) }]
  const count = (side: Sentences, indices: number[]) => indices.reduce((sum, index) => sum + side[index]!.negatives.length, 0)
  return beads.filter((bead) => count(right, bead.translation) < count(left, bead.reference))
}
