// Rendered docs keep the structure of a policy: the preamble, nested sections, numbers, links, tables, the effective
// date. A small policy goes through the real pipeline (import, build, render) and the Markdown and HTML are read back.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { HtmlValidate } from 'html-validate'
import type { Heading, Link, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue, Clause } from '../../src/catalogue/types.js'
import { gfmWithoutAutolinks } from '../../src/ingest/markdown/gfm.js'
import { pageTree, renderPage } from '../../src/render/html.js'
import { isMarkdownLink, isPageLink, placeLinks } from '../../src/render/links.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { put, run, tempProject } from '../helpers.js'

const MANIFEST = { id: 'sample', title: { en: 'Sample Policy', nl: 'Voorbeeldbeleid' }, reference: 'en', locales: ['en', 'nl'], version: '1.0.0' }

const EN = `# Sample Policy

This policy explains how we treat your data. Read our [privacy notice](https://example.com/privacy?a=1&b="2") first.

## 1. Scope

This policy applies to every app. See [the terms](javascript:alert(1)) or write to [us](mailto:legal@example.com).

### Definitions

| Term | Meaning |
| --- | --- |
| App | A program that uses the [API](https://example.com/api). |
| User | A person who uses an app. |

### Exceptions

- Internal tools are exempt.

## 2. Rules

1.1 You must keep your keys secret. See <https://example.com/keys>.
`

const NL = `# Voorbeeldbeleid

Dit beleid legt uit hoe we met je gegevens omgaan. Lees eerst onze [privacyverklaring](https://example.com/nl/privacy?a=1&b="2").

## 1. Reikwijdte

Dit beleid geldt voor elke app. Zie [de voorwaarden](javascript:alert(1)) of schrijf [ons](mailto:legal@example.com).

### Definities

| Term | Betekenis |
| --- | --- |
| App | Een programma dat de [API](https://example.com/api) gebruikt. |
| Gebruiker | Iemand die een app gebruikt. |

### Uitzonderingen

- Interne hulpmiddelen zijn uitgezonderd.

## 2. Regels

1.1 Je moet je sleutels geheim houden. Zie <https://example.com/keys>.
`

let root: string
let catalogue: Catalogue
const markdown: Record<string, string> = {}
let page: HastRoot
let html: string

/** Import, build and render a policy in a temporary project. */
async function pipeline(root: string, sources: Record<string, string>, frontMatter?: Record<string, string>): Promise<void> {
  for (const [locale, text] of Object.entries(sources)) {
    const file = await put(root, `sources/${locale}.md`, text)
    expect(await run(['import', file, '--locale', locale, '--policy', 'sample', '--root', root], root)).toMatchObject({ code: 0 })
  }
  // The effective date as the reader takes it from front matter (the canonical file keeps no date of its own).
  for (const [locale, date] of Object.entries(frontMatter ?? {})) {
    const path = join(root, `locales/${locale}/sample.md`)
    await put(root, `locales/${locale}/sample.md`, `---\neffective: ${date}\n---\n\n${await readFile(path, 'utf8')}`)
  }
  expect(await run(['build', '--policy', 'sample', '--root', root], root)).toMatchObject({ code: 0 })
  expect(await run(['render', '--policy', 'sample', '--out', 'site', '--root', root], root)).toMatchObject({ code: 0 })
}

beforeAll(async () => {
  root = await tempProject()
  await put(root, 'policy/sample/policy.json', JSON.stringify(MANIFEST, null, 2))
  await pipeline(root, { en: EN, nl: NL }, { en: '2025-06-10', nl: '2025-06-12' })
  catalogue = JSON.parse(await readFile(join(root, 'policy/sample/catalogue.json'), 'utf8')) as Catalogue
  for (const locale of ['en', 'nl']) markdown[locale] = await readFile(join(root, `site/${locale}.md`), 'utf8')
  html = await readFile(join(root, 'site/index.html'), 'utf8')
  page = fromHtml(html)
}, 60_000)

