import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fill } from '../../src/report/evaluate.js'
import { ROOT, put, run, tempProject } from '../helpers.js'

const evalJson = async (file: string) => {
  const result = await run(['eval', file, '--format', 'json'])
  return { ...result, report: JSON.parse(result.stdout) as { policy: unknown; verdicts: Array<Record<string, unknown>>; summary: Record<string, number> } }
}

describe('diptych eval', () => {
  it('exits 0 for the compliant example, with every verdict satisfied or not applicable', async () => {
    const { code, report } = await evalJson('examples/compliant.json')
    expect(code).toBe(0)
    expect(report.policy).toEqual({ id: 'pinterest', version: '1.0.0' })
    expect(report.summary).toMatchObject({ violated: 0, unknown: 0, attest: 0, rules: 49 })
  })

  it.each([
    ['examples/breaks-byok-credentials.json', ['no-login-credentials', 'byok-stored-locally', 'byok-no-passwords-or-cookies']],
    ['examples/breaks-automation-and-storage.json', ['store-only-campaign-analytics', 'no-automation-without-choice', 'user-chooses-each-pin-and-account']],
    ['examples/breaks-ad-services.json', ['opt-out-instructions', 'multi-touch-beside-last-click', 'separate-fees']],
    ['examples/breaks-children-and-privacy.json', ['privacy-policy', 'not-for-children']],
  ])('%s exits 1 and names the rules it breaks', async (file, rules) => {
    const { code, report } = await evalJson(file)
    expect(code).toBe(1)
    expect(report.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.rule)).toEqual(rules)
  })

  it('cites the broken clause in English and Dutch, with its message and the facts that decided', async () => {
    const { report } = await evalJson('examples/breaks-byok-credentials.json')
    const verdict = report.verdicts.find((item) => item.rule === 'byok-stored-locally')!
    expect(verdict).toMatchObject({
      clause: 'basics.end-users-request',
      status: 'violated',
      text: { en: expect.stringMatching(/^End users may request API access credentials/), nl: expect.stringMatching(/^Eindgebruikers kunnen API-inloggegevens/) },
      message: {
        en: 'A bring-your-own-key app must store the end user’s API credentials locally, not on the server.',
        nl: 'Een bring-your-own-key-toepassing moet de API-inloggegevens van de eindgebruiker lokaal opslaan, niet op de server.',
      },
      missing: [],
      explanation: [
        { path: 'credentials.byok', value: true },
        { path: 'credentials.byokStorage', value: 'server' },
      ],
    })
    const english = await run(['eval', 'examples/breaks-byok-credentials.json'])
    expect(english.stdout).toContain('✗ byok-stored-locally → basics.end-users-request\n    “End users may request API access credentials')
    const dutch = await run(['eval', 'examples/breaks-byok-credentials.json', '--lang', 'nl'])
    expect(dutch.stdout).toContain('overtreden (3)')
    expect(dutch.stdout).toContain('“Eindgebruikers kunnen API-inloggegevens aanvragen')
    expect(dutch.stdout).toContain('omdat: credentials.byok = true; credentials.byokStorage = "server"')
  })

  it('reports facts a profile leaves out as unknown, listing them', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    await put(root, 'partial.json', JSON.stringify({ credentials: { byok: true } }))
    const { code, stdout } = await run(['eval', 'partial.json', '--format', 'json', '--root', root], root)
    expect(code).toBe(0)
    const verdict = (JSON.parse(stdout) as { verdicts: Array<{ rule: string; status: string; missing: string[] }> }).verdicts.find((item) => item.rule === 'byok-stored-locally')
    expect(verdict).toMatchObject({ status: 'unknown', missing: ['credentials.byokStorage'] })
  })

  it('rejects a profile that is not valid against the schema, naming file, line and field, exit 2', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    await put(root, 'bad.json', '{\n  "name": "x",\n  "credentials": { "byok": "yes" },\n  "colour": "red"\n}\n')
    const { code, stderr, stdout } = await run(['eval', 'bad.json', '--root', root], root)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('error: bad.json:1:1: Invalid profile: the profile has unknown field `colour` (at /) (eval/invalid-profile)')
    expect(stderr).toContain('error: bad.json:3:20: Invalid profile: field `credentials.byok` must be boolean (at /credentials/byok) (eval/invalid-profile)')
    await put(root, 'broken.json', '{"name": "x",,}')
    const broken = await run(['eval', 'broken.json', '--root', root], root)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^diptych: broken\.json:1:14: Invalid JSON: .* \(json\/syntax\)\n$/)
  })

  it('streams an NDJSON file: one report a line, bad lines named by line, exit 2 when any is bad', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    const compliant = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/compliant.json'), 'utf8')))
    const kids = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/breaks-children-and-privacy.json'), 'utf8')))
    await put(root, 'batch.ndjson', [compliant, kids, '', compliant].join('\n') + '\n')
    const good = await run(['eval', 'batch.ndjson', '--root', root], root)
    expect(good.code).toBe(1)
    const reports = good.stdout.trim().split('\n').map((line) => JSON.parse(line) as { line: number; summary: { violated: number } })
    expect(reports.map((report) => [report.line, report.summary.violated])).toEqual([[1, 0], [2, 2], [4, 0]])
    expect(good.stderr).toContain('diptych eval: 3 profiles judged, 1 with violations')
    await put(root, 'mixed.ndjson', [compliant, '{"name": 1}', 'not json'].join('\n'))
    const mixed = await run(['eval', 'mixed.ndjson', '--root', root], root)
    expect(mixed.code).toBe(2)
    expect(mixed.stdout.trim().split('\n')).toHaveLength(1)
    // The field's own column, as for a profile file (the batch named column 1 before the use cases shared one reader).
    expect(mixed.stderr).toContain('diptych: mixed.ndjson:2:2: Invalid profile: field `name` must be string (at /name) (eval/invalid-profile)')
    expect(mixed.stderr).toMatch(/diptych: mixed\.ndjson:3:\d+: Invalid JSON/)
  })

  it('fills placeholders with facts, quoting nothing and naming absent facts', () => {
    expect(fill('on {a.b}, kinds {c}, {{braces}}, {missing}', { a: { b: 'server' }, c: ['pins', 'boards'] }, 'en')).toBe('on server, kinds pins, boards, {braces}, unknown')
    expect(fill('{x}', {}, 'nl')).toBe('onbekend')
  })
})

