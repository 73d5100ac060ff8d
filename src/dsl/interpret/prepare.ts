// Closure compilation of a checked program: every expression made once (per program) into a small function of the
// evaluation's state, so that interpreting a subject is calls of closures, with no switch on node types, no lookup of
// names and no allocation in the closures. This is not code generation: no source text is made, none is evaluated.
import { type Expression, type Path, unexpectedNode } from '../ast.js'
import type { CheckedProgram, CheckedRule } from '../program.js'
import { readOwn, resolvePath } from '../resolve.js'
import { type Status, type Truth, attestStatus, statusOf } from '../semantics.js'

/** The state of one evaluation: one subject, one or more rules. */
export interface Frame {
  subject: unknown
  /** The current item of each quantifier's variable, by slot (one slot a quantifier node). */
  vars: unknown[]
  /** Each definition's value for this subject, by slot; `UNSET` until evaluated (each is evaluated once). */
  defs: unknown[]
  // The rest is read only by the closures of an explaining program.
  /** The static paths of facts left out, in order, repeats included. */
  missing: string[]
  /** The facts read, by path with indexes; null when not recording them. */
  facts: Map<string, unknown> | null
  /** Each quantifier variable's current item as a path with its index (`actions[1]`), by slot, when recording facts. */
  shown: string[]
  /** Outcomes seen per condition node, for condition coverage. */
  outcomes: Map<Expression, Set<string>> | undefined
}

/**
 * An expression's value. In a truth context only `true` and `false` count: any other value is unknown, so the
 * operators of logic read values as truth values themselves and no closure converts them.
 */
type Fn = (frame: Frame) => unknown

/** A rule's status. */
export type RuleFn = (frame: Frame) => Status

/** A quantifier variable in scope: its slot, and the path of its items without indexes (`actions[]`). */
interface Variable {
  slot: number
  staticPath: string
}

/** A definition's value not yet evaluated for this frame's subject. */
const UNSET: unknown = Symbol('unset')
const NONE: never[] = []

function truthOf(value: unknown): Truth {
  return value === true || value === false ? value : undefined
}

/**
 * A checked program as closures, for one way of evaluating it: `explaining` closures record missing facts, facts read
 * and condition outcomes into the frame (for explanations and coverage); the others compute statuses only.
 */
export class Prepared {
  /** Set when compiling a rule failed part way (a stack overflow on a very deep program): the closures are discarded. */
  broken = false
  /** Quantifier slots used so far (the size of a frame's `vars`). */
  private slots = 0
  private readonly definitionSlots = new Map<string, number>()
  /** Each definition's body, by slot. */
  private readonly bodies: Fn[] = []
  private readonly rules = new WeakMap<CheckedRule, RuleFn>()
  /** The lexical scope while compiling: the variables of the enclosing quantifiers (a definition starts a new one). */
  private scope = new Map<string, Variable>()

  constructor(
    private readonly program: CheckedProgram,
    private readonly explaining: boolean,
  ) {}

  /** The closure of a rule (compiled on first use). */
  rule(rule: CheckedRule): RuleFn {
    let compiled = this.rules.get(rule)
    if (!compiled) {
      try {
        compiled = this.compileRule(rule)
      } catch (error) {
        // Half made (a definition's slot taken, its body not compiled): never used again.
        this.broken = true
        throw error
      }
      this.rules.set(rule, compiled)
    }
    return compiled
  }

  /** A fresh frame for a subject, sized for every closure compiled so far. */
  frame(subject: unknown, facts: Map<string, unknown> | null, outcomes: Map<Expression, Set<string>> | undefined): Frame {
    const definitions = this.bodies.length
    return {
      subject,
      vars: this.slots === 0 ? NONE : new Array<unknown>(this.slots),
      defs: definitions === 0 ? NONE : new Array<unknown>(definitions).fill(UNSET),
      missing: this.explaining ? [] : NONE,
      facts,
      shown: facts === null ? NONE : [],
      outcomes,
    }
  }

