// Every JSON file of a project is read through one reader (src/project/json-file.ts): a file that is not JSON is
// `json/syntax` at the line and column of the error, whatever the file; a file of the wrong shape is the artefact's
// rule ID at the line and column of the offending field. Each case runs the command that reads the file.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { RELEASE_RECORD, TRANSLATION_LOCK } from '../../src/project/artefacts.js'
import { inspectJson, parseJsonText } from '../../src/project/json-file.js'
import { diagnosticOf, put, run, tempProject } from '../helpers.js'

const P = 'policy/pinterest'

/** Not JSON: the second comma of line 2 (column 10) is the error. */
const SYNTAX = '{\n  "x": 1,,\n}\n'

/** The 1-based line and column where `needle` starts in `text` (found by search, not by the reader under test). */
function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle)
  expect(offset, `${JSON.stringify(needle)} in the test's file`).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, offset)
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`
}

/** Exit code 2, and one line `diptych: file:line:column: … (rule)` (a help line under it at most), never a stack trace. */
function expectOneLine(result: { code: number; stderr: string }, file: string, place: string, rule: string, reason?: RegExp): void {
  expect(result.code, result.stderr).toBe(2)
  const [first, ...rest] = result.stderr.trimEnd().split('\n')
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  expect(first).toMatch(new RegExp(`^diptych: ${escape(file)}:${place}: .* \\(${escape(rule)}\\)$`))
  if (reason) expect(first).toMatch(reason)
  expect(rest.every((line) => line.startsWith('  '))).toBe(true)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
}

/** An artefact, the command that reads it, and a file of the wrong shape with the place of its offending field. */
interface Case {
  artefact: string
  file: string
  argv: string[]
  /** Run `diptych build` first (the command reads built files too). */
  build?: boolean
  /** The wrong shape (a function of the file as bundled, when it needs it), the text at the offending field, the rule. */
  shape: { text: string | ((bundled: string) => string); at: string; rule: string; reason?: RegExp }
  /** Where the syntax error is reported, when not as its own `json/syntax` line (the integrity check of releases). */
  syntaxRule?: string
}

const IMPORT = ['import', `${P}/sources/en.txt`, '--locale', 'en', '--dry-run']

const CASES: Case[] = [
  {
    artefact: 'manifest',
    file: `${P}/policy.json`,
    argv: ['build'],
    shape: { text: (bundled) => JSON.stringify({ ...JSON.parse(bundled), locales: 'en' }, null, 2), at: '"locales"', rule: 'policy/invalid-manifest', reason: /field `locales` must be array/ },
  },
  {
    artefact: 'manifest (the fast engine of eval reads it first)',
    file: `${P}/policy.json`,
    argv: ['eval', 'examples/compliant.json'],
    build: true,
    shape: { text: (bundled) => JSON.stringify({ ...JSON.parse(bundled), id: 'other' }, null, 2), at: '"id"', rule: 'policy/invalid-manifest', reason: /field `id` is `other`, expected `pinterest`/ },
  },
  {
    artefact: 'translation lock',
    file: 'locales/nl/pinterest.lock.json',
    argv: ['check'],
    shape: { text: '{\n  "reference": "en",\n  "basis": {\n    "mission": "abc"\n  }\n}\n', at: '"mission"', rule: 'lock/invalid', reason: /field `basis\.mission` must be a sha256/ },
  },
  {
    artefact: 'baseline',
    file: `${P}/check-baseline.json`,
    argv: ['check'],
    shape: { text: '{\n  "accepted": [\n    {"check": "x"}\n  ]\n}\n', at: '{"check"', rule: 'baseline/invalid', reason: /field `accepted\.0` is missing field `locale`/ },
  },
  {
    artefact: 'glossary',
    file: 'locales/glossary.json',
    argv: ['check'],
    shape: { text: '{\n  "keep": [""]\n}\n', at: '""', rule: 'glossary/invalid', reason: /field `keep\.0` must be a term/ },
  },
  {
    artefact: 'retired IDs',
    file: `${P}/retired-ids.json`,
    argv: IMPORT,
    shape: { text: '{\n  "retired": [5]\n}\n', at: '5', rule: 'ingest/invalid-retired-ids', reason: /field `retired\.0` must be string/ },
  },
  {
    artefact: 'hints',
    file: `${P}/hints.json`,
    argv: IMPORT,
    shape: { text: '{\n  "headings": ["A"],\n  "titles": []\n}\n', at: '"titles"', rule: 'ingest/hints', reason: /the hints file has unknown field `titles`/ },
  },
  {
    artefact: 'release record (render reads its date)',
    file: `${P}/releases/1.0.0/release.json`,
    argv: ['render', '--out', 'docs'],
    build: true,
    shape: { text: (bundled) => bundled.replace('"2026-11-23"', '"23 November"'), at: '"date"', rule: 'release/invalid-record', reason: /field `date` must be a date/ },
  },
  {
    artefact: 'release record (release checks the stored releases first)',
    file: `${P}/releases/1.0.0/release.json`,
    argv: ['release', '--dry-run'],
    shape: { text: (bundled) => bundled.replace('"previous": null', '"previous": 1'), at: '"previous"', rule: 'release/integrity', reason: /its record is invalid: field `previous` must name a release/ },
    syntaxRule: 'release/integrity',
  },
  {
    artefact: 'release index',
    file: `${P}/releases/index.json`,
    argv: ['release', '--dry-run'],
    shape: { text: '{\n  "versions": "1.0.0",\n  "head": null\n}\n', at: '"versions"', rule: 'release/integrity', reason: /the index is invalid: field `versions` must be array/ },
    syntaxRule: 'release/integrity',
  },
  {
    artefact: 'stored catalogue (diff against a release)',
    file: `${P}/releases/1.0.0/catalogue.json`,
    argv: ['diff', '1.0.0', 'current'],
    shape: { text: (bundled) => JSON.stringify({ ...JSON.parse(bundled), version: 100 }, null, 2), at: '"version"', rule: 'catalogue/invalid', reason: /field `version` must be string/ },
  },
  {
    artefact: 'catalogue named on the command line (diff)',
    file: 'old.json',
    argv: ['diff', 'old.json', 'current'],
    shape: { text: '{\n  "id": "pinterest",\n  "sections": {}\n}\n', at: '{\n  "id"', rule: 'catalogue/invalid', reason: /the catalogue is missing field `title`/ },
  },
  {
    artefact: 'built catalogue (eval)',
    file: `${P}/catalogue.json`,
    argv: ['eval', 'examples/compliant.json'],
    build: true,
    shape: { text: '{\n  "id": "pinterest",\n  "version": 1\n}\n', at: '"version"', rule: 'catalogue/invalid', reason: /field `version` must be a string/ },
  },
  {
    artefact: 'built catalogue (render)',
    file: `${P}/catalogue.json`,
    argv: ['render', '--out', 'docs'],
    build: true,
    shape: { text: '[]\n', at: '[', rule: 'catalogue/invalid', reason: /the catalogue must be an object/ },
  },
  {
    artefact: 'rule test',
    file: `${P}/tests/zz.json`,
    argv: ['test'],
    build: true,
    shape: { text: '{\n  "profile": {},\n  "expect": []\n}\n', at: '"expect"', rule: 'test/invalid-test', reason: /field `expect` must be the expected status per rule/ },
  },
  {
    artefact: 'subject schema',
    file: `${P}/app-profile.schema.json`,
    argv: ['build'],
    shape: { text: '[\n  {}\n]\n', at: '[', rule: 'schema/invalid', reason: /expected a JSON Schema \(an object\), found an array/ },
  },
]

describe('every JSON artefact, through the CLI', () => {
  for (const item of CASES) {
    describe(item.artefact, () => {
      let root: string
      let bundled: string
      beforeAll(async () => {
        root = await tempProject({ locales: true })
        if (item.build) expect((await run(['build', '--root', root], root)).code).toBe(0)
        bundled = await readFile(join(root, item.file), 'utf8').catch(() => '')
      }, 60_000)

      it(`not JSON: ${item.syntaxRule ?? 'json/syntax'} at the error's line and column, exit 2`, async () => {
        await put(root, item.file, SYNTAX)
        expectOneLine(await run([...item.argv, '--root', root], root), item.file, '2:10', item.syntaxRule ?? 'json/syntax', /(Invalid JSON|is not JSON \()/)
      }, 60_000)

      it(`the wrong shape: ${item.shape.rule} at the offending field, exit 2`, async () => {
        const text = typeof item.shape.text === 'string' ? item.shape.text : item.shape.text(bundled)
        expect(text).not.toBe(bundled)
        await put(root, item.file, text)
        expectOneLine(await run([...item.argv, '--root', root], root), item.file, placeOf(text, item.shape.at), item.shape.rule, item.shape.reason)
      }, 60_000)
    })
  }
})

