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
    // The whole-set fast path reads each fact once into a shared local, and tracks nothing; an object tested plain once
    // (prototype Object.prototype or null, not an array, nothing polluted) is read without the own-property guard.
    expect(code).toContain('function fast(s, out) {\n  const m = null;\n  const o = pristine();')
    expect(code).toContain(
      [
        '  const p0 = o && typeof s === "object" && s !== null && ("creds" in s || true) && (Object.getPrototypeOf(s) === Object.prototype || Object.getPrototypeOf(s) === null) && !Array.isArray(s);',
        '  const f0 = (p0 ? s["creds"] : get(s, "creds"));',
        '  const p1 = o && typeof f0 === "object" && f0 !== null && ("byok" in f0 || true) && (Object.getPrototypeOf(f0) === Object.prototype || Object.getPrototypeOf(f0) === null) && !Array.isArray(f0);',
        '  const f1 = (p1 ? f0["byok"] : get(f0, "byok"));',
      ].join('\n'),
    )
    expect(code).toContain('function pristine() {\n  return !("attestations" in Object.prototype) && !("byok" in Object.prototype) && !("creds" in Object.prototype) && !("storage" in Object.prototype);\n}')
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

  describe('the whole-set functions read plain objects without the guard, and still only own properties', () => {
    const source = [
      'rule kids { implements s.one must not kids message { en: "x", nl: "y" } }',
      'rule byok { implements s.two must not creds.byok message { en: "x", nl: "y" } }',
      'rule bots { implements s.one must not some a in actions: a.auto message { en: "x", nl: "y" } }',
      'rule store { implements s.two must not creds.storage == "server" message { en: "x", nl: "y" } }',
    ].join('\n')
    const verdicts = (module: Awaited<ReturnType<typeof compile>>['module'], subject: unknown) => {
      const fast = [...module.evaluateAll(subject)].map((code) => module.STATUSES[code])
      const missing: string[] = []
      const tracked = [...module.evaluateAll(subject, missing)].map((code) => module.STATUSES[code])
      const single = module.rules.map((rule) => module.STATUSES[rule.evaluate(subject, null)])
      expect(tracked).toEqual(fast)
      expect(single).toEqual(fast)
      // The first four (the helper appends two attest rules that cover the catalogue).
      return fast.slice(0, 4)
    }
    const clean = { kids: false, creds: { byok: false, storage: 'local' }, actions: [{ auto: false }] }
    const CLEAN = ['satisfied', 'satisfied', 'satisfied', 'satisfied']

    it('on JSON objects, null-prototype objects and object literals alike', async () => {
      const { module } = await compile(source)
      expect(verdicts(module, clean)).toEqual(CLEAN)
      expect(verdicts(module, JSON.parse(JSON.stringify(clean)))).toEqual(CLEAN)
      const bare = Object.assign(Object.create(null), { kids: true, creds: Object.assign(Object.create(null), { byok: true, storage: 'server' }), actions: [Object.assign(Object.create(null), { auto: true })] })
      expect(verdicts(module, bare)).toEqual(['violated', 'violated', 'violated', 'violated'])
    })

    it('an inherited property is never read: custom prototypes, arrays and getters on a prototype', async () => {
      const { module } = await compile(source)
      let calls = 0
      const trap = Object.create(null, { byok: { get: () => (calls++, true) }, storage: { get: () => (calls++, 'server') }, auto: { get: () => (calls++, true) } })
      const subject = { kids: false, creds: Object.create(trap), actions: [Object.create(trap), Object.assign([], { auto: true })] }
      expect(verdicts(module, subject)).toEqual(['satisfied', 'unknown', 'unknown', 'unknown'])
      expect(calls).toBe(0)
      const inherited = Object.create({ kids: true, creds: { byok: true } })
      expect(verdicts(module, inherited)).toEqual(['unknown', 'unknown', 'unknown', 'unknown'])
    })

    it('a polluted Object.prototype changes no verdict, and the module is fast again once it is clean', async () => {
      const { module } = await compile(source)
      const pollution = { kids: true, byok: true, auto: true, storage: 'server', creds: { byok: true, storage: 'server' }, actions: [{ auto: true }] }
      const empty = { creds: {}, actions: [{}] }
      const before = [verdicts(module, clean), verdicts(module, empty), verdicts(module, {})]
      const proto = Object.prototype as Record<string, unknown>
      try {
        for (const [key, value] of Object.entries(pollution)) Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: false })
        expect([verdicts(module, clean), verdicts(module, empty), verdicts(module, {})]).toEqual(before)
      } finally {
        for (const key of Object.keys(pollution)) delete proto[key]
      }
      expect(before[1]).toEqual(['unknown', 'unknown', 'unknown', 'unknown'])
      expect([verdicts(module, clean), verdicts(module, empty)]).toEqual(before.slice(0, 2))
    })
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
