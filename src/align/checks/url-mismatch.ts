// Report URLs, domains and e-mail addresses that differ between the two texts of a pair.
import type { CheckDefinition } from '../findings.js'
import { links } from '../numbers.js'
import { difference } from './number-mismatch.js'

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
    const left = links(referenceText)
    const right = links(translationText)
    const missing = difference(left, right)
    const extra = difference(right, left)
    if (missing.length === 0 && extra.length === 0) return []
    const parts = []
    if (missing.length > 0) parts.push(`${missing.join(', ')} missing from the translation`)
    if (extra.length > 0) parts.push(`${extra.join(', ')} not in the reference`)
    return [{ check: 'url-mismatch', message: `Links differ: ${parts.join('; ')}` }]
  },
}