describe('the catalogue of the sample', () => {
  it('has the structure the renderers show', () => {
    expect(catalogue.effective).toEqual({ en: '2025-06-10', nl: '2025-06-12' })
    expect(catalogue.sections.map((section) => [section.id, section.level, section.parent, section.number])).toEqual([
      ['preamble', undefined, undefined, undefined],
      ['scope', undefined, undefined, '1'],
      ['definitions', 2, 'scope', undefined],
      ['exceptions', 2, 'scope', undefined],
      ['rules', undefined, undefined, '2'],
    ])
  })
})

describe('rendered Markdown', () => {
  const tree = (locale: string): Root => unified().use(remarkParse).use(gfmWithoutAutolinks).parse(markdown[locale]!)

  it('nests the headings one level deeper a level, numbered, the preamble and effective date under the title', () => {
    const headings: string[] = []
    visit(tree('en'), 'heading', (node: Heading) => void headings.push(`${'#'.repeat(node.depth)} ${toString(node)}`))
    // The reader's Markdown: no `{#id}` markers (the canonical locale files keep them).
    expect(headings).toEqual(['# Sample Policy', '## 1. Scope', '### Definitions', '### Exceptions', '## 2. Rules'])
    const [title, effective, preamble, scope] = tree('en').children
    expect([title!.type, effective!.type, preamble!.type, scope!.type]).toEqual(['heading', 'paragraph', 'paragraph', 'heading'])
    expect(toString(effective)).toBe('Effective: 2025-06-10')
    expect(toString(preamble)).toMatch(/^This policy explains/)
    expect(markdown['nl']).toContain('\n\nVan kracht vanaf: 2025-06-12\n\n')
    expect(markdown['en']).toContain('\n1.1 You must keep your keys secret.')
  })

  it('keeps links as Markdown links, a bare URL as an autolink, and a javascript: target as text', () => {
    const links: Array<[string, string]> = []
    visit(tree('en'), 'link', (node: Link) => void links.push([toString(node), node.url]))
    expect(links).toEqual([
      ['privacy notice', 'https://example.com/privacy?a=1&b="2"'],
      ['us', 'mailto:legal@example.com'],
      ['API', 'https://example.com/api'],
      ['https://example.com/keys', 'https://example.com/keys'],
    ])
    expect(markdown['en']).toContain('See <https://example.com/keys>.')
    expect(markdown['en']).toContain('See the terms or write to [us](mailto:legal@example.com).')
    expect(markdown['nl']).toContain('[privacyverklaring](https://example.com/nl/privacy?a=1\\&b="2")')
  })

  it('writes consecutive table rows as one GFM table, its first row the header', () => {
    const tables: Table[] = []
    visit(tree('nl'), 'table', (node: Table) => void tables.push(node))
    expect(tables).toHaveLength(1)
    expect(tables[0]!.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['Term', 'Betekenis'],
      ['App', 'Een programma dat de API gebruikt.'],
      ['Gebruiker', 'Iemand die een app gebruikt.'],
    ])
  })

  it('imports again to the same catalogue, but for the date line and the link it does not keep', async () => {
    const again = await tempProject()
    await put(again, 'policy/sample/policy.json', JSON.stringify(MANIFEST, null, 2))
    await pipeline(again, markdown)
    const rebuilt = JSON.parse(await readFile(join(again, 'policy/sample/catalogue.json'), 'utf8')) as Catalogue
    // Places differ (the date line shifts them); the date line is a paragraph of the preamble when read back.
    const shape = (sections: Catalogue['sections']) =>
      sections.map(({ source: _source, clauses, ...section }) => ({ ...section, clauses: clauses.map(({ source: _at, ...clause }) => clause) }))
    const [preamble, ...rest] = shape(rebuilt.sections)
    const [expectedPreamble, ...expectedRest] = shape(catalogue.sections)
    expect(preamble!.clauses.map((clause) => clause.text['en'])).toEqual(['Effective: 2025-06-10', expectedPreamble!.clauses[0]!.text['en']])
    expect(preamble!.clauses.slice(1)).toEqual(expectedPreamble!.clauses)
    const scope = expectedRest[0]!.clauses[0]!
    scope.links = { en: [{ text: 'us', url: 'mailto:legal@example.com' }], nl: [{ text: 'ons', url: 'mailto:legal@example.com' }] }
    expect(rest).toEqual(expectedRest)
  }, 60_000)
})

