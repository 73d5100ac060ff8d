// Report pairs whose deontic force differs: the reference obliges, forbids or permits where the translation does
// something else, read from every main clause of both texts (src/modality/deontic.ts).
import { deonticSentences, type DeonticMarker } from '../../modality/deontic.js'
import { alignSentences, type SentenceBead } from '../../text/sentence-align.js'
import type { Modality } from '../../modality/lexicon.js'
import type { CheckDefinition } from '../findings.js'

const VERB: Record<Modality, string> = { obligation: 'obliges', prohibition: 'forbids', permission: 'permits' }

/**
 * A difference is an error where one side forbids and the other permits or obliges, both with a modal verb; a
 * difference between obliging and permitting, or one read from a verb or adverb, is a warning (see `certain`).
 */
export const modalityMismatch: CheckDefinition = {
  id: 'modality-mismatch',
  needsLanguage: true,
  severity: 'error',
  summary:
    'The deontic force differs: the reference obliges, forbids or permits (must / moet, must not / mag niet, may / mag, only / alleen …) where the translation does something else. Statements of liability or fact (“will not be liable”, “cannot guarantee”) and possibilities (“may need to”) are not read as duties. An error where one side forbids and the other permits or obliges, both with a modal verb; a warning for must against may, or a force read from a verb or adverb (“agree to”, “only”).',
  example: {
    reference: '## Data\n\n- You may not store information accessed through the API.\n',
    translation: '## Gegevens\n\n- Je mag gegevens opslaan die je via de API hebt verkregen.\n',
    ok: '## Gegevens\n\n- Je mag geen gegevens opslaan die je via de API hebt verkregen.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const difference = modalityDifference(referenceText, reference.locale, translationText, translation.locale)
    if (!difference) return []
    return [{ check: 'modality-mismatch', message: difference.message, ...(difference.certain ? {} : { severity: 'warning' as const }) }]
  },
}

/** A difference in force between a text and its translation, and whether it is certain. */
export interface ModalityDifference {
  message: string
  /**
   * Certain: one side forbids where the other permits or obliges, each said with a modal verb ("may not" / "mag").
   * Otherwise a signal (a warning): must against may ("should" / "pouvez"), or a force read from a verb or adverb
   * ("agree to", "only").
   */
  certain: boolean
}

/**
 * How a text and its translation disagree in force, sentence by sentence (the sentences aligned by length, so a
 * translator's split or joined sentence still meets its counterpart), or undefined; the most certain difference when
 * there are several. Where the sentences cannot be aligned (too many), the texts are compared as a whole.
 */
export function modalityDifference(referenceText: string, referenceLocale: string, translationText: string, translationLocale: string): ModalityDifference | undefined {
  const found = modalityDifferences(referenceText, referenceLocale, translationText, translationLocale)
  return found.find((difference) => difference.certain) ?? found[0]
}

/**
 * Every difference in force of two texts, one a pair of aligned sentences, each with the sentences it is in (indices
 * into the sentences of each side, as `negativeSentences` cuts them too).
 */
export function modalityDifferences(
  referenceText: string,
  referenceLocale: string,
  translationText: string,
  translationLocale: string,
): Array<ModalityDifference & SentenceBead> {
  const left = deonticSentences(referenceText, referenceLocale)
  const right = deonticSentences(translationText, translationLocale)
  if (!left || !right) return []
  const beads = alignSentences(
    left.map((sentence) => sentence.text.length),
    right.map((sentence) => sentence.text.length),
  ) ?? [{ reference: left.map((_, index) => index), translation: right.map((_, index) => index) }]
  return beads.flatMap((bead) => {
    const difference = disagreement(
      bead.reference.flatMap((index) => left[index]!.markers),
      bead.translation.flatMap((index) => right[index]!.markers),
    )
    return difference ? [{ ...difference, ...bead }] : []
  })
}

/**
 * How two texts disagree in force, or undefined: only where a force of the reference is missing from the translation
 * AND the translation has a force the reference lacks (a substitution, such as a prohibition become a permission). A
 * force only one side reads is no contradiction: languages say the same with and without a modal verb.
 */
export function disagreement(reference: readonly DeonticMarker[], translation: readonly DeonticMarker[]): ModalityDifference | undefined {
  const forces = (markers: readonly DeonticMarker[]) => new Set(markers.map((marker) => marker.force))
  const left = forces(reference)
  const right = forces(translation)
  const lost = [...left].filter((force) => !right.has(force))
  const gained = [...right].filter((force) => !left.has(force))
  if (lost.length === 0 || gained.length === 0) return undefined
  const words = (markers: readonly DeonticMarker[], force: Modality) =>
    [...new Set(markers.filter((marker) => marker.force === force).map((marker) => `“${marker.words}”`))].join(', ')
  const said = (markers: readonly DeonticMarker[], list: Modality[]) => list.map((force) => `${VERB[force]} (${words(markers, force)})`).join(' and ')
  const modal = (markers: readonly DeonticMarker[], list: Modality[]) => markers.some((marker) => marker.modal && list.includes(marker.force))
  const polarity = lost.includes('prohibition') || gained.includes('prohibition')
  const certain = polarity && modal(reference, lost) && modal(translation, gained)
  const advice = polarity ? 'check the modal verb and its negation' : 'check whether the translation obliges or only permits'
  return { message: `Modality differs: the reference ${said(reference, lost)}, the translation ${said(translation, gained)} instead; ${advice}`, certain }
}
