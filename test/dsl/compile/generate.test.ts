import { describe, expect, it } from 'vitest'
import { Code, Name, _, literal, name, quote } from '../../../src/dsl/compile/code.js'
import { compile } from '../helpers.js'

describe('code generation', () => {
  it('quotes every value and pastes only code', () => {
    expect(_`get(${new Code('s')}, ${'a"b'})`.text).toBe('get(s, "a\\"b")')
    expect(quote('\u2028\u2029</script>${x}`')).toBe('"\\u2028\\u2029</script>${x}`"')
    expect(quote(-1)).toBe('(-1)')
    expect(quote(null)).toBe('null')
    expect(() => quote(Number.NaN)).toThrow()
  })

  it('quotes data through the builder too, and knows its names without reading them back', () => {
    expect(literal({ clauses: ['a\u2028b', '__proto__'], n: 1 }).text).toBe('{"clauses":["a\\u2028b","__proto__"],"n":1}')
    const fact = name('f', 3)
    expect(fact).toBeInstanceOf(Name)
    expect([fact.text, fact.prefix]).toEqual(['f3', 'f'])
    expect(() => name('t', -1)).toThrow()
  })

  it('compiles a guarded rule to exactly this code', async () => {
    const { code } = await compile('rule byok { implements s.one when creds.byok must creds.storage == "local" message { en: "x", nl: "y" } }')
    expect(code).toContain(
      [
        'function r0(s, m) {',
        '  let t0, t1, t2;',
        '  const g = tb((t0 = get(get(s, "creds"), "byok"), t0 === undefined && m !== null && m.push("creds.byok"), t0));',
        '  if (g === false) return 4;',
        '  const p = (t1 = (t2 = get(get(s, "creds"), "storage"), t2 === undefined && m !== null && m.push("creds.storage"), t2), t1 === undefined ? undefined : t1 === "local");',
        '  return p === true ? 3 : p === false && g === true ? 0 : 1;',
        '}',
      ].join('\n'),
    )
    expect(code).toContain('export const rules = [\n  { id: "byok", clauses: ["s.one"], modality: "must", evaluate: r0 },')
    // The whole-set fast path reads each fact once into a shared local, and tracks nothing.
    expect(code).toContain('function fast(s, out) {\n  const m = null;')
    expect(code).toContain('  const f0 = (typeof s === "object" && s !== null && own.call(s, "creds") && !Array.isArray(s) ? s["creds"] : undefined);\n  const f1 = (typeof f0 === "object" && f0 !== null && own.call(f0, "byok") && !Array.isArray(f0) ? f0["byok"] : undefined);')
  })

  it('cannot be injected through strings in rules', async () => {
    const nasty = '"); globalThis.pwned = 1; ("\u2028*/ ${1} `'
    const source = `rule r { implements s.one must name == ${JSON.stringify(nasty).replace(/\u2028/g, '\\u{2028}')} message { en: "x", nl: "y" } }`
    const { module, code } = await compile(source)
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined()
    expect(module.rules[0]!.evaluate({ name: nasty }, null)).toBe(3)
    expect(module.rules[0]!.evaluate({ name: 'other' }, null)).toBe(0)
    expect(code).not.toContain('\u2028')
  })

  it('reads only own properties: __proto__, constructor and hasOwnProperty keys in a profile do nothing', async () => {
    const { module, interpret } = await compile('rule r { implements s.one must kids message { en: "x", nl: "y" } }\nrule q { implements s.two must not creds.byok message { en: "x", nl: "y" } }')
    const profiles = [
      JSON.parse('{"__proto__": {"kids": true}}'),
      JSON.parse('{"constructor": {"prototype": {"kids": true}}, "hasOwnProperty": 1}'),
      { creds: Object.create({ byok: true }) },
      { creds: [true] },
      JSON.parse('{"creds": {"__proto__": {"byok": true}}}'),
    ]
    for (const profile of profiles) {
      const missing: string[] = []
      expect(module.STATUSES[module.rules[0]!.evaluate(profile, missing)]).toBe('unknown')
      expect(module.STATUSES[module.rules[1]!.evaluate(profile, missing)]).toBe('unknown')
      expect(missing).toEqual(['kids', 'creds.byok'])
      expect(interpret(profile).slice(0, 2).map((result) => result.status)).toEqual(['unknown', 'unknown'])
    }
    expect(({} as Record<string, unknown>)['kids']).toBeUndefined()
  })
})