describe('rendered HTML', () => {
  const one = (selector: string, from: HastRoot | Element = page): Element => {
    const found = select(selector, from)
    expect(found, selector).toBeDefined()
    return found!
  }
  const text = (node: Element | ElementContent): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => text(child as ElementContent)).join('') : ''

  it('is valid HTML (html-validate, recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'valid-id': ['error', { relaxed: true }] } })
    const report = await validator.validateString(html, 'index.html')
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([])
  })

  it('nests subsections in their sections, h2 then h3, numbered', () => {
    expect(selectAll('main > section', page).map((section) => section.properties['id'])).toEqual(['scope', 'rules'])
    expect(selectAll('main > section#scope > section', page).map((section) => section.properties['id'])).toEqual(['definitions', 'exceptions'])
    expect(selectAll('main > section > .pair > h2', page).map(text)).toEqual(['1. Scope', '1. Reikwijdte', '2. Rules', '2. Regels'])
    expect(selectAll('main > section > section > .pair > h3', page).map(text)).toEqual(['Definitions', 'Definities', 'Exceptions', 'Uitzonderingen'])
    expect(text(one('[id="rules.keep-keys-secret"] p[lang="nl"]'))).toBe('1.1 Je moet je sleutels geheim houden. Zie https://example.com/keys.')
  })

  it('shows the preamble before the first section, without a heading, and the effective dates in the header', () => {
    expect(one('main').children.filter((child) => child.type === 'element').map((child) => (child as Element).properties['id'])).toEqual(['preamble', 'scope', 'rules'])
    expect(selectAll('#preamble h2, #preamble h3', page)).toEqual([])
    expect(text(one('.meta-line'))).toBe('Version 1.0.0, not released yet · Effective: 2025-06-10 (en), 2025-06-12 (nl)')
  })

  it('nests the table of contents as the sections nest', () => {
    const items = (list: Element): unknown[] =>
      selectAll(':scope > li', list).map((item) => {
        const link = one(':scope > a', item)
        const nested = select(':scope > ol', item)
        return nested ? [link.properties['href'], text(link), items(nested)] : [link.properties['href'], text(link)]
      })
    expect(items(one('nav.toc > ol'))).toEqual([
      ['#scope', '1. Scope', [['#definitions', 'Definitions'], ['#exceptions', 'Exceptions']]],
      ['#rules', '2. Rules'],
    ])
  })

  it('makes links of http(s) and mailto targets, escaped, and text of a javascript: target', () => {
    expect(selectAll('main p[lang] a, main td a', page).map((link) => [text(link), link.properties['href']])).toEqual([
      ['privacy notice', 'https://example.com/privacy?a=1&b="2"'],
      ['privacyverklaring', 'https://example.com/nl/privacy?a=1&b="2"'],
      ['us', 'mailto:legal@example.com'],
      ['ons', 'mailto:legal@example.com'],
      ['API', 'https://example.com/api'],
      ['API', 'https://example.com/api'],
      ['https://example.com/keys', 'https://example.com/keys'],
      ['https://example.com/keys', 'https://example.com/keys'],
    ])
    expect(html).toContain('<a href="https://example.com/privacy?a=1&#x26;b=&#x22;2&#x22;">privacy notice</a>')
    expect(html).not.toMatch(/javascript/i)
    expect(text(one('[id="scope.policy-applies-app"] p[lang="en"]'))).toBe('This policy applies to every app. See the terms or write to us.')
  })

  it('renders consecutive table rows as a table per language, the header row first, each row with its clause ID', () => {
    const table = (locale: string) => one(`#definitions .rows [lang="${locale}"] table`)
    const rows = (locale: string) => selectAll('tr', table(locale)).map((row) => selectAll('th, td', row).map((cell) => `${cell.tagName}:${text(cell)}`))
    expect(rows('en')).toEqual([
      ['th:Term', 'th:Meaning'],
      ['td:App', 'td:A program that uses the API.'],
      ['td:User', 'td:A person who uses an app.'],
    ])
    expect(rows('nl')).toEqual([
      ['th:Term', 'th:Betekenis'],
      ['td:App', 'td:Een programma dat de API gebruikt.'],
      ['td:Gebruiker', 'td:Iemand die een app gebruikt.'],
    ])
    expect(selectAll('tr', table('en')).map((row) => row.properties['id'])).toEqual(['definitions.term-meaning', 'definitions.app-program-uses', 'definitions.user-person-uses'])
    expect(selectAll('tr[id]', table('nl'))).toEqual([])
    expect(one('a', table('en')).properties['href']).toBe('https://example.com/api')
  })
})