  private compileRule(rule: CheckedRule): RuleFn {
    this.scope = new Map()
    const guard = rule.guard ? this.condition(rule.guard) : undefined
    if (rule.modality === 'attest') {
      const id = rule.id
      return (frame) => {
        const value = guard === undefined ? true : truthOf(guard(frame))
        return value === false ? 'not-applicable' : attestStatus(value, readOwn(readOwn(frame.subject, 'attestations'), id))
      }
    }
    const modality = rule.modality
    const predicate = this.condition(rule.predicate!)
    return (frame) => {
      const value = guard === undefined ? true : guard(frame)
      if (value === false) return 'not-applicable'
      return statusOf(modality, truthOf(value), truthOf(predicate(frame)))
    }
  }

  /** An expression in a truth context (guards, predicates, operands of logic, bodies): a condition of coverage. */
  private condition(node: Expression): Fn {
    const value = this.value(node)
    if (!this.explaining) return value
    return (frame) => {
      const result = value(frame)
      const outcomes = frame.outcomes
      if (outcomes !== undefined) {
        let seen = outcomes.get(node)
        if (!seen) outcomes.set(node, (seen = new Set()))
        seen.add(String(truthOf(result)))
      }
      return result
    }
  }

  private value(node: Expression): Fn {
    switch (node.type) {
      case 'literal': {
        const value = node.value
        return () => value
      }
      case 'path':
        return this.path(node, true)
      case 'not': {
        const operand = this.condition(node.operand)
        return (frame) => {
          const value = operand(frame)
          return value === true ? false : value === false ? true : undefined
        }
      }
      case 'binary': {
        const left = this.condition(node.left)
        const right = this.condition(node.right)
        switch (node.op) {
          case 'and':
            return (frame) => {
              const a = left(frame)
              if (a === false) return false
              const b = right(frame)
              if (b === false) return false
              return a === true && b === true ? true : undefined
            }
          case 'or':
            return (frame) => {
              const a = left(frame)
              if (a === true) return true
              const b = right(frame)
              if (b === true) return true
              return a === false && b === false ? false : undefined
            }
          case 'implies':
            return (frame) => {
              const a = left(frame)
              if (a === false) return true
              const b = right(frame)
              if (b === true) return true
              return a === true && b === false ? false : undefined
            }
        }
      }
      case 'compare':
        return this.compare(node)
      case 'in': {
        const operand = this.value(node.operand)
        const values = new Set<unknown>(node.list.items.map((item) => item.value))
        return node.negated
          ? (frame) => {
              const value = operand(frame)
              return value === undefined ? undefined : !values.has(value)
            }
          : (frame) => {
              const value = operand(frame)
              return value === undefined ? undefined : values.has(value)
            }
      }
      case 'test': {
        const left = this.value(node.left)
        const right = this.value(node.right)
        const op = node.op
        return (frame) => {
          const a = left(frame)
          const b = right(frame)
          if (a === undefined || b === undefined) return undefined
          if (op === 'contains' && Array.isArray(a)) return a.includes(b)
          if (typeof a !== 'string' || typeof b !== 'string') return false
          return op === 'starts-with' ? a.startsWith(b) : op === 'ends-with' ? a.endsWith(b) : a.includes(b)
        }
      }
      case 'exists': {
        const read = this.path(node.path, false)
        return node.negated
          ? (frame) => {
              const value = read(frame)
              return value === undefined || value === null
            }
          : (frame) => {
              const value = read(frame)
              return value !== undefined && value !== null
            }
      }
      case 'count': {
        const read = this.path(node.path, true)
        return (frame) => {
          const value = read(frame)
          return Array.isArray(value) ? value.length : undefined
        }
      }
      case 'quantifier':
        return this.quantifier(node)
      default:
        return unexpectedNode(node)
    }
  }

