// localized-link: the same link in another language is a warning that says which language the translation's link is in;
// another host, path or address stays url-mismatch's error; and link-order agrees (a localized link is not a reordering).
import { describe, expect, it } from 'vitest'
import { localizedPairs, targetOf } from '../../src/align/checks/link-targets.js'
import { localizedLink } from '../../src/align/checks/localized-link.js'
import { compareDocuments } from '../../src/align/compare.js'
import { NO_GLOSSARY } from '../../src/align/glossary.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'

/** The link findings of two Markdown texts: check, severity, line in the translation, message. */
const linkFindings = (reference: string, translation: string, translationLocale = 'nl') =>
  compareDocuments({ reference: parseMarkdown(reference, 'en.md'), referenceLocale: 'en', translation: parseMarkdown(translation, `${translationLocale}.md`), translationLocale, useIds: false, glossary: NO_GLOSSARY })
    .filter((finding) => ['url-mismatch', 'localized-link', 'link-order'].includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.fatal ? 'error' : 'warning', finding.line, finding.reason])

const clause = (text: string) => `## Data\n\n- ${text}\n`

describe('pairing by the language-free key, then comparing the language', () => {
  const pairs = (reference: string[], translation: string[]) => localizedPairs(reference.map(targetOf), translation.map(targetOf)).map(([a, b]) => [a.written, b.written])

  it('pairs the targets of one key whose languages differ, in the translation’s order', () => {
    expect(pairs(['https://a.org/en/x', 'https://b.org/y'], ['https://b.org/nl/y', 'https://a.org/nl/x'])).toEqual([
      ['https://b.org/y', 'https://b.org/nl/y'],
      ['https://a.org/en/x', 'https://a.org/nl/x'],
    ])
  })

  it('sets aside the targets of the same language on both sides first, so one localized of two is the one reported', () => {
    expect(pairs(['https://a.org/x', 'https://a.org/x'], ['https://a.org/nl/x', 'https://a.org/x'])).toEqual([['https://a.org/x', 'https://a.org/nl/x']])
  })

  it('leaves a key held more often on one side unpaired (url-mismatch’s), and pairs nothing across keys', () => {
    expect(pairs(['https://a.org/en/x'], ['https://a.org/nl/x', 'https://a.org/de/x'])).toEqual([['https://a.org/en/x', 'https://a.org/nl/x']])
    expect(pairs(['https://a.org/en/x'], ['https://a.org/nl/y'])).toEqual([])
    expect(pairs(['https://a.org/x'], ['http://www.a.org/x/'])).toEqual([])
  })
})

describe('the warning says which language the translation’s link is in', () => {
  const reference = clause('Read our [privacy notice](https://www.mozilla.org/en-US/privacy/).')

  it('the translation’s own language: the usual case, check the page exists', () => {
    expect(linkFindings(reference, clause('Lees onze [privacyverklaring](https://www.mozilla.org/nl/privacy/).'))).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <https://www.mozilla.org/en-US/privacy/> in the reference, <https://www.mozilla.org/nl/privacy/> in the translation: it opens the Dutch page, the translation’s own language, as is usual; check that the page exists in Dutch'],
    ])
  })

  it('no language: the site chooses', () => {
    expect(linkFindings(reference, clause('Lees onze [privacyverklaring](https://www.mozilla.org/privacy/).'))).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <https://www.mozilla.org/en-US/privacy/> in the reference, <https://www.mozilla.org/privacy/> in the translation: the translation’s link names no language, so the site chooses one; link the Dutch page if there is one'],
    ])
  })

  it('a target with and without a language segment: surf.nl/en/x against surf.nl/x', () => {
    expect(linkFindings(clause('See [SURF](https://www.surf.nl/en/x).'), clause('Zie [SURF](https://www.surf.nl/x).')).map(([check, severity]) => `${check} ${severity}`)).toEqual(['localized-link warning'])
  })

  it('the reference’s language where the reference names none, or a third language', () => {
    const neutral = clause('Read our [privacy notice](https://www.mozilla.org/privacy/).')
    expect(linkFindings(neutral, clause('Lees onze [privacyverklaring](https://www.mozilla.org/en-GB/privacy/).'))).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <https://www.mozilla.org/privacy/> in the reference, <https://www.mozilla.org/en-GB/privacy/> in the translation: it opens the page in English (the reference’s language), not in Dutch, the translation’s language; link the Dutch page, or the reference’s link'],
    ])
    expect(linkFindings(reference, clause('Lees onze [privacyverklaring](https://de.mozilla.org/privacy/).'))).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <https://www.mozilla.org/en-US/privacy/> in the reference, <https://de.mozilla.org/privacy/> in the translation: it opens the page in German, not in Dutch, the translation’s language; link the Dutch page, or the reference’s link'],
    ])
  })

  it('reads the translation’s language from its locale, for a language without a pack too', () => {
    expect(linkFindings(reference, clause('Läs vår [integritetspolicy](https://www.mozilla.org/sv-SE/privacy/).'), 'sv-SE')).toEqual([
      ['localized-link', 'warning', 3, expect.stringMatching(/: it opens the Swedish page, the translation’s own language, as is usual; check that the page exists in Swedish$/)],
    ])
  })

  it('the documented example, word for word', () => {
    const { reference, translation } = localizedLink.example
    expect(linkFindings(reference, translation)).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <https://support.mozilla.org/kb/ios-crash-reports-pref> in the reference, <https://support.mozilla.org/de/kb/ios-crash-reports-pref> in the translation: it opens the page in German, not in Dutch, the translation’s language; link the Dutch page, or the reference’s link'],
    ])
  })
})

