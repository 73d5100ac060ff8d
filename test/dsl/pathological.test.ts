// Regressions (issue 12, defect 3): small rule files that made the build hang or crash now compile in linear time and
// size, or are refused with one positioned diagnostic.
import { describe, expect, it } from 'vitest'
import { formatWithExcerpt } from '../../src/diagnostics/index.js'
import { checkProgram } from '../../src/dsl/check/index.js'
import { generateModule } from '../../src/dsl/compile/generate.js'
import { evaluateRule } from '../../src/dsl/interpret/evaluate.js'
import { MAX_DEPTH, parseRules } from '../../src/dsl/parse/parse.js'
import { typeFromSchema } from '../../src/dsl/types.js'
import { LIMITS } from '../../src/util/limits.js'
import { GROWTH_LIMIT, growth, timeOf } from '../attack/scale.js'
import { put, run } from '../helpers.js'
import { CATALOGUE, COVER, SCHEMA, compile } from './helpers.js'
import { tinyPolicy } from './project.js'

const subject = typeFromSchema(SCHEMA)
const MESSAGE = ' message { en: "x", nl: "y" } }\n'
const rule = (predicate: string) => `rule r { implements s.one must ${predicate}${MESSAGE}`

/** Parse and check; the first diagnostic as `line:column rule-id`, or `ok`. */
function verdict(text: string): string {
  const parsed = parseRules({ file: 'p.dip', text })
  if (!parsed.ok) return `${parsed.error.line}:${parsed.error.column} ${parsed.error.source}/${parsed.error.ruleId}`
  const { diagnostics } = checkProgram([{ file: 'p.dip', text, program: parsed.program }], subject, CATALOGUE)
  return diagnostics.length === 0 ? 'ok' : `${diagnostics[0]!.line}:${diagnostics[0]!.column} ${diagnostics[0]!.source}/${diagnostics[0]!.ruleId}`
}

function doubling(steps: number): string {
  return 'define d0 = kids\n' + Array.from({ length: steps }, (_, i) => `define d${i + 1} = d${i} and d${i}\n`).join('') + rule(`d${steps}`)
}

