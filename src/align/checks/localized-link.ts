// Report a link (target, or URL or domain written in the text) that is the reference's in another language: the same
// link but for a language segment of its path, a language host label or a language query parameter. A warning: a
// translation usually links the page in its own language, and the message says whether this one does.
//
// The links of the two texts of a pair are paired by their language-free key (link-targets.ts, as url-mismatch pairs
// them); a pair whose located keys (language kept) differ is a localized link. A link written in the text that is also
// a link's target (`[mozilla.org/nl/](https://mozilla.org/nl/)`) is reported once.
import type { CheckDefinition, Side } from '../findings.js'
import { links } from '../numbers.js'
import { type Target, localizedPairs, targetsOf, visibleTarget } from './link-targets.js'

export const localizedLink: CheckDefinition = {
  id: 'localized-link',
  severity: 'warning',
  summary:
    'A link or URL is the reference’s in another language (`/en-US/` against `/nl/`, `?hl=nl`, `surf.nl/en/x` against `surf.nl/x`, `en.wikipedia.org` against `nl.wikipedia.org`): usually intended when it is the translation’s own language; the message says which language the translation’s link is in.',
  example: {
    reference: '## Crash reports\n\n- Read how to [turn off crash reports](https://support.mozilla.org/kb/ios-crash-reports-pref) in the settings.\n',
    translation: '## Crashrapporten\n\n- Lees hoe u [crashrapporten uitschakelt](https://support.mozilla.org/de/kb/ios-crash-reports-pref) in de instellingen.\n',
    ok: '## Crashrapporten\n\n- Lees hoe u [crashrapporten uitschakelt](https://support.mozilla.org/kb/ios-crash-reports-pref) in de instellingen.\n',
  },
  pair: ({ referenceText, translationText, reference, translation, pair }) => {
    const targets = localizedPairs(targetsOf(reference, pair.reference), targetsOf(translation, pair.translation))
    const visible = localizedPairs(links(referenceText).map(visibleTarget), links(translationText).map(visibleTarget))
    // A URL written as a link's text is that link's target, already paired.
    const seen = new Set(targets.map(([left, right]) => `${left.located}\0${right.located}`))
    const found = [...targets, ...visible.filter(([left, right]) => !seen.has(`${left.located}\0${right.located}`))]
    if (found.length === 0) return []
    return [{ check: 'localized-link', message: found.map(([left, right]) => localizedMessage(left, right, reference, translation)).join('. ') }]
  },
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/** The language of a tag or locale (`en-us`, `pt_BR`, `nl`), lowercase. */
function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/, 1)[0]!
}

/** A language's English name (`Dutch`), or its code where it has none. */
function nameOf(code: string): string {
  try {
    return NAMES.of(code) ?? code
  } catch {
    return code
  }
}

/** What a translator reads of one localized link: both links, and what the translation's language is. */
function localizedMessage(referenceTarget: Target, translationTarget: Target, reference: Pick<Side, 'locale'>, translation: Pick<Side, 'locale'>): string {
  const head = `Localized link: <${referenceTarget.written}> in the reference, <${translationTarget.written}> in the translation`
  const own = primary(translation.locale)
  const ownName = nameOf(own)
  const linked = translationTarget.language === undefined ? undefined : primary(translationTarget.language)
  if (linked === own) return `${head}: it opens the ${ownName} page, the translation’s own language, as is usual; check that the page exists in ${ownName}`
  if (linked === undefined) return `${head}: the translation’s link names no language, so the site chooses one; link the ${ownName} page if there is one`
  const which = linked === primary(reference.locale) ? `${nameOf(linked)} (the reference’s language)` : nameOf(linked)
  return `${head}: it opens the page in ${which}, not in ${ownName}, the translation’s language; link the ${ownName} page, or the reference’s link`
}
