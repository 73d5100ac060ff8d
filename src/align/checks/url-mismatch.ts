// Report URLs, domains, e-mail addresses and link targets that differ between the two texts of a pair, and links of the
// translation that do not point where their visible text (a URL, domain or address) says, where the reference's do.
import type { CheckDefinition, Side } from '../findings.js'
import { links } from '../numbers.js'
import { type Target, type TextLink, textLinksOf, targetsOf, visibleKey } from './link-targets.js'
import { differences } from './number-mismatch.js'

export const urlMismatch: CheckDefinition = {
  id: 'url-mismatch',
  severity: 'error',
  summary:
    'A URL, domain, e-mail address or link target in one text is missing or different in the other, or a link whose text is a URL or address points elsewhere than its text says where the reference’s does not (the same link in another language, `/en-US/` against `/nl/` or `?hl=nl`, is `localized-link`’s warning).',
  example: {
    reference: '## Opting out\n\n- Give instructions, for example through optout.aboutads.info or our [privacy notice](https://www.mozilla.org/privacy/).\n',
    translation: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.info of onze [privacyverklaring](https://www.mozilla.org/privacy/firefox/).\n',
    ok: '## Afmelden\n\n- Geef instructies, bijvoorbeeld via optout.aboutads.info of onze [privacyverklaring](https://www.mozilla.org/privacy/).\n',
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
    messages.push(...misleadingLinks(reference, pair.reference, translation, pair.translation))
    return messages.length > 0 ? [{ check: 'url-mismatch', message: messages.join('. ') }] : []
  },
}

/**
 * The translation's links whose text is a URL, domain or e-mail address and whose target is elsewhere (`[www.mozilla.org]
 * (https://evil.example)`), where the reference has a link of the same text that points where it says and none of
 * that text to the same elsewhere (a reference that links `[mozilla.org]` to a page of it is followed, not reported).
 */
function misleadingLinks(reference: Side, referenceIndices: readonly number[], translation: Side, translationIndices: readonly number[]): string[] {
  const translated = textLinksOf(translation, translationIndices).filter((link) => !link.agrees)
  if (translated.length === 0) return []
  // The reference's links by the key of their text: the first that points where it says, and every target's key.
  const original = new Map<string, { right: TextLink | undefined; targets: Set<string> }>()
  for (const link of textLinksOf(reference, referenceIndices)) {
    let entry = original.get(link.textKey)
    if (!entry) original.set(link.textKey, (entry = { right: undefined, targets: new Set() }))
    if (link.agrees) entry.right ??= link
    entry.targets.add(link.target.key)
  }
  const messages: string[] = []
  for (const link of translated) {
    const entry = original.get(link.textKey)
    if (!entry?.right || entry.targets.has(link.target.key)) continue
    messages.push(`Link “${link.text}” goes to <${link.target.written}>, not where its text says; the reference’s goes to <${entry.right.target.written}>`)
  }
  return messages
}
