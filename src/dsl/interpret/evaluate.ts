// An interpreter of checked rules: a second opinion for the compiler, and explanations (the facts that decided).
import { type Expression, unexpectedNode } from '../ast.js'
import type { CheckedProgram, CheckedRule } from '../program.js'
import { type Resolved, readOwn, resolvePath } from '../resolve.js'
import { type Status, type Truth, attestStatus, statusOf } from '../semantics.js'
import { visitor } from '../visitor.js'

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

interface Frame {
  subject: unknown
  program: CheckedProgram
  /** Record the facts read (for explanations); off for statuses only. */
  explain: boolean
  variables: Map<string, { value: unknown; path: string; staticPath: string }>
  /**
   * Values of the definitions evaluated so far for this subject. A definition sees only its own scope (never the
   * caller's variables), so its value depends on the subject alone: each is evaluated once, as the compiler does.
   */
  definitions: Map<string, Truth>
  missing: string[]
  facts: Map<string, unknown>
  /** Outcomes seen per expression node, for condition coverage. */
  outcomes?: Map<Expression, Set<string>> | undefined
}

/**
 * Evaluate one rule against a subject. `explain: false` skips recording the facts read (statuses and
 * missing facts only), which is what the benchmarks time.
 */
export function evaluateRule(rule: CheckedRule, program: CheckedProgram, subject: unknown, outcomes?: Map<Expression, Set<string>>, explain = true): Evaluation {
  const frame: Frame = { subject, program, explain, variables: new Map(), definitions: new Map(), missing: [], facts: new Map(), outcomes }
  const guard = rule.guard ? truth(rule.guard, frame) : true
  let status: Status
  if (rule.modality === 'attest') {
    status = guard === false ? 'not-applicable' : attestStatus(guard, readOwn(readOwn(subject, 'attestations'), rule.id))
  } else if (guard === false) {
    status = 'not-applicable'
  } else {
    status = statusOf(rule.modality, guard, truth(rule.predicate!, frame))
  }
  return {
    status,
    missing: [...new Set(frame.missing)],
    facts: [...frame.facts].map(([path, value]) => ({ path, value })),
  }
}

/** Evaluate an expression in a boolean context. */
function truth(expression: Expression, frame: Frame): Truth {
  const value = evaluate(expression, frame)
  const result = value === true || value === false ? value : undefined
  if (frame.outcomes) {
    let seen = frame.outcomes.get(expression)
    if (!seen) frame.outcomes.set(expression, (seen = new Set()))
    seen.add(String(result))
  }
  return result
}

/** The literal values of an `in` list, as a set, made once per node. */
const lists = new WeakMap<Expression, Set<string | number | boolean | null>>()

/** How a path node resolves never changes (its scope is fixed by the program): resolved once, cached. */
const resolutions = new WeakMap<Expression, Resolved & { path: string }>()

function resolve(path: Expression & { type: 'path' }, frame: Frame): Resolved & { path: string } {
  let resolved = resolutions.get(path)
  if (!resolved) {
    const found = resolvePath(path, frame.variables, frame.program.definitions)
    resolved = { ...found, path: found.kind === 'fact' ? found.segments.join('.') : found.kind === 'variable' ? found.rest.join('.') : found.name }
    resolutions.set(path, resolved)
  }
  return resolved
}

function read(path: Expression & { type: 'path' }, frame: Frame, record: boolean): unknown {
  const resolved = resolve(path, frame)
  if (resolved.kind === 'definition') return definition(resolved.name, frame)
  let value: unknown
  if (resolved.kind === 'variable') {
    const variable = frame.variables.get(resolved.name)!
    value = variable.value
    for (const key of resolved.rest) value = readOwn(value, key)
    if (value === undefined) {
      if (record) frame.missing.push(resolved.rest.length > 0 ? `${variable.staticPath}.${resolved.path}` : variable.staticPath)
    } else if (frame.explain) frame.facts.set(resolved.rest.length > 0 ? `${variable.path}.${resolved.path}` : variable.path, value)
    return value
  }
  value = frame.subject
  for (const key of resolved.segments) value = readOwn(value, key)
  if (value === undefined) {
    if (record) frame.missing.push(resolved.path)
  } else if (frame.explain) frame.facts.set(resolved.path, value)
  return value
}

/** A definition's value: evaluated in its own scope (lexically, as the compiler and the checker do), once per subject. */
function definition(name: string, frame: Frame): Truth {
  if (frame.definitions.has(name)) return frame.definitions.get(name)
  const caller = frame.variables
  frame.variables = new Map()
  const value = truth(frame.program.definitions.get(name)!, frame)
  frame.variables = caller
  frame.definitions.set(name, value)
  return value
}

