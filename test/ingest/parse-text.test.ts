import { describe, expect, it } from 'vitest'
import type { ParsedDocument } from '../../src/text/document.js'
import { emptyHints } from '../../src/ingest/hints.js'
import { isHeadingCandidate, parseText } from '../../src/ingest/parse-text.js'
import { normaliseSource } from '../../src/ingest/read-source.js'
import { diagnosticOf, readRepo } from '../helpers.js'

const seed = async (locale: 'en' | 'nl') => parseText(normaliseSource(await readRepo(`policy/pinterest/sources/${locale}.txt`)), `${locale}.txt`)
const headings = (doc: ParsedDocument) => doc.blocks.filter((block) => block.form === 'heading').map((block) => block.text)
const outline = (doc: ParsedDocument) =>
  doc.blocks.map((block) => (block.form === 'heading' ? `# ${block.text}` : `${'  '.repeat(block.depth)}${block.form === 'item' ? '- ' : ''}${block.text}`))


describe('parseText on the published seeds', () => {
  it('finds the 7 English sections, plain, indented and bulleted', async () => {
    expect(headings(await seed('en'))).toEqual([
      'Our mission',
      'The basics',
      'What to do',
      'What not to do',
      'Publishing content',
      'Audience & advertiser services',
      'Regarding app abuse',
    ])
  })

  it('finds the 7 Dutch sections', async () => {
    expect(headings(await seed('nl'))).toEqual([
      'Onze missie',
      'Grondbeginselen',
      'Dit moet je doen',
      'Dit mag je niet doen',
      'Content publiceren',
      'Doelgroep- en advertentiediensten',
      'Een app rapporteren',
    ])
  })

  it('finds 56 other blocks in each language, in the same forms and depths', async () => {
    const en = await seed('en')
    const nl = await seed('nl')
    const shape = (doc: ParsedDocument) => doc.blocks.map((block) => `${block.form}:${block.depth}`)
    expect(en.blocks.filter((block) => block.form !== 'heading')).toHaveLength(56)
    expect(nl.blocks.filter((block) => block.form !== 'heading')).toHaveLength(56)
    expect(shape(nl)).toEqual(shape(en))
    const perSection = (doc: ParsedDocument) => {
      const counts: number[] = []
      for (const block of doc.blocks) block.form === 'heading' ? counts.push(0) : counts[counts.length - 1]!++
      return counts
    }
    expect(perSection(en)).toEqual([2, 12, 12, 15, 4, 10, 1])
  })

  it('nests the bring-your-own-key item under the credentials item and the two examples under the automation item', async () => {
    const en = await seed('en')
    const nested = en.blocks.filter((block) => block.depth > 0)
    expect(nested.map((block) => [block.text.slice(0, 40), en.blocks[block.parent]!.text.slice(0, 40)])).toEqual([
      ['End users may request API access credent', 'Keep your API access credentials private'],
      ['For example, if your app allows end user', 'Offering features that enable end users '],
      ['Put simply, end users are responsible fo', 'Offering features that enable end users '],
    ])
    const nl = await seed('nl')
    expect(nl.blocks.filter((block) => block.depth > 0).map((block) => nl.blocks[block.parent]!.text.slice(0, 20))).toEqual([
      'Houd je API-inloggeg',
      'Functies aanbieden w',
      'Functies aanbieden w',
    ])
  })

  it('keeps lead-in lines and the lead-in bullet as text ending in a colon', async () => {
    const en = await seed('en')
    const leadIns = en.blocks.filter((block) => block.text.endsWith(':')).map((block) => `${block.form}: ${block.text.slice(0, 20)}`)
    expect(leadIns).toEqual([
      'paragraph: No matter what your ',
      'paragraph: Acceptable uses of t',
      'paragraph: Unacceptable uses of',
      'paragraph: If your app publishe',
      'paragraph: If advertisers will ',
      'item: If you use informati',
    ])
  })

  it('drops no-break spaces and keeps curly quotes and URLs as written', async () => {
    const en = await seed('en')
    const text = en.blocks.map((block) => block.text).join('\n')
    expect(text).not.toMatch(/\u00a0/)
    expect(text).toContain('“bring-your-own-key”')
    expect(text).toContain('https://www.pinterest.com/pin/424605071126047814/')
    expect(en.blocks.find((block) => block.text.startsWith('Only access'))!.text.endsWith('on their behalf.')).toBe(true)
  })

  it('records the line of each block in the source', async () => {
    const en = await seed('en')
    expect(en.blocks[0]).toMatchObject({ form: 'heading', text: 'Our mission', line: 1 })
    expect(en.blocks.find((block) => block.text === 'What to do')).toMatchObject({ line: 24, column: 3 })
  })
})

