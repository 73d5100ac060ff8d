// Regression (issue 12, defect 2): a definition is evaluated in its own scope, and a variable may not take a definition's name.
import { describe, expect, it } from 'vitest'
import { generateModule } from '../../../src/dsl/compile/generate.js'
import { importGenerated } from '../../../src/dsl/compile/load-module.js'
import { evaluateRule, interpretAll } from '../../../src/dsl/interpret/evaluate.js'
import { collectProgram } from '../../../src/dsl/program.js'
import { parseRules } from '../../../src/dsl/parse/parse.js'
import { compile, diagnose } from '../helpers.js'

const R1 = 'rule r1 { implements s.one must some d in actions: e message { en: "x", nl: "y" } }'
const R2 = 'rule r2 { implements s.two must e message { en: "x", nl: "y" } }'

describe('definitions and quantifier variables', () => {
  it('the checker refuses a quantifier variable named like a definition', () => {
    expect(diagnose(`define d = kids\ndefine e = d\n${R1}\n${R2}`)).toEqual([
      '3:33 dsl/shadowed-name Variable `d` hides the definition of the same name [Choose another name for the variable.]',
    ])
  })

  it('the interpreter resolves a definition’s body in the definition’s scope, in either rule order, as the compiler does', async () => {
    const profile = { kids: false, actions: [{ auto: true }] }
    for (const rules of [[R1, R2], [R2, R1]]) {
      const text = `define d = kids\ndefine e = d\n${rules.join('\n')}\n`
      const parsed = parseRules({ file: 't.dip', text })
      if (!parsed.ok) throw new Error(parsed.error.reason)
      // Compiled without the checker's refusal, to hold the two evaluators to the same meaning.
      const program = collectProgram([{ file: 't.dip', text, program: parsed.program }])
      const module = await importGenerated(generateModule(program, { policy: 't', version: '1', sourceHash: 'x' }))
      const compiled = module.rules.map((rule) => module.STATUSES[rule.evaluate(profile, null)])
      const interpreted = program.rules.map((rule) => evaluateRule(rule, program, profile).status)
      expect(interpreted).toEqual(['violated', 'violated'])
      expect(compiled).toEqual(interpreted)
      expect(interpretAll(program, profile)).toEqual(interpreted)
    }
  })

  it('a definition used inside a quantifier reads the subject, not the loop variable, with its missing facts', async () => {
    const { module, interpret } = await compile('define auto = kids\nrule r { implements s.one must some kids2 in actions: auto and kids2.auto message { en: "x", nl: "y" } }')
    for (const profile of [{ kids: true, actions: [{ auto: true }] }, { actions: [{ auto: true }] }, { kids: false, actions: [{}] }]) {
      const missing: string[] = []
      const status = module.STATUSES[module.rules[0]!.evaluate(profile, missing)]
      expect(interpret(profile)[0]).toMatchObject({ status, missing: [...new Set(missing)] })
    }
    expect(interpret({ actions: [{ auto: true }] })[0]).toMatchObject({ status: 'unknown', missing: ['kids'] })
  })
})
