// Link targets: the keys url-mismatch, localized-link and link-order compare, the checks on small documents (a link
// whose text is a URL or address against its target among them), and their cost on many links (linear, like every check).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isLanguageTag, targetOf, visibleKey, visibleTarget } from '../../src/align/checks/link-targets.js'
import { compareDocuments } from '../../src/align/compare.js'
import { readGlossary } from '../../src/align/glossary.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import type { ParsedDocument } from '../../src/text/document.js'
import { GROWTH_LIMIT, growth } from '../attack/scale.js'
import { ROOT } from '../helpers.js'

const glossary = await readGlossary(join(ROOT, 'locales/glossary.json'), 'locales/glossary.json')
const compareParsed = (reference: ParsedDocument, translation: ParsedDocument) => compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: 'nl', useIds: false, glossary })
const compare = (reference: string, translation: string) => compareParsed(parseMarkdown(reference, 'en.md'), parseMarkdown(translation, 'nl.md'))
const linkFindings = (reference: string, translation: string) =>
  compare(reference, translation)
    .filter((finding) => finding.ruleId === 'url-mismatch' || finding.ruleId === 'link-order' || finding.ruleId === 'localized-link')
    .map((finding) => [finding.ruleId, finding.line, finding.reason])

describe('the key of a link target', () => {
  const same = (a: string, b: string) => expect(targetOf(a).key, `${a} ~ ${b}`).toBe(targetOf(b).key)
  const different = (a: string, b: string) => expect(targetOf(a).key, `${a} ≠ ${b}`).not.toBe(targetOf(b).key)

  it('reads a URL as the visible URLs are read: case, scheme, www. and a trailing slash do not count', () => {
    same('https://www.Mozilla.org/privacy/', 'http://mozilla.org/privacy')
    expect(targetOf('https://www.mozilla.org/privacy/').key).toBe(visibleKey('mozilla.org/privacy'))
    different('https://www.mozilla.org/privacy/', 'https://www.mozilla.org/privacy/firefox/')
    different('https://a.example.com/p', 'https://b.example.com/p')
  })

  it('leaves the language out: a path segment, a host label, a language parameter', () => {
    same('https://www.mozilla.org/en-US/privacy/', 'https://www.mozilla.org/nl/privacy/')
    same('https://www.mozilla.org/privacy/', 'https://www.mozilla.org/de/privacy/')
    same('https://support.mozilla.org/en-US/kb/sync', 'https://support.mozilla.org/pt_BR/kb/sync')
    same('https://example.com/zh-Hant/a', 'https://example.com/es-419/a')
    same('https://en.wikipedia.org/wiki/X', 'https://nl.wikipedia.org/wiki/X')
    same('https://policies.google.com/privacy?hl=en', 'https://policies.google.com/privacy?hl=nl')
    same('https://policies.google.com/privacy', 'https://policies.google.com/privacy?lang=nl&locale=nl_NL&language=nl')
    same('/en-US/about/', '/nl/about')
    expect(targetOf('https://www.amazon.com/gp/help/display.html?nodeId=GX7&hl=nl').key).toBe('amazon.com/gp/help/display.html?nodeid=gx7')
  })

  it('reads a segment as a language only when it is a two-letter ISO 639-1 language, with a region or script', () => {
    for (const tag of ['nl', 'en-us', 'pt_br', 'zh-hant', 'es-419', 'de']) expect(isLanguageTag(tag), tag).toBe(true)
    // support.mozilla.org/kb/… and amazon.com/gp/… (the corpus's links): parts of the site, not languages.
    for (const segment of ['kb', 'gp', 'api', 'faq', 'hsb', 'en-usa', '']) expect(isLanguageTag(segment), segment).toBe(false)
  })

  it('keeps what is not a language: other segments, parameters, hosts, fragments', () => {
    different('https://example.com/api/x', 'https://example.com/faq/x')
    different('https://example.com/kb/x', 'https://example.com/gp/x')
    different('https://example.com/p?id=1', 'https://example.com/p?id=2')
    different('https://wikipedia.org/wiki/X', 'https://nl.wikipedia.org/wiki/Y')
    different('https://example.com/p#a', 'https://example.com/p#b')
    // Two labels: `is.gd` is a host, not Icelandic.
    different('https://is.gd/x', 'https://nl.gd/x')
  })

  it('reads mailto: as its address, an anchor as written, and keeps other schemes', () => {
    expect(targetOf('mailto:DPO@mozilla.com?subject=Hi').key).toBe(visibleKey('dpo@mozilla.com'))
    expect(targetOf('#Grant').key).toBe('#Grant')
    different('#grant', '#Grant')
    different('ftp://example.com/x', 'https://example.com/x')
    expect(targetOf('tel:+31-20-123').key).toBe('tel:+31-20-123')
  })

  it('keeps the language in the located key, and names it', () => {
    const read = (url: string) => {
      const { key, located, language } = targetOf(url)
      return { key, located, language }
    }
    expect(read('https://www.Mozilla.org/en-US/privacy/')).toEqual({ key: 'mozilla.org/privacy', located: 'mozilla.org/en-us/privacy', language: 'en-us' })
    expect(read('https://nl.wikipedia.org/wiki/X')).toEqual({ key: 'wikipedia.org/wiki/x', located: 'nl.wikipedia.org/wiki/x', language: 'nl' })
    expect(read('https://policies.google.com/privacy/?id=1&hl=nl#top')).toEqual({ key: 'policies.google.com/privacy?id=1#top', located: 'policies.google.com/privacy?id=1&hl=nl#top', language: 'nl' })
    expect(read('https://surf.nl/x/')).toEqual({ key: 'surf.nl/x', located: 'surf.nl/x', language: undefined })
    expect(read('mailto:NL@example.com')).toEqual({ key: 'nl@example.com', located: 'nl@example.com', language: undefined })
    // The first language named: the path's before the host's before the query's.
    expect(read('https://de.example.com/fr/x?lang=nl').language).toBe('fr')
    expect(read('https://de.example.com/x?lang=nl').language).toBe('de')
    // A parameter without a value names none; `?hl=` is still a language parameter, left out of the key.
    expect(read('https://example.com/x?hl=')).toEqual({ key: 'example.com/x', located: 'example.com/x?hl=', language: undefined })
    expect(visibleTarget('surf.nl/en/x')).toMatchObject({ key: visibleKey('surf.nl/x'), located: 'surf.nl/en/x', language: 'en' })
  })

  it('tells http:// from https:// only in the strict key', () => {
    expect(targetOf('http://example.com/x').key).toBe(targetOf('https://example.com/x').key)
    expect(targetOf('http://example.com/x').strict).not.toBe(targetOf('https://example.com/x').strict)
    expect(targetOf('https://www.example.com/nl/x/').strict).toBe(targetOf('https://example.com/en/x').strict)
  })
})