describe('parseText on nasty inputs', () => {
  it('reads CRLF, BOM, tabs and no-break-space separators like the clean text', () => {
    const clean = 'Rules\n\nYou must:\n\n- One thing.\n  - Nested thing.\n- Two things.\n'
    const nasty = '\uFEFFRules\r\n\u00a0\r\nYou must:\u00a0\r\n\r\n\t• One thing.\r\n\t\t• Nested thing.\r\n\t• Two things.\r\n'
    expect(outline(parseText(normaliseSource(nasty), 'x'))).toEqual(outline(parseText(normaliseSource(clean), 'x')))
  })

  it('nests three levels deep whatever the indentation step', () => {
    const text = 'Section\n\nLead:\n\n ◦ a.\n    ◦ b.\n         ◦ c.\n    ◦ d.\n ◦ e.\n'
    expect(outline(parseText(text, 'x'))).toEqual(['# Section', 'Lead:', '- a.', '  - b.', '    - c.', '  - d.', '- e.'])
  })

  it('takes a bulleted short line before a paragraph as a heading, and before an item as an item', () => {
    const text = 'Intro\n\nText.\n\n• Short item\n• Another short item\n\n• Next part\n\nIts paragraph.\n'
    expect(outline(parseText(text, 'x'))).toEqual(['# Intro', 'Text.', '- Short item', '- Another short item', '# Next part', 'Its paragraph.'])
  })

  it('joins hard-wrapped lines into one block', () => {
    const text = 'Heading\n\nA long paragraph that\nwraps over lines.\n\n- An item that\n  wraps too.\n'
    expect(outline(parseText(text, 'x'))).toEqual(['# Heading', 'A long paragraph that wraps over lines.', '- An item that wraps too.'])
  })

  it('reads numbered lists and other bullet characters', () => {
    const text = 'Steps\n\n1. First.\n2) Second.\n* Third.\n– Fourth.\n'
    expect(outline(parseText(text, 'x'))).toEqual(['# Steps', '- First.', '- Second.', '- Third.', '- Fourth.'])
  })

  it('follows hints where the shape misleads', () => {
    const text = 'Scope\n\nThis text has a line\n\nAll rules apply here.\n'
    expect(headings(parseText(text, 'x'))).toEqual(['Scope', 'This text has a line'])
    const hints = emptyHints()
    hints.paragraphs.add('This text has a line')
    expect(headings(parseText(text, 'x', hints))).toEqual(['Scope'])
    hints.headings.add('All rules apply here.')
    expect(headings(parseText(text, 'x', hints))).toEqual(['Scope', 'All rules apply here.'])
  })

  it('judges heading shape by length, words, end punctuation and capital', () => {
    expect(isHeadingCandidate('What not to do')).toBe(true)
    expect(isHeadingCandidate('Doelgroep- en advertentiediensten')).toBe(true)
    expect(isHeadingCandidate('What not to do:')).toBe(false)
    expect(isHeadingCandidate('lowercase start')).toBe(false)
    expect(isHeadingCandidate('One two three four five six seven eight nine ten eleven')).toBe(false)
  })
})

describe('parseText errors', () => {
  it('rejects an empty text', () => {
    expect(diagnosticOf(() => parseText(' \n\u00a0\n', 'empty.txt'))).toBe('empty.txt: The text is empty (ingest/empty)')
  })

  it('rejects a text that holds an effective date and nothing else', () => {
    expect(diagnosticOf(() => parseText('Effective May 4, 2026\n', 'date.txt'))).toBe(
      'date.txt:1:1: No structure found: the text has an effective date and nothing else (ingest/no-structure)',
    )
  })
})

describe('parseText: the preamble', () => {
  it('returns the blocks before the first heading as ordinary blocks, the opening section', () => {
    const document = parseText('A sentence first.\n\nHeading\n\nText.\n', 'x.txt')
    expect(outline(document)).toEqual(['A sentence first.', '# Heading', 'Text.'])
    expect(document.blocks[0]).toMatchObject({ form: 'paragraph', line: 1, column: 1 })
  })

  it('reads a text without any heading as one section of paragraphs', () => {
    expect(outline(parseText('Just one sentence that says things.\n\nAnd another one.\n', 'flat.txt'))).toEqual([
      'Just one sentence that says things.',
      'And another one.',
    ])
  })
})

describe('parseText on deep nesting', () => {
  it('items nested deeper than the limit are refused with their line', () => {
    const lines = Array.from({ length: 40 }, (_, depth) => `${' '.repeat(depth)}• Item ${depth}`).join('\n')
    expect(diagnosticOf(() => parseText(`Rules\n\nKeep to these:\n${lines}\n`, 'deep.txt'))).toBe('deep.txt:36:33: List nested too deep: more than 32 levels (ingest/too-deep)')
  })
})
