// What every check pass sees: the parsed files, the gathered program, the subject's type, the catalogue.
import type { Catalogue } from '../../catalogue/types.js'
import { type VFileMessage, diagnostic } from '../../diagnostics/index.js'
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
  /** Errors and warnings, in the order found. */
  diagnostics: VFileMessage[]
}

/** Report an error at a span of a file. */
export function report(context: CheckContext, file: string, loc: Span, reason: string, ruleId: string, note?: string): void {
  context.diagnostics.push(diagnostic(reason, { file, line: loc.start.line, column: loc.start.column, ruleId, note, fatal: true }))
}

/** A check pass: reads the context, reports diagnostics, never changes the tree. */
export type CheckPass = (context: CheckContext) => void
