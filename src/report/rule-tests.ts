// Rule tests (like `opa test`): each file beside the rules gives a profile and the expected status per rule; the run
// reports failures and coverage (rules exercised, condition outcomes reached).
import { readdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { DiagnosticsError, diagnostic, fail } from '../diagnostics/index.js'
import type { Expression } from '../dsl/ast.js'
import { conditions } from '../dsl/interpret/evaluate.js'
import { STATUSES } from '../dsl/semantics.js'
import { type Engine, loadEngine } from './engine.js'
import { parseProfile, readProfileText } from './profiles.js'
import { judge, validateProfile } from './evaluate.js'
import { jsonLines, jsonTooDeep, lineOf } from '../util/json-lines.js'
import { LIMITS } from '../util/limits.js'
import { RULE_TEST } from '../project/artefacts.js'
import { parseJsonText } from '../project/json-file.js'
import { readText } from '../util/read-file.js'
import { resolveInside } from '../util/contained.js'
import { didYouMean, didYouMeanNote } from '../util/suggest.js'

/** Results of a test run. */
export interface TestRun {
  files: Array<{ file: string; description: string; expectations: number; failures: string[] }>
  rulesExercised: number
  rules: number
  outcomesCovered: number
  outcomes: number
}

/** Run every test in `policy/<policy>/tests/`. */
export async function runRuleTests(root: string, policy: string): Promise<TestRun> {
  const engine = await loadEngine(root, policy)
  const folder = engine.paths.tests
  const names = (await listTests(folder, engine.paths.display(folder))).filter((name) => name.endsWith('.json')).sort()
  const known = new Map(engine.rules.program.rules.map((rule) => [rule.id, rule]))
  // No test yet (a policy just begun): nothing failed; the coverage line shows that nothing was exercised.
  if (names.length === 0) return { files: [], rulesExercised: 0, rules: known.size, outcomesCovered: 0, outcomes: conditions(engine.rules.program).length * 2 }
  const exercised = new Set<string>()
  const outcomes = new Map<Expression, Set<string>>()
  const files: TestRun['files'] = []
  for (const name of names) {
    const path = join(folder, name)
    const display = engine.paths.display(path)
    const text = await readText(path, { file: display, ruleId: RULE_TEST.unreadable, inside: engine.paths.folder })
    const test = parseJsonText(text, display, RULE_TEST)
    const lines = jsonLines(text)
    const problems = []
    for (const [rule, status] of Object.entries(test.expect)) {
      if (!known.has(rule)) problems.push(diagnostic(`Unknown rule \`${rule}\``, { file: display, line: lineOf(lines, `/expect/${rule}`), ruleId: 'test/unknown-rule', fatal: true, note: didYouMeanNote(didYouMean(rule, [...known.keys()])) }))
      if (!(STATUSES as readonly unknown[]).includes(status)) {
        problems.push(diagnostic(`Unknown status \`${String(status)}\`, expected ${STATUSES.join(', ')}`, { file: display, line: lineOf(lines, `/expect/${rule}`), ruleId: 'test/unknown-status', fatal: true }))
      }
    }
    if (problems.length > 0) throw new DiagnosticsError(problems, new Map([[display, text]]))
    const profile = typeof test.profile === 'string' ? await readProfile(engine, path, test.profile, `${display}: profile ${test.profile}`) : test.profile
    // The limits of `diptych eval` hold for a rule test's profile too.
    if (jsonTooDeep(profile, LIMITS.profileDepth)) {
      fail(`Profile nested deeper than ${LIMITS.profileDepth} levels of arrays and objects`, { file: display, line: lineOf(lines, '/profile'), ruleId: 'eval/too-deep' })
    }
    const invalid = validateProfile(engine, profile)
    if (invalid.length > 0) fail(`Invalid profile: ${invalid[0]!.pointer || '/'} ${invalid[0]!.message}`, { file: display, line: lineOf(lines, '/profile'), ruleId: 'test/invalid-profile' })
    const report = judge(engine, profile, { outcomes })
    const failures: string[] = []
    for (const [rule, expected] of Object.entries(test.expect)) {
      exercised.add(rule)
      const actual = report.verdicts.find((verdict) => verdict.rule === rule)!
      if (actual.status !== expected) {
        failures.push(`rule ${rule}: expected ${expected}, got ${actual.status}${actual.missing.length ? ` (missing ${actual.missing.join(', ')})` : ''}`)
      }
    }
    files.push({ file: display, description: test.description ?? name, expectations: Object.keys(test.expect).length, failures })
  }
  const all = conditions(engine.rules.program)
  const covered = all.reduce((sum, node) => sum + [...(outcomes.get(node) ?? [])].filter((value) => value === 'true' || value === 'false').length, 0)
  return { files, rulesExercised: exercised.size, rules: known.size, outcomesCovered: covered, outcomes: all.length * 2 }
}

/** The files of the tests folder; none when it does not exist, one line when it cannot be listed. */
async function listTests(folder: string, display: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    fail(code === 'ENOTDIR' ? 'Expected a folder, found a file' : `Cannot list the rule tests (${String(code ?? error)})`, { file: display, ruleId: 'test/unreadable' })
  }
}

/**
 * The profile a rule test names by path, relative to the test file: it must resolve (real path)
 * inside the project (the bundled tests share `examples/`), so a test cannot make `diptych test`
 * read, or quote, a file outside it.
 */
async function readProfile(engine: Engine, testPath: string, profile: string, display: string): Promise<unknown> {
  const real = await resolveInside(engine.paths.root, resolve(dirname(testPath), profile), display)
  const shown = engine.paths.display(real)
  // Read and checked as `diptych eval` reads a profile file: size, UTF-8, JSON, depth, the subject schema.
  return parseProfile(engine, await readProfileText(real, shown), shown)
}
