// Report pairs whose length ratio is an outlier among the document's pairs (robust z-score of the log ratio).
import type { CheckDefinition } from '../findings.js'

/** Robust z-score beyond which a pair's length ratio is an outlier. */
export const LENGTH_RATIO_LIMIT = 4
/** Texts shorter than this are too short for their ratio to mean anything. */
const MIN_LENGTH = 30

export const lengthRatio: CheckDefinition = {
  id: 'length-ratio',
  severity: 'warning',
  summary: 'The translation is much longer or shorter than the document’s usual ratio suggests (a part left out or added).',
  example: {
    reference:
      '## Data\n\n- Keep your API access credentials private and never share them.\n- Do not store any information accessed through the API, except statistics about your own campaigns.\n- Do not combine information from different accounts with each other.\n- Do not sell information from our API to anyone, including advertisers.\n- Give clear notice to everyone you collect data from, and gather consent.\n',
    translation:
      '## Gegevens\n\n- Houd je API-inloggegevens geheim en deel ze nooit.\n- Sla geen API-gegevens op.\n- Voeg geen gegevens van verschillende accounts met elkaar samen.\n- Verkoop geen gegevens van onze API aan anderen, ook niet aan adverteerders.\n- Informeer iedereen van wie je gegevens verzamelt duidelijk en vraag toestemming.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim en deel ze nooit.\n- Sla geen gegevens op die je via de API hebt verkregen, behalve statistieken over je eigen campagnes.\n- Voeg geen gegevens van verschillende accounts met elkaar samen.\n- Verkoop geen gegevens van onze API aan anderen, ook niet aan adverteerders.\n- Informeer iedereen van wie je gegevens verzamelt duidelijk en vraag toestemming.\n',
  },
  pair: ({ referenceText, translationText, ratio }) => {
    if (referenceText.length < MIN_LENGTH || ratio.mad === 0) return []
    const log = Math.log(Math.max(1, translationText.length) / referenceText.length)
    const z = (0.6745 * (log - ratio.median)) / ratio.mad
    if (Math.abs(z) <= LENGTH_RATIO_LIMIT) return []
    const times = Math.exp(log - ratio.median)
    return [
      {
        check: 'length-ratio',
        message: `Length ratio is an outlier: the translation is ${times < 1 ? `${(1 / times).toFixed(1)} times shorter` : `${times.toFixed(1)} times longer`} than usual`,
        side: 'translation',
      },
    ]
  },
}
