// Link targets on Mozilla's published legal documents (test/fixtures/corpus, with their attribution): no
// url-mismatch, localized-link or link-order finding on the translations as published (Mozilla's own l10n linter passes
// them, and they link no page in a language), and each change of a link planted in a copy of a translation found once,
// at its clause: a changed target an error, the same target in another language a warning.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareDocuments } from '../../src/align/compare.js'
import type { Finding } from '../../src/align/findings.js'
import { readGlossary } from '../../src/align/glossary.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT, run, tempProject } from '../helpers.js'

const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')
const glossary = await readGlossary(join(ROOT, 'locales/glossary.json'), 'locales/glossary.json')
const LINK_CHECKS = new Set(['url-mismatch', 'localized-link', 'link-order'])

const PAIRS: Array<[locale: string, document: string]> = [
  ['nl', 'focus_privacy_notice'],
  ['nl', 'pocket_tos'],
  ['nl', 'report_infringement'],
  ['nl', 'firefox_cloud_services_tos'],
  ['de', 'firefox_cloud_services_tos'],
  ['fr', 'firefox_cloud_services_tos'],
]

const read = (locale: string, document: string) => readFile(join(CORPUS, locale, `${document}.md`), 'utf8')

function compare(document: string, locale: string, reference: string, translation: string): Finding[] {
  return compareDocuments({
    reference: parseMarkdown(reference, `en/${document}.md`),
    referenceLocale: 'en',
    translation: parseMarkdown(translation, `${locale}/${document}.md`),
    translationLocale: locale,
    useIds: false,
    glossary,
  })
}

/** The link findings: check, line in the translation, message, and (for a warning) its severity. */
const linkFindings = (findings: readonly Finding[]) =>
  findings
    .filter((finding) => LINK_CHECKS.has(finding.ruleId))
    .map((finding) => ({ check: finding.ruleId, line: finding.line, message: finding.reason, ...(finding.fatal ? {} : { warning: true }) }))
/** Every finding but its message, to see that a planted change of a link changes nothing else. */
const others = (findings: readonly Finding[]) => findings.filter((finding) => !LINK_CHECKS.has(finding.ruleId)).map((finding) => `${finding.ruleId}:${finding.line}`)

describe('links of the published translations', () => {
  it.each(PAIRS)('%s/%s.md: no url-mismatch, localized-link or link-order finding', async (locale, document) => {
    const reference = await read('en', document)
    const translation = await read(locale, document)
    const links = parseMarkdown(translation, `${locale}/${document}.md`).blocks.flatMap((block) => block.links ?? [])
    expect(links.length).toBeGreaterThan(3)
    expect(linkFindings(compare(document, locale, reference, translation))).toEqual([])
  })

  it('diptych align reports none on them either', async () => {
    for (const [locale, document] of PAIRS.slice(0, 2)) {
      const { stdout } = await run(['align', join(CORPUS, 'en', `${document}.md`), join(CORPUS, locale, `${document}.md`), '--format', 'json', '--glossary', join(ROOT, 'locales/glossary.json')])
      const findings = (JSON.parse(stdout) as { findings: Array<{ check: string }> }).findings
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.filter((finding) => LINK_CHECKS.has(finding.check))).toEqual([])
    }
  })
})

/** A planted change: the document, the translation's locale, the change of its text, and the one finding expected. */
interface Plant {
  name: string
  locale: string
  document: string
  change: (text: string) => string
  check: 'url-mismatch' | 'localized-link' | 'link-order'
  /** A text of the line the finding is at, in the translation. */
  at: string
  message: RegExp
}

/** Replace `from` (which must occur exactly once) with `to`. */
const once = (from: string, to: string) => (text: string) => {
  expect(text.split(from), `“${from}” once`).toHaveLength(2)
  return text.replace(from, to)
}
/** Swap two texts that each occur exactly once. */
const swap = (a: string, b: string) => (text: string) => once(b, a)(once(a, '\u0000')(text)).replace('\u0000', b)