describe('url-mismatch and link-order on small documents', () => {
  const reference = '## Data\n\n- Read the [notice](https://example.com/en/notice/) and the [terms](https://example.com/terms).\n- Write to [us](mailto:help@example.com).\n- See the [FAQ](https://example.com/faq).\n'

  it('a visible URL and a link target differ in one clause: one finding that names both', () => {
    const reference = '## Data\n\n- See www.example.com/a or the [form](https://example.com/form).\n'
    const translation = '## Gegevens\n\n- Zie www.example.com/b of het [formulier](https://example.com/formulier).\n'
    expect(linkFindings(reference, translation)).toEqual([['url-mismatch', 3, 'Links differ: example.com/a missing from the translation; example.com/b not in the reference. Link targets differ: <https://example.com/form> missing from the translation; <https://example.com/formulier> not in the reference']])
  })

  it('a link moved to another clause is link-order’s, at the first clause where the lists differ, not url-mismatch’s', () => {
    const translation = '## Gegevens\n\n- Lees de [verklaring](https://example.com/nl/notice/) en de voorwaarden.\n- Schrijf [ons](mailto:help@example.com) of lees de [voorwaarden](https://example.com/terms).\n- Zie de [FAQ](https://example.com/faq).\n'
    expect(linkFindings(reference, translation)).toEqual([
      ['link-order', 3, 'Links in another order than in the reference: <mailto:help@example.com>, <https://example.com/terms> where the reference has <https://example.com/terms>, <mailto:help@example.com>'],
      // The notice in Dutch is the same link (not a reordering), and a warning of its own.
      ['localized-link', 3, 'Localized link: <https://example.com/en/notice/> in the reference, <https://example.com/nl/notice/> in the translation: it opens the Dutch page, the translation’s own language, as is usual; check that the page exists in Dutch'],
    ])
  })

  it('each run of differences is one finding; a changed target beside a swap is url-mismatch’s', () => {
    const translation = '## Gegevens\n\n- Lees de [voorwaarden](https://example.com/terms) en de [verklaring](https://example.com/notice).\n- Schrijf [ons](mailto:hulp@example.nl).\n- Zie de [FAQ](http://example.com/faq).\n'
    expect(linkFindings(reference, translation)).toEqual([
      ['link-order', 3, 'Links in another order than in the reference: <https://example.com/terms>, <https://example.com/notice> where the reference has <https://example.com/en/notice/>, <https://example.com/terms>'],
      ['localized-link', 3, 'Localized link: <https://example.com/en/notice/> in the reference, <https://example.com/notice> in the translation: the translation’s link names no language, so the site chooses one; link the Dutch page if there is one'],
      ['url-mismatch', 4, 'Link targets differ: <mailto:help@example.com> missing from the translation; <mailto:hulp@example.nl> not in the reference'],
      ['link-order', 5, 'Link target <http://example.com/faq> where the reference has <https://example.com/faq>'],
    ])
  })

  it('a clause moved as a whole is moved-clause’s finding, not a link out of order', () => {
    const reference = '## Data {#data}\n\n- Read the [notice](https://example.com/notice). {#data.notice}\n- Read the [terms](https://example.com/terms). {#data.terms}\n'
    const translation = '## Gegevens {#data}\n\n- Lees de [voorwaarden](https://example.com/terms). {#data.terms}\n- Lees de [verklaring](https://example.com/notice). {#data.notice}\n'
    const findings = compareDocuments({ reference: parseMarkdown(reference, 'en.md'), referenceLocale: 'en', translation: parseMarkdown(translation, 'nl.md'), translationLocale: 'nl', useIds: true, glossary })
    expect(findings.map((finding) => finding.ruleId)).toEqual(['moved-clause'])
  })
})

