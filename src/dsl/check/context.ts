// What every check pass sees: the parsed files, the gathered program, the subject's type, the catalogue.
import type { Catalogue } from '../../catalogue/types.js'
import { type RuleId, type VFileMessage, diagnostic } from '../../diagnostics/index.js'
import type { Span } from '../ast.js'
import type { CheckedProgram, ParsedUnit } from '../program.js'
import type { Type } from '../types.js'

/** The input and output of the check passes. */
export interface CheckContext {
  units: readonly ParsedUnit[]
  program: CheckedProgram
  /** Type of the subject, from its JSON Schema. */
  subject: Type
  catalogue: Catalogue
  /** What a normative clause no rule implements is (the manifest's `coverage`). */
  coverage: 'error' | 'warning' | 'off'
  /** Errors and warnings, in the order found. */
  diagnostics: VFileMessage[]
}

/** A related place of a report: what it is, and where. */
export interface Related {
  reason: string
  file: string
  loc: Span
}

/** Report an error at a span of a file, with its related place when there is one (as the message's `cause`). */
export function report(context: CheckContext, file: string, loc: Span, reason: string, ruleId: RuleId, note?: string, related?: Related): void {
  const cause = related && diagnostic(related.reason, { file: related.file, ...spanOf(related.loc), ruleId })
  context.diagnostics.push(diagnostic(reason, { file, ...spanOf(loc), ruleId, note, fatal: true, cause }))
}

/** The place options of a span. */
function spanOf(loc: Span): { line: number; column: number; end: { line: number; column: number } } {
  return { line: loc.start.line, column: loc.start.column, end: { line: loc.end.line, column: loc.end.column } }
}

/** A check pass: reads the context, reports diagnostics, never changes the tree. */
export type CheckPass = (context: CheckContext) => void
