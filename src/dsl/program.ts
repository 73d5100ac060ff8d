// A checked program: rules with their fields gathered, definitions by name, clause classifications.
import { type Classify, type Expression, type LocaleText, type Program, type Rule, type Span, unexpectedNode } from './ast.js'
import type { RuleModality } from './semantics.js'

/** A rule with its fields gathered (the checker reports rules whose fields are missing or repeated). */
export interface CheckedRule {
  id: string
  file: string
  loc: Span
  clauses: string[]
  modality: RuleModality
  guard?: Expression | undefined
  /** Absent for attestation rules. */
  predicate?: Expression | undefined
  /** Violation message per language (`{path}` placeholders). */
  message: Record<string, string>
  /** Attestation question per language. */
  question: Record<string, string>
}

/** A whole rule set, from one or more files. */
export interface CheckedProgram {
  rules: CheckedRule[]
  definitions: Map<string, Expression>
  classifications: Map<string, Classify['kind']>
}

/** A parsed file. */
export interface ParsedUnit {
  file: string
  text: string
  program: Program
}

function texts(entries: LocaleText[]): Record<string, string> {
  return Object.fromEntries(entries.map((entry) => [entry.locale, entry.text]))
}

/** Gather the rules, definitions and classifications of parsed files (first occurrence wins). */
export function collectProgram(units: readonly ParsedUnit[]): CheckedProgram {
  const program: CheckedProgram = { rules: [], definitions: new Map(), classifications: new Map() }
  const ruleIds = new Set<string>()
  for (const unit of units) {
    for (const item of unit.program.items) {
      if (item.type === 'define') {
        if (!program.definitions.has(item.name)) program.definitions.set(item.name, item.body)
      } else if (item.type === 'classify') {
        if (!program.classifications.has(item.clause.id)) program.classifications.set(item.clause.id, item.kind)
      } else if (!ruleIds.has(item.id)) {
        ruleIds.add(item.id)
        program.rules.push(collectRule(item, unit.file))
      }
    }
  }
  return program
}

function collectRule(rule: Rule, file: string): CheckedRule {
  const result: CheckedRule = { id: rule.id, file, loc: rule.loc, clauses: [], modality: 'attest', message: {}, question: {} }
  for (const field of rule.fields) {
    switch (field.type) {
      case 'implements':
        result.clauses.push(...field.clauses.map((clause) => clause.id))
        break
      case 'modality':
        if (result.predicate === undefined) {
          result.modality = field.modality
          result.predicate = field.predicate
        }
        break
      case 'when':
        result.guard ??= field.guard
        break
      case 'message':
        result.message = { ...texts(field.entries), ...result.message }
        break
      case 'attest':
        result.question = { ...texts(field.entries), ...result.question }
        break
      default:
        unexpectedNode(field)
    }
  }
  return result
}
