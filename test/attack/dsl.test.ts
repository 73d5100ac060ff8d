// The DSL attack harness (issue 12): generated, mutated, malformed and hostile rule programs through parse, check,
// compile and load give diagnostics only, never an exception, an injection or a hang; and the compiled predicates agree
// with the interpreter (status and missing facts) on random profiles, single- and multi-file. Bounded under
// `npm test`; `FUZZ_SCALE=full` (npm run fuzz) runs a million programs and prints the counts.
import { describe, expect, it } from 'vitest'
import { isDiagnostic } from '../../src/diagnostics/index.js'
import { checkProgram } from '../../src/dsl/check/index.js'
import { generateFunctionBody, generateModule } from '../../src/dsl/compile/generate.js'
import { type CompiledModule, importGenerated } from '../../src/dsl/compile/load-module.js'
import { evaluateRule, interpretAll } from '../../src/dsl/interpret/evaluate.js'
import { parseRules } from '../../src/dsl/parse/parse.js'
import type { CheckedProgram, ParsedUnit } from '../../src/dsl/program.js'
import { typeFromSchema } from '../../src/dsl/types.js'
import { CATALOGUE, COVER, SCHEMA } from '../dsl/helpers.js'
import { Random, malformed, mutate, profile, program, twins } from './dsl-programs.js'
import { iterations, report, seed } from './scale.js'

const subject = typeFromSchema(SCHEMA)
/** A program that takes longer than this through parse, check and compile is a hang. */
const HANG_MS = 2000
/** A test's time limit: seconds under `npm test`, a day at scale. */
const TIMEOUT = iterations(60_000, 86_400_000)

interface Counts {
  programs: number
  clean: number
  crashes: number
  hangs: number
  pairs: number
  disagreements: number
}

/** What went wrong first, to reproduce it. */
interface Finding {
  what: string
  files: Array<{ file: string; text: string }>
  detail: string
}

/** Parse and check files; the checked program when clean. Anything thrown that is not a diagnostic escapes. */
function analyse(files: ReadonlyArray<{ file: string; text: string }>, allowShadowing = false): CheckedProgram | undefined {
  const units: ParsedUnit[] = []
  for (const { file, text } of files) {
    const parsed = parseRules({ file, text })
    if (!parsed.ok) {
      if (!isDiagnostic(parsed.error) || parsed.error.line === undefined) throw new Error(`a syntax error without a place: ${parsed.error.reason}`)
      return undefined
    }
    units.push({ file, text, program: parsed.program })
  }
  const { program: checked, diagnostics } = checkProgram(units, subject, CATALOGUE)
  for (const diagnostic of diagnostics) if (!isDiagnostic(diagnostic)) throw new Error('a diagnostic that is not a VFileMessage')
  // With `allowShadowing`, a program refused only for variables named like definitions is still compiled: both
  // evaluators must give it the same (lexical) meaning, whatever the checker says.
  const fatal = diagnostics.filter((diagnostic) => diagnostic.fatal && !(allowShadowing && diagnostic.ruleId === 'shadowed-name'))
  return fatal.length > 0 ? undefined : checked
}

/** Compile to the module's code as a function body, and evaluate it (freed when unused, unlike an imported module). */
function load(checked: CheckedProgram): CompiledModule {
  return new Function(generateFunctionBody(checked, { policy: 'x', version: '1.0.0', sourceHash: 'h' }))() as CompiledModule
}

/** Compare the compiled predicates with the interpreter on one profile; a description of the first difference. */
function disagreement(checked: CheckedProgram, compiled: CompiledModule, subjectValue: unknown): string | undefined {
  const all = compiled.evaluateAll(subjectValue, null)
  const tracked: string[] = []
  const allTracked = compiled.evaluateAll(subjectValue, tracked)
  const statuses = interpretAll(checked, subjectValue)
  for (let index = 0; index < checked.rules.length; index++) {
    const rule = checked.rules[index]!
    const missing: string[] = []
    const status = compiled.STATUSES[compiled.rules[index]!.evaluate(subjectValue, missing)]
    const interpreted = evaluateRule(rule, checked, subjectValue)
    const fast = compiled.STATUSES[all[index]!]
    const slow = compiled.STATUSES[allTracked[index]!]
    if (status !== interpreted.status || fast !== status || slow !== status || statuses[index] !== status) {
      return `rule ${rule.id}: compiled ${status}, evaluateAll ${fast}/${slow}, interpreted ${interpreted.status}/${statuses[index]}`
    }
    const compiledMissing = [...new Set(missing)]
    if (JSON.stringify(compiledMissing) !== JSON.stringify(interpreted.missing)) {
      return `rule ${rule.id}: missing ${JSON.stringify(compiledMissing)} compiled, ${JSON.stringify(interpreted.missing)} interpreted`
    }
  }
  return undefined
}

