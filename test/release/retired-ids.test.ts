// A removed clause's ID is never given to another text, even when retired-ids.json is lost or stale:
// the IDs ever used are also read from the stored releases, the catalogue and every language.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, run, tempProject } from '../helpers.js'

const EN_V2 = join(ROOT, 'test/fixtures/pinterest-en-v2.txt')
const REMOVED = 'what-not-to-do.misrepresenting-relationship-pinterest'
const RETIRED = 'policy/pinterest/retired-ids.json'

/** Version 3: version 2 with a new clause whose words would give it the removed clause's ID. */
async function version3(root: string): Promise<string> {
  const v2 = await readFile(EN_V2, 'utf8')
  const anchor = '  • Creating or providing an app for the purpose of violating Pinterest policies.\n'
  expect(v2).toContain(anchor)
  const path = join(root, 'en-v3.txt')
  await writeFile(path, v2.replace(anchor, `${anchor}  • Misrepresenting relationship Pinterest partners through fake badges or logos on your app store page.\n`))
  return path
}

async function idOfNewClause(root: string): Promise<string | undefined> {
  const english = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
  return /^- Misrepresenting relationship Pinterest partners[^\n]*\{#([^}]+)\}$/m.exec(english)?.[1]
}

describe('retired IDs', () => {
  it('a lost retired-ids.json cannot give a removed clause\'s ID to a new text', async () => {
    const root = await tempProject({ locales: true })
    expect((await run(['import', EN_V2, '--locale', 'en', '--root', root], root)).code).toBe(0)
    expect(JSON.parse(await readFile(join(root, RETIRED), 'utf8'))).toEqual({ retired: [REMOVED] })
    await rm(join(root, RETIRED))
    expect((await run(['import', await version3(root), '--locale', 'en', '--root', root], root)).code).toBe(0)
    const id = await idOfNewClause(root)
    expect(id).toBeDefined()
    expect(id).not.toBe(REMOVED)
  })

  it('a stale retired-ids.json (an empty list) cannot give a removed clause\'s ID to a new text', async () => {
    const root = await tempProject({ locales: true })
    await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
    await writeFile(join(root, RETIRED), '{"retired": []}\n')
    expect((await run(['import', await version3(root), '--locale', 'en', '--root', root], root)).code).toBe(0)
    expect(await idOfNewClause(root)).not.toBe(REMOVED)
  })

  for (const [name, content, place] of [
    ['`{"retired":"x"}`', '{"retired":"x"}', '1:2'],
    ['`null`', 'null', '1:1'],
    ['an array', '["x"]', '1:1'],
    ['a list with a number', '{"retired":[5]}', '1:13'],
  ] as const) {
    it(`retired-ids.json holding ${name} is one line naming the file, exit 2, and is not overwritten`, async () => {
      const root = await tempProject({ locales: true })
      await writeFile(join(root, RETIRED), content)
      const result = await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
      expect(result.code).toBe(2)
      // One line at the offending field, then what the file should hold.
      expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^diptych: policy/pinterest/retired-ids\\.json:${place}: Invalid list of retired IDs: .* \\(ingest/invalid-retired-ids\\)$`))
      expect(result.stderr).toContain('Expected `{"retired": ["<id>", …]}`, the IDs of removed clauses.')
      expect(await readFile(join(root, RETIRED), 'utf8')).toBe(content)
    })
  }

  it('retired-ids.json that is not JSON is one positioned line, exit 2', async () => {
    const root = await tempProject({ locales: true })
    await writeFile(join(root, RETIRED), '{"retired": [')
    const result = await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^diptych: policy\/pinterest\/retired-ids\.json:1:\d+: Invalid JSON: .* \(json\/syntax\)\n/)
  })

  it('a translation import still aligns to every current reference ID', async () => {
    const root = await tempProject({ locales: true })
    const before = await readFile(join(root, 'locales/nl/pinterest.md'), 'utf8')
    expect((await run(['import', join(root, 'policy/pinterest/sources/nl.txt'), '--locale', 'nl', '--root', root], root)).code).toBe(0)
    expect(await readFile(join(root, 'locales/nl/pinterest.md'), 'utf8')).toBe(before)
  })
})
