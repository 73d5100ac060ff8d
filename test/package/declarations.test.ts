// predicates.d.ts: the build writes the declarations of the compiled module beside it; they describe exactly what the
// module exports, with the policy's rule IDs as a union, and a TypeScript program that misuses them does not compile.
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Span } from '../../src/dsl/ast.js'
import { generateDeclarations } from '../../src/dsl/compile/declarations.js'
import type { CheckedProgram, CheckedRule } from '../../src/dsl/program.js'
import type { RuleModality } from '../../src/dsl/semantics.js'
import { ROOT, run, tempProject } from '../helpers.js'
import { exportedValues, typeCheck, writeFiles } from './typecheck.js'

const P = 'policy/pinterest'
const LOC: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } }

function rule(id: string, modality: RuleModality, clauses: string[]): CheckedRule {
  return { id, file: 'policy/demo/rules.dip', loc: LOC, clauses, modality, message: {}, question: {} }
}

function programOf(rules: CheckedRule[]): CheckedProgram {
  return { rules, definitions: new Map(), classifications: new Map() }
}

const quoted = (values: readonly string[]): string => values.map((value) => JSON.stringify(value)).join(' | ') || 'never'

/** A consumer that holds the declarations to the module's actual values: each rule's ID, modality and clauses, in order. */
function consumerOf(module: { rules: ReadonlyArray<{ id: string; modality: string; clauses: readonly string[] }>; STATUSES: readonly string[]; policy: string }): string {
  const { rules, STATUSES, policy } = module
  return [
    `import { type ClauseId, type RuleId, type Status, type StatusCode, type Verdicts, STATUSES, evaluateAll, policy, program, rules } from './predicates.js'`,
    `type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false`,
    `export const ids: Exactly<RuleId, ${quoted(rules.map((entry) => entry.id))}> = true`,
    `export const clauseIds: Exactly<ClauseId, ${quoted(rules.flatMap((entry) => entry.clauses))}> = true`,
    `export const statusNames: Exactly<Status, ${quoted(STATUSES)}> = true`,
    `export const count: ${rules.length} = rules.length`,
    `export const statuses: readonly [${STATUSES.map((status) => JSON.stringify(status)).join(', ')}] = STATUSES`,
    `export const name: ${JSON.stringify(policy)} = policy`,
    ...rules.flatMap((entry, index) => [
      `export const id${index}: ${JSON.stringify(entry.id)} = rules[${index}].id`,
      `export const modality${index}: ${JSON.stringify(entry.modality)} = rules[${index}].modality`,
      `export const clauses${index}: readonly [${entry.clauses.map((clause) => JSON.stringify(clause)).join(', ')}] = rules[${index}].clauses`,
    ]),
    `export const codes: Uint8Array = evaluateAll({}, [], new Uint8Array(${rules.length}))`,
    `export const verdicts = {} as Verdicts`,
    `export const rulesAsData: readonly RuleId[] = program.rules.map((entry) => entry.id)`,
    ...(rules.length > 0 ? [`export const code: StatusCode = rules[0].evaluate({}, null)`, `export const first: Status = verdicts[${JSON.stringify(rules[0]!.id)}]`] : []),
    `// @ts-expect-error: not a rule of the policy`,
    `export const wrong: RuleId = 'not-a-rule-of-this-policy'`,
    '',
  ].join('\n')
}

