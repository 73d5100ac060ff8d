// Judge one profile: the status of every rule, with the clause it cites, its message, and the facts that decided.
import { type Expression } from '../dsl/ast.js'
import { type FactRead, evaluateRule } from '../dsl/interpret/evaluate.js'
import { placeholders } from '../dsl/placeholders.js'
import { readOwn } from '../dsl/resolve.js'
import { STATUSES, type Status } from '../dsl/semantics.js'
import { ENGLISH, language } from '../languages/index.js'
import type { Engine } from './engine.js'
export { describeErrors } from './profile-errors.js'

/** The verdict of one rule. */
export interface Verdict {
  rule: string
  /** The first clause the rule implements (all of them in `clauses`). */
  clause: string
  clauses: string[]
  status: Status
  /** The clause's text per language. */
  text: Record<string, string>
  /** The violation message (or, for `attest`, the question) per language; null otherwise. */
  message: Record<string, string> | null
  /** Facts the rule needed that the profile leaves out. */
  missing: string[]
  /** Facts read, with their values. */
  explanation: FactRead[]
}

/** A compliance report. */
export interface ComplianceReport {
  policy: { id: string; version: string }
  verdicts: Verdict[]
  summary: Record<Status, number> & { rules: number }
}

/** Options of {@link judge}. */
export interface JudgeOptions {
  /** Explain every verdict with the interpreter (default); false explains violations only. */
  explainAll?: boolean | undefined
  /** Record condition outcomes, for coverage. */
  outcomes?: Map<Expression, Set<string>> | undefined
}

/** An internal disagreement between the compiled predicates and the interpreter. */
export class EngineDisagreement extends Error {}

/** Judge a profile (already validated) against every rule. */
export function judge(engine: Engine, profile: unknown, options: JudgeOptions = {}): ComplianceReport {
  const missing: string[] = []
  const { rules, compiled, catalogue } = engine
  const verdicts: Verdict[] = rules.program.rules.map((rule, index) => {
    missing.length = 0
    const status = compiled.STATUSES[compiled.rules[index]!.evaluate(profile, missing)] as Status
    const explain = options.explainAll !== false || status === 'violated' || options.outcomes !== undefined
    const interpreted = explain ? evaluateRule(rule, rules.program, profile, options.outcomes) : undefined
    if (interpreted && interpreted.status !== status) {
      throw new EngineDisagreement(`Rule ${rule.id}: compiled ${status}, interpreted ${interpreted.status}`)
    }
    const clause = engine.clauses.get(rule.clauses[0]!)
    const texts = status === 'violated' ? rule.message : status === 'attest' ? rule.question : undefined
    return {
      rule: rule.id,
      clause: rule.clauses[0]!,
      clauses: rule.clauses,
      status,
      text: clause?.text ?? {},
      message: texts ? Object.fromEntries(catalogue.locales.map((locale) => [locale, fill(texts[locale] ?? '', profile, locale)])) : null,
      missing: [...new Set(missing)],
      explanation: interpreted?.facts ?? [],
    }
  })
  const summary = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>
  for (const verdict of verdicts) summary[verdict.status]++
  return { policy: { id: catalogue.id, version: catalogue.version }, verdicts, summary: { ...summary, rules: verdicts.length } }
}

/** Fill `{path}` placeholders with the profile's facts. */
export function fill(template: string, profile: unknown, locale: string): string {
  let result = ''
  let last = 0
  for (const { path, index, end } of placeholders(template)) {
    result += template.slice(last, index).replace(/\{\{/g, '{').replace(/\}\}/g, '}')
    let value: unknown = profile
    for (const key of path.split('.')) value = readOwn(value, key)
    result += formatValue(value, locale)
    last = end
  }
  return result + template.slice(last).replace(/\{\{/g, '{').replace(/\}\}/g, '}')
}

/** A fact's value for a message: strings bare, lists joined, absent facts named as unknown. */
export function formatValue(value: unknown, locale: string): string {
  if (value === undefined) return (language(locale) ?? ENGLISH).report.unknown
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map((item) => formatValue(item, locale)).join(', ')
  return JSON.stringify(value)
}

/** Validate a profile against the policy's subject schema; returns the errors as JSON pointers and messages. */
export function validateProfile(engine: Engine, profile: unknown): Array<{ pointer: string; message: string }> {
  return engine.validate(profile)
}


/** One line of a batch report: the summary, and only the verdicts that need attention. */
export interface CompactReport {
  summary: ComplianceReport['summary']
  violated: Array<{ rule: string; clause: string; message: Record<string, string> }>
  unknown: Array<{ rule: string; missing: string[] }>
  attest: string[]
}

/**
 * Judge a profile for a batch: statuses from the compiled predicates' fast path, then messages for the violated
 * rules and missing facts for the unknown ones (each from its own rule function). No clause texts: they are in
 * the catalogue, and a million reports would repeat them a million times.
 */
export function judgeCompact(engine: Engine, profile: unknown, out: Uint8Array): CompactReport {
  const { compiled } = engine
  const codes = compiled.evaluateAll(profile, null, out)
  const counts = [0, 0, 0, 0, 0]
  for (let index = 0; index < codes.length; index++) counts[codes[index]!]!++
  const summary = { violated: 0, unknown: 0, attest: 0, satisfied: 0, 'not-applicable': 0, rules: codes.length }
  STATUSES.forEach((status, code) => (summary[status] = counts[code]!))
  const report: CompactReport = { summary, violated: [], unknown: [], attest: [] }
  if (counts[0] === 0 && counts[1] === 0 && counts[2] === 0) return report
  const locales = engine.catalogue.locales
  for (let index = 0; index < codes.length; index++) {
    const status = compiled.STATUSES[codes[index]!] as Status
    if (status === 'satisfied' || status === 'not-applicable') continue
    const rule = engine.rules.program.rules[index]!
    if (status === 'violated') {
      report.violated.push({ rule: rule.id, clause: rule.clauses[0]!, message: Object.fromEntries(locales.map((locale) => [locale, fill(rule.message[locale] ?? '', profile, locale)])) })
    } else if (status === 'unknown') {
      const missing: string[] = []
      compiled.rules[index]!.evaluate(profile, missing)
      report.unknown.push({ rule: rule.id, missing: [...new Set(missing)] })
    } else report.attest.push(rule.id)
  }
  return report
}
