// The package as a team installs it: `npm pack`, then the tarball installed into an empty project, where the command
// runs, a TypeScript program type-checks against the library, the schemas and the predicates, and the installed
// predicates judge the profiles of the policy's rule tests as those tests expect. publint and arethetypeswrong read the
// same tarball.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staleOutputs } from '../../scripts/prune-dist.js'
import { ROOT } from '../helpers.js'
import { writeFiles } from './typecheck.js'

const run = promisify(execFile)
const BIN = (name: string): string => join(ROOT, 'node_modules', '.bin', name)
/** The limits of the slow steps (packing, an install that may fetch from the registry); none is a measure of speed. */
const SLOW = 120_000
const ENV = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }

interface Packed {
  filename: string
  size: number
  files: Array<{ path: string }>
}

/** Run a command; its exit code and output, whatever the code. */
async function command(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: ENV, maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string }
    if (typeof failed.code !== 'number') throw error
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

/** What installing the tarball gave: the project, or why the registry could not be reached. */
type Installed = { ok: true; mode: 'offline' | 'prefer-offline'; ms: number } | { ok: false; reason: string }

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network/i

/**
 * `npm install <tarball>` in `dir`: from the cache alone first (no network), then, when the cache lacks a dependency,
 * allowed to fetch it. A registry that cannot be reached is a reason to skip, not a failure of the package.
 */
async function install(dir: string, tarball: string): Promise<Installed> {
  const started = performance.now()
  const args = ['install', '--no-package-lock', tarball]
  const offline = await command('npm', [...args, '--offline'], dir)
  if (offline.code === 0) return { ok: true, mode: 'offline', ms: performance.now() - started }
  if (!offline.stderr.includes('ENOTCACHED')) throw new Error(`npm install --offline failed:\n${offline.stderr}`)
  const online = await command('npm', [...args, '--prefer-offline', '--fetch-retries=0', '--fetch-timeout=30000'], dir)
  if (online.code === 0) return { ok: true, mode: 'prefer-offline', ms: performance.now() - started }
  if (NETWORK.test(online.stderr)) return { ok: false, reason: `the registry cannot be reached and the npm cache lacks a dependency:\n${online.stderr}` }
  throw new Error(`npm install failed:\n${online.stderr}`)
}