describe('pathological rule files', () => {
  it('definitions that double at each step compile to a module that grows linearly, and evaluate in linear time', async () => {
    const sizes: number[] = []
    for (const steps of [12, 24]) {
      const { code } = await compile(doubling(steps))
      sizes.push(code.length)
    }
    // Twice the definitions: well under twice the module (it was 476 MB at 20 steps, and a RangeError at 24).
    expect(sizes[1]!).toBeLessThan(2 * sizes[0]!)
    expect(sizes[1]!).toBeLessThan(60_000)
    const { module, interpret } = await compile(doubling(24))
    for (const [profile, status] of [[{ kids: true }, 'satisfied'], [{ kids: false }, 'violated'], [{}, 'unknown']] as const) {
      const missing: string[] = []
      const elapsed = timeOf(() => expect(module.STATUSES[module.rules[0]!.evaluate(profile, missing)]).toBe(status))
      expect(elapsed).toBeLessThan(100)
      expect(interpret(profile)[0]).toEqual({ status, missing: [...new Set(missing)], facts: expect.any(Array) })
      expect(module.STATUSES[module.evaluateAll(profile, null)[0]!]).toBe(status)
      expect(module.STATUSES[module.evaluateAll(profile, [])[0]!]).toBe(status)
    }
  })

  it('a comment after 999 nested quantifiers is read once: parsing grows linearly with it', () => {
    const text = (n: number) => rule('some a in actions: '.repeat(999) + 'a.auto # ' + 'x'.repeat(n) + '\n') + COVER
    expect(verdict(text(10))).toBe('ok')
    const { ratio } = growth((n) => () => parseRules({ file: 'q.dip', text: text(n) }), 20_000)
    expect(ratio).toBeLessThan(GROWTH_LIMIT)
  })

  it('8,000 nested nots are refused as too deep at the first level past the limit, at once', () => {
    const text = rule('not '.repeat(8000) + 'kids')
    let result = ''
    expect(timeOf(() => (result = verdict(text)))).toBeLessThan(2000)
    // `must not` takes the first `not`: the one past the limit is the 1,002nd.
    expect(result).toBe(`1:${32 + 4 * (MAX_DEPTH + 1)} dsl/too-deep`)
    expect(verdict(rule('not '.repeat(MAX_DEPTH) + 'kids') + COVER)).toBe('ok')
    expect(verdict(rule('some a in actions: '.repeat(MAX_DEPTH + 1) + 'a.auto'))).toBe(`1:${32 + 19 * MAX_DEPTH} dsl/too-deep`)
  })

  it('thousands of unknown facts and definitions keep the did-you-mean bounded', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `define d${i} = zz${i}\n`).join('')
    const { ratio, large } = growth((n) => () => verdict(text(n)), 1000)
    expect(ratio).toBeLessThan(GROWTH_LIMIT)
    expect(large).toBeLessThan(5000)
    // Still a useful suggestion where there is one.
    const parsed = parseRules({ file: 'm.dip', text: 'define kidsApp = kids\n' + rule('kidsAp') + COVER })
    if (!parsed.ok) throw new Error(parsed.error.reason)
    const { diagnostics } = checkProgram([{ file: 'm.dip', text: '', program: parsed.program }], subject, CATALOGUE)
    expect(diagnostics.map((diagnostic) => diagnostic.note)).toEqual(['Did you mean `kidsApp`?'])
  })

  it('a name longer than the limit is refused as too long where it starts, before any later stage sees it', () => {
    const long = 'k'.repeat(48_000)
    expect(verdict(rule(long))).toBe('1:32 dsl/too-long')
    expect(verdict(`define ${long} = kids`)).toBe('1:8 dsl/too-long')
    expect(verdict(`rule ${'r'.repeat(LIMITS.dslIdentifierLength + 1)} { }`)).toBe('1:6 dsl/too-long')
    expect(verdict(`classify s.${'o'.repeat(LIMITS.dslIdentifierLength)} as informative`)).toBe('1:10 dsl/too-long')
    expect(verdict(rule('kids or ' + 'k'.repeat(LIMITS.dslIdentifierLength)))).toBe('1:40 dsl/unknown-fact')
  })

  it('40,000 type errors are reported and printed with excerpts in linear time', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `define d${i} = age`).join('\n')
    const report = (n: number) => () => {
      const source = text(n)
      const parsed = parseRules({ file: 't.dip', text: source })
      if (!parsed.ok) throw new Error(parsed.error.reason)
      const { diagnostics } = checkProgram([{ file: 't.dip', text: source, program: parsed.program }], subject, CATALOGUE)
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'type-mismatch').length).toBe(n)
      return diagnostics.map((diagnostic) => formatWithExcerpt(diagnostic, source)).join('\n').length
    }
    expect(growth(report, 2500).ratio).toBeLessThan(GROWTH_LIMIT)
    expect(timeOf(report(40_000))).toBeLessThan(10_000)
  })

  it('a number literal too large for a number is a positioned error, never an internal one', async () => {
    expect(verdict(rule('age == ' + '9'.repeat(309)))).toBe('1:39 dsl/number-out-of-range')
    expect(verdict(rule('age in [1, -' + '9'.repeat(400) + ']'))).toBe('1:43 dsl/number-out-of-range')
    expect(verdict(rule('age < ' + '9'.repeat(308)) + COVER)).toBe('ok')
    const root = await tinyPolicy({ 'rules.dip': rule('age == ' + '9'.repeat(309)) + COVER })
    await put(root, 'p.json', '{"age": 3}')
    const result = await run(['eval', 'p.json', '--policy', 't', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('policy/t/rules.dip:1:39: Unexpected number out of range')
    expect(result.stderr).not.toMatch(/internal error|Cannot quote/)
  })

  it('a rules file larger than the limit is refused with one line, before it is parsed', async () => {
    const big = rule('kids') + COVER + '#'.repeat(LIMITS.rulesFileBytes)
    expect(verdict(big)).toBe('undefined:undefined dsl/too-large')
    const root = await tinyPolicy({ 'rules.dip': big })
    await put(root, 'p.json', '{"age": 3}')
    const result = await run(['eval', 'p.json', '--policy', 't', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^diptych: policy\/t\/rules\.dip: Unexpected size: the rules file is larger than 2 MB \(dsl\/too-large\)\n/)
  })

  it('a cycle through thousands of definitions is reported for each of them, in linear time', () => {
    const ring = (n: number) => Array.from({ length: n }, (_, i) => `define d${i} = d${(i + 1) % n}\n`).join('')
    expect(verdict(ring(3))).toBe('1:1 dsl/definition-cycle')
    expect(growth((n) => () => verdict(ring(n)), 1000).ratio).toBeLessThan(GROWTH_LIMIT)
  })

  it('the interpreter evaluates a doubling chain of definitions once per definition', () => {
    const parsed = parseRules({ file: 'd.dip', text: doubling(24) + COVER })
    if (!parsed.ok) throw new Error(parsed.error.reason)
    const { program } = checkProgram([{ file: 'd.dip', text: '', program: parsed.program }], subject, CATALOGUE)
    expect(timeOf(() => expect(evaluateRule(program.rules[0]!, program, { kids: false }).status).toBe('violated'))).toBeLessThan(200)
    expect(generateModule(program, { policy: 't', version: '1', sourceHash: 'x' }).length).toBeLessThan(60_000)
  })
})
