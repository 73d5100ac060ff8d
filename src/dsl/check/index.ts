// The check passes, in order, as data; `checkProgram` runs them all and returns every diagnostic at once.
import type { Catalogue } from '../../catalogue/types.js'
import type { VFileMessage } from '../../diagnostics/index.js'
import { type CheckedProgram, type ParsedUnit, collectProgram } from '../program.js'
import type { Type } from '../types.js'
import type { CheckPass } from './context.js'
import { reportCoverage } from './report-coverage.js'
import { reportDefinitionCycles } from './report-definition-cycles.js'
import { reportDuplicateIds } from './report-duplicate-ids.js'
import { reportNumberRange } from './report-number-range.js'
import { reportPlaceholders } from './report-placeholders.js'
import { reportRuleShape } from './report-rule-shape.js'
import { reportTypes } from './report-types.js'
import { reportUnknownClauses } from './report-unknown-clauses.js'

/** Every check pass, in the order they run. None changes the tree. */
export const PASSES: ReadonlyArray<readonly [name: string, pass: CheckPass]> = [
  ['report-duplicate-ids', reportDuplicateIds],
  ['report-rule-shape', reportRuleShape],
  ['report-unknown-clauses', reportUnknownClauses],
  ['report-definition-cycles', reportDefinitionCycles],
  ['report-number-range', reportNumberRange],
  ['report-types', reportTypes],
  ['report-placeholders', reportPlaceholders],
  ['report-coverage', reportCoverage],
]

/** Check parsed rule files against the subject's type and the catalogue. */
export function checkProgram(units: readonly ParsedUnit[], subject: Type, catalogue: Catalogue, options: { coverage?: 'error' | 'warning' | 'off' | undefined } = {}): { program: CheckedProgram; diagnostics: VFileMessage[] } {
  const context = { units, program: collectProgram(units), subject, catalogue, coverage: options.coverage ?? 'error', diagnostics: [] as VFileMessage[] }
  for (const [, pass] of PASSES) pass(context)
  return { program: context.program, diagnostics: context.diagnostics }
}