describe('three-valued semantics', () => {
  const statuses = async (predicate: string, subjects: unknown[], modality = 'must') => {
    const { module, interpret } = await compile(`rule r { implements s.one ${modality} ${predicate} message { en: "x", nl: "y" } }`)
    return subjects.map((subject) => {
      const compiled = module.STATUSES[module.rules[0]!.evaluate(subject, null)]
      expect(interpret(subject)[0]!.status).toBe(compiled)
      return compiled
    })
  }

  it('and, or, not and implies follow Kleene logic', async () => {
    const cases = [{}, { kids: true }, { kids: false }, { age: 1 }, { kids: true, age: 20 }, { kids: false, age: 1 }]
    expect(await statuses('kids and age < 13', cases)).toEqual(['unknown', 'unknown', 'violated', 'unknown', 'violated', 'violated'])
    expect(await statuses('kids or age < 13', cases)).toEqual(['unknown', 'satisfied', 'unknown', 'satisfied', 'satisfied', 'satisfied'])
    expect(await statuses('not kids', cases)).toEqual(['unknown', 'violated', 'satisfied', 'unknown', 'violated', 'satisfied'])
    expect(await statuses('kids implies age < 13', cases)).toEqual(['unknown', 'unknown', 'satisfied', 'satisfied', 'violated', 'satisfied'])
  })

  it('a guard that is false makes a rule not applicable; unknown facts make it unknown unless decided', async () => {
    const { module } = await compile('rule r { implements s.one when creds.byok must creds.storage == "local" message { en: "x", nl: "y" } }')
    const status = (subject: unknown) => module.STATUSES[module.rules[0]!.evaluate(subject, null)]
    expect(status({ creds: { byok: false } })).toBe('not-applicable')
    expect(status({ creds: { byok: true, storage: 'server' } })).toBe('violated')
    expect(status({ creds: { byok: true, storage: 'local' } })).toBe('satisfied')
    expect(status({ creds: { byok: true } })).toBe('unknown')
    expect(status({ creds: { storage: 'server' } })).toBe('unknown')
    expect(status({ creds: { storage: 'local' } })).toBe('satisfied')
  })

  it('must not, may and attest', async () => {
    expect(await statuses('kids', [{ kids: true }, { kids: false }, {}], 'must not')).toEqual(['violated', 'satisfied', 'unknown'])
    const { module } = await compile('rule p { implements s.one may tags contains "a" }\nrule q { implements s.one when kids attest { en: "?", nl: "?" } }')
    const status = (index: number, subject: unknown) => module.STATUSES[module.rules[index]!.evaluate(subject, null)]
    expect([{ tags: ['a'] }, { tags: [] }, {}].map((subject) => status(0, subject))).toEqual(['satisfied', 'not-applicable', 'unknown'])
    expect(
      [{ kids: true }, { kids: false }, {}, { kids: true, attestations: { q: true } }, { kids: true, attestations: { q: false } }, { attestations: { q: false } }].map((subject) => status(1, subject)),
    ).toEqual(['attest', 'not-applicable', 'unknown', 'satisfied', 'violated', 'unknown'])
  })

  it('quantifiers: some is false and every is true on an empty list; unknown items make them unknown unless decided', async () => {
    const subjects = [{ actions: [] }, { actions: [{ auto: true }] }, { actions: [{ auto: false }] }, { actions: [{}, { auto: true }] }, { actions: [{}, { auto: false }] }, {}]
    expect(await statuses('some a in actions: a.auto', subjects)).toEqual(['violated', 'satisfied', 'violated', 'satisfied', 'unknown', 'unknown'])
    expect(await statuses('every a in actions: a.auto', subjects)).toEqual(['satisfied', 'satisfied', 'violated', 'unknown', 'violated', 'unknown'])
  })

  it('lists the facts left out, in the order read, with [] for list items', async () => {
    const { module, interpret } = await compile('rule r { implements s.one must kids or (some a in actions: a.auto and a.chosen) message { en: "x", nl: "y" } }')
    const missing: string[] = []
    module.rules[0]!.evaluate({ actions: [{ auto: true }] }, missing)
    expect(missing).toEqual(['kids', 'actions[].chosen'])
    expect(interpret({ actions: [{ auto: true }] })[0]).toMatchObject({ status: 'unknown', missing: ['kids', 'actions[].chosen'] })
  })

  it('string tests on null are false, and exists is never unknown', async () => {
    expect(await statuses('url starts with "https://"', [{ url: null }, { url: 'https://x' }, { url: 'http://x' }, {}])).toEqual(['violated', 'satisfied', 'violated', 'unknown'])
    expect(await statuses('exists url', [{ url: null }, { url: 'x' }, {}])).toEqual(['violated', 'satisfied', 'violated'])
    expect(await statuses('count(tags) == 0', [{ tags: [] }, { tags: ['a'] }, {}])).toEqual(['satisfied', 'violated', 'unknown'])
  })
})