const PLANTS: Plant[] = [
  {
    name: 'a target changed',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('(https://support.mozilla.org/kb/does-firefox-share-my-location-websites)', '(https://support.mozilla.org/kb/firefox-location-services)'),
    check: 'url-mismatch',
    at: '[locatiemachtigingen]',
    message: /^Link targets differ: <https:\/\/support\.mozilla\.org\/kb\/does-firefox-share-my-location-websites> missing from the translation; <https:\/\/support\.mozilla\.org\/kb\/firefox-location-services> not in the reference$/,
  },
  {
    name: 'a link dropped (its text kept)',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('[instellingen voor gegevensverzameling](https://support.mozilla.org/kb/send-usage-data-firefox-mobile-browsers)', 'instellingen voor gegevensverzameling'),
    check: 'url-mismatch',
    at: 'U kunt uw instellingen voor gegevensverzameling op elk',
    message: /^Link targets differ: <https:\/\/support\.mozilla\.org\/kb\/send-usage-data-firefox-mobile-browsers> missing from the translation$/,
  },
  {
    name: 'a link added',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('andere navigatiegegevens', '[andere navigatiegegevens](https://www.mozilla.org/firefox/browsers/)'),
    check: 'url-mismatch',
    at: '[Mozilla Crash Reporter]',
    message: /^Link targets differ: <https:\/\/www\.mozilla\.org\/firefox\/browsers\/> not in the reference$/,
  },
  {
    name: 'an in-page anchor changed',
    locale: 'nl',
    document: 'pocket_tos',
    change: once('[Licentieverlening](#grant)', '[Licentieverlening](#Grant)'),
    check: 'url-mismatch',
    at: '[Licentieverlening]',
    message: /^Link targets differ: <#grant> missing from the translation; <#Grant> not in the reference$/,
  },
  {
    name: 'a mailto: address changed',
    locale: 'nl',
    document: 'report_infringement',
    change: (text) => text.replace(/\(mailto:dmcanotice@mozilla\.com\)/, '(mailto:dmca@mozilla.com)'),
    check: 'url-mismatch',
    at: '(mailto:dmca@mozilla.com)',
    // The link's text is the address it should mail: both the changed target and the text it no longer matches.
    message:
      /^Link targets differ: <mailto:dmcanotice@mozilla\.com> missing from the translation; <mailto:dmca@mozilla\.com> not in the reference\. Link “dmcanotice@mozilla\.com” goes to <mailto:dmca@mozilla\.com>, not where its text says; the reference’s goes to <mailto:dmcanotice@mozilla\.com>$/,
  },
  {
    name: 'a link whose text is its URL pointed elsewhere',
    locale: 'nl',
    document: 'pocket_tos',
    change: once('[https://www.jamsadr.com](https://www.jamsadr.com)', '[https://www.jamsadr.com](https://www.adr.org)'),
    check: 'url-mismatch',
    at: '[https://www.jamsadr.com](https://www.adr.org)',
    message: /^Link targets differ: <https:\/\/www\.jamsadr\.com> missing from the translation; <https:\/\/www\.adr\.org> not in the reference\. Link “https:\/\/www\.jamsadr\.com” goes to <https:\/\/www\.adr\.org>, not where its text says; the reference’s goes to <https:\/\/www\.jamsadr\.com>$/,
  },
  {
    name: 'a link to the page in the translation’s language',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('(https://support.mozilla.org/kb/ios-crash-reports-pref)', '(https://support.mozilla.org/nl/kb/ios-crash-reports-pref)'),
    check: 'localized-link',
    at: '(https://support.mozilla.org/nl/kb/ios-crash-reports-pref)',
    message:
      /^Localized link: <https:\/\/support\.mozilla\.org\/kb\/ios-crash-reports-pref> in the reference, <https:\/\/support\.mozilla\.org\/nl\/kb\/ios-crash-reports-pref> in the translation: it opens the Dutch page, the translation’s own language, as is usual; check that the page exists in Dutch$/,
  },
  {
    name: 'a language parameter of the reference’s language',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('(https://policies.google.com/privacy)', '(https://policies.google.com/privacy?hl=en)'),
    check: 'localized-link',
    at: '(https://policies.google.com/privacy?hl=en)',
    message: /^Localized link: <https:\/\/policies\.google\.com\/privacy> in the reference, <https:\/\/policies\.google\.com\/privacy\?hl=en> in the translation: it opens the page in English \(the reference’s language\), not in Dutch, the translation’s language; link the Dutch page, or the reference’s link$/,
  },
  {
    name: 'a link to the page in German',
    locale: 'de',
    document: 'firefox_cloud_services_tos',
    change: once('(https://www.mozilla.org/privacy/firefox-relay/)', '(https://www.mozilla.org/de/privacy/firefox-relay/)'),
    check: 'localized-link',
    at: '(https://www.mozilla.org/de/privacy/firefox-relay/)',
    message: /in the translation: it opens the German page, the translation’s own language, as is usual; check that the page exists in German$/,
  },
  {
    name: 'a link to the German page in the French translation',
    locale: 'fr',
    document: 'firefox_cloud_services_tos',
    change: once('(https://www.mozilla.org/privacy/mozilla-vpn/)', '(https://www.mozilla.org/de/privacy/mozilla-vpn/)'),
    check: 'localized-link',
    at: '(https://www.mozilla.org/de/privacy/mozilla-vpn/)',
    message: /in the translation: it opens the page in German, not in French, the translation’s language; link the French page, or the reference’s link$/,
  },
  {
    name: 'two links swapped between paragraphs',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: swap('(https://support.mozilla.org/kb/ios-crash-reports-pref)', '(https://support.mozilla.org/kb/how-does-phishing-and-malware-protection-work)'),
    check: 'link-order',
    at: '[Mozilla Crash Reporter]',
    message: /^Links in another order than in the reference: <https:\/\/support\.mozilla\.org\/kb\/how-does-phishing-and-malware-protection-work>, <https:\/\/support\.mozilla\.org\/kb\/ios-crash-reports-pref> where the reference has <https:\/\/support\.mozilla\.org\/kb\/ios-crash-reports-pref>, <https:\/\/support\.mozilla\.org\/kb\/how-does-phishing-and-malware-protection-work>$/,
  },
  {
    name: 'two links swapped between list items (a table of contents)',
    locale: 'nl',
    document: 'pocket_tos',
    change: swap('(#ownership)', '(#restrictions)'),
    check: 'link-order',
    at: '[Eigendom]',
    message: /^Links in another order than in the reference: <#restrictions>, <#ownership> where the reference has <#ownership>, <#restrictions>$/,
  },
  {
    name: 'two links swapped within one clause',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: swap('(https://dictionary.telemetry.mozilla.org/apps/focus_ios)', '(https://dictionary.telemetry.mozilla.org/apps/klar_android)'),
    check: 'link-order',
    at: '[Focus onder Android](https://dictionary.telemetry.mozilla.org/apps/focus_android),',
    message: /^Links in another order than in the reference: <[^>]+klar_android>, <[^>]+focus_ios> where the reference has <[^>]+focus_ios>, <[^>]+klar_android>$/,
  },
  {
    name: 'http:// where the reference has https://',
    locale: 'nl',
    document: 'focus_privacy_notice',
    change: once('(https://wiki.mozilla.org/Security/DOH-resolver-policy)', '(http://wiki.mozilla.org/Security/DOH-resolver-policy)'),
    check: 'link-order',
    at: '[strikte privacynormen',
    message: /^Link target <http:\/\/wiki\.mozilla\.org\/Security\/DOH-resolver-policy> where the reference has <https:\/\/wiki\.mozilla\.org\/Security\/DOH-resolver-policy>$/,
  },
  {
    name: 'http:// in German',
    locale: 'de',
    document: 'firefox_cloud_services_tos',
    change: once('(https://haveibeenpwned.com/)', '(http://haveibeenpwned.com/)'),
    check: 'link-order',
    at: '[Have I Been Pwned?]',
    message: /^Link target <http:\/\/haveibeenpwned\.com\/> where the reference has <https:\/\/haveibeenpwned\.com\/>$/,
  },
  {
    name: 'a link swapped into the next paragraph in French',
    locale: 'fr',
    document: 'firefox_cloud_services_tos',
    change: swap('(https://mullvad.net/)', '(https://haveibeenpwned.com/)'),
    check: 'link-order',
    at: '(https://haveibeenpwned.com/)',
    message: /^Links in another order than in the reference: <https:\/\/haveibeenpwned\.com\/>, <https:\/\/mullvad\.net\/> where the reference has <https:\/\/mullvad\.net\/>, <https:\/\/haveibeenpwned\.com\/>$/,
  },
]