describe('a link whose visible text is a URL, domain or e-mail address, against its target', () => {
  const reference = '## Contact\n\n- Visit [www.mozilla.org](https://www.mozilla.org/) or write to [legal@mozilla.com](mailto:legal@mozilla.com).\n'

  it('a target elsewhere than its text says, where the reference’s is not: url-mismatch, naming both', () => {
    const translation = '## Contact\n\n- Ga naar [www.mozilla.org](https://evil.example/) of schrijf naar [legal@mozilla.com](mailto:other@x.org).\n'
    expect(linkFindings(reference, translation)).toEqual([
      [
        'url-mismatch',
        3,
        'Link targets differ: <https://www.mozilla.org/>, <mailto:legal@mozilla.com> missing from the translation; <https://evil.example/>, <mailto:other@x.org> not in the reference. ' +
          'Link “www.mozilla.org” goes to <https://evil.example/>, not where its text says; the reference’s goes to <https://www.mozilla.org/>. ' +
          'Link “legal@mozilla.com” goes to <mailto:other@x.org>, not where its text says; the reference’s goes to <mailto:legal@mozilla.com>',
      ],
    ])
  })

  it('two such links that swapped their targets: the order is link-order’s, the texts that lie url-mismatch’s', () => {
    const reference = '## Contact\n\n- Write to [dpo@mozilla.com](mailto:dpo@mozilla.com) or [legal@mozilla.com](mailto:legal@mozilla.com).\n'
    const translation = '## Contact\n\n- Schrijf naar [dpo@mozilla.com](mailto:legal@mozilla.com) of [legal@mozilla.com](mailto:dpo@mozilla.com).\n'
    expect(linkFindings(reference, translation)).toEqual([
      ['link-order', 3, 'Links in another order than in the reference: <mailto:legal@mozilla.com>, <mailto:dpo@mozilla.com> where the reference has <mailto:dpo@mozilla.com>, <mailto:legal@mozilla.com>'],
      [
        'url-mismatch',
        3,
        'Link “dpo@mozilla.com” goes to <mailto:legal@mozilla.com>, not where its text says; the reference’s goes to <mailto:dpo@mozilla.com>. Link “legal@mozilla.com” goes to <mailto:dpo@mozilla.com>, not where its text says; the reference’s goes to <mailto:legal@mozilla.com>',
      ],
    ])
  })

  it('scheme, www., a trailing slash, case and the language do not count', () => {
    const translation = '## Contact\n\n- Ga naar [WWW.Mozilla.org/](https://mozilla.org) of schrijf naar [Legal@Mozilla.com](mailto:legal@mozilla.com?subject=Vraag).\n'
    expect(linkFindings(reference, translation)).toEqual([])
    const localized = '## Privacy\n\n- Zie [mozilla.org/privacy](https://www.mozilla.org/nl/privacy/).\n'
    expect(linkFindings('## Privacy\n\n- See [mozilla.org/privacy](https://www.mozilla.org/privacy/).\n', localized).map(([check]) => check)).toEqual(['localized-link'])
  })

  it('the reference’s own choice is followed: the same text to the same elsewhere, or no such link in the reference', () => {
    // The reference names the site and links a page of it: so may the translation.
    const deep = '## Shops\n\n- See [Amazon.com](https://www.amazon.com/gp/help/privacy).\n'
    expect(linkFindings(deep, '## Winkels\n\n- Zie [Amazon.com](https://www.amazon.com/gp/help/privacy).\n')).toEqual([])
    // The reference's link text is words: a translation's URL-like text to the same target is its own wording.
    const words = '## Shops\n\n- See [their notice](https://www.amazon.com/gp/help/privacy).\n'
    expect(linkFindings(words, '## Winkels\n\n- Zie [amazon.com](https://www.amazon.com/gp/help/privacy).\n')).toEqual([['url-mismatch', 3, 'Links differ: amazon.com not in the reference']])
  })

  it('a text that is more than a URL is words, not a URL', () => {
    const reference = '## Contact\n\n- Visit [our site www.mozilla.org](https://www.mozilla.org/about/).\n'
    const translation = '## Contact\n\n- Bezoek [onze site www.mozilla.org](https://www.mozilla.org/about/).\n'
    expect(linkFindings(reference, translation)).toEqual([])
  })
})

