// Report URLs, domains, e-mail addresses and link targets that differ between the two texts of a pair.
import type { CheckDefinition } from '../findings.js'
import { links } from '../numbers.js'
import { type Target, targetsOf, visibleKey } from './link-targets.js'
import { differences } from './number-mismatch.js'

export const urlMismatch: CheckDefinition = {
  id: 'url-mismatch',
  severity: 'error',
  summary:
    'A URL, domain, e-mail address or link target in one text is missing or different in the other (a target in another language, `/en-US/` against `/nl/` or `?hl=nl`, is the same link).',
  example: {
    reference: '## Opting out\n\n- Give instructions, for example through optout.aboutads.info or our [privacy notice](https://www.mozilla.org/en-US/privacy/).\n',
    translation: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.info of onze [privacyverklaring](https://www.mozilla.org/nl/privacy/firefox/).\n',
    ok: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.info of onze [privacyverklaring](https://www.mozilla.org/nl/privacy/).\n',
  },
  pair: ({ referenceText, translationText, reference, translation, pair, movedLinks }) => {
    const messages: string[] = []
    const visible = differences('Links', links(referenceText).map(visibleKey), links(translationText).map(visibleKey))
    if (visible) messages.push(visible)
    // A target the document holds as often in both texts but in another clause moved: link-order reports it.
    const compared = (targets: Target[]) => (movedLinks ? targets.filter((target) => !movedLinks.has(target.key)) : targets)
    const left = compared(targetsOf(reference, pair.reference))
    const right = compared(targetsOf(translation, pair.translation))
    if (left.length > 0 || right.length > 0) {
      const written = new Map<string, string>()
      for (const target of [...right, ...left]) written.set(target.key, target.written)
      const targets = differences(
        'Link targets',
        left.map((target) => target.key),
        right.map((target) => target.key),
        (key) => `<${written.get(key)!}>`,
      )
      if (targets) messages.push(targets)
    }
    return messages.length > 0 ? [{ check: 'url-mismatch', message: messages.join('. ') }] : []
  },
}