function evaluate(expression: Expression, frame: Frame): unknown {
  switch (expression.type) {
    case 'literal':
      return expression.value
    case 'path':
      return read(expression, frame, true)
    case 'not': {
      const value = truth(expression.operand, frame)
      return value === undefined ? undefined : !value
    }
    case 'binary': {
      const left = truth(expression.left, frame)
      if (expression.op === 'and') {
        if (left === false) return false
        const right = truth(expression.right, frame)
        if (right === false) return false
        return left === undefined || right === undefined ? undefined : true
      }
      if (expression.op === 'or') {
        if (left === true) return true
        const right = truth(expression.right, frame)
        if (right === true) return true
        return left === undefined || right === undefined ? undefined : false
      }
      if (left === false) return true
      const right = truth(expression.right, frame)
      if (right === true) return true
      return left === undefined || right === undefined ? undefined : false
    }
    case 'compare': {
      const left = evaluate(expression.left, frame)
      const right = evaluate(expression.right, frame)
      if (left === undefined || right === undefined) return undefined
      switch (expression.op) {
        case '==':
          return left === right
        case '!=':
          return left !== right
        case '<':
        case '<=':
        case '>':
        case '>=':
          if (typeof left !== 'number' || typeof right !== 'number') return undefined
          return expression.op === '<' ? left < right : expression.op === '<=' ? left <= right : expression.op === '>' ? left > right : left >= right
      }
    }
    case 'in': {
      const value = evaluate(expression.operand, frame)
      if (value === undefined) return undefined
      let values = lists.get(expression)
      if (!values) lists.set(expression, (values = new Set(expression.list.items.map((item) => item.value))))
      const found = values.has(value as string | number | boolean | null)
      return expression.negated ? !found : found
    }
    case 'test': {
      const left = evaluate(expression.left, frame)
      const right = evaluate(expression.right, frame)
      if (left === undefined || right === undefined) return undefined
      if (expression.op === 'contains' && Array.isArray(left)) return left.includes(right)
      if (typeof left !== 'string' || typeof right !== 'string') return false
      return expression.op === 'starts-with' ? left.startsWith(right) : expression.op === 'ends-with' ? left.endsWith(right) : left.includes(right)
    }
    case 'exists': {
      const value = read(expression.path, frame, false)
      const present = value !== undefined && value !== null
      return expression.negated ? !present : present
    }
    case 'count': {
      const value = evaluate(expression.path, frame)
      return Array.isArray(value) ? value.length : undefined
    }
    case 'quantifier': {
      const collection = evaluate(expression.collection, frame)
      if (!Array.isArray(collection)) return undefined
      const resolved = resolve(expression.collection, frame)
      const variable = resolved.kind === 'variable' ? frame.variables.get(resolved.name)! : undefined
      const base = variable
        ? { shown: resolved.path ? `${variable.path}.${resolved.path}` : variable.path, stat: resolved.path ? `${variable.staticPath}.${resolved.path}` : variable.staticPath }
        : { shown: resolved.path, stat: resolved.path }
      const outer = frame.variables.get(expression.variable)
      let result: Truth = expression.quantifier === 'every'
      // One binding, updated for each item (its shown path only when explaining).
      const binding = { value: undefined as unknown, path: '', staticPath: `${base.stat}[]` }
      frame.variables.set(expression.variable, binding)
      for (let index = 0; index < collection.length; index++) {
        binding.value = collection[index]
        if (frame.explain) binding.path = `${base.shown}[${index}]`
        const value = truth(expression.body, frame)
        if (expression.quantifier === 'some' ? value === true : value === false) {
          result = value
          break
        }
        if (value === undefined) result = undefined
      }
      if (outer) frame.variables.set(expression.variable, outer)
      else frame.variables.delete(expression.variable)
      return result
    }
    default:
      return unexpectedNode(expression)
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
  const frame: Frame = { subject, program, explain: false, variables: new Map(), definitions: new Map(), missing: [], facts: new Map(), outcomes: undefined }
  return program.rules.map((rule) => {
    frame.missing.length = 0
    const guard = rule.guard ? truth(rule.guard, frame) : true
    if (rule.modality === 'attest') return guard === false ? 'not-applicable' : attestStatus(guard, readOwn(readOwn(subject, 'attestations'), rule.id))
    if (guard === false) return 'not-applicable'
    return statusOf(rule.modality, guard, truth(rule.predicate!, frame))
  })
}