describe('links written in the text', () => {
  it('a URL or domain differing only by its language segment or parameter: a warning, not an error', () => {
    expect(linkFindings(clause('See www.surf.nl/en/x for details.'), clause('Zie www.surf.nl/x voor details.'))).toEqual([
      ['localized-link', 'warning', 3, 'Localized link: <surf.nl/en/x> in the reference, <surf.nl/x> in the translation: the translation’s link names no language, so the site chooses one; link the Dutch page if there is one'],
    ])
    expect(linkFindings(clause('See https://example.com/help for details.'), clause('Zie https://example.com/help?lang=nl voor details.'))).toEqual([
      ['localized-link', 'warning', 3, expect.stringContaining('<example.com/help> in the reference, <example.com/help?lang=nl> in the translation: it opens the Dutch page')],
    ])
  })

  it('a link whose text is its URL is one localized link, not two', () => {
    const found = linkFindings(clause('See [www.mozilla.org/en-US/firefox](https://www.mozilla.org/en-US/firefox/).'), clause('Zie [www.mozilla.org/nl/firefox](https://www.mozilla.org/nl/firefox/).'))
    expect(found).toEqual([['localized-link', 'warning', 3, 'Localized link: <https://www.mozilla.org/en-US/firefox/> in the reference, <https://www.mozilla.org/nl/firefox/> in the translation: it opens the Dutch page, the translation’s own language, as is usual; check that the page exists in Dutch']])
  })
})

describe('anything but the language stays url-mismatch’s error', () => {
  it('another path beside the language: an error, no warning', () => {
    expect(linkFindings(clause('Read our [notice](https://www.mozilla.org/en-US/privacy/).'), clause('Lees onze [verklaring](https://www.mozilla.org/nl/privacy/firefox/).'))).toEqual([
      ['url-mismatch', 'error', 3, 'Link targets differ: <https://www.mozilla.org/en-US/privacy/> missing from the translation; <https://www.mozilla.org/nl/privacy/firefox/> not in the reference'],
    ])
  })

  it('another host, a two-letter segment that is no language, another address, another domain in the text', () => {
    const checks = (reference: string, translation: string) => linkFindings(clause(reference), clause(translation)).map(([check, severity]) => `${check} ${severity}`)
    expect(checks('See [the article](https://en.wikipedia.org/wiki/X).', 'Zie [het artikel](https://nl.wikipedia.com/wiki/X).')).toEqual(['url-mismatch error'])
    expect(checks('See [help](https://example.com/kb/x).', 'Zie [hulp](https://example.com/gp/x).')).toEqual(['url-mismatch error'])
    expect(checks('Write to [us](mailto:en@mozilla.com).', 'Schrijf [ons](mailto:nl@mozilla.com).')).toEqual(['url-mismatch error'])
    expect(checks('Visit www.surf.nl/en/x today.', 'Bezoek www.surf.com/nl/x vandaag.')).toEqual(['url-mismatch error'])
    expect(checks('Visit www.surf.nl/en/x today.', 'Bezoek www.surf.nl/nl/y vandaag.')).toEqual(['url-mismatch error'])
  })
})

describe('link-order agrees: a localized link is not a reordering', () => {
  const reference = '## Data\n\n- Read the [notice](https://example.com/en/notice/).\n- Read the [terms](https://example.com/en/terms/).\n'

  it('every link in the translation’s language, in order: one warning a clause, no link-order or url-mismatch', () => {
    const translation = '## Gegevens\n\n- Lees de [verklaring](https://example.com/nl/notice/).\n- Lees de [voorwaarden](https://example.com/nl/terms/).\n'
    expect(linkFindings(reference, translation).map(([check, severity, line]) => [check, severity, line])).toEqual([
      ['localized-link', 'warning', 3],
      ['localized-link', 'warning', 4],
    ])
  })

  it('localized links moved to each other’s clause: link-order’s one run, shown as written; no localized-link (not the same clause)', () => {
    const translation = '## Gegevens\n\n- Lees de [voorwaarden](https://example.com/nl/terms/).\n- Lees de [verklaring](https://example.com/nl/notice/).\n'
    expect(linkFindings(reference, translation)).toEqual([
      ['link-order', 'error', 3, 'Links in another order than in the reference: <https://example.com/nl/terms/>, <https://example.com/nl/notice/> where the reference has <https://example.com/en/notice/>, <https://example.com/en/terms/>'],
    ])
  })
})
