// Report pairs whose deontic force differs: an obligation, prohibition or permission in one language and not the other.
import type { CheckDefinition } from '../findings.js'

export const modalityMismatch: CheckDefinition = {
  id: 'modality-mismatch',
  needsLanguage: true,
  severity: 'error',
  summary: 'The deontic force differs (must / moet, must not / mag niet, may / mag, only / alleen …), read from each text and the lead-in it hangs under.',
  example: {
    reference: '## Data\n\n- You may not store information accessed through the API.\n',
    translation: '## Gegevens\n\n- Je mag gegevens opslaan die je via de API hebt verkregen.\n',
    ok: '## Gegevens\n\n- Je mag geen gegevens opslaan die je via de API hebt verkregen.\n',
  },
  pair: ({ reference, translation, pair }) => {
    const left = reference.kinds[pair.reference[0]!]!
    const right = translation.kinds[pair.translation[0]!]!
    if (left === right) return []
    // A clause whose force only one language's lexicon can read is not a contradiction.
    if (left === 'informative' || right === 'informative') return []
    return [{ check: 'modality-mismatch', message: `Modality differs: ${left} in the reference, ${right} in the translation` }]
  },
}
