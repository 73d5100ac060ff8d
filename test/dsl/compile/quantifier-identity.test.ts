// Regression (issue 12, defect 1): a quantifier's compiled function belongs to its node, not to its offsets.
import { describe, expect, it } from 'vitest'
import { checkProgram } from '../../../src/dsl/check/index.js'
import { generateModule } from '../../../src/dsl/compile/generate.js'
import { importGenerated } from '../../../src/dsl/compile/load-module.js'
import { evaluateRule } from '../../../src/dsl/interpret/evaluate.js'
import { parseRules } from '../../../src/dsl/parse/parse.js'
import { typeFromSchema } from '../../../src/dsl/types.js'
import { put, run } from '../../helpers.js'
import { CATALOGUE, SCHEMA } from '../helpers.js'
import { tinyPolicy } from '../project.js'

// The two quantifiers start and end at the same offsets of their files.
const A = 'rule ra { implements s.one must some x in actions: (x.auto) message { en: "a", nl: "a" } }\n'
const B = 'rule rb { implements s.two must some x in actions: x.chosen  message { en: "b", nl: "b" } }\n'

describe('quantifiers of several rule files', () => {
  it('quantifiers at the same offsets in two rule files compile to distinct functions', async () => {
    const units = [A, B].map((text, index) => {
      const parsed = parseRules({ file: `${'ab'[index]}.dip`, text })
      if (!parsed.ok) throw new Error(parsed.error.reason)
      return { file: `${'ab'[index]}.dip`, text, program: parsed.program }
    })
    const quantifiers = units.map((unit) => (unit.program.items[0] as { fields: Array<{ type: string; predicate?: { loc: { start: { offset: number }; end: { offset: number } } } }> }).fields[1]!.predicate!.loc)
    expect(quantifiers[0]!.start.offset).toBe(quantifiers[1]!.start.offset)
    const { program, diagnostics } = checkProgram(units, typeFromSchema(SCHEMA), CATALOGUE)
    expect(diagnostics).toEqual([])
    const code = generateModule(program, { policy: 't', version: '1.0.0', sourceHash: 'x' })
    const module = await importGenerated(code)
    const profile = { actions: [{ auto: true, chosen: false }] }
    const interpreted = program.rules.map((rule) => evaluateRule(rule, program, profile).status)
    expect(interpreted).toEqual(['satisfied', 'violated'])
    expect(module.rules.map((rule) => module.STATUSES[rule.evaluate(profile, null)])).toEqual(interpreted)
    expect([...module.evaluateAll(profile, null)].map((status) => module.STATUSES[status])).toEqual(interpreted)
    expect([...module.evaluateAll(profile, [])].map((status) => module.STATUSES[status])).toEqual(interpreted)
  })

  it('eval reports the second file’s rule violated, for a .json profile and for an NDJSON batch', async () => {
    const root = await tinyPolicy({ 'a.dip': A, 'b.dip': B })
    await put(root, 'p.json', '{"actions":[{"auto":true,"chosen":false}]}\n')
    await put(root, 'p.ndjson', '{"actions":[{"auto":true,"chosen":false}]}\n')
    const single = await run(['eval', 'p.json', '--policy', 't', '--format', 'json', '--root', root], root)
    expect(single.stderr).not.toMatch(/internal error/)
    expect(single.code).toBe(1)
    const verdicts = (JSON.parse(single.stdout) as { verdicts: Array<{ rule: string; status: string }> }).verdicts
    expect(verdicts.map((verdict) => `${verdict.rule} ${verdict.status}`)).toEqual(['ra satisfied', 'rb violated'])
    const batch = await run(['eval', 'p.ndjson', '--policy', 't', '--root', root], root)
    expect(batch.code).toBe(1)
    const line = JSON.parse(batch.stdout.trim()) as { violated: Array<{ rule: string }>; summary: { satisfied: number } }
    expect(line.violated.map((verdict) => verdict.rule)).toEqual(['rb'])
    expect(line.summary.satisfied).toBe(1)
  })
})
