// The interpreter's closures (src/dsl/interpret/prepare.ts): made once per program, evaluated per subject, with the
// meaning of the compiled predicates: own properties only, definitions per subject, paths of facts with indexes.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Expression, Span } from '../../../src/dsl/ast.js'
import { evaluateRule, interpretAll } from '../../../src/dsl/interpret/evaluate.js'
import type { CheckedProgram, CheckedRule } from '../../../src/dsl/program.js'
import { ROOT } from '../../helpers.js'
import { compile } from '../helpers.js'

const MESSAGE = 'message { en: "x", nl: "y" }'

/** The compiled statuses of every rule, with the missing facts, for one subject. */
function compiledOf(module: Awaited<ReturnType<typeof compile>>['module'], subject: unknown): Array<{ status: string; missing: string[] }> {
  return module.rules.map((rule) => {
    const missing: string[] = []
    const status = module.STATUSES[rule.evaluate(subject, missing)]!
    return { status, missing: [...new Set(missing)] }
  })
}

describe('the interpreter’s closures', () => {
  it('are made once per program and evaluated per subject: a definition’s value is never carried to the next subject', async () => {
    const { program, module } = await compile(`define d = kids\nrule r { implements s.one must d and age > 12 ${MESSAGE} }`)
    const subjects = [{ kids: true, age: 13 }, { kids: false, age: 13 }, { age: 13 }, { kids: true, age: 3 }, { kids: true, age: 13 }]
    const statuses = subjects.map((subject) => interpretAll(program, subject)[0])
    expect(statuses).toEqual(['satisfied', 'violated', 'unknown', 'violated', 'satisfied'])
    expect(subjects.map((subject) => evaluateRule(program.rules[0]!, program, subject).status)).toEqual(statuses)
    expect(subjects.map((subject) => compiledOf(module, subject)[0]!.status)).toEqual(statuses)
  })

  it('follow a program whose rules were replaced or added to, and evaluate a rule that is not in its program', async () => {
    const { program } = await compile(`rule r { implements s.one must kids ${MESSAGE} }`)
    const other = await compile(`rule q { implements s.one must not kids ${MESSAGE} }`)
    const subject = { kids: true }
    expect(interpretAll(program, subject)).toEqual(['satisfied', 'attest', 'attest'])
    const rules = program.rules
    program.rules = other.program.rules
    expect(interpretAll(program, subject)).toEqual(['violated', 'attest', 'attest'])
    program.rules = rules
    program.rules.push(other.program.rules[0]!)
    expect(interpretAll(program, subject)).toEqual(['satisfied', 'attest', 'attest', 'violated'])
    expect(evaluateRule(other.program.rules[0]!, program, { kids: false }).status).toBe('satisfied')
  })

  it('read own properties only: an inherited fact, a polluted Object.prototype or an array’s property is a fact left out', async () => {
    const { program, module } = await compile(`rule r { implements s.one must kids or creds.byok ${MESSAGE} }`)
    const expected = { status: 'unknown', missing: ['kids', 'creds.byok'] }
    const proto = Object.prototype as Record<string, unknown>
    proto['kids'] = true
    proto['byok'] = true
    try {
      for (const subject of [Object.create({ kids: true, creds: { byok: true } }), { creds: Object.assign([], { byok: true }) }, {}, { creds: {} }]) {
        expect(interpretAll(program, subject)[0]).toBe('unknown')
        expect(evaluateRule(program.rules[0]!, program, subject)).toEqual({ ...expected, facts: [] })
        expect(compiledOf(module, subject)[0]).toEqual(expected)
      }
    } finally {
      delete proto['kids']
      delete proto['byok']
    }
    expect(interpretAll(program, { kids: false, creds: { byok: true } })[0]).toBe('satisfied')
  })

  it('name each fact read with its item’s indexes, and each fact left out by its path without them', async () => {
    const { program, module } = await compile(`rule r { implements s.one must every a in actions: every t in a.steps: t.ok ${MESSAGE} }`)
    const subject = { actions: [{ steps: [{ ok: true }] }, { steps: [{ ok: true }, {}] }] }
    const actions = subject.actions
    expect(evaluateRule(program.rules[0]!, program, subject)).toEqual({
      status: 'unknown',
      missing: ['actions[].steps[].ok'],
      facts: [
        { path: 'actions', value: actions },
        { path: 'actions[0].steps', value: actions[0]!.steps },
        { path: 'actions[0].steps[0].ok', value: true },
        { path: 'actions[1].steps', value: actions[1]!.steps },
        { path: 'actions[1].steps[0].ok', value: true },
      ],
    })
    expect(compiledOf(module, subject)[0]).toEqual({ status: 'unknown', missing: ['actions[].steps[].ok'] })
    // Without explaining: the same status and missing facts, no facts read.
    expect(evaluateRule(program.rules[0]!, program, subject, undefined, false)).toEqual({ status: 'unknown', missing: ['actions[].steps[].ok'], facts: [] })
  })

  it('are re-entrant: a getter that interprets another subject in the middle of an evaluation changes nothing', async () => {
    const { program } = await compile(`define d = kids\nrule r { implements s.one must some a in actions: a.auto and d ${MESSAGE} }`)
    const inner: string[] = []
    const reentrant = {
      kids: true,
      actions: [
        { auto: false },
        {
          get auto() {
            inner.push(...interpretAll(program, { kids: false, actions: [{ auto: true }] }))
            inner.push(evaluateRule(program.rules[0]!, program, { actions: [{}] }).status)
            return true
          },
        },
      ],
    }
    expect(interpretAll(program, reentrant)[0]).toBe('satisfied')
    expect(evaluateRule(program.rules[0]!, program, reentrant)).toMatchObject({ status: 'satisfied', missing: [] })
    expect(inner).toEqual(['violated', 'attest', 'attest', 'unknown', 'violated', 'attest', 'attest', 'unknown'])
  })

  it('of a program too deep for the stack fail with a RangeError every time, never with half-made closures', () => {
    const loc: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } }
    const path = (name: string): Expression => ({ type: 'path', segments: [name], loc })
    const rule = (id: string, predicate: Expression): CheckedRule => ({ id, file: 'deep.dip', loc, clauses: ['s.one'], modality: 'must', predicate, message: {}, question: {} })
    // d0 = kids, d1 = d0, …: a chain of definitions far deeper than the stack.
    const depth = 200_000
    const definitions = new Map<string, Expression>([['d0', path('kids')]])
    for (let index = 1; index <= depth; index++) definitions.set(`d${index}`, path(`d${index - 1}`))
    const deep = rule('deep', path(`d${depth}`))
    const shallow = rule('shallow', path('d2'))
    const program: CheckedProgram = { rules: [shallow, deep], definitions, classifications: new Map() }
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => evaluateRule(deep, program, { kids: true })).toThrow(RangeError)
      expect(() => interpretAll(program, { kids: true })).toThrow(RangeError)
    }
    expect(evaluateRule(shallow, program, { kids: false })).toMatchObject({ status: 'violated', missing: [], facts: [{ path: 'kids', value: false }] })
  })

  it('are closures, not generated code: the interpreter makes no source text and imports nothing of the compiler', async () => {
    const folder = join(ROOT, 'src/dsl/interpret')
    for (const file of await readdir(folder)) {
      const source = await readFile(join(folder, file), 'utf8')
      expect(source, file).not.toMatch(/new Function|\beval\(|from '\.\.\/compile\//)
    }
  })
})
