// Property tests: the compiled predicates and the interpreter agree, status and missing facts, on random subjects and programs.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Type, typeFromSchema } from '../../src/dsl/types.js'
import { evaluateRule } from '../../src/dsl/interpret/evaluate.js'
import { loadEngine } from '../../src/report/engine.js'
import { ROOT } from '../helpers.js'
import { SCHEMA, compile } from './helpers.js'

/** Random values of a type: every field optional, occasionally a value of the wrong type. */
function arbitraryOf(type: Type, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant({}))
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (type.kind) {
      case 'boolean':
        return fc.boolean()
      case 'number':
        return fc.integer({ min: -2, max: 20 })
      case 'string':
        return type.enum ? fc.constantFrom(...type.enum) : fc.oneof(fc.constantFrom('https://example.com', 'http://x', 'https://', ''), fc.string({ maxLength: 5 }))
      case 'null':
        return fc.constant(null)
      case 'array':
        return fc.array(arbitraryOf(type.items, depth + 1), { maxLength: depth > 1 ? 2 : 8 })
      case 'object': {
        const record: Record<string, fc.Arbitrary<unknown>> = {}
        for (const [key, value] of type.properties) record[key] = arbitraryOf(value, depth + 1)
        return fc.record(record, { requiredKeys: [] })
      }
      case 'union':
        return fc.oneof(...type.types.map((alternative) => arbitraryOf(alternative, depth)))
      case 'any':
        return fc.anything({ maxDepth: 1 })
    }
  })()
  return fc.oneof({ arbitrary: valid, weight: 19 }, { arbitrary: wrong, weight: 1 })
}

describe('compiled predicates and interpreter agree', () => {
  it('on 10,000 random profiles for every Pinterest rule', async () => {
    const engine = await loadEngine(ROOT, 'pinterest')
    const profileType = typeFromSchema(engine.rules.subjectSchema!)
    const attestations = fc.record(Object.fromEntries(engine.rules.program.rules.filter((rule) => rule.modality === 'attest').map((rule) => [rule.id, fc.boolean()])), { requiredKeys: [] })
    const profiles = fc.tuple(arbitraryOf(profileType), attestations).map(([profile, answers]) =>
      profile !== null && typeof profile === 'object' && !Array.isArray(profile) ? { ...profile, attestations: answers } : profile,
    )
    const seen = new Set<string>()
    fc.assert(
      fc.property(profiles, (profile) => {
        engine.rules.program.rules.forEach((rule, index) => {
          const missing: string[] = []
          const compiled = engine.compiled.STATUSES[engine.compiled.rules[index]!.evaluate(profile, missing)]
          const interpreted = evaluateRule(rule, engine.rules.program, profile)
          expect(interpreted.status).toBe(compiled)
          expect(interpreted.missing).toEqual([...new Set(missing)])
          seen.add(`${rule.id}:${compiled}`)
        })
      }),
      { numRuns: 10_000, seed: 20261123 },
    )
    // The random profiles reach every status of every predicate rule, not only `unknown`.
    for (const rule of engine.rules.program.rules.filter((rule) => rule.modality === 'must' || rule.modality === 'must-not')) {
      expect([seen.has(`${rule.id}:violated`), seen.has(`${rule.id}:satisfied`)]).toEqual([true, true])
    }
  }, 120_000)

  it('on random expressions over random subjects', async () => {
    const leaf = fc.oneof(
      fc.constantFrom('kids', 'creds.byok', 'exists url', 'missing age', 'url == null', 'tags contains "a"'),
      fc.integer({ min: -1, max: 20 }).map((n) => `age ${['<', '<=', '>', '>=', '==', '!='][Math.abs(n) % 6]} ${n}`),
      fc.constantFrom('local', 'server').map((value) => `creds.storage == "${value}"`),
      fc.constantFrom('starts with "https"', 'ends with ".com"', 'contains "x"').map((test) => `url ${test}`),
      fc.constantFrom('storage in ["local"]', 'storage not in ["local", "server"]', 'count(tags) > 1'),
    )
    const body = fc.constantFrom('a.auto', 'a.chosen', 'a.kind == "follow"', 'not a.auto or a.chosen', 'some s in a.steps: s.ok', 'every s in a.steps: s.ok and a.auto')
    const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('e').map((e) => `not (${e})`),
        fc.tuple(tie('e'), fc.constantFrom('and', 'or', 'implies'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        fc.tuple(fc.constantFrom('some', 'every'), body).map(([q, b]) => `${q} a in actions: ${b}`),
      ),
    })).e
    const subject = arbitraryOf(typeFromSchema(SCHEMA))
    await fc.assert(
      fc.asyncProperty(expression, fc.constantFrom('must', 'must not', 'may'), fc.array(subject, { minLength: 20, maxLength: 20 }), async (predicate, modality, subjects) => {
        const { module, interpret } = await compile(`rule r { implements s.one when not (kids == false) ${modality} ${predicate} message { en: "x", nl: "y" } }`)
        for (const item of subjects) {
          const missing: string[] = []
          const status = module.STATUSES[module.rules[0]!.evaluate(item, missing)]
          const interpreted = interpret(item)[0]!
          expect(interpreted.status).toBe(status)
          expect(interpreted.missing).toEqual([...new Set(missing)])
        }
      }),
      { numRuns: 500, seed: 7 },
    )
  }, 120_000)

  it('the committed predicates.js is the compiled form of the committed rules', async () => {
    const engine = await loadEngine(ROOT, 'pinterest')
    expect(engine.fromDisk).toBe(true)
    const { compileRules } = await import('../../src/report/engine.js')
    expect(await readFile(join(ROOT, 'policy/pinterest/predicates.js'), 'utf8')).toBe(compileRules(engine.rules, engine.catalogue))
  })
})

describe('interpretAll', () => {
  it('gives the statuses evaluateRule gives, rule by rule, on the example profiles', async () => {
    const { interpretAll, evaluateRule } = await import('../../src/dsl/interpret/evaluate.js')
    const engine = await loadEngine(ROOT, 'pinterest')
    for (const name of ['compliant', 'breaks-byok-credentials', 'breaks-automation-and-storage', 'breaks-ad-services', 'breaks-children-and-privacy']) {
      const profile = JSON.parse(await readFile(join(ROOT, `examples/${name}.json`), 'utf8'))
      const program = engine.rules.program
      expect(interpretAll(program, profile)).toEqual(program.rules.map((rule) => evaluateRule(rule, program, profile).status))
    }
  })
})
