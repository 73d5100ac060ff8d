// An interpreter of checked rules: a second opinion for the compiler, and explanations (the facts that decided).
import type { Expression } from '../ast.js'
import type { CheckedProgram, CheckedRule } from '../program.js'
import type { Status } from '../semantics.js'
import { visitor } from '../visitor.js'
import { explainingOf, statusesOf } from './prepare.js'

/** A fact read while evaluating a rule, with the value it had. */
export interface FactRead {
  path: string
  value: unknown
}

/** A rule's result with its reasons. */
export interface Evaluation {
  status: Status
  /** Facts the rule needed that the subject leaves out (static paths, `actions[].automated`). */
  missing: string[]
  /** Facts read, in order, each once (with indexes: `actions[1].automated`). */
  facts: FactRead[]
}

/**
 * Evaluate one rule against a subject. `explain: false` skips recording the facts read (statuses and
 * missing facts only), which is what the benchmarks time.
 */
export function evaluateRule(rule: CheckedRule, program: CheckedProgram, subject: unknown, outcomes?: Map<Expression, Set<string>>, explain = true): Evaluation {
  const prepared = explainingOf(program)
  const evaluate = prepared.rule(rule)
  const frame = prepared.frame(subject, explain ? new Map() : null, outcomes)
  const status = evaluate(frame)
  return {
    status,
    missing: [...new Set(frame.missing)],
    facts: frame.facts === null ? [] : [...frame.facts].map(([path, value]) => ({ path, value })),
  }
}

/** Every expression evaluated in a truth context (guards, predicates, operands of logic, definitions): the conditions of condition coverage. */
export function conditions(program: CheckedProgram): Expression[] {
  const found: Expression[] = []
  // Every node walked is a condition: the operands of logic and a quantifier's body are walked, the operands of
  // comparisons and tests (values) are not.
  const visit = visitor.build({
    not(node, state, walk) {
      found.push(node)
      walk.children(state)
    },
    binary(node, state, walk) {
      found.push(node)
      walk.children(state)
    },
    quantifier(node, state, walk) {
      found.push(node)
      walk.visit(node.body, state)
    },
    default(node) {
      found.push(node)
    },
  })
  for (const body of program.definitions.values()) visit(body, undefined)
  for (const rule of program.rules) {
    if (rule.guard) visit(rule.guard, undefined)
    if (rule.predicate) visit(rule.predicate, undefined)
  }
  return found
}

/** The status of every rule for one subject (statuses only: no facts recorded), sharing one frame across the rules. */
export function interpretAll(program: CheckedProgram, subject: unknown): Status[] {
  const { prepared, rules } = statusesOf(program)
  const frame = prepared.frame(subject, null, undefined)
  const statuses = new Array<Status>(rules.length)
  for (let index = 0; index < rules.length; index++) statuses[index] = rules[index]!(frame)
  return statuses
}