  private compare(node: Expression & { type: 'compare' }): Fn {
    const left = this.value(node.left)
    const op = node.op
    // A literal on the right (the usual form) is read once, here; either way both sides are read, left first.
    if (node.right.type === 'literal') {
      const b = node.right.value
      switch (op) {
        case '==':
          return (frame) => {
            const a = left(frame)
            return a === undefined ? undefined : a === b
          }
        case '!=':
          return (frame) => {
            const a = left(frame)
            return a === undefined ? undefined : a !== b
          }
        default:
          if (typeof b === 'number') {
            const order = ORDER[op]
            return (frame) => {
              const a = left(frame)
              return typeof a === 'number' ? order(a, b) : undefined
            }
          }
      }
    }
    const right = this.value(node.right)
    switch (op) {
      case '==':
        return (frame) => {
          const a = left(frame)
          const b = right(frame)
          return a === undefined || b === undefined ? undefined : a === b
        }
      case '!=':
        return (frame) => {
          const a = left(frame)
          const b = right(frame)
          return a === undefined || b === undefined ? undefined : a !== b
        }
      default: {
        const order = ORDER[op]
        return (frame) => {
          const a = left(frame)
          const b = right(frame)
          return typeof a === 'number' && typeof b === 'number' ? order(a, b) : undefined
        }
      }
    }
  }

  private quantifier(node: Expression & { type: 'quantifier' }): Fn {
    const items = this.path(node.collection, true)
    // Where the items are, for the paths of their facts: `actions[]` statically, `actions[1]` when recording facts.
    const resolved = resolvePath(node.collection, this.scope, this.program.definitions)
    let staticPath: string
    let shownPath: (frame: Frame) => string
    if (resolved.kind === 'variable') {
      const outer = this.scope.get(resolved.name)!
      const suffix = resolved.rest.map((key) => `.${key}`).join('')
      staticPath = outer.staticPath + suffix
      shownPath = (frame) => frame.shown[outer.slot] + suffix
    } else {
      const path = resolved.kind === 'fact' ? resolved.segments.join('.') : resolved.name
      staticPath = path
      shownPath = () => path
    }
    const slot = this.slots++
    const outer = this.scope.get(node.variable)
    this.scope.set(node.variable, { slot, staticPath: `${staticPath}[]` })
    const body = this.condition(node.body)
    if (outer) this.scope.set(node.variable, outer)
    else this.scope.delete(node.variable)
    const some = node.quantifier === 'some'
    if (this.explaining) {
      return (frame) => {
        const collection = items(frame)
        if (!Array.isArray(collection)) return undefined
        const base = frame.facts === null ? '' : shownPath(frame)
        let result: Truth = !some
        for (let index = 0; index < collection.length; index++) {
          frame.vars[slot] = collection[index]
          if (frame.facts !== null) frame.shown[slot] = `${base}[${index}]`
          const value = body(frame)
          if (some ? value === true : value === false) return value
          if (value !== true && value !== false) result = undefined
        }
        return result
      }
    }
    return some
      ? (frame) => {
          const collection = items(frame)
          if (!Array.isArray(collection)) return undefined
          const vars = frame.vars
          let result: Truth = false
          for (let index = 0; index < collection.length; index++) {
            vars[slot] = collection[index]
            const value = body(frame)
            if (value === true) return true
            if (value !== false) result = undefined
          }
          return result
        }
      : (frame) => {
          const collection = items(frame)
          if (!Array.isArray(collection)) return undefined
          const vars = frame.vars
          let result: Truth = true
          for (let index = 0; index < collection.length; index++) {
            vars[slot] = collection[index]
            const value = body(frame)
            if (value === false) return false
            if (value !== true) result = undefined
          }
          return result
        }
  }

  /** A path's value: a definition's, a variable's item's, or a fact's; `record`: a fact left out is a missing fact. */
  private path(path: Path, record: boolean): Fn {
    const resolved = resolvePath(path, this.scope, this.program.definitions)
    if (resolved.kind === 'definition') return this.definition(resolved.name)
    // How to read it; its path when left out (`actions[].auto`), and when read (`actions[1].auto`).
    let read: Fn
    let missing: string
    let shown: (frame: Frame) => string
    if (resolved.kind === 'variable') {
      const variable = this.scope.get(resolved.name)!
      const { slot } = variable
      const suffix = resolved.rest.map((key) => `.${key}`).join('')
      read = fromVariable(slot, resolved.rest)
      missing = variable.staticPath + suffix
      shown = (frame) => frame.shown[slot] + suffix
    } else {
      const fact = resolved.segments.join('.')
      read = fromSubject(resolved.segments)
      missing = fact
      shown = () => fact
    }
    if (!this.explaining) return read
    return (frame) => {
      const value = read(frame)
      if (value === undefined) {
        if (record) frame.missing.push(missing)
      } else if (frame.facts !== null) frame.facts.set(shown(frame), value)
      return value
    }
  }

