import { describe, expect, it } from 'vitest'
import { VFile } from '../../src/diagnostics/index.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { parseText } from '../../src/ingest/parse-text.js'
import { toMarkdown } from '../../src/ingest/to-markdown.js'
import { generateIds } from '../../src/ingest/ids.js'
import { normaliseSource } from '../../src/ingest/read-source.js'
import { diagnosticOf, readRepo } from '../helpers.js'


describe('parseMarkdown', () => {
  it('reads a title, sections, paragraphs, nested items and their {#id} markers', () => {
    const doc = parseMarkdown(
      '# Guidelines\n\n## The basics {#basics}\n\nYou must: {#basics.lead}\n\n- Keep keys private. {#basics.keys}\n  - Local keys are fine. {#basics.local}\n- No IDs here.\n',
      'g.md',
    )
    expect(doc.title).toEqual({ text: 'Guidelines', line: 1 })
    expect(doc.blocks.map((block) => [block.form, block.depth, block.text, block.id ?? null, block.line])).toEqual([
      ['heading', 0, 'The basics', 'basics', 3],
      ['paragraph', 0, 'You must:', 'basics.lead', 5],
      ['item', 0, 'Keep keys private.', 'basics.keys', 7],
      ['item', 1, 'Local keys are fine.', 'basics.local', 8],
      ['item', 0, 'No IDs here.', null, 9],
    ])
    expect(doc.blocks[3]!.parent).toBe(2)
  })

  it('keeps inline Markdown (links, emphasis) and flattens deeper headings into sections', () => {
    const doc = parseMarkdown('## A\n\nSee [the docs](https://example.com) *now*. {#a.see}\n\n### B\n\n1. One\n2. Two\n', 'x.md')
    expect(doc.blocks.map((block) => `${block.form}:${block.text}`)).toEqual(['heading:A', 'paragraph:See the docs now.', 'heading:B', 'item:One', 'item:Two'])
    expect(doc.blocks[1]!.inline.map((node) => node.type)).toEqual(['text', 'link', 'text', 'emphasis', 'text'])
  })

  it('reports a duplicate ID with both lines', () => {
    expect(diagnosticOf(() => parseMarkdown('## A {#a}\n\nOne. {#a.one}\n\nTwo. {#a.one}\n', 'dup.md'))).toBe(
      'dup.md:5:1: Duplicate ID `a.one`, already used on line 3 (ingest/duplicate-id)',
    )
  })

  it('reports an invalid ID', () => {
    expect(diagnosticOf(() => parseMarkdown('## A {#a}\n\nOne. {#A_One}\n', 'bad.md'))).toMatch(/^bad\.md:3:1: Invalid ID `A_One`/)
  })

  it('warns about Markdown it does not model and keeps its text', () => {
    const collector = new VFile()
    const doc = parseMarkdown('## A\n\n```\ncode here\n```\n', 'c.md', collector)
    expect(doc.blocks[1]).toMatchObject({ form: 'paragraph', text: 'code here' })
    expect(collector.messages.map((message) => message.ruleId)).toEqual(['unsupported-markdown'])
  })

  it('rejects an empty file and a file with nothing to read; text without a heading is the preamble', () => {
    expect(diagnosticOf(() => parseMarkdown('\n\n', 'e.md'))).toBe('e.md: The text is empty (ingest/empty)')
    expect(diagnosticOf(() => parseMarkdown('<!-- only a comment -->\n\n---\n', 'f.md'))).toMatch(/^f\.md:1:1: No structure found/)
    const preamble = parseMarkdown('# Title\n\nJust text.\n', 'g.md')
    expect(preamble.title?.text).toBe('Title')
    expect(preamble.blocks.map((block) => [block.form, block.text])).toEqual([['paragraph', 'Just text.']])
  })
})

