// Helpers for rule-language tests: a small subject schema and catalogue, and one call from source to predicates.
import type { Catalogue } from '../../src/catalogue/types.js'
import { formatOneLine } from '../../src/diagnostics/index.js'
import type { Expression, Program } from '../../src/dsl/ast.js'
import { checkProgram } from '../../src/dsl/check/index.js'
import { generateModule } from '../../src/dsl/compile/generate.js'
import { type CompiledModule, importGenerated } from '../../src/dsl/compile/load-module.js'
import { evaluateRule } from '../../src/dsl/interpret/evaluate.js'
import { parseRules } from '../../src/dsl/parse/parse.js'
import type { CheckedProgram } from '../../src/dsl/program.js'
import { typeFromSchema } from '../../src/dsl/types.js'

/** A small subject: an app with a few facts of every type. */
export const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    url: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    age: { type: 'integer' },
    kids: { type: 'boolean' },
    tags: { type: 'array', items: { enum: ['a', 'b', 'c'] } },
    storage: { enum: ['local', 'server'] },
    creds: { type: 'object', properties: { byok: { type: 'boolean' }, storage: { enum: ['local', 'server'] } } },
    actions: {
      type: 'array',
      items: { type: 'object', properties: { kind: { enum: ['follow', 'save'] }, auto: { type: 'boolean' }, chosen: { type: 'boolean' }, steps: { type: 'array', items: { type: 'object', properties: { ok: { type: 'boolean' } } } } } },
    },
  },
}

/** A small catalogue: one section, three clauses (two normative, one informative). */
export const CATALOGUE: Catalogue = {
  id: 'test',
  title: { en: 'Test', nl: 'Test' },
  version: '1.0.0',
  reference: 'en',
  locales: ['en', 'nl'],
  sections: [
    {
      id: 's',
      title: { en: 'S', nl: 'S' },
      source: { en: { file: 'locales/en/test.md', line: 3 } },
      clauses: [
        { id: 's.one', parent: null, leadIn: null, form: 'item', depth: 0, kind: 'obligation', text: { en: 'Do one.', nl: 'Doe een.' }, hash: { en: '0'.repeat(64) }, source: { en: { file: 'locales/en/test.md', line: 5 } } },
        { id: 's.two', parent: null, leadIn: null, form: 'item', depth: 0, kind: 'prohibition', text: { en: 'Do not do two.', nl: 'Doe geen twee.' }, hash: { en: '0'.repeat(64) }, source: { en: { file: 'locales/en/test.md', line: 6 } } },
        { id: 's.info', parent: null, leadIn: null, form: 'paragraph', depth: 0, kind: 'informative', text: { en: 'FYI.', nl: 'Ter info.' }, hash: { en: '0'.repeat(64) }, source: { en: { file: 'locales/en/test.md', line: 7 } } },
      ],
    },
  ],
}

/** Rules that cover both normative clauses of the test catalogue, to append to a test's own rules. */
export const COVER = `
rule cover-one { implements s.one attest { en: "One?", nl: "Een?" } }
rule cover-two { implements s.two attest { en: "Two?", nl: "Twee?" } }
`

/** Parse and check; returns the diagnostics as `line:column rule message` strings. */
export function diagnose(source: string, options: { cover?: boolean; coverage?: 'error' | 'warning' | 'off' } = {}): string[] {
  const text = options.cover === false ? source : source + COVER
  const parsed = parseRules({ file: 'test.dip', text })
  if (!parsed.ok) return [`${parsed.error.line}:${parsed.error.column} ${parsed.error.source}/${parsed.error.ruleId} ${parsed.error.reason}`]
  const { diagnostics } = checkProgram([{ file: 'test.dip', text, program: parsed.program }], typeFromSchema(SCHEMA), CATALOGUE, { coverage: options.coverage })
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.source}/${d.ruleId}${d.fatal ? '' : ' (warning)'} ${d.reason}${d.note ? ` [${d.note}]` : ''}`)
}

/** Parse a program that must be valid. */
export function parseOk(source: string): Program {
  const parsed = parseRules({ file: 'test.dip', text: source })
  if (!parsed.ok) throw new Error(formatOneLine(parsed.error))
  return parsed.program
}

/** Parse, check (failing on any error), compile and import; also returns the interpreter. */
export async function compile(source: string): Promise<{ program: CheckedProgram; module: CompiledModule; code: string; interpret(subject: unknown): Array<{ status: string; missing: string[] }> }> {
  const text = source + COVER
  const parsed = parseOk(text)
  const { program, diagnostics } = checkProgram([{ file: 'test.dip', text, program: parsed }], typeFromSchema(SCHEMA), CATALOGUE)
  if (diagnostics.length > 0) throw new Error(diagnostics.map(formatOneLine).join('\n'))
  const code = generateModule(program, { policy: 'test', version: '1.0.0', sourceHash: 'x' })
  const module = await importGenerated(code)
  return { program, module, code, interpret: (subject) => program.rules.map((rule) => evaluateRule(rule, program, subject)) }
}

/** Remove locations from an AST, to compare shapes. */
export function strip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'loc' || key === 'textLoc' ? undefined : inner)))
}

export type { Expression }
