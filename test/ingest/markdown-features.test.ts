// Markdown as people write it: each construct the reader understands, on small documents written for the purpose
// (the corpus test covers what real documents hold; these cover what it lacks: front matter, footnotes, references…).
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { toMarkdown } from '../../src/ingest/to-markdown.js'
import { generateIds } from '../../src/ingest/ids.js'
import { diagnosticOf } from '../helpers.js'

const blocks = (text: string) => parseMarkdown(text, 'x.md').blocks.map((block) => [block.form, block.text])

describe('the Markdown reader', () => {
  it('reads text between the title and the first heading as the preamble, and a title alone with text as one section', () => {
    const document = parseMarkdown('# Terms\n\n_Effective May 4, 2026_\n{: datetime="2026-05-04" }\n\nWelcome.\n\n## Use\n\nBe nice.\n', 'x.md')
    expect(document.title?.text).toBe('Terms')
    expect(document.blocks.map((block) => [block.form, block.text])).toEqual([['paragraph', 'Effective May 4, 2026'], ['paragraph', 'Welcome.'], ['heading', 'Use'], ['paragraph', 'Be nice.']])
    expect(document.meta).toEqual({ effective: '2026-05-04', effectiveText: 'Effective May 4, 2026' })
    expect(generateIds(document.blocks, [], new Set()).slice(0, 2)).toEqual(['preamble.effective-4-2026', 'preamble.welcome'])
  })

  it('takes the title and the effective date from YAML front matter; bad YAML is one positioned line', () => {
    const document = parseMarkdown('---\ntitle: Privacy Notice\nlast_updated: 2025-01-02\n---\n\nWe care.\n', 'x.md')
    expect(document.title?.text).toBe('Privacy Notice')
    expect(document.meta?.effective).toBe('2025-01-02')
    // A leading H1 after front matter is still the title, not a section.
    const both = parseMarkdown('---\ntitle: Front\neffective: 2026-03-01\n---\n\n# Heading Title\n\nIntro.\n\n## A\n\nx.\n', 'z.md')
    expect([both.title?.text, both.blocks.map((block) => block.text), both.meta]).toEqual(['Heading Title', ['Intro.', 'A', 'x.'], { effective: '2026-03-01' }])
    expect(diagnosticOf(() => parseMarkdown('---\ntitle: [unclosed\n---\n\nText.\n', 'y.md'))).toMatch(/^y\.md:\d+:\d+: Invalid front matter: .* \(ingest\/invalid-front-matter\)$/)
  })

  it('keeps heading levels: a ### under a ## is level 2, renumbered from the highest', () => {
    const document = parseMarkdown('# T\n\n### A\n\nx.\n\n#### A.1\n\ny.\n\n### B\n\nz.\n', 'x.md')
    expect(document.blocks.filter((block) => block.form === 'heading').map((block) => [block.text, block.level])).toEqual([['A', 1], ['A.1', 2], ['B', 1]])
  })

  it('reads attribute lists: `{: #anchor }` is the ID, other attributes kept, nothing left in the text; `{placeholder}` stays text', () => {
    const document = parseMarkdown('# T\n\n## The Service {: #service }\n\nUse {name} here.\n\nKept. {: .note data-x="1" }\n\n## Info {: #InfoWeCollect }\n\nx.\n', 'x.md')
    expect(document.blocks.map((block) => [block.text, block.id, block.attributes])).toEqual([
      ['The Service', 'service', undefined],
      ['Use {name} here.', undefined, undefined],
      ['Kept.', undefined, { 'data-x': '1' }],
      ['Info', 'infowecollect', undefined],
      ['x.', undefined, undefined],
    ])
  })

  it('turns a GFM pipe table into one row block a row, its cells kept; a blank header row is none', () => {
    const document = parseMarkdown('# T\n\n## Terms\n\n| Term | Meaning |\n| --- | --- |\n| *Pin* | A saved idea |\n| Board | A set of [Pins](https://example.com/pins) |\n', 'x.md')
    const rows = document.blocks.filter((block) => block.form === 'row')
    expect(rows.map((row) => [row.cells, row.header ?? false])).toEqual([[['Term', 'Meaning'], true], [['Pin', 'A saved idea'], false], [['Board', 'A set of Pins'], false]])
    expect(rows[2]!.links).toEqual([{ text: 'Pins', url: 'https://example.com/pins' }])
    expect(parseMarkdown('# T\n\n| | |\n| - | - |\n| a | b |\n', 'y.md').blocks.map((block) => block.cells)).toEqual([['a', 'b']])
  })

  it('parses inline and block HTML: <br> a space, <span> dropped with its text, <table> rows as rows, comments dropped', () => {
    const document = parseMarkdown(
      '# T\n\n## <span class="x">MDN Plus</span> Privacy\n\nMozilla SRL<br> Avenue 1<br>Brussels\n\n<!-- a note -->\n\n<table>\n<tr><th>What</th><th>Why</th></tr>\n<tr><td>Data<ul><li>One</li><li>Two</li></ul></td><td><a id="x"></a>Because</td></tr>\n</table>\n',
      'x.md',
    )
    expect(document.blocks.map((block) => [block.form, block.text])).toEqual([
      ['heading', 'MDN Plus Privacy'],
      ['paragraph', 'Mozilla SRL Avenue 1 Brussels'],
      ['row', 'What | Why'],
      ['row', 'Data One; Two | Because'],
    ])
    expect(document.blocks[3]!.links).toBeUndefined()
  })

  it('resolves reference-style links and keeps footnotes, blockquotes, and the links of each block', () => {
    const document = parseMarkdown('# T\n\n## A\n\nSee [the policy][p] and <https://example.org>.[^1]\n\n> Quoted clause with [a link](mailto:dpo@example.org).\n\n[p]: https://example.org/policy\n[^1]: A footnote.\n', 'x.md')
    expect(document.blocks.map((block) => [block.text, block.links?.map((link) => link.url)])).toEqual([
      ['A', undefined],
      ['See the policy and https://example.org.', ['https://example.org/policy', 'https://example.org']],
      ['Quoted clause with a link.', ['mailto:dpo@example.org']],
      ['A footnote.', undefined],
    ])
  })

  it('reads a heading in a list item as a numbered section, and the further paragraphs of an item as its own clauses', () => {
    const document = parseMarkdown('# T\n\n1. ## Introduction\n\n    Welcome.\n\n2. ## Accounts\n\n- First part.\n\n  Second part.\n', 'x.md')
    expect(document.blocks.map((block) => [block.form, block.number, block.text, block.parent])).toEqual([
      ['heading', '1', 'Introduction', -1],
      ['paragraph', undefined, 'Welcome.', -1],
      ['heading', '2', 'Accounts', -1],
      ['item', undefined, 'First part.', -1],
      ['paragraph', undefined, 'Second part.', 3],
    ])
  })

  it('recognises clause numbers: **1.1**, 1.2.3, Article 3, Artikel 3, and leaves a decimal that starts a sentence', () => {
    expect(blocks('# T\n\n## Article 3 – Scope\n\n**1.1** The rule.\n\n1.2.3 The detail.\n\n2.5 million users agree.\n').length).toBe(4)
    const document = parseMarkdown('# T\n\n## Artikel 3 Toepassing\n\n**1.1** The rule.\n\n1.2.3 The detail.\n\n2.5 million users agree.\n', 'x.md')
    expect(document.blocks.map((block) => [block.number, block.text])).toEqual([
      ['Artikel 3', 'Toepassing'],
      ['1.1', 'The rule.'],
      ['1.2.3', 'The detail.'],
      [undefined, '2.5 million users agree.'],
    ])
  })

  it('writes canonical Markdown that reads back to the same blocks: levels, numbers, rows, item paragraphs, dates', () => {
    const source = '---\neffective: 2026-01-02\n---\n\n# T\n\nIntro.\n\n## A\n\n### A.1\n\n**1.1** The rule with a [link](https://example.org).\n\n| Term | Meaning |\n| --- | --- |\n| Pin | Idea |\n\n- One.\n\n  More of one.\n\n1. First.\n2. Second.\n'
    const first = parseMarkdown(source, 'x.md')
    const ids = generateIds(first.blocks, [], new Set())
    const again = parseMarkdown(toMarkdown(first, ids, 'T'), 'y.md')
    const shape = (document: typeof first) => document.blocks.map((block) => [block.form, block.text, block.level, block.number, block.cells, block.parent, block.links])
    expect(shape(again)).toEqual(shape(first))
    expect(again.blocks.map((block) => block.id)).toEqual(ids)
    expect(again.meta?.effective).toBe('2026-01-02')
  })
})