describe('links in a clause', () => {
  it('take their text’s first occurrence after the previous link, across the cells of a row', () => {
    const links = [
      { text: 'here', url: 'https://a.example/' },
      { text: 'here', url: 'https://b.example/' },
      { text: 'missing', url: 'https://c.example/' },
    ]
    expect(placeLinks(['Read here and here.'], links)).toEqual([
      [{ text: 'Read ' }, { text: 'here', url: 'https://a.example/' }, { text: ' and ' }, { text: 'here', url: 'https://b.example/' }, { text: '.' }],
    ])
    expect(placeLinks(['here', 'then here'], links.slice(0, 2))).toEqual([[{ text: 'here', url: 'https://a.example/' }], [{ text: 'then ' }, { text: 'here', url: 'https://b.example/' }]])
    expect(placeLinks(['no links'])).toEqual([[{ text: 'no links' }]])
  })

  it('are links on the page only for http(s), mailto and in-page anchors', () => {
    for (const url of ['https://example.com/', 'HTTP://example.com/', 'mailto:a@example.com', '#basics.keep-api-access']) expect(isPageLink(url), url).toBe(true)
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative', '//evil.example/']) {
      expect(isPageLink(url), url).toBe(false)
    }
    expect(isMarkdownLink('/relative/path')).toBe(true)
    expect(isMarkdownLink('javascript:alert(1)')).toBe(false)
  })

  it('with a javascript: target are text in the Markdown and on the page', () => {
    const clause: Clause = {
      id: 'intro.click',
      parent: null,
      leadIn: null,
      form: 'paragraph',
      depth: 0,
      kind: 'informative',
      text: { en: 'Click me or mail us.' },
      hash: { en: '0'.repeat(64) },
      source: { en: { file: 'locales/en/x.md', line: 3 } },
      links: { en: [{ text: 'Click me', url: 'javascript:alert(document.cookie)' }, { text: 'mail us', url: 'mailto:a@example.com' }] },
    }
    const small: Catalogue = {
      id: 'x',
      title: { en: 'X' },
      version: '1.0.0',
      reference: 'en',
      locales: ['en'],
      sections: [{ id: 'intro', title: { en: 'Intro' }, source: { en: { file: 'locales/en/x.md', line: 2 } }, clauses: [clause] }],
    }
    expect(renderMarkdown(small, 'en')).toBe('# X\n\n## Intro\n\nClick me or [mail us](mailto:a@example.com).\n')
    expect(renderMarkdown(small, 'en', { ids: true })).toBe('# X\n\n## Intro {#intro}\n\nClick me or [mail us](mailto:a@example.com). {#intro.click}\n')
    const rendered = renderPage({ catalogue: small, rules: [] })
    expect(rendered).not.toMatch(/javascript/i)
    expect(rendered).toContain('<p lang="en">Click me or <a href="mailto:a@example.com">mail us</a>.</p>')
    // A page without subsections, a preamble or tables has no table of contents and none of their styles.
    expect(select('nav', pageTree({ catalogue: small, rules: [] }))).toBeUndefined()
    expect(rendered).not.toContain('.rows')
  })
})