describe('canonical Markdown', () => {
  it('round-trips the seeds: parse text, write Markdown, parse Markdown gives the same blocks and IDs', async () => {
    for (const locale of ['en', 'nl']) {
      const doc = parseText(normaliseSource(await readRepo(`policy/pinterest/sources/${locale}.txt`)), locale)
      const ids = generateIds(doc.blocks, [], new Set())
      const markdown = toMarkdown(doc, ids, 'Title')
      const again = parseMarkdown(markdown, 'x.md')
      const view = (blocks: typeof doc.blocks) => blocks.map((block) => [block.form, block.depth, block.parent, block.text])
      expect(view(again.blocks)).toEqual(view(doc.blocks))
      expect(again.blocks.map((block) => block.id)).toEqual(ids)
      expect(toMarkdown(again, ids, 'Title')).toBe(markdown)
    }
  })

  it('escapes Markdown syntax in plain text so it survives the round trip', () => {
    const doc = parseText('Odd *text*\n\n# not a heading [x](y) <b> 1. and _under_ {#fake}\n\n- 2. item with `code`\n', 'x')
    const markdown = toMarkdown(doc, ['odd', 'odd.p', 'odd.i'])
    const again = parseMarkdown(markdown, 'x.md')
    expect(again.blocks.map((block) => block.text)).toEqual(doc.blocks.map((block) => block.text))
    expect(again.blocks.map((block) => block.id)).toEqual(['odd', 'odd.p', 'odd.i'])
  })
})

describe('parseMarkdownTree on long documents', () => {
  it('parses section by section with the same tree and positions as a whole parse', async () => {
    const { unified } = await import('unified')
    const { default: remarkParse } = await import('remark-parse')
    const { parseMarkdownTree } = await import('../../src/ingest/parse-markdown.js')
    const parts = ['# Title', '']
    for (let s = 0; s < 300; s++) {
      parts.push(`## Section ${s} {#s${s}}`, '', `Lead-in ${s}, *you must*: {#s${s}.lead}`, '')
      for (let i = 0; i < 5; i++) parts.push(`- Item ${i} with a [link](https://example.com/${i}) {#s${s}.i${i}}`, `  - Nested ${i}`)
      parts.push('', '```', '# not a heading inside a fence', '```', '')
    }
    const text = parts.join('\n')
    expect(text.length).toBeGreaterThan(20_000)
    const whole = unified().use(remarkParse).parse(text)
    expect(parseMarkdownTree(text)).toEqual(whole)
  })
})

describe('parseMarkdown on pathological inputs', () => {
  it('lists nested deeper than the limit are refused before parsing, with the line, not a stack overflow', () => {
    expect(diagnosticOf(() => parseMarkdown(`## R\n\n${'- '.repeat(10_000)}x\n`, 'd.md'))).toMatch(/^d\.md:3:\d+: Lists or block quotes nested too deep: more than 32 levels \(ingest\/too-deep\)$/)
    expect(diagnosticOf(() => parseMarkdown(`## R\n\n${'>'.repeat(10_000)} x\n`, 'q.md'))).toMatch(/^q\.md:3:\d+: .*nested too deep.*\(ingest\/too-deep\)$/)
    const indented = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n')
    expect(diagnosticOf(() => parseMarkdown(`## R\n\n${indented}\n`, 'i.md'))).toMatch(/^i\.md:35:\d+: .*\(ingest\/too-deep\)$/)
  })

  it('lists nested up to the limit, and a long thematic break, are read', () => {
    const indented = Array.from({ length: 32 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n')
    const doc = parseMarkdown(`## R\n\n${indented}\n\n${'- '.repeat(50)}\n\nText.\n`, 'ok.md')
    expect(doc.blocks.at(-2)).toMatchObject({ form: 'item', depth: 31, text: 'item 31' })
    expect(doc.blocks.at(-1)).toMatchObject({ form: 'paragraph', text: 'Text.' })
  })

  it('an {#id} after 100,000 spaces is read, in linear time', () => {
    const doc = parseMarkdown(`## R\n\n- Keep it${' '.repeat(100_000)}private. \t {#r.keep}\n`, 's.md')
    expect(doc.blocks[1]).toMatchObject({ text: 'Keep it private.', id: 'r.keep' })
    expect(parseMarkdown(`## R\n\n- Keep it${' '.repeat(100_000)}private. {not an id}\n`, 's.md').blocks[1]!.id).toBeUndefined()
    expect(parseMarkdown('## R\n\n- A {#a} b {#r.b}\n', 's.md').blocks[1]).toMatchObject({ text: 'A {#a} b', id: 'r.b' })
    expect(parseMarkdown('## R\n\n- A {#r.}b}\n', 's.md').blocks[1]!.id).toBeUndefined()
  })
})