let work: string
let packed: Packed
let tarball: string
let consumer: string
let installed: Installed
/** The bundled policies (folders of policy/ with compiled predicates in the tarball). */
let policies: string[]

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is not built: run `npm run build:ts` first (`npm test` does)')
  work = await mkdtemp(join(tmpdir(), 'diptych-package-'))
  // `npm pack` runs `prepare` (a build of dist/ and of the grammar's parser) and `prepack` (pruning dist/ of what no
  // source makes). The build is `npm test`'s own first step, and rebuilding here would rewrite files other test files
  // are reading: the pack runs with --ignore-scripts, after the prune `prepack` does.
  const pruned = await command(process.execPath, [join(ROOT, 'scripts/prune-dist.js')], ROOT)
  expect(pruned.code, pruned.stderr).toBe(0)
  const pack = await command('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)
  expect(pack.code, pack.stderr).toBe(0)
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!
  tarball = join(work, packed.filename)
  policies = packed.files.flatMap((file) => /^policy\/([^/]+)\/predicates\.js$/.exec(file.path)?.[1] ?? [])
  consumer = join(work, 'consumer')
  await mkdir(consumer)
  await writeFile(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`)
  installed = await install(consumer, tarball)
}, SLOW)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the tarball', () => {
  it('holds dist/, the schemas, the bundled policy’s built artefacts and LICENSE, and nothing of tests, benchmarks or CI', () => {
    const paths = packed.files.map((file) => file.path)
    expect(policies).toEqual(['pinterest'])
    for (const path of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/diptych.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/bundle/main.js',
      'dist/bundle/batch-worker.js',
      'dist/usecases/batch-worker.js',
      'dist/usecases/index.d.ts',
      'policy/schema/catalogue.schema.json',
      'policy/schema/policy.schema.json',
      'policy/pinterest/policy.json',
      'policy/pinterest/catalogue.json',
      'policy/pinterest/app-profile.schema.json',
      'policy/pinterest/predicates.js',
      'policy/pinterest/predicates.d.ts',
      'policy/pinterest/profile-validator.js',
    ]) {
      expect(paths, path).toContain(path)
    }
    const unwanted = /^(test|bench|\.ci|examples|node_modules|test-results|grammar|scripts|locales)\/|^dist\/(bench|docs)\/|^policy\/[^/]+\/(tests|sources|releases)\/|\.tgz$|^tsconfig|^vitest/
    expect(paths.filter((path) => unwanted.test(path))).toEqual([])
    expect(paths.filter((path) => !/^(LICENSE|README\.md|package\.json|(bin|dist|src|policy)\/.+)$/.test(path))).toEqual([])
    // Small: well under a megabyte and a half packed.
    expect(packed.size).toBeLessThan(1_500_000)
  })

  it('holds only what the sources compile to (nothing tsc left in dist/ from a removed source)', () => {
    const paths = new Set(packed.files.map((file) => file.path))
    // dist/bundle/ is the command line's bundle (scripts/bundle.js), made afresh from dist/ by every build.
    const orphans = [...paths].filter((path) => !path.startsWith('dist/bundle/')).filter((path) => {
      const match = /^dist\/(.+?)(\.d\.ts|\.js)(\.map)?$/.exec(path)
      return match !== null && !paths.has(`src/${match[1]}.ts`) && !paths.has(`src/${match[1]}.js`) && !paths.has(`src/${match[1]}.d.ts`)
    })
    expect(orphans).toEqual([])
  })

  it('passes publint (no error, warning or suggestion)', async () => {
    const bytes = await readFile(tarball)
    const result = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, strict: true, level: 'suggestion' })
    expect(result.pkg['name']).toBe('diptych')
    expect(result.messages.map((message) => formatMessage(message, result.pkg, { color: false }))).toEqual([])
  })

  it('passes arethetypeswrong for ES module consumers, on every export, the wildcard ones through each bundled policy', async () => {
    const entrypoints = ['./schema/catalogue.schema.json', './schema/policy.schema.json']
    for (const policy of policies) {
      for (const name of ['predicates', 'predicates.js', 'catalogue.json', 'app-profile.schema.json']) entrypoints.push(`./policy/${policy}/${name}`)
    }
    // The esm-only profile: the package is ES modules only (`"type": "module"`, Node ≥ 20.19, whose require() loads ES
    // modules), so node10 resolution (no `exports`) and require() from CommonJS under node16 are not checked.
    const result = await command(BIN('attw'), [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json', '--include-entrypoints', ...entrypoints], work)
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const { analysis } = JSON.parse(result.stdout) as { analysis: { entrypoints: Record<string, unknown>; problems: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }> } }
    for (const entrypoint of ['.', ...entrypoints]) expect(Object.keys(analysis.entrypoints)).toContain(entrypoint)
    expect(analysis.problems.filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs')).toEqual([])
  })
})

describe('installed from the tarball into an empty project', () => {
  it('runs `diptych --help` and `diptych --version`', async (context) => {
    const done = installed
    if (!done.ok) return context.skip(done.reason)
    // How the install went, for the reporter (a measure, not an assertion).
    await context.annotate(`npm install of the tarball: ${done.mode}, ${Math.round(done.ms)} ms`)
    const help = await command(join(consumer, 'node_modules/.bin/diptych'), ['--help'], consumer)
    expect(help.code, help.stderr).toBe(0)
    expect(help.stdout + help.stderr).toMatch(/Usage: diptych <command>/)
    expect(help.stderr).not.toContain('not built yet')
    const version = await command(join(consumer, 'node_modules/.bin/diptych'), ['--version'], consumer)
    expect(version.stdout.trim()).toBe((JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it('type-checks a TypeScript program using the use cases, the schemas, the catalogue and the predicates', async (context) => {
    if (!installed.ok) context.skip(installed.reason)
    const common = {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      // The package's declarations are checked too, not only the program.
      skipLibCheck: false,
      resolveJsonModule: true,
      target: 'es2022',
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
    }
    await writeFiles(consumer, {
      'package.json': await readFile(join(consumer, 'package.json'), 'utf8'),
      'consumer.ts': CONSUMER_TS,
      'tsconfig.node.json': JSON.stringify({ compilerOptions: { ...common, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['consumer.ts'] }),
      'tsconfig.bundler.json': JSON.stringify({ compilerOptions: { ...common, module: 'preserve', moduleResolution: 'bundler' }, files: ['consumer.ts'] }),
    })
    const configs = ['tsconfig.node.json', 'tsconfig.bundler.json']
    const results = await Promise.all(configs.map((config) => command(BIN('tsc'), ['-p', config], consumer)))
    results.forEach((result, index) => {
      expect(result.stdout + result.stderr, configs[index]).toBe('')
      expect(result.code, configs[index]).toBe(0)
    })
  }, SLOW)

  for (const test of ['partial-facts.json', 'children-and-privacy.json']) {
    it(`judges the profile of policy/pinterest/tests/${test} with the installed predicates and library, as the test expects`, async (context) => {
      if (!installed.ok) context.skip(installed.reason)
      const path = join(ROOT, 'policy/pinterest/tests', test)
      const spec = JSON.parse(await readFile(path, 'utf8')) as { profile: unknown; expect: Record<string, string> }
      const profile = typeof spec.profile === 'string' ? JSON.parse(await readFile(resolve(dirname(path), spec.profile), 'utf8')) : spec.profile
      await writeFile(join(consumer, 'profile.json'), JSON.stringify(profile))
      await writeFile(join(consumer, 'judge.mjs'), JUDGE_MJS)
      const result = await command(process.execPath, ['judge.mjs', 'profile.json'], consumer)
      expect(result.code, result.stderr).toBe(0)
      const { predicates, library } = JSON.parse(result.stdout) as { predicates: Record<string, string>; library: Record<string, string> }
      expect(Object.keys(spec.expect).length).toBeGreaterThan(1)
      for (const [rule, status] of Object.entries(spec.expect)) expect(predicates[rule], rule).toBe(status)
      // The library's report (the bundled policy loaded from the installed package) says the same of every rule.
      expect(library).toEqual(predicates)
    }, SLOW)
  }

  it('evaluates a profile against the bundled policy with `diptych eval --root node_modules/diptych`', async (context) => {
    if (!installed.ok) context.skip(installed.reason)
    await cp(join(ROOT, 'examples/breaks-children-and-privacy.json'), join(consumer, 'app.json'))
    const result = await command(join(consumer, 'node_modules/.bin/diptych'), ['eval', 'app.json', '--root', 'node_modules/diptych', '--format', 'json'], consumer)
    expect(result.code, result.stderr).toBe(1)
    const report = JSON.parse(result.stdout) as { verdicts: Array<{ rule: string; status: string }> }
    expect(report.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.rule).sort()).toEqual(['not-for-children', 'privacy-policy'])
  })
})

describe('bin/diptych.js', () => {
  it('in a clone not built yet, says what to run (one line, exit 2)', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'diptych-unbuilt-'))
    await mkdir(join(clone, 'bin'))
    await cp(join(ROOT, 'bin/diptych.js'), join(clone, 'bin/diptych.js'))
    await writeFile(join(clone, 'package.json'), '{ "type": "module" }\n')
    const result = await command(process.execPath, [join(clone, 'bin/diptych.js'), '--help'], clone)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('diptych: not built yet; run `npm install` (or `npm run build:ts`) in the diptych folder first\n')
    await rm(clone, { recursive: true, force: true })
  })
})

describe('scripts/prune-dist.js', () => {
  it('finds the outputs of dist/ that no source compiles to, and leaves the other builds’ folders alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'diptych-prune-'))
    const files = ['src/a.ts', 'src/p/parser.js', 'src/p/parser.d.ts', 'dist/a.js', 'dist/a.d.ts', 'dist/a.js.map', 'dist/p/parser.js', 'dist/p/parser.d.ts']
    const stale = ['dist/gone.js', 'dist/gone.d.ts', 'dist/gone.js.map', 'dist/old/b.js']
    const others = ['dist/bench/run.js', 'dist/docs/en.md', 'dist/notes.txt']
    await writeFiles(root, Object.fromEntries([...files, ...stale, ...others].map((path) => [path, ''])))
    expect(await staleOutputs(root)).toEqual([...stale].sort())
    await rm(root, { recursive: true, force: true })
  })
})

/** A TypeScript consumer of the installed package. */
const CONSUMER_TS = `import {
  type BuildPolicyOptions, type BuildPolicyResult, type CheckOptions, type CheckResult, type ComplianceReport, type DiffOptions,
  type Engine, type EvalResult, type ImportOptions, type ImportResult, type PolicyDiff, type ReleaseOptions,
  type ReleasePolicyResult, type RenderOptions, type RenderResult, type TestRun,
  VFile, buildPolicy, checkPolicy, diffPolicy, evalProfile, importDocument, loadPolicyEngine, releasePolicy, renderDocs, testPolicy,
} from 'diptych'
import { type RuleId, type Status, type Verdicts, STATUSES, evaluateAll, policy, rules } from 'diptych/policy/pinterest/predicates'
import * as samePredicates from 'diptych/policy/pinterest/predicates.js'
import catalogue from 'diptych/policy/pinterest/catalogue.json' with { type: 'json' }
import profileSchema from 'diptych/policy/pinterest/app-profile.schema.json' with { type: 'json' }
import catalogueSchema from 'diptych/schema/catalogue.schema.json' with { type: 'json' }
import policySchema from 'diptych/schema/policy.schema.json' with { type: 'json' }

// Each use case, with the types of what it takes and gives.
export const useCases: {
  importDocument: (options: ImportOptions) => Promise<ImportResult>
  buildPolicy: (options: BuildPolicyOptions) => Promise<BuildPolicyResult>
  checkPolicy: (options: CheckOptions) => Promise<CheckResult>
  evalProfile: (engine: Engine, path: string, display: string) => Promise<EvalResult>
  diffPolicy: (options: DiffOptions) => Promise<PolicyDiff>
  releasePolicy: (options: ReleaseOptions) => Promise<ReleasePolicyResult>
  renderDocs: (options: RenderOptions) => Promise<RenderResult>
  testPolicy: (root: string, policy: string) => Promise<TestRun>
} = { importDocument, buildPolicy, checkPolicy, evalProfile, diffPolicy, releasePolicy, renderDocs, testPolicy }

export async function judge(root: string, profile: string): Promise<Status[]> {
  const built: BuildPolicyResult = await buildPolicy({ root, policy: 'pinterest', collector: new VFile() })
  const engine: Engine = await loadPolicyEngine(root, built.id)
  const report: ComplianceReport = (await evalProfile(engine, profile, profile)).report
  return report.verdicts.map((verdict) => verdict.status)
}

// The predicates: rule IDs as a union, rules as a tuple, statuses by code.
export const first: 'honest-and-transparent' = rules[0].id
export const id: RuleId = 'not-for-children'
// Not vacuous: were RuleId any string, this directive would be unused, and that is an error.
// @ts-expect-error: not a rule of the policy
export const wrong: RuleId = 'not-a-rule'
const codes = evaluateAll({})
export const verdicts = Object.fromEntries(rules.map((rule, index) => [rule.id, STATUSES[codes[index] ?? 1]])) as Verdicts
export const children: Status = verdicts['not-for-children']
export const name: 'pinterest' = policy
export const same: typeof rules = samePredicates.rules
export const ids: string[] = [catalogue.id, String(profileSchema.title), catalogueSchema.$id, policySchema.$id]
`

/** Judge a profile with the installed predicates, and with the library on the bundled policy of the installed package. */
const JUDGE_MJS = `import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { STATUSES, evaluateAll, rules } from 'diptych/policy/pinterest/predicates'
import { evalProfile, loadPolicyEngine } from 'diptych'

const path = process.argv[2]
const profile = JSON.parse(await readFile(path, 'utf8'))
const codes = evaluateAll(profile)
const predicates = Object.fromEntries(rules.map((rule, index) => [rule.id, STATUSES[codes[index]]]))
const engine = await loadPolicyEngine(resolve('node_modules/diptych'), 'pinterest')
const { report } = await evalProfile(engine, resolve(path), path)
const library = Object.fromEntries(report.verdicts.map((verdict) => [verdict.rule, verdict.status]))
process.stdout.write(JSON.stringify({ predicates, library }))
`
