// The locale diff check on the real texts: no finding on the published pair; every mutation of the Dutch text caught,
// at the right line, with the right check.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, put, run, tempProject } from '../helpers.js'

const dutch = await readFile(join(ROOT, 'policy/pinterest/sources/nl.txt'), 'utf8')
const lines = dutch.split('\n')
const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1

interface Json {
  findings: Array<{ check: string; severity: string; message: string; reference: { line: number } | null; translation: { line: number } | null }>
  summary: { errors: number; warnings: number }
}

async function alignMutated(mutate: (lines: string[]) => string[]): Promise<{ code: number; json: Json }> {
  const root = await tempProject()
  await put(root, 'nl.txt', mutate([...lines]).join('\n'))
  const { code, stdout } = await run(['align', join(ROOT, 'policy/pinterest/sources/en.txt'), 'nl.txt', '--format', 'json', '--glossary', join(ROOT, 'locales/glossary.json')], root)
  return { code, json: JSON.parse(stdout) as Json }
}
/**
 * The published pair's one finding, a warning the policy's baseline accepts with its reason: the English says "don't"
 * twice ("don't make statements …, and don't do the same for brands"), the Dutch once ("Doe geen uitspraken … Dat
 * geldt ook voor merken en accounts").
 */
const published = (finding: Json['findings'][number]) => finding.check === 'polarity-mismatch' && finding.message.includes('Doe bijvoorbeeld geen uitspraken')
const found = (json: Json) => json.findings.filter((finding) => !published(finding)).map((finding) => [finding.check, finding.translation?.line ?? null, finding.reference?.line ?? null])
const at = (text: string) => lineOf(text) - 1

describe('diptych align on the real English and Dutch texts', () => {
  it('reports one warning on the published pair, the one its baseline accepts, and says which checks ran', async () => {
    const { code, stdout } = await run(['align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt', '--format', 'json'])
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as Json & { skipped: unknown[]; checks: Array<{ reference: string; translation: string; ran: string[]; skipped: string[] }> }
    expect(json.findings).toHaveLength(1)
    expect(published(json.findings[0]!)).toBe(true)
    expect(json.findings[0]!.translation?.line).toBe(lineOf('Doe bijvoorbeeld geen uitspraken'))
    expect(json.findings[0]!.severity).toBe('warning')
    expect(json.summary).toEqual({ errors: 0, warnings: 1 })
    expect(json.skipped).toEqual([])
    expect(json.checks).toHaveLength(1)
    expect(json.checks[0]).toMatchObject({ reference: 'en', translation: 'nl', skipped: [] })
    expect(json.checks[0]!.ran).toContain('modality-mismatch')
    expect(json.checks[0]!.ran).toContain('polarity-mismatch')
  })

  it('the policy check accepts that warning by its baseline, with a reason', async () => {
    const { code, stdout } = await run(['check', '--format', 'json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ findings: [], summary: { errors: 0, warnings: 0, baselined: 1 } })
  })

  it.each([
    ['a dropped clause', (ls: string[]) => (ls.splice(at('Volg alle instructies'), 1), ls), [['missing-clause', null, 22]]],
    ['a changed number', (ls: string[]) => ((ls[at('jonger dan 13')] = ls[at('jonger dan 13')]!.replace('13', '16')), ls), [['number-mismatch', 57, 59]]],
    ['a changed URL', (ls: string[]) => ((ls[at('pinterest.com/pin')] = ls[at('pinterest.com/pin')]!.replace('424605071126047814', '424605071126047815')), ls), [['url-mismatch', 63, 66]]],
    ['a changed domain', (ls: string[]) => ((ls[at('optout.aboutads')] = ls[at('optout.aboutads')]!.replace('aboutads.info', 'aboutads.nl')), ls), [['url-mismatch', 74, 78]]],
    ['a prohibition turned into a permission', (ls: string[]) => ((ls[at('Je mag geen gegevens opslaan')] = ls[at('Je mag geen gegevens opslaan')]!.replace('mag geen', 'mag')), ls), [['modality-mismatch', 13, 14]]],
    ['a clause left in English', (ls: string[]) => ((ls[at('Volg alle instructies')] = ' • Follow any instructions in our technical documentation.'), ls), [['untranslated', 21, 22]]],
    ['two clauses merged', (ls: string[]) => {
      const i = at('Voeg accountgegevens')
      ls[i] = `${ls[i]} ${ls[i + 1]!.replace(/^\s*•\s*/, '')}`
      ls.splice(i + 1, 1)
      return ls
    }, [['merged-clauses', 16, 17]]],
    ['two clauses swapped', (ls: string[]) => {
      const i = at('Voeg accountgegevens')
      ;[ls[i], ls[i + 1]] = [ls[i + 1]!, ls[i]!]
      return ls
    }, [['moved-clause', 17, 17]]],
    ['a clause added', (ls: string[]) => (ls.splice(at('Volg alle instructies'), 0, ' • Deel nooit je scherm met collega’s tijdens een vergadering over de roadmap van 2025.'), ls), [['extra-clause', 21, null]]],
    ['a heading dropped', (ls: string[]) => (ls.splice(at('Content publiceren'), 2), ls), [['heading-mismatch', null, 62]]],
  ])('catches %s', async (_, mutate, expected) => {
    const { code, json } = await alignMutated(mutate)
    expect(found(json)).toEqual(expected)
    expect(code).toBe(json.summary.errors > 0 ? 1 : 0)
  })
})
