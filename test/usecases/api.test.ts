// The use cases are the public API: a program calling them does what the command line does, with the same results.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as diptych from '../../src/index.js'
import { VFile } from '../../src/diagnostics/index.js'
import { ROOT, put, run, tempProject } from '../helpers.js'

const COMMANDS = ['import', 'build', 'check', 'test', 'eval', 'release', 'render', 'diff', 'align', 'confirm'] as const

describe('the use cases, called as a program', () => {
  it('exist for every command of the CLI', () => {
    const api = diptych as Record<string, unknown>
    const uses: Record<(typeof COMMANDS)[number], string> = {
      import: 'importDocument',
      build: 'buildPolicy',
      check: 'checkPolicy',
      test: 'testPolicy',
      eval: 'evalProfile',
      release: 'releasePolicy',
      render: 'renderDocs',
      diff: 'diffPolicy',
      align: 'alignDocuments',
      confirm: 'confirmTranslation',
    }
    for (const command of COMMANDS) expect(typeof api[uses[command]], `${command}: ${uses[command]}`).toBe('function')
  })

  it('build, check, test, eval, render and diff give what the CLI gives', async () => {
    const root = await tempProject({ locales: true })
    const collector = new VFile()
    const built = await diptych.buildPolicy({ root, policy: 'pinterest', fromSources: true, collector })
    expect(built.id).toBe('pinterest')
    expect(built.imports.map((result) => result.path)).toEqual(['locales/en/pinterest.md', 'locales/nl/pinterest.md'])
    expect(built.predicates?.counts.rules).toBeGreaterThan(10)
    // The CLI's JSON build summary is the same catalogue, now unchanged.
    const cli = await run(['build', '--root', root, '--format', 'json'], root)
    expect(cli.code).toBe(0)
    expect(JSON.parse(cli.stdout)).toMatchObject({ changed: false, version: built.version })

    const checked = await diptych.checkPolicy({ root, policy: 'pinterest' })
    const cliCheck = await run(['check', '--root', root, '--format', 'json'], root)
    expect(checked.errors).toBe(0)
    expect(cliCheck.code).toBe(0)
    expect(checked.translations).toBe(1)

    const tests = await diptych.testPolicy(root, 'pinterest')
    expect(tests.files.length).toBeGreaterThan(0)
    expect(tests.files.every((file) => file.failures.length === 0)).toBe(true)

    const engine = await diptych.loadPolicyEngine(root, 'pinterest')
    const profile = join(root, 'examples/breaks-children-and-privacy.json')
    const { report } = await diptych.evalProfile(engine, profile, 'examples/breaks-children-and-privacy.json')
    const cliEval = await run(['eval', 'examples/breaks-children-and-privacy.json', '--root', root, '--format', 'json'], root)
    expect(cliEval.code).toBe(1)
    expect((JSON.parse(cliEval.stdout) as { summary: unknown }).summary).toEqual(report.summary)

    const rendered = await diptych.renderDocs({ root, policy: 'pinterest', out: join(root, 'docs'), display: (path) => path })
    expect(rendered.files.map((file) => file.slice(root.length + 1))).toEqual(['docs/en.md', 'docs/nl.md', 'docs/index.html'])
    expect(await readFile(join(root, 'docs/en.md'), 'utf8')).toContain('# ')

    const diff = await diptych.diffPolicy({ root, policy: 'pinterest', from: 'current', to: 'current', cwd: root, collector })
    expect(diff.bump).toBe('none')
  }, 120_000)

  it('judge an NDJSON batch through a sink, one bad line named at its place', async () => {
    const root = await tempProject({ locales: true })
    const compliant = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/compliant.json'), 'utf8')))
    const file = await put(root, 'batch.ndjson', [compliant, '{"name": 1}', compliant].join('\n'))
    await diptych.buildPolicy({ root, policy: 'pinterest', collector: new VFile() })
    const engine = await diptych.loadPolicyEngine(root, 'pinterest')
    const lines: number[] = []
    const rejected: string[] = []
    const result = await diptych.evalBatch(engine, file, 'batch.ndjson', {
      report: (_report, line) => {
        lines.push(line)
      },
      reject: (message) => rejected.push(diptych.formatOneLine(message)),
    })
    expect(result).toEqual({ judged: 2, violated: 0, invalid: 1 })
    expect(lines).toEqual([1, 3])
    expect(rejected).toEqual(['batch.ndjson:2:2: Invalid profile: field `name` must be string (at /name) (eval/invalid-profile)'])
  }, 60_000)
})
