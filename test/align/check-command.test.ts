// `diptych check` on the shipped policy and on changed copies of it: IDs, stale translations, confirm, baseline, SARIF.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { put, run, tempProject } from '../helpers.js'

interface Json {
  findings: Array<{ check: string; severity: string; clause: string | null; translation: { file: string; line: number } | null; reference: { file: string; line: number } | null }>
  summary: { errors: number; warnings: number; baselined: number }
}
const check = async (root: string, ...extra: string[]) => {
  const result = await run(['check', '--root', root, '--format', 'json', ...extra], root)
  return { code: result.code, json: JSON.parse(result.stdout) as Json }
}
const edit = async (root: string, path: string, change: (text: string) => string) => {
  const full = join(root, path)
  const before = await readFile(full, 'utf8')
  const after = change(before)
  expect(after).not.toBe(before)
  await writeFile(full, after)
}

describe('diptych check', () => {
  it('passes on the shipped policy: the real English and Dutch texts say the same thing', async () => {
    const { code, stderr } = await run(['check'])
    expect(code).toBe(0)
    // One warning is accepted by the policy's baseline, with its reason (policy/pinterest/check-baseline.json).
    expect(stderr).toBe('diptych check: 1 translation of en: 0 errors, 0 warnings, 1 accepted by the baseline\n  en→nl: all 18 checks ran\n')
  })

  it('pairs by ID: a dropped, a moved and a changed clause of the Dutch Markdown', async () => {
    const root = await tempProject({ locales: true })
    await edit(root, 'locales/nl/pinterest.md', (text) => {
      const lines = text.split('\n')
      const drop = lines.findIndex((line) => line.includes('{#basics.follow-instructions-technical}'))
      lines.splice(drop, 1)
      const a = lines.findIndex((line) => line.includes('{#basics.combine-someones-account}'))
      ;[lines[a], lines[a + 1]] = [lines[a + 1]!, lines[a]!]
      return lines.join('\n').replace('jonger dan 13', 'jonger dan 12')
    })
    const { code, json } = await check(root)
    expect(code).toBe(1)
    expect(json.findings.map((finding) => [finding.check, finding.clause])).toEqual([
      ['moved-clause', 'basics.combine-someones-account'],
      ['missing-clause', 'basics.follow-instructions-technical'],
      ['number-mismatch', 'what-not-to-do.apps-intended-children'],
    ])
  })

  it('reports stale translations after the English changes, until re-imported or confirmed', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    // A new English text: one clause reworded.
    await edit(root, 'policy/pinterest/sources/en.txt', (text) => text.replace('Follow any instructions in our technical documentation.', 'Follow all instructions in our technical documentation.'))
    expect((await run(['import', 'policy/pinterest/sources/en.txt', '--locale', 'en', '--root', root], root)).code).toBe(0)
    const stale = await check(root)
    expect(stale.code).toBe(1)
    const clause = stale.json.findings.find((finding) => finding.check === 'stale-translation')?.clause
    expect(stale.json.findings.map((finding) => finding.check)).toEqual(['stale-translation'])
    expect(clause).toMatch(/^basics\.follow-all-instructions|^basics\.follow-instructions/)
    const confirmed = await run(['confirm', clause!, '--locale', 'nl', '--root', root], root)
    expect(confirmed).toMatchObject({ code: 0, stderr: `diptych confirm: ${clause} (nl) confirmed against the current reference text\n` })
    expect(await check(root)).toMatchObject({ code: 0, json: { summary: { errors: 0, warnings: 0 } } })
    const unknown = await run(['confirm', 'basics.nope', '--locale', 'nl', '--root', root], root)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown clause `basics.nope`')
  })

  it('a re-imported Dutch text with the clause updated is no longer stale', async () => {
    const root = await tempProject({ locales: true })
    await edit(root, 'policy/pinterest/sources/en.txt', (text) => text.replace('Follow any instructions', 'Follow all instructions'))
    await run(['import', 'policy/pinterest/sources/en.txt', '--locale', 'en', '--root', root], root)
    expect((await check(root)).code).toBe(1)
    await edit(root, 'policy/pinterest/sources/nl.txt', (text) => text.replace('Volg alle instructies zoals beschreven', 'Volg altijd alle instructies zoals beschreven'))
    await run(['import', 'policy/pinterest/sources/nl.txt', '--locale', 'nl', '--root', root], root)
    expect((await check(root)).json.findings).toEqual([])
  })

  it('accepts baselined findings until either text changes again', async () => {
    const root = await tempProject({ locales: true })
    await edit(root, 'locales/nl/pinterest.md', (text) => text.replace('jonger dan 13', 'jonger dan 12'))
    expect((await check(root)).code).toBe(1)
    const update = await run(['check', '--root', root, '--update-baseline'], root)
    expect(update.code).toBe(0)
    const baseline = JSON.parse(await readFile(join(root, 'policy/pinterest/check-baseline.json'), 'utf8')) as { accepted: Array<Record<string, string>> }
    // The shipped entry keeps its reason; the new one starts with TODO.
    expect(baseline.accepted).toMatchObject([
      { check: 'polarity-mismatch', locale: 'nl', clause: 'what-not-to-do.attempting-claiming-provide', reason: expect.stringMatching(/^The English says “don’t” twice/) },
      { check: 'number-mismatch', locale: 'nl', clause: 'what-not-to-do.apps-intended-children', reason: expect.stringMatching(/^TODO/) },
    ])
    baseline.accepted[1]!['reason'] = 'The Dutch text follows the Dutch age limit (test).'
    await writeFile(join(root, 'policy/pinterest/check-baseline.json'), JSON.stringify(baseline))
    expect(await check(root)).toMatchObject({ code: 0, json: { findings: [], summary: { baselined: 2 } } })
    // The same difference, but the Dutch clause changed again: it fires anew.
    await edit(root, 'locales/nl/pinterest.md', (text) => text.replace('jonger dan 12.', 'jonger dan 12 jaar.'))
    const again = await check(root)
    expect(again.code).toBe(1)
    expect(again.json.findings.map((finding) => finding.check)).toEqual(['number-mismatch'])
    const text = await run(['check', '--root', root], root)
    expect(text.stderr).toContain('1 baseline entry matches nothing any more (number-mismatch what-not-to-do.apps-intended-children)')
  })

  it('writes SARIF 2.1.0 with stable rule IDs, fingerprints and both places', async () => {
    const root = await tempProject({ locales: true })
    await edit(root, 'locales/nl/pinterest.md', (text) => text.replace('optout.aboutads.info', 'optout.aboutads.nl'))
    const { code, stdout } = await run(['check', '--root', root, '--format', 'sarif'], root)
    expect(code).toBe(1)
    const sarif = JSON.parse(stdout)
    expect(sarif.version).toBe('2.1.0')
    const [result] = sarif.runs[0].results
    expect(result).toMatchObject({
      ruleId: 'url-mismatch',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'locales/nl/pinterest.md' }, region: { startColumn: 1 } } }],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'locales/en/pinterest.md' } } }],
    })
    expect(result.partialFingerprints['diptych/v1']).toMatch(/^[0-9a-f]{64}$/)
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('url-mismatch')
    const again = JSON.parse((await run(['check', '--root', root, '--format', 'sarif'], root)).stdout)
    expect(again.runs[0].results[0].partialFingerprints).toEqual(result.partialFingerprints)
  })

  it('prints text findings like remark-lint, with both places', async () => {
    const root = await tempProject({ locales: true })
    await edit(root, 'locales/nl/pinterest.md', (text) => text.replace('jonger dan 13', 'jonger dan 16'))
    const { code, stderr } = await run(['check', '--root', root], root)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^locales\/nl\/pinterest\.md\n\s*\d+:1\s+error\s+Numbers differ: 13 missing from the translation; 16 not in the reference \(reference: locales\/en\/pinterest\.md:\d+:1\)\s+number-mismatch\s+diptych/)
  })

  it('fails with exit 2 on bad input', async () => {
    const root = await tempProject({ locales: true })
    await put(root, 'locales/glossary.json', '{"terms": [{"en": [], "nl": ["x"]}]}')
    const bad = await run(['check', '--root', root], root)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('diptych: locales/glossary.json:1:13: Invalid glossary: field `terms.0.en` must be a non-empty list of strings (glossary/invalid)\n')
    const missing = await run(['align', 'nope.en.txt', 'policy/pinterest/sources/nl.txt', '--root', root], root)
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('nope.en.txt: File not found') })
    await put(root, 'translation.txt', await readFile(join(root, 'policy/pinterest/sources/nl.txt'), 'utf8'))
    const unknownLanguage = await run(['align', 'policy/pinterest/sources/en.txt', 'translation.txt', '--root', root], root)
    expect(unknownLanguage).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot tell the language of the translation') })
  })
})