  /** A definition's value: its body in its own scope (never the caller's variables), evaluated once per subject. */
  private definition(name: string): Fn {
    let slot = this.definitionSlots.get(name)
    if (slot === undefined) {
      slot = this.bodies.length
      this.definitionSlots.set(name, slot)
      // The slot is taken before the body is compiled, so a cycle (refused by the checker) compiles and fails only
      // when evaluated, as it always did.
      this.bodies.push(() => undefined)
      const caller = this.scope
      this.scope = new Map()
      this.bodies[slot] = this.condition(this.program.definitions.get(name)!)
      this.scope = caller
    }
    const bodies = this.bodies
    const index = slot
    return (frame) => {
      const defs = frame.defs
      let value = defs[index]
      if (value === UNSET) defs[index] = value = truthOf(bodies[index]!(frame))
      return value
    }
  }
}

const ORDER: Record<'<' | '<=' | '>' | '>=', (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
}

/** A fact of the subject, read own property by own property (a few lengths unrolled: they are nearly all). */
function fromSubject(keys: readonly string[]): Fn {
  const [a, b, c] = keys as [string, string, string]
  switch (keys.length) {
    case 1:
      return (frame) => readOwn(frame.subject, a)
    case 2:
      return (frame) => readOwn(readOwn(frame.subject, a), b)
    case 3:
      return (frame) => readOwn(readOwn(readOwn(frame.subject, a), b), c)
    default:
      return (frame) => {
        let value = frame.subject
        for (const key of keys) value = readOwn(value, key)
        return value
      }
  }
}

/** A quantifier variable's item, or a fact of it. */
function fromVariable(slot: number, keys: readonly string[]): Fn {
  const [a, b] = keys as [string, string]
  switch (keys.length) {
    case 0:
      return (frame) => frame.vars[slot]
    case 1:
      return (frame) => readOwn(frame.vars[slot], a)
    case 2:
      return (frame) => readOwn(readOwn(frame.vars[slot], a), b)
    default:
      return (frame) => {
        let value = frame.vars[slot]
        for (const key of keys) value = readOwn(value, key)
        return value
      }
  }
}

/** Both ways of evaluating a program, made on first use. */
interface Entry {
  /**
   * What the closures were made from. A checked program is not changed once checked; one whose list of rules or map of
   * definitions was replaced or grew anyway is prepared again.
   */
  rules: readonly CheckedRule[]
  count: number
  definitions: ReadonlyMap<string, Expression>
  size: number
  statuses?: { prepared: Prepared; rules: RuleFn[] }
  explaining?: Prepared
}

const programs = new WeakMap<CheckedProgram, Entry>()

function entryOf(program: CheckedProgram): Entry {
  let entry = programs.get(program)
  if (
    !entry ||
    entry.rules !== program.rules ||
    entry.count !== program.rules.length ||
    entry.definitions !== program.definitions ||
    entry.size !== program.definitions.size
  ) {
    entry = { rules: program.rules, count: program.rules.length, definitions: program.definitions, size: program.definitions.size }
    programs.set(program, entry)
  }
  return entry
}

/** A program's statuses-only closures: every rule's, in order (made once per program). */
export function statusesOf(program: CheckedProgram): { prepared: Prepared; rules: RuleFn[] } {
  const entry = entryOf(program)
  if (!entry.statuses) {
    const prepared = new Prepared(program, false)
    entry.statuses = { prepared, rules: program.rules.map((rule) => prepared.rule(rule)) }
  }
  return entry.statuses
}

/** A program's explaining closures (rules compiled on first use). */
export function explainingOf(program: CheckedProgram): Prepared {
  const entry = entryOf(program)
  if (!entry.explaining || entry.explaining.broken) entry.explaining = new Prepared(program, true)
  return entry.explaining
}
