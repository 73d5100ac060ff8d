import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from '../../src/diagnostics/index.js'
import { importDocument } from '../../src/ingest/import.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { put, readRepo, tempProject } from '../helpers.js'

const importLocale = (root: string, locale: string, file = join(root, `policy/pinterest/sources/${locale}.txt`), collector = new VFile()) =>
  importDocument({ root, policy: 'pinterest', locale, file, collector })

describe('import', () => {
  it('writes exactly the committed locale files from the raw sources', async () => {
    const root = await tempProject()
    await importLocale(root, 'en')
    await importLocale(root, 'nl')
    for (const locale of ['en', 'nl']) {
      expect(await readFile(join(root, `locales/${locale}/pinterest.md`), 'utf8')).toBe(await readRepo(`locales/${locale}/pinterest.md`))
    }
  })

  it('is idempotent: importing the same text again changes nothing, byte for byte', async () => {
    const root = await tempProject()
    const first = await importLocale(root, 'en')
    await importLocale(root, 'nl')
    const before = await readFile(join(root, 'locales/nl/pinterest.md'), 'utf8')
    const again = await importLocale(root, 'en')
    const nlAgain = await importLocale(root, 'nl')
    expect(first.changed).toBe(true)
    expect(again.changed).toBe(false)
    expect(again.markdown).toBe(first.markdown)
    expect(again.ids).toEqual({ explicit: 0, kept: 63, aligned: 0, generated: 0 })
    expect(nlAgain.changed).toBe(false)
    expect(await readFile(join(root, 'locales/nl/pinterest.md'), 'utf8')).toBe(before)
  })

  it('gives corresponding English and Dutch blocks the same IDs', async () => {
    const en = parseMarkdown(await readRepo('locales/en/pinterest.md'), 'en.md')
    const nl = parseMarkdown(await readRepo('locales/nl/pinterest.md'), 'nl.md')
    expect(nl.blocks.map((block) => block.id)).toEqual(en.blocks.map((block) => block.id))
    const pair = (id: string) => [en.blocks.find((b) => b.id === id)!.text.slice(0, 20), nl.blocks.find((b) => b.id === id)!.text.slice(0, 20)]
    expect(pair('basics.keep-api-access')).toEqual(['Keep your API access', 'Houd je API-inloggeg'])
    expect(pair('basics.end-users-request')).toEqual(['End users may reques', 'Eindgebruikers kunne'])
    expect(pair('regarding-app-abuse')).toEqual(['Regarding app abuse', 'Een app rapporteren'])
  })

  it('re-importing its own Markdown keeps every ID', async () => {
    const root = await tempProject({ locales: true })
    const result = await importLocale(root, 'nl', join(root, 'locales/nl/pinterest.md'))
    expect(result.changed).toBe(false)
    expect(result.ids.explicit).toBe(63)
  })

  it('aligns a translation that lacks a clause, warns, and leaves the reference’s ID unused', async () => {
    const root = await tempProject({ locales: true })
    const nl = await readRepo('policy/pinterest/sources/nl.txt')
    const without = nl.replace(/^ • Volg alle instructies.*\n/m, '')
    expect(without).not.toBe(nl)
    const file = await put(root, 'nl-short.txt', without)
    const collector = new VFile()
    const result = await importLocale(root, 'nl', file, collector)
    const ids = parseMarkdown(result.markdown, 'nl.md').blocks.map((block) => block.id)
    expect(ids).not.toContain('basics.follow-instructions-technical')
    expect(ids).toContain('basics.privacy-policy-thats')
    expect(result.clauses).toBe(55)
    expect(collector.messages.map((message) => message.ruleId)).toContain('missing-counterpart')
  })

  it('refuses a translation before the reference is imported', async () => {
    const root = await tempProject()
    await expect(importLocale(root, 'nl')).rejects.toThrow('The reference language `en` has not been imported yet')
  })

  it('refuses a locale the manifest does not list', async () => {
    const root = await tempProject()
    await expect(importLocale(root, 'de', join(root, 'policy/pinterest/sources/en.txt'))).rejects.toThrow('Unknown locale `de`')
  })

  it('leaves the previous file intact when the new text is bad', async () => {
    const root = await tempProject({ locales: true })
    const before = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
    const file = await put(root, 'bad.txt', new Uint8Array([0x48, 0x69, 0x0a, 0xff]))
    await expect(importLocale(root, 'en', file)).rejects.toThrow('Invalid UTF-8')
    expect(await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')).toBe(before)
  })
})