describe('generateDeclarations', () => {
  it('writes the rule and clause IDs as unions, and the rules as a tuple in source order', () => {
    const text = generateDeclarations(
      programOf([rule('keep-secret', 'must-not', ['basics.keep-secret']), rule('honest', 'attest', ['basics.honest', 'basics.keep-secret'])]),
      'demo',
    )
    expect(text).toContain('export type RuleId =\n  | "keep-secret"\n  | "honest";\n')
    // Each clause once, in order of first use.
    expect(text).toContain('export type ClauseId =\n  | "basics.keep-secret"\n  | "basics.honest";\n')
    expect(text).toContain(
      'export declare const rules: readonly [\n' +
        '  Rule<"keep-secret", "must-not", readonly ["basics.keep-secret"]>,\n' +
        '  Rule<"honest", "attest", readonly ["basics.honest", "basics.keep-secret"]>\n' +
        '];\n',
    )
    expect(text).toContain('export declare const policy: "demo";\n')
    expect(text).toContain('export type Status = "violated" | "unknown" | "attest" | "satisfied" | "not-applicable";\n')
    expect(text).toContain('export type StatusCode = 0 | 1 | 2 | 3 | 4;\n')
    // Nothing a release changes: the version and the source hash are strings.
    expect(text).toContain('export declare const version: string;\n')
    expect(text).toContain('export declare const sourceHash: string;\n')
  })

  it('quotes every ID as a literal (quotes, backslashes, U+2028), so the declarations still compile', async () => {
    const id = 'a"b\\c\u2028d'
    const text = generateDeclarations(programOf([rule(id, 'must', ['x.y"z'])]), 'demo')
    expect(text).toContain('  | "a\\"b\\\\c\\u2028d";')
    const dir = await mkdtemp(join(tmpdir(), 'diptych-dts-'))
    await writeFiles(dir, {
      'predicates.d.ts': text,
      'consumer.ts': `import type { ClauseId, RuleId } from './predicates.js'\nexport const id: RuleId = ${JSON.stringify(id)}\nexport const clause: ClauseId = ${JSON.stringify('x.y"z')}\n`,
    })
    expect(typeCheck(dir, ['consumer.ts']).errors).toEqual([])
    await rm(dir, { recursive: true, force: true })
  })

  it('declares a policy without rules: no rule ID, an empty tuple', async () => {
    const text = generateDeclarations(programOf([]), 'empty')
    const dir = await mkdtemp(join(tmpdir(), 'diptych-dts-'))
    await writeFiles(dir, {
      'predicates.d.ts': text,
      'consumer.ts': consumerOf({ rules: [], STATUSES: ['violated', 'unknown', 'attest', 'satisfied', 'not-applicable'], policy: 'empty' }),
    })
    // The consumer's @ts-expect-error holds: nothing is a RuleId.
    expect(typeCheck(dir, ['consumer.ts']).errors).toEqual([])
    await rm(dir, { recursive: true, force: true })
  })
})

describe('predicates.d.ts written by the build', () => {
  let root: string
  let built: string

  beforeAll(async () => {
    root = await tempProject({ locales: true })
    await rm(join(root, P, 'predicates.d.ts'), { force: true })
    const result = await run(['build', '--root', root], root)
    expect(result.code, result.stderr).toBe(0)
    built = await readFile(join(root, P, 'predicates.d.ts'), 'utf8')
  }, 60_000)

  it('is the committed policy/pinterest/predicates.d.ts', async () => {
    expect(await readFile(join(ROOT, P, 'predicates.d.ts'), 'utf8')).toBe(built)
  })

  it('describes exactly what predicates.js exports (each rule in order), and declarations that lack a rule fail the same consumer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diptych-dts-'))
    await cp(join(root, P, 'predicates.js'), join(dir, 'predicates.js'))
    const module = (await import(pathToFileURL(join(dir, 'predicates.js')).href)) as Parameters<typeof consumerOf>[0] & Record<string, unknown>
    expect(module.rules.length).toBeGreaterThan(10)
    const consumer = consumerOf(module)
    await writeFiles(dir, { 'predicates.d.ts': built, 'consumer.ts': consumer })
    const { program, errors } = typeCheck(dir, ['consumer.ts'])
    expect(errors).toEqual([])
    expect(exportedValues(program, join(dir, 'predicates.d.ts'))).toEqual(Object.keys(module).sort())

    // The same consumer against declarations that lack the last rule: the union and the tuple no longer match the module.
    const fewer = built.replace('\n  | "no-spam-features"', '').replace(/,\n {2}Rule<"no-spam-features"[^\n]*/, '')
    expect(fewer).not.toBe(built)
    await writeFiles(dir, { 'predicates.d.ts': fewer })
    const lineOf = (start: string): number => consumer.split('\n').findIndex((line) => line.startsWith(start)) + 1
    const wrong = typeCheck(dir, ['consumer.ts']).errors
    expect(wrong.filter((error) => error.startsWith(`consumer.ts(${lineOf('export const ids:')},`))).toHaveLength(1)
    expect(wrong.filter((error) => error.startsWith(`consumer.ts(${lineOf('export const count:')},`))).toHaveLength(1)
    await rm(dir, { recursive: true, force: true })
  })

  it('is written only when it changed (a build with nothing new leaves the file as it was)', async () => {
    const path = join(root, P, 'predicates.d.ts')
    const before = await stat(path)
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    // Files are written to a temporary name and renamed: a rewrite would give the path a new inode.
    expect((await stat(path)).ino).toBe(before.ino)
  })
})
