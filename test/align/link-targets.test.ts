// Link targets: the keys url-mismatch and link-order compare, the two checks on small documents, and their cost on many
// links (linear, like every check).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { targetOf, visibleKey } from '../../src/align/checks/link-targets.js'
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
    .filter((finding) => finding.ruleId === 'url-mismatch' || finding.ruleId === 'link-order')
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
    expect(linkFindings(reference, translation)).toEqual([['link-order', 3, 'Links in another order than in the reference: <mailto:help@example.com>, <https://example.com/terms> where the reference has <https://example.com/terms>, <mailto:help@example.com>']])
  })

  it('each run of differences is one finding; a changed target beside a swap is url-mismatch’s', () => {
    const translation = '## Gegevens\n\n- Lees de [voorwaarden](https://example.com/terms) en de [verklaring](https://example.com/notice).\n- Schrijf [ons](mailto:hulp@example.nl).\n- Zie de [FAQ](http://example.com/faq).\n'
    expect(linkFindings(reference, translation)).toEqual([
      ['link-order', 3, 'Links in another order than in the reference: <https://example.com/terms>, <https://example.com/notice> where the reference has <https://example.com/en/notice/>, <https://example.com/terms>'],
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

  it('n clauses of one link each, every neighbouring pair swapped (n/2 runs) and every other link http://', () => {
    const result = growth((n) => {
      const reference = parseMarkdown(`## R\n\n${Array.from({ length: n }, (_, index) => `- Keep record${index} at [page](https://example.com/r${index}).`).join('\n')}\n`, 'en.md')
      const translation = parseMarkdown(`## R\n\n${Array.from({ length: n }, (_, index) => `- Keep record${index} at [page](http${index % 3 === 0 ? '' : 's'}://example.com/r${index % 2 === 0 ? index + 1 : index - 1}).`).join('\n')}\n`, 'nl.md')
      return () => compareParsed(reference, translation)
    }, 300)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  })
})