describe('the reader', () => {
  it('names the field in the message and places it at its line and column', () => {
    const text = '{\n  "reference": "en",\n  "basis": {"a": "0"}\n}'
    expect(diagnosticOf(() => parseJsonText(text, 'x.lock.json', TRANSLATION_LOCK))).toBe(
      'x.lock.json:3:13: Invalid translation lock: field `basis.a` must be a sha256 (64 lowercase hexadecimal digits) (lock/invalid)',
    )
    expect(diagnosticOf(() => parseJsonText('{"basis": {}}', 'x.lock.json', TRANSLATION_LOCK))).toBe('x.lock.json:1:1: Invalid translation lock: the translation lock is missing field `reference` (lock/invalid)')
    expect(diagnosticOf(() => parseJsonText('', 'x.lock.json', TRANSLATION_LOCK))).toMatch(/^x\.lock\.json:1:1: Invalid JSON: .* \(json\/syntax\)$/)
  })

  it('a byte order mark is no error; a value the schema accepts is returned as it is', () => {
    expect(parseJsonText('\uFEFF{"reference": "en", "basis": {}}', 'x.lock.json', TRANSLATION_LOCK)).toEqual({ reference: 'en', basis: {} })
  })

  it('inspectJson returns the problems instead of throwing them, with the parsed value when it parsed', () => {
    const bad = inspectJson('{"version": "1.0.0"}', 'release.json', RELEASE_RECORD)
    expect(bad.value).toBeUndefined()
    expect(bad.parsed).toEqual({ version: '1.0.0' })
    expect(bad.problems.map((problem) => `${problem.source}/${problem.ruleId}`)).toEqual(['release/invalid-record'])
    const broken = inspectJson('{', 'release.json', RELEASE_RECORD)
    expect(broken.parsed).toBeUndefined()
    expect(broken.problems.map((problem) => `${problem.source}/${problem.ruleId}`)).toEqual(['json/syntax'])
  })

  it('check reports a stored release record that is not JSON as a finding at its place, and goes on', async () => {
    const root = await tempProject({ locales: true })
    await put(root, `${P}/releases/1.0.0/release.json`, SYNTAX)
    const result = await run(['check', '--format', 'json', '--root', root], root)
    expect(result.code).toBe(1)
    const messages = (JSON.parse(result.stdout) as { findings: Array<{ check: string; message: string }> }).findings.map((finding) => finding.message)
    expect(messages).toContainEqual(expect.stringMatching(/^Release 1\.0\.0: its record is not JSON \(/))
  }, 60_000)
})