/** Run `count` programs from `make`, checking each through every stage; returns the counts and the first findings. */
function attack(name: string, count: number, profiles: number, make: (random: Random) => Array<{ file: string; text: string }>, fixedSeed: number, allowShadowing = false): { counts: Counts; findings: Finding[] } {
  const random = new Random(seed(fixedSeed))
  const counts: Counts = { programs: 0, clean: 0, crashes: 0, hangs: 0, pairs: 0, disagreements: 0 }
  const findings: Finding[] = []
  const note = (finding: Finding) => findings.length < 5 && findings.push(finding)
  for (let index = 0; index < count; index++) {
    const files = make(random)
    counts.programs++
    const start = performance.now()
    let checked: CheckedProgram | undefined
    let compiled: CompiledModule | undefined
    try {
      checked = analyse(files, allowShadowing)
      if (checked) compiled = load(checked)
    } catch (error) {
      counts.crashes++
      note({ what: 'crash', files, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      continue
    }
    const elapsed = performance.now() - start
    if (elapsed > HANG_MS) {
      counts.hangs++
      note({ what: `hang (${Math.round(elapsed)} ms)`, files, detail: '' })
    }
    if ((globalThis as Record<string, unknown>)['pwned'] !== undefined) {
      counts.crashes++
      note({ what: 'injection', files, detail: 'globalThis.pwned was set' })
      delete (globalThis as Record<string, unknown>)['pwned']
    }
    if (!checked || !compiled) continue
    counts.clean++
    for (let p = 0; p < profiles; p++) {
      const value = profile(random)
      counts.pairs++
      let difference: string | undefined
      try {
        difference = disagreement(checked, compiled, value)
      } catch (error) {
        difference = `threw ${String(error)}`
      }
      if (difference) {
        counts.disagreements++
        note({ what: 'disagreement', files, detail: `${difference} on ${JSON.stringify(value)}` })
        break
      }
    }
  }
  report(name, { ...counts })
  return { counts, findings }
}

function expectClean({ counts, findings }: { counts: Counts; findings: Finding[] }): void {
  const first = findings[0]
  expect(first ? `${first.what}: ${first.detail}\n${first.files.map((file) => `--- ${file.file}\n${file.text}`).join('\n')}` : 'none').toBe('none')
  expect({ crashes: counts.crashes, hangs: counts.hangs, disagreements: counts.disagreements }).toEqual({ crashes: 0, hangs: 0, disagreements: 0 })
}

describe('DSL attack harness', () => {
  it('generated programs (hostile strings and names, huge numbers, one to three files) agree with the interpreter', () => {
    const result = attack('dsl generated programs', iterations(600, 300_000), 6, (random) => program(random, COVER), 12)
    expectClean(result)
    // The generator is worth its time only if most programs get through the checker to the compiler.
    expect(result.counts.clean).toBeGreaterThan(result.counts.programs * 0.3)
    expect(result.counts.pairs).toBeGreaterThan(1000)
  }, TIMEOUT)

  it('twin files, their expressions at the same offsets, compile to their own functions and agree with the interpreter', () => {
    const result = attack('dsl twin files', iterations(300, 200_000), 6, (random) => twins(random, COVER), 16)
    expectClean(result)
    expect(result.counts.clean).toBeGreaterThan(result.counts.programs * 0.3)
  }, TIMEOUT)

  it('quantifier variables named like definitions: refused by the checker, and given one meaning by both evaluators', () => {
    const result = attack('dsl shadowing definitions', iterations(300, 100_000), 6, (random) => program(random, COVER, 1 + random.int(2), true), 17, true)
    expectClean(result)
    expect(result.counts.clean).toBeGreaterThan(result.counts.programs * 0.3)
  }, TIMEOUT)

  it('mutated programs give diagnostics, or compile and agree with the interpreter', () => {
    const result = attack('dsl mutated programs', iterations(600, 200_000), 3, (random) => {
      const files = program(random, COVER)
      const at = random.int(files.length)
      return files.map((file, index) => (index === at ? { ...file, text: mutate(random, mutate(random, file.text)) } : file))
    }, 13)
    expectClean(result)
    expect(result.counts.clean).toBeGreaterThan(0)
  }, TIMEOUT)

  it('malformed programs (token soup, random characters) give diagnostics only', () => {
    expectClean(attack('dsl malformed programs', iterations(1500, 200_000), 0, (random) => [{ file: 'm.dip', text: malformed(random) }], 14))
  }, TIMEOUT)

  it('the compiled module and its function-body form are the same code, and an imported module agrees', async () => {
    const random = new Random(seed(15))
    let compared = 0
    while (compared < 20) {
      const files = program(random, COVER)
      const checked = analyse(files)
      if (!checked) continue
      const metadata = { policy: 'x', version: '1.0.0', sourceHash: 'h' }
      const body = generateFunctionBody(checked, metadata)
      const text = generateModule(checked, metadata)
      expect(text.replace(/^export (const|function) /gm, '$1 ')).toBe(body.replace(/\n\nreturn \{[^\n]*\};\n/, '\n'))
      const imported = await importGenerated(text)
      const value = profile(random)
      expect([...imported.evaluateAll(value, null)]).toEqual([...load(checked).evaluateAll(value, null)])
      compared++
    }
  })
})
