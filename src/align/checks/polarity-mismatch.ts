// Report a negation of the reference that the translation lacks: "bewaren niet langer dan 25 maanden" become
// "bewaren langer dan 25 maanden", in a sentence with or without a modal verb.
import { negativeSentences, type NegativeSentence } from '../../modality/deontic.js'
import { alignSentences, type SentenceBead } from '../../text/sentence-align.js'
import type { CheckDefinition } from '../findings.js'
import { reversedBounds } from '../bounds.js'
import { modalityDifferences } from './modality-mismatch.js'

export const polarityMismatch: CheckDefinition = {
  id: 'polarity-mismatch',
  needsLanguage: true,
  severity: 'warning',
  summary:
    'A sentence of the translation has fewer negations (not, never, no, without, non- / niet, nooit, geen, zonder …) than its sentence in the reference: a lost negation turns the clause around. Words that hold a negation (unsure, invalid / onzeker, ongeldig …) count as one; idioms that negate nothing (“without limitation”) are not counted, but one written without its “not” (“maar beperkt tot” for “but not limited to”) is a lost negation. A negation over a choice (“do not monitor or store”) said with a negation on each side of an “and” loses one when a side has none (“controleren … en slaan … niet op”); one repeated over an “or” (“niet begrijpen of niet bedoeld”) counts once against the reference’s one. A number bound the other way (“up to 25 months” / “langer dan 25 maanden”) is a lost negation too. A modality difference in the same sentences is reported instead.',
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
    if (beads.length === 0) {
      // No negative word lost, but a limit turned around: "up to 25 months" / "langer dan 25 maanden".
      return reversedBounds(referenceText, reference.locale, translationText, translation.locale).map(({ reference: said, translation: written }) => ({
        check: 'polarity-mismatch',
        message: `A limit is turned around: the reference bounds ${said.value} from ${said.direction === 'atMost' ? 'above' : 'below'} (“${said.written}”), the translation from ${written.direction === 'atMost' ? 'above' : 'below'} (“${written.written}”); check that no “not” was lost`,
      }))
    }
    // A changed modality is the stronger finding, and says the same: not twice for the same sentences (a broken idiom
    // is not the modal's doing, and is said apart).
    const modality = modalityDifferences(referenceText, reference.locale, translationText, translation.locale)
    const overlaps = (a: number[], b: number[]) => a.some((index) => b.includes(index))
    const brokenIn = (bead: SentenceBead) => (bead.reference.some((index) => left[index]!.idioms.length > 0) ? bead.translation.flatMap((index) => right[index]!.broken) : [])
    const halvesIn = (bead: SentenceBead) => (bead.reference.some((index) => left[index]!.choices.length > 0) ? bead.translation.flatMap((index) => right[index]!.halves) : [])
    const quote = (words: string[]) => [...new Set(words.map((word) => `“${word}”`))].join(', ')
    return beads
      .filter((bead) => brokenIn(bead).length > 0 || halvesIn(bead).length > 0 || !modality.some((difference) => overlaps(difference.translation, bead.translation) || overlaps(difference.reference, bead.reference)))
      .map((bead) => {
        const broken = brokenIn(bead)
        const halves = halvesIn(bead)
        if (broken.length === 0 && halves.length > 0) {
          const choices = bead.reference.flatMap((index) => left[index]!.choices)
          return {
            check: 'polarity-mismatch',
            message: `A negated choice lost a negation${where(right, bead.translation)}: the reference negates both sides of ${quote(choices)}, the translation only one side of ${quote(halves)}; check that no “not” was lost`,
          }
        }
        if (broken.length > 0) {
          const idioms = bead.reference.flatMap((index) => left[index]!.idioms)
          return {
            check: 'polarity-mismatch',
            message: `A fixed phrase lost its negation${where(right, bead.translation)}: the translation says ${quote(broken)} where the reference says ${quote(idioms)}; check that no “not” was lost`,
          }
        }
        const lost = bead.reference.flatMap((index) => left[index]!.negatives)
        const kept = bead.translation.flatMap((index) => right[index]!.negatives)
        return {
          check: 'polarity-mismatch',
          message: `Negations differ${where(right, bead.translation)}: ${lost.length} in the reference (${quote(lost)}), ${kept.length} in the translation${kept.length > 0 ? ` (${quote(kept)})` : ''}; check that no “not” was lost`,
        }
      })
  },
}

type Sentences = NegativeSentence[]

/** " in “…”": the translation's sentences that have fewer negations than their counterpart (all of the clause's: none). */
function where(right: Sentences, indices: number[]): string {
  if (indices.length === 0 || indices.length === right.length) return ''
  const text = indices.map((index) => right[index]!.text).join(' ')
  return ` in “${text.length <= 60 ? text : `${text.slice(0, 57)}…`}”`
}

/**
 * The beads of sentences whose translation has fewer negations than its reference, each its own finding (it names its
 * sentence), or that write a negative idiom of the reference without its negation ("but limited to"). Sentences are
 * aligned by length, which may put a clause at the wrong side of a sentence boundary where a translator split or joined
 * sentences: a bead short of a negation is not reported where a neighbouring bead has one more than its reference and
 * one of the two is not one sentence for one ("— it is not sent" become a sentence of its own). Between beads of one
 * sentence each the boundary is sure, and a negation the translator added in one sentence hides no loss in the next.
 * Where the sentences cannot be aligned (too many), the whole clause is one bead.
 */
function droppedIn(left: Sentences, right: Sentences): SentenceBead[] {
  const all = (side: Sentences) => side.map((_, index) => index)
  const beads = alignSentences(
    left.map((sentence) => sentence.text.length),
    right.map((sentence) => sentence.text.length),
  ) ?? [{ reference: all(left), translation: all(right) }]
  const count = (side: Sentences, indices: number[], key: 'negatives' | 'broken' | 'halves' | 'choices' | 'repeats' | 'covers') =>
    indices.reduce((sum, index) => {
      const value = side[index]![key]
      return sum + (typeof value === 'number' ? value : value.length)
    }, 0)
  const idioms = (indices: number[]) => indices.reduce((sum, index) => sum + left[index]!.idioms.length, 0)
  // A negation of the translation repeated over coordinated words stands for one of the reference over a choice
  // ("niet begrijpen of niet bedoeld" for "didn't understand or intend"): one a choice, not more.
  const repeated = (bead: SentenceBead) => Math.min(count(right, bead.translation, 'repeats'), count(left, bead.reference, 'covers'))
  const surplus = beads.map((bead) => count(right, bead.translation, 'negatives') - repeated(bead) - count(left, bead.reference, 'negatives'))
  const single = (bead: SentenceBead) => bead.reference.length === 1 && bead.translation.length === 1
  const out: SentenceBead[] = []
  beads.forEach((bead, at) => {
    const choices = bead.reference.some((index) => left[index]!.choices.length > 0)
    if ((idioms(bead.reference) > 0 && count(right, bead.translation, 'broken') > 0) || (choices && count(right, bead.translation, 'halves') > 0)) {
      out.push(bead)
      return
    }
    let short = -surplus[at]!
    for (const next of [at - 1, at + 1]) {
      if (short <= 0 || next < 0 || next >= beads.length || surplus[next]! <= 0 || (single(bead) && single(beads[next]!))) continue
      const taken = Math.min(short, surplus[next]!)
      surplus[next]! -= taken
      short -= taken
    }
    if (short > 0) out.push(bead)
  })
  return out
}