describe('a change of a link planted in a published translation', () => {
  it.each(PLANTS.map((plant) => [plant.name, plant] as const))('%s: one finding, at its clause', async (_, plant) => {
    const reference = await read('en', plant.document)
    const published = await read(plant.locale, plant.document)
    const planted = plant.change(published)
    expect(planted).not.toBe(published)
    const before = compare(plant.document, plant.locale, reference, published)
    const after = compare(plant.document, plant.locale, reference, planted)
    const line = planted.split('\n').findIndex((text) => text.includes(plant.at)) + 1
    expect(line).toBeGreaterThan(0)
    const found = linkFindings(after)
    const warning = plant.check === 'localized-link' ? { warning: true } : {}
    expect(found).toEqual([{ check: plant.check, line, message: expect.stringMatching(plant.message) as unknown as string, ...warning }])
    // Nothing else changes: the other checks read the text, and the text is the same.
    expect(others(after)).toEqual(others(before))
  })

  it('two addresses swapped between paragraphs, their texts kept: link-order’s run, and each link an error where its text names the other address', async () => {
    const reference = await read('en', 'focus_privacy_notice')
    const published = await read('nl', 'focus_privacy_notice')
    const dpo = '(via [dpo@mozilla.com](mailto:dpo@mozilla.com))'
    const compliance = '[compliance@mozilla.com](mailto:compliance@mozilla.com)'
    const planted = once(compliance, '[compliance@mozilla.com](mailto:dpo@mozilla.com)')(once(dpo, '(via [dpo@mozilla.com](mailto:compliance@mozilla.com))')(published))
    const line = (text: string) => planted.split('\n').findIndex((candidate) => candidate.includes(text)) + 1
    const at = { dpo: line('(mailto:compliance@mozilla.com))'), compliance: line('[compliance@mozilla.com](mailto:dpo@mozilla.com)') }
    expect(at.compliance).toBeGreaterThan(at.dpo)
    const found = linkFindings(compare('focus_privacy_notice', 'nl', reference, planted))
    expect(found.map((finding) => [finding.check, finding.line])).toEqual([
      ['link-order', at.dpo],
      ['url-mismatch', at.dpo],
      ['url-mismatch', at.compliance],
    ])
    expect(found[1]!.message).toBe('Link “dpo@mozilla.com” goes to <mailto:compliance@mozilla.com>, not where its text says; the reference’s goes to <mailto:dpo@mozilla.com>')
    expect(found[2]!.message).toBe('Link “compliance@mozilla.com” goes to <mailto:dpo@mozilla.com>, not where its text says; the reference’s goes to <mailto:compliance@mozilla.com>')
  })

  it('a link whose text names a site but points into it, as the reference’s does, is followed: [Amazon.com](…/gp/help/…) is not reported', async () => {
    const reference = await read('en', 'focus_privacy_notice')
    const translation = await read('nl', 'focus_privacy_notice')
    const link = '[Amazon.com](https://www.amazon.com/gp/help/customer/display.html?nodeId=GX7NJQ4ZB8MHFRNJ)'
    expect(reference).toContain(link)
    expect(translation).toContain(link)
    expect(linkFindings(compare('focus_privacy_notice', 'nl', reference, translation))).toEqual([])
  })

  it('localised targets are the same links (no error), each a localized-link warning: /nl/ in the path, ?hl=nl, a language subdomain', async () => {
    const reference = await read('en', 'focus_privacy_notice')
    let translation = await read('nl', 'focus_privacy_notice')
    translation = translation.replaceAll('(https://support.mozilla.org/kb/', '(https://support.mozilla.org/nl/kb/')
    translation = once('(https://policies.google.com/privacy)', '(https://policies.google.com/privacy?hl=nl)')(translation)
    translation = once('(https://foundation.wikimedia.org/wiki/Policy:Privacy_policy)', '(https://nl.foundation.wikimedia.org/wiki/Policy:Privacy_policy)')(translation)
    translation = once('(https://www.edpb.europa.eu/about-edpb/about-edpb/members_en)', '(https://edpb.europa.eu/nl/about-edpb/about-edpb/members_en/)')(translation)
    const found = linkFindings(compare('focus_privacy_notice', 'nl', reference, translation))
    expect(found.filter((finding) => !finding.warning)).toEqual([])
    // One warning a clause, each of its localized links named, each the Dutch page: the translation's own language.
    const localized = [...translation.matchAll(/\((https:\/\/(?:support\.mozilla\.org\/nl\/kb\/|policies\.google\.com\/privacy\?hl=nl|nl\.foundation|edpb\.europa\.eu\/nl\/)[^)]*)\)/g)]
    const lines = new Set(localized.map((match) => translation.slice(0, match.index).split('\n').length))
    expect(localized.length).toBeGreaterThan(lines.size)
    expect(found.map((finding) => [finding.check, finding.line])).toEqual([...lines].sort((a, b) => a - b).map((line) => ['localized-link', line]))
    const messages = found.flatMap((finding) => finding.message.split(/\. (?=Localized link:)/))
    expect(messages).toHaveLength(localized.length)
    for (const message of messages) expect(message).toMatch(/ in the translation: it opens the Dutch page, the translation’s own language, as is usual; check that the page exists in Dutch$/)
    expect(messages.map((message) => /<([^>]+)> in the translation/.exec(message)![1])).toEqual(localized.map((match) => match[1]))
  })
})

describe('align on two arbitrary files', () => {
  it('uses no glossary unless one is named: the project glossary is not applied to documents it was not written for', async () => {
    const root = await tempProject({ locales: true })
    const reference = join(CORPUS, 'en/firefox_cloud_services_tos.md')
    const translation = join(CORPUS, 'nl/firefox_cloud_services_tos.md')
    const terms = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ check: string }> }).findings.filter((finding) => finding.check === 'term-mismatch').length
    // In a project that has a glossary (the Pinterest one), without --glossary: no term findings…
    expect(terms((await run(['align', reference, translation, '--format', 'json', '--root', root], root)).stdout)).toBe(0)
    // …and with it named, the Pinterest terms are checked (and, on a Mozilla document, wrongly fire).
    expect(terms((await run(['align', reference, translation, '--format', 'json', '--root', root, '--glossary', join(root, 'locales/glossary.json')], root)).stdout)).toBeGreaterThan(0)
  }, 60_000)
})
