// Report URLs, domains and e-mail addresses that differ between the two texts of a pair.
import type { CheckDefinition } from '../findings.js'
import { links } from '../numbers.js'
import { differences } from './number-mismatch.js'

export const urlMismatch: CheckDefinition = {
  id: 'url-mismatch',
  severity: 'error',
  summary: 'A URL, domain or e-mail address in one text is missing or different in the other.',
  example: {
    reference: '## Opting out\n\n- Give instructions, for example through optout.aboutads.info.\n',
    translation: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.nl.\n',
    ok: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.info.\n',
  },
  pair: ({ referenceText, translationText }) => {
    const message = differences('Links', links(referenceText), links(translationText))
    return message ? [{ check: 'url-mismatch', message }] : []
  },
}
