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

/** A message template split once: the literal texts around its placeholders, and each placeholder's path. */
interface Template {
  literals: string[]
  paths: string[][]
}

/** Templates split so far (the messages of the rules loaded: a few hundred); emptied if it ever grows past a bound. */
const TEMPLATES = new Map<string, Template>()

function template(text: string): Template {
  let found = TEMPLATES.get(text)
  if (found) return found
  const unescape = (literal: string) => literal.replace(/\{\{/g, '{').replace(/\}\}/g, '}')
  found = { literals: [], paths: [] }
  let last = 0
  for (const { path, index, end } of placeholders(text)) {
    found.literals.push(unescape(text.slice(last, index)))
    found.paths.push(path.split('.'))
    last = end
  }
  found.literals.push(unescape(text.slice(last)))
  if (TEMPLATES.size >= 4096) TEMPLATES.clear()
  TEMPLATES.set(text, found)
  return found
}

/** Fill `{path}` placeholders with the profile's facts. */
export function fill(text: string, profile: unknown, locale: string): string {
  const { literals, paths } = template(text)
  let result = literals[0]!
  for (let index = 0; index < paths.length; index++) {
    let value: unknown = profile
    for (const key of paths[index]!) value = readOwn(value, key)
    result += formatValue(value, locale) + literals[index + 1]!
  }
  return result
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
 * rules (in `locales`, by default every language of the policy) and missing facts for the unknown ones (each from its
 * own rule function). No clause texts: they are in the catalogue, and a million reports would repeat them a million times.
 */
export function judgeCompact(engine: Engine, profile: unknown, out: Uint8Array, locales: readonly string[] = engine.catalogue.locales): CompactReport {
  const { compiled } = engine
  const codes = compiled.evaluateAll(profile, null, out)
  // Counts by status code (the order of STATUSES: violated, unknown, attest, satisfied, not-applicable).
  let violated = 0
  let unknown = 0
  let attest = 0
  let satisfied = 0
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]!
    if (code === 0) violated++
    else if (code === 1) unknown++
    else if (code === 2) attest++
    else if (code === 3) satisfied++
  }
  const summary = { violated, unknown, attest, satisfied, 'not-applicable': codes.length - violated - unknown - attest - satisfied, rules: codes.length }
  const report: CompactReport = { summary, violated: [], unknown: [], attest: [] }
  if (violated === 0 && unknown === 0 && attest === 0) return report
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]!
    if (code > 2) continue
    const rule = engine.rules.program.rules[index]!
    if (code === 0) {
      const message: Record<string, string> = {}
      for (const locale of locales) message[locale] = fill(rule.message[locale] ?? '', profile, locale)
      report.violated.push({ rule: rule.id, clause: rule.clauses[0]!, message })
    } else if (code === 1) {
      const missing: string[] = []
      compiled.rules[index]!.evaluate(profile, missing)
      report.unknown.push({ rule: rule.id, missing: [...new Set(missing)] })
    } else report.attest.push(rule.id)
  }
  return report
}