describe('linear in the number of links', () => {
  const links = (n: number, url: (index: number) => string) => Array.from({ length: n }, (_, index) => `[l${index}](${url(index)})`).join(' ')

  it('one clause of n links, every one changed', () => {
    const result = growth((n) => {
      const reference = parseMarkdown(`## R\n\n- ${links(n, (index) => `https://www.example.com/en-US/p${index}/?hl=en`)}\n`, 'en.md')
      const translation = parseMarkdown(`## R\n\n- ${links(n, (index) => `https://www.example.com/nl/q${index}/?hl=nl`)}\n`, 'nl.md')
      return () => compareParsed(reference, translation)
    }, 1_000)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  })

  it('one clause of n links of one key, every one in another language (localized-link pairs them)', () => {
    const result = growth((n) => {
      const reference = parseMarkdown(`## R\n\n- ${links(n, (index) => `https://www.example.com/${index % 2 === 0 ? 'en-US/' : ''}p/?hl=en`)}\n`, 'en.md')
      const translation = parseMarkdown(`## R\n\n- ${links(n, (index) => `https://www.example.com/${index % 3 === 0 ? 'nl/' : ''}p/?hl=nl`)}\n`, 'nl.md')
      return () => compareParsed(reference, translation)
    }, 1_000)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  })

  it('one clause of n links whose texts are addresses, every one pointing at another', () => {
    const mail = (n: number, to: (index: number) => number) => Array.from({ length: n }, (_, index) => `[u${index}@example.com](mailto:u${to(index)}@example.com)`).join(' ')
    const result = growth((n) => {
      const reference = parseMarkdown(`## R\n\n- ${mail(n, (index) => index)}\n`, 'en.md')
      const translation = parseMarkdown(`## R\n\n- ${mail(n, (index) => (index + 1) % n)}\n`, 'nl.md')
      return () => compareParsed(reference, translation)
    }, 300)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  })

  it('n clauses of one link each, every neighbouring pair swapped (n/2 runs) and every other link http://', () => {
    const result = growth((n) => {
      const reference = parseMarkdown(`## R\n\n${Array.from({ length: n }, (_, index) => `- Keep record${index} at [page](https://example.com/r${index}).`).join('\n')}\n`, 'en.md')
      const translation = parseMarkdown(`## R\n\n${Array.from({ length: n }, (_, index) => `- Keep record${index} at [page](http${index % 3 === 0 ? '' : 's'}://example.com/r${index % 2 === 0 ? index + 1 : index - 1}).`).join('\n')}\n`, 'nl.md')
      return () => compareParsed(reference, translation)
    }, 300)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  })
})
