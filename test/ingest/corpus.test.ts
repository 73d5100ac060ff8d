// Real documents written and translated by others (test/fixtures/corpus, Mozilla's legal documents, CC BY-SA 3.0):
// every one is read in every language, with its structure. The expected counts are taken from the source text by
// simple line rules, independently of the reader.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT, put, run, tempProject } from '../helpers.js'

const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')
const LOCALES = ['en', 'nl', 'de', 'fr'] as const

async function documents(): Promise<Array<{ locale: string; name: string; text: string }>> {
  const all = []
  for (const locale of LOCALES) {
    for (const name of (await readdir(join(CORPUS, locale))).filter((file) => file.endsWith('.md')).sort()) {
      all.push({ locale, name, text: await readFile(join(CORPUS, locale, name), 'utf8') })
    }
  }
  return all
}

/** What the source says, by line rules: headings below the title, pipe-table rows that hold text, anchors, the date. */
function census(text: string) {
  const lines = text.split('\n')
  const headings = lines.filter((line) => /^(?:\d+\.\s+)?#{2,6}\s/.test(line)).length + (lines.some((line) => /^#\s/.test(line)) ? 0 : lines.filter((line) => /^#\s/.test(line)).length)
  const pipeRows = lines.filter((line) => /^\|/.test(line) && !/^\|[\s|:-]*\|\s*$/.test(line)).length
  const anchors = [...text.matchAll(/\{:\s*#([A-Za-z0-9_-]+)\s*\}/g)].map((match) => match[1]!)
  const date = /datetime="(\d{4}-\d{2}-\d{2})"/.exec(text)?.[1]
  return { headings, pipeRows, anchors, date }
}

describe('the Mozilla corpus, every document in every language', async () => {
  const all = await documents()

  it('has the documents (13 in English, translations in nl, de, fr)', () => {
    expect(all.filter((doc) => doc.locale === 'en')).toHaveLength(13)
    expect(all).toHaveLength(52)
  })

  it.each(all.map((doc) => [`${doc.locale}/${doc.name}`, doc] as const))('%s: read with its structure, no markup left in the text', (file, doc) => {
    const parsed = parseMarkdown(doc.text, file)
    const expected = census(doc.text)
    const headings = parsed.blocks.filter((block) => block.form === 'heading')
    expect(headings.length).toBe(expected.headings)
    // Sections nest as the headings do: levels start at 1 and never jump by more than one below a parent.
    expect(Math.min(...headings.map((block) => block.level!))).toBe(1)
    // Pipe-table rows are rows with their cells (HTML tables add theirs).
    const rows = parsed.blocks.filter((block) => block.form === 'row')
    expect(rows.length).toBeGreaterThanOrEqual(expected.pipeRows)
    for (const row of rows) expect(row.cells!.length).toBeGreaterThan(1)
    // Anchors of attribute lists are IDs (folded to lowercase); no attribute list, HTML tag or entity stays text.
    expect(parsed.blocks.filter((block) => block.id !== undefined).map((block) => block.id)).toEqual(expected.anchors.map((anchor) => anchor.toLowerCase()))
    for (const block of parsed.blocks) expect(block.text).not.toMatch(/\{:|<\/?(?:br|span|table|tr|td|th|a|u|p|strong)\b|&[a-z]+;/)
    expect(parsed.meta?.effective).toBe(expected.date)
  })

  it('keeps link targets: every Markdown link of the source is a link of a block, in order', () => {
    for (const doc of all.filter((each) => each.locale === 'en')) {
      const parsed = parseMarkdown(doc.text, doc.name)
      const targets = parsed.blocks.flatMap((block) => (block.links ?? []).map((link) => link.url))
      const written = [...doc.text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!)
      expect(targets.filter((url) => written.includes(url)), doc.name).toEqual(written.filter((url) => url !== ''))
    }
  })

  it('a heading inside a list item is a numbered section (firefox_cloud_services_tos: 1. #### Introduction …)', () => {
    const doc = all.find((each) => each.locale === 'en' && each.name === 'firefox_cloud_services_tos.md')!
    const headings = parseMarkdown(doc.text, doc.name).blocks.filter((block) => block.form === 'heading')
    const numbered = headings.filter((block) => block.number !== undefined)
    expect(numbered.map((block) => block.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    expect(numbered[0]!.text).toBe('Introduction')
    // The h4 sections sit below the h2 "Terms of Service".
    expect(numbered.every((block) => block.level === 3)).toBe(true)
  })

  it('a real difference: de and fr firefox_about_rights turned one list item into a paragraph (19 items, not 20)', () => {
    const items = (locale: string) => parseMarkdown(all.find((each) => each.locale === locale && each.name === 'firefox_about_rights.md')!.text, 'x').blocks.filter((block) => block.form === 'item').length
    expect([items('en'), items('nl'), items('de'), items('fr')]).toEqual([20, 20, 19, 19])
  })
})

describe('importing, building and checking a corpus document', () => {
  it('pocket_tos in four languages: anchors are the section IDs, the preamble is a section, nothing refused', async () => {
    const root = await tempProject()
    await put(root, 'policy/pocket-tos/policy.json', JSON.stringify({ id: 'pocket-tos', title: { en: 'Pocket Terms of Service', nl: 'Pocket-servicevoorwaarden', de: 'Pocket-Nutzungsbedingungen', fr: 'Conditions d’utilisation de Pocket' }, reference: 'en', locales: ['en', 'nl', 'de', 'fr'], version: '1.0.0' }))
    for (const locale of LOCALES) {
      const result = await run(['import', join(CORPUS, locale, 'pocket_tos.md'), '--locale', locale, '--policy', 'pocket-tos', '--root', root], root)
      expect(result.code, result.stderr).toBe(0)
    }
    const built = await run(['build', '--policy', 'pocket-tos', '--root', root], root)
    expect(built.code, built.stderr).toBe(0)
    const catalogue = JSON.parse(await readFile(join(root, 'policy/pocket-tos/catalogue.json'), 'utf8')) as { sections: Array<{ id: string; clauses: unknown[] }>; effective: Record<string, string> }
    expect(catalogue.sections[0]!.id).toBe('preamble')
    expect(catalogue.sections.map((section) => section.id)).toContain('service')
    expect(catalogue.effective).toEqual({ en: '2024-02-15', nl: '2024-02-15', de: '2024-02-15', fr: '2024-02-15' })
    const checked = await run(['check', '--policy', 'pocket-tos', '--root', root, '--format', 'json'], root)
    expect(checked.code).not.toBe(2)
  }, 120_000)

  it('focus_privacy_notice: table rows are clauses with their cells, subsections name their parent', async () => {
    const root = await tempProject()
    await put(root, 'policy/focus/policy.json', JSON.stringify({ id: 'focus', title: { en: 'Focus Privacy Notice', nl: 'Privacyverklaring Focus' }, reference: 'en', locales: ['en', 'nl'], version: '1.0.0' }))
    for (const locale of ['en', 'nl']) {
      const result = await run(['import', join(CORPUS, locale, 'focus_privacy_notice.md'), '--locale', locale, '--policy', 'focus', '--root', root], root)
      expect(result.code, result.stderr).toBe(0)
    }
    expect((await run(['build', '--policy', 'focus', '--root', root], root)).code).toBe(0)
    const catalogue = JSON.parse(await readFile(join(root, 'policy/focus/catalogue.json'), 'utf8')) as { sections: Array<{ id: string; level?: number; parent?: string; clauses: Array<{ form: string; cells?: Record<string, string[]> }> }> }
    const rows = catalogue.sections.flatMap((section) => section.clauses).filter((clause) => clause.form === 'row')
    expect(rows.length).toBeGreaterThanOrEqual(14)
    expect(rows.every((row) => row.cells!['en']!.length === row.cells!['nl']!.length)).toBe(true)
    const sub = catalogue.sections.filter((section) => section.level === 2)
    expect(sub.length).toBeGreaterThan(0)
    for (const section of sub) expect(catalogue.sections.map((each) => each.id)).toContain(section.parent)
    // Importing the canonical file again changes nothing: the reader reads what the writer writes.
    const again = await run(['import', join(root, 'locales/en/focus.md'), '--locale', 'en', '--policy', 'focus', '--root', root, '--dry-run'], root)
    expect(again.stderr).toMatch(/unchanged/)
  }, 120_000)
})