describe('diptych test', () => {
  it('runs the policy’s rule tests with full rule coverage', async () => {
    const { code, stdout } = await run(['test'])
    expect(code).toBe(0)
    expect(stdout).toContain('rule tests: 8 passed, 0 failed')
    expect(stdout).toMatch(/coverage: rules 49 of 49 \(100%\), condition outcomes \d+ of \d+/)
  })

  it('fails with exit 1 and names the rule when an expectation does not hold', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    await put(root, 'policy/pinterest/tests/wrong.json', JSON.stringify({ description: 'wrong on purpose', profile: { conduct: { scraping: true } }, expect: { 'no-scraping': 'satisfied' } }))
    const { code, stdout } = await run(['test', '--root', root], root)
    expect(code).toBe(1)
    expect(stdout).toContain('✗ policy/pinterest/tests/wrong.json: wrong on purpose (1 expectations)\n    rule no-scraping: expected satisfied, got violated')
  })

  it('rejects a test that names an unknown rule or status', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root])
    await put(root, 'policy/pinterest/tests/typo.json', '{\n  "profile": {},\n  "expect": {\n    "no-scrapping": "violated",\n    "no-scraping": "broken"\n  }\n}\n')
    const { code, stderr } = await run(['test', '--root', root], root)
    expect(code).toBe(2)
    expect(stderr).toContain('error: policy/pinterest/tests/typo.json:4:1: Unknown rule `no-scrapping` (test/unknown-rule)')
    expect(stderr).toContain('error: policy/pinterest/tests/typo.json:5:1: Unknown status `broken`')
  })
})

describe('the fast engine (built artefacts)', () => {
  it('is used when predicates.js and profile-validator.js are current, and agrees with the engine built from source', async () => {
    const { loadFastEngine } = await import('../../src/report/fast-engine.js')
    const { loadEngine } = await import('../../src/report/engine.js')
    const { judge } = await import('../../src/report/evaluate.js')
    const fast = await loadFastEngine(ROOT, 'pinterest')
    expect(fast).toBeDefined()
    const full = await loadEngine(ROOT, 'pinterest')
    for (const name of ['compliant', 'breaks-byok-credentials', 'breaks-ad-services']) {
      const profile = JSON.parse(await readFile(join(ROOT, `examples/${name}.json`), 'utf8'))
      expect(judge(fast!, profile)).toEqual(judge(full, profile))
    }
    const bad = { name: 1, integrationTypes: ['creative', 'creative'], credentials: { byokStorage: 'cloud' } }
    expect(fast!.validate(bad)).toEqual(full.validate(bad))
    expect(fast!.validate(bad).map((error) => error.pointer)).toEqual(['/name', '/integrationTypes', '/credentials/byokStorage'])
  })

  it('is not used when the rules changed since the build, and eval still judges from source', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    const { loadFastEngine } = await import('../../src/report/fast-engine.js')
    expect(await loadFastEngine(root, 'pinterest')).toBeDefined()
    const rules = join(root, 'policy/pinterest/rules.dip')
    await put(root, 'policy/pinterest/rules.dip', (await readFile(rules, 'utf8')).replace('must not conduct.scraping', 'must not conduct.scraping or conduct.testsRateLimits'))
    expect(await loadFastEngine(root, 'pinterest')).toBeUndefined()
    await put(root, 'scraper.json', JSON.stringify({ conduct: { scraping: false, testsRateLimits: true } }))
    const judged = await run(['eval', 'scraper.json', '--format', 'json', '--root', root], root)
    expect(judged.code).toBe(1)
    const verdict = (JSON.parse(judged.stdout) as { verdicts: Array<{ rule: string; status: string }> }).verdicts.find((item) => item.rule === 'no-scraping')
    expect(verdict?.status).toBe('violated')
  })

  it('the committed profile-validator.js is the one the build writes', async () => {
    const { standaloneValidator } = await import('../../src/catalogue/standalone-validator.js')
    const { textHash } = await import('../../src/dsl/source-hash.js')
    const schema = await readFile(join(ROOT, 'policy/pinterest/app-profile.schema.json'), 'utf8')
    expect(await readFile(join(ROOT, 'policy/pinterest/profile-validator.js'), 'utf8')).toBe(standaloneValidator(JSON.parse(schema), textHash(schema)))
  })
})
