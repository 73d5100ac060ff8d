// Fuzz tests: random and mutated programs only ever give diagnostics, never a crash or a hang.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDiagnostic } from '../../src/diagnostics/index.js'
import { checkProgram } from '../../src/dsl/check/index.js'
import { MAX_DEPTH, parseRules } from '../../src/dsl/parse/parse.js'
import { typeFromSchema } from '../../src/dsl/types.js'
import { ROOT } from '../helpers.js'
import { CATALOGUE, SCHEMA, compile } from './helpers.js'

const subject = typeFromSchema(SCHEMA)

/** Parse and check; returns how long it took. Throws only if something other than a diagnostic escapes. */
function analyse(text: string): number {
  const start = performance.now()
  const parsed = parseRules({ file: 'fuzz.dip', text })
  if (parsed.ok) {
    const { diagnostics } = checkProgram([{ file: 'fuzz.dip', text, program: parsed.program }], subject, CATALOGUE)
    for (const diagnostic of diagnostics) expect(isDiagnostic(diagnostic)).toBe(true)
  } else {
    expect(parsed.error.line).toBeGreaterThanOrEqual(1)
  }
  return performance.now() - start
}

const TOKENS = ['rule', 'define', 'classify', 'as', 'implements', 'must', 'not', 'may', 'when', 'message', 'attest', '{', '}', '(', ')', '[', ']', ',', ':', '.', '==', '!=', '<', '>=', 'and', 'or', 'implies', 'in', 'some', 'every', 'exists', 'missing', 'starts with', 'ends with', 'contains', 'count', 'kids', 'creds.storage', 'actions', 'a.auto', '"local"', '"{creds.storage}"', '13', '-1.5', 'null', 'true', 's.one', 'en', 'nl', '#', '\n', ' ', '"', '\\', '\u2028', '__proto__', 'constructor']

describe('fuzzing the parser and checker', () => {
  it('gives only diagnostics on random token soup', () => {
    let slowest = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (tokens) => {
        slowest = Math.max(slowest, analyse(tokens.join(' ')))
      }),
      { numRuns: 3000, seed: 1 },
    )
    expect(slowest).toBeLessThan(2000)
  })

  it('gives only diagnostics on random characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => void analyse(text)), { numRuns: 2000, seed: 2 })
  })

  it('gives only diagnostics on mutations of the Pinterest rules', async () => {
    const original = await readFile(join(ROOT, 'policy/pinterest/rules.dip'), 'utf8')
    const lines = original.split('\n')
    const mutation = fc.oneof(
      fc.tuple(fc.nat(original.length), fc.nat(40)).map(([at, length]) => original.slice(0, at) + original.slice(at + length)),
      fc.tuple(fc.nat(original.length), fc.constantFrom(...TOKENS)).map(([at, token]) => `${original.slice(0, at)} ${token} ${original.slice(at)}`),
      fc.tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1)).map(([a, b]) => {
        const copy = [...lines]
        ;[copy[a], copy[b]] = [copy[b]!, copy[a]!]
        return copy.join('\n')
      }),
      fc.nat(lines.length - 1).map((at) => [...lines.slice(0, at), lines[at]!, ...lines.slice(at)].join('\n')),
    )
    let slowest = 0
    fc.assert(
      fc.property(mutation, (text) => {
        slowest = Math.max(slowest, analyse(text))
      }),
      { numRuns: 1500, seed: 3 },
    )
    expect(slowest).toBeLessThan(2000)
  })

  it('refuses nesting deeper than the limit with a diagnostic, and compiles and runs up to it', async () => {
    const deep = 'rule r { implements s.one must ' + 'not '.repeat(MAX_DEPTH + 5) + 'kids message { en: "x", nl: "y" } }'
    const parsed = parseRules({ file: 'deep.dip', text: deep })
    expect(parsed.ok ? 'ok' : `${parsed.error.source}/${parsed.error.ruleId}`).toBe('dsl/too-deep')
    const parens = '# deep\nrule r { must ' + '('.repeat(100_000) + 'kids' + ')'.repeat(100_000) + ' }'
    const refused = parseRules({ file: 'parens.dip', text: parens })
    expect(refused.ok ? 'ok' : `${refused.error.line}:${refused.error.column} ${refused.error.ruleId}`).toBe(`2:${15 + MAX_DEPTH} too-deep`)
    const chain = Array.from({ length: MAX_DEPTH - 2 }, (_, i) => `age == ${i}`).join(' or ')
    const { module, interpret } = await compile(`rule r { implements s.one must not ${chain} message { en: "x", nl: "y" } }`)
    expect(module.STATUSES[module.rules[0]!.evaluate({ age: 5000 }, null)]).toBe('satisfied')
    expect(module.STATUSES[module.rules[0]!.evaluate({ age: 5 }, null)]).toBe('violated')
    expect(interpret({ age: 5 })[0]!.status).toBe('violated')
  })
})
