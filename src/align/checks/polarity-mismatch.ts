// Report a negation of the reference that the translation lacks: "bewaren niet langer dan 25 maanden" become
// "bewaren langer dan 25 maanden", in a sentence with or without a modal verb.
import { negativeSentences } from '../../modality/deontic.js'
import { alignSentences } from '../../text/sentence-align.js'
import type { CheckDefinition } from '../findings.js'
import { modalityDifference } from './modality-mismatch.js'

export const polarityMismatch: CheckDefinition = {
  id: 'polarity-mismatch',
  needsLanguage: true,
  severity: 'warning',
  summary:
    'A sentence of the translation has fewer negations (not, never, no, without, non- / niet, nooit, geen, zonder …) than its sentence in the reference: a lost negation turns the clause around. Idioms that negate nothing (“without limitation”) are not counted.',
  example: {
    reference: '## Retention\n\n- We keep your data for no longer than 25 months and never sell it.\n',
    translation: '## Bewaren\n\n- We bewaren je gegevens langer dan 25 maanden en verkopen ze nooit.\n',
    ok: '## Bewaren\n\n- We bewaren je gegevens niet langer dan 25 maanden en verkopen ze nooit.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const left = negativeSentences(referenceText, reference.locale)
    const right = negativeSentences(translationText, translation.locale)
    if (!left || !right) return []
    const lost = left.flatMap((sentence) => sentence.negatives)
    const kept = right.flatMap((sentence) => sentence.negatives)
    // Counted over the whole clause: a translator may move a negation to the next sentence.
    if (kept.length >= lost.length) return []
    // A changed modality is the stronger finding, and says the same.
    if (modalityDifference(referenceText, reference.locale, translationText, translation.locale)) return []
    const quote = (words: string[]) => [...new Set(words.map((word) => `“${word}”`))].join(', ')
    return [
      {
        check: 'polarity-mismatch',
        message: `Negations differ${where(left, right)}: ${lost.length} in the reference (${quote(lost)}), ${kept.length} in the translation${kept.length > 0 ? ` (${quote(kept)})` : ''}; check that no “not” was lost`,
      },
    ]
  },
}

type Sentences = Array<{ text: string; negatives: string[] }>

/** " in “…”": the translation's sentence that has fewer negations than its counterpart, if one does. */
function where(left: Sentences, right: Sentences): string {
  const beads = alignSentences(
    left.map((sentence) => sentence.text.length),
    right.map((sentence) => sentence.text.length),
  )
  const count = (side: Sentences, indices: number[]) => indices.reduce((sum, index) => sum + side[index]!.negatives.length, 0)
  const bead = beads?.find((candidate) => candidate.translation.length > 0 && count(right, candidate.translation) < count(left, candidate.reference))
  if (!bead) return ''
  const text = bead.translation.map((index) => right[index]!.text).join(' ')
  return ` in “${text.length <= 60 ? text : `${text.slice(0, 57)}…`}”`
}
