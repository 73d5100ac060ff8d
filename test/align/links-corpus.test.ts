// Link targets on Mozilla's published legal documents (test/fixtures/corpus, with their attribution): no
// url-mismatch or link-order finding on the translations as published (Mozilla's own l10n linter passes them), and
// each change of a link planted in a copy of a translation found once, at its clause.
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
const LINK_CHECKS = new Set(['url-mismatch', 'link-order'])

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

/** The link findings: check, line in the translation, line in the reference, message. */
const linkFindings = (findings: readonly Finding[]) =>
  findings.filter((finding) => LINK_CHECKS.has(finding.ruleId)).map((finding) => ({ check: finding.ruleId, line: finding.line, message: finding.reason }))
/** Every finding but its message, to see that a planted change of a link changes nothing else. */
const others = (findings: readonly Finding[]) => findings.filter((finding) => !LINK_CHECKS.has(finding.ruleId)).map((finding) => `${finding.ruleId}:${finding.line}`)

describe('links of the published translations', () => {
  it.each(PAIRS)('%s/%s.md: no url-mismatch or link-order finding', async (locale, document) => {
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
  check: 'url-mismatch' | 'link-order'
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
    message: /^Link targets differ: <mailto:dmcanotice@mozilla\.com> missing from the translation; <mailto:dmca@mozilla\.com> not in the reference$/,
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
    expect(found).toEqual([{ check: plant.check, line, message: expect.stringMatching(plant.message) as unknown as string }])
    // Nothing else changes: the other checks read the text, and the text is the same.
    expect(others(after)).toEqual(others(before))
  })

  it('localised targets are the same links: /nl/ in the path, ?hl=nl, a language subdomain', async () => {
    const reference = await read('en', 'focus_privacy_notice')
    let translation = await read('nl', 'focus_privacy_notice')
    translation = translation.replaceAll('(https://support.mozilla.org/kb/', '(https://support.mozilla.org/nl/kb/')
    translation = once('(https://policies.google.com/privacy)', '(https://policies.google.com/privacy?hl=nl)')(translation)
    translation = once('(https://foundation.wikimedia.org/wiki/Policy:Privacy_policy)', '(https://nl.foundation.wikimedia.org/wiki/Policy:Privacy_policy)')(translation)
    translation = once('(https://www.edpb.europa.eu/about-edpb/about-edpb/members_en)', '(https://edpb.europa.eu/nl/about-edpb/about-edpb/members_en/)')(translation)
    expect(linkFindings(compare('focus_privacy_notice', 'nl', reference, translation))).toEqual([])
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
