// The type checker of expressions: infers types bottom-up against the subject's schema and reports, through the
// context, unknown paths (with a did-you-mean), type mismatches and values outside an enum. Passes import it.
import type { RuleId } from '../../diagnostics/index.js'
import { type Expression, type Literal, type Path, type Span, unexpectedNode } from '../ast.js'
import { didYouMean } from '../../util/suggest.js'
import { type Type, alternatives, describeType, mayBe, nonNull } from '../types.js'
import type { CheckContext } from './context.js'
import { report } from './context.js'

/** Types of the quantifier variables in scope, by name. */
export type Scope = ReadonlyMap<string, Type>

const BOOLEAN: Type = { kind: 'boolean' }
const NUMBER: Type = { kind: 'number', integer: false }

/** Infers types bottom-up and reports what does not fit; `undefined` means an error was reported below. */
export class TypeChecker {
  constructor(
    private readonly context: CheckContext,
    private readonly file: string,
  ) {}

  private error(loc: Span, reason: string, ruleId: RuleId, note?: string): undefined {
    report(this.context, this.file, loc, reason, ruleId, note)
    return undefined
  }

  /** An expression that must be a truth value. */
  condition(expression: Expression, scope: Scope, where: string): void {
    const type = this.infer(expression, scope)
    if (type && !mayBe(type, 'boolean')) {
      this.error(expression.loc, `Unexpected ${describeType(type)} as ${where}, expected a boolean`, 'dsl/type-mismatch', 'Compare it with a value, for example `== "local"`.')
    }
  }

  /** Type of the fact, variable or definition a path names. */
  path(path: Path, scope: Scope, options: { allowArray: boolean }): Type | undefined {
    const [head, ...rest] = path.segments as [string, ...string[]]
    let type: Type
    let walked: string
    const variable = scope.get(head)
    if (variable) {
      type = variable
      walked = head
    } else if (rest.length === 0 && this.context.program.definitions.has(head)) {
      return BOOLEAN
    } else {
      type = this.context.subject
      walked = ''
      rest.unshift(head)
    }
    for (const segment of rest) {
      const options_ = alternatives(nonNull(type))
      const object = options_.find((alternative) => alternative.kind === 'object')
      if (options_.some((alternative) => alternative.kind === 'any')) return { kind: 'any' }
      if (!object || object.kind !== 'object') {
        const array = options_.some((alternative) => alternative.kind === 'array')
        return this.error(
          path.loc,
          `Unexpected field \`${segment}\` of ${walked ? `\`${walked}\`` : 'the subject'}: it is ${describeType(type)}`,
          'dsl/type-mismatch',
          array ? `Use \`some x in ${walked}: x.${segment} …\` or \`every x in ${walked}: …\`.` : undefined,
        )
      }
      const next = object.properties.get(segment)
      if (!next) {
        // Lazily chained, not copied: a program may have thousands of definitions and thousands of unknown facts.
        const candidates = walked === '' ? chain(object.properties.keys(), scope.keys(), this.context.program.definitions.keys()) : object.properties.keys()
        const near = didYouMean(segment, candidates)
        const known = walked === '' ? `fact \`${segment}\`` : `field \`${segment}\` of \`${walked}\``
        return this.error(path.loc, `Unknown ${known}`, 'dsl/unknown-fact', near ? `Did you mean \`${walked ? walked + '.' : ''}${near}\`?` : `Known: ${[...object.properties.keys()].join(', ')}.`)
      }
      type = next
      walked = walked ? `${walked}.${segment}` : segment
    }
    if (!options.allowArray && alternatives(nonNull(type)).every((alternative) => alternative.kind === 'array')) {
      return this.error(path.loc, `Unexpected array \`${walked}\`, expected a single value`, 'dsl/type-mismatch', `Use \`some x in ${walked}: …\`, \`every x in ${walked}: …\`, \`count(${walked})\` or \`${walked} contains …\`.`)
    }
    return type
  }

  infer(expression: Expression, scope: Scope): Type | undefined {
    switch (expression.type) {
      case 'literal':
        return literalType(expression)
      case 'path':
        return this.path(expression, scope, { allowArray: false })
      case 'not':
        this.condition(expression.operand, scope, 'the operand of `not`')
        return BOOLEAN
      case 'binary':
        this.condition(expression.left, scope, `the left of \`${expression.op}\``)
        this.condition(expression.right, scope, `the right of \`${expression.op}\``)
        return BOOLEAN
      case 'compare': {
        const left = this.infer(expression.left, scope)
        const right = this.infer(expression.right, scope)
        if (!left || !right) return BOOLEAN
        if (expression.op === '==' || expression.op === '!=') this.comparable(left, right, expression.left, expression.right, expression.loc)
        else {
          for (const [type, side] of [[left, expression.left], [right, expression.right]] as const) {
            if (!mayBe(type, 'number')) this.error(side.loc, `Unexpected ${describeType(type)} in \`${expression.op}\`, expected a number`, 'dsl/type-mismatch')
          }
        }
        return BOOLEAN
      }
      case 'in': {
        const operand = this.infer(expression.operand, scope)
        if (operand) for (const item of expression.list.items) this.comparable(operand, literalType(item), expression.operand, item, item.loc)
        return BOOLEAN
      }
      case 'test': {
        const left =
          expression.left.type === 'path' && expression.op === 'contains'
            ? this.path(expression.left, scope, { allowArray: true })
            : this.infer(expression.left, scope)
        const right = this.infer(expression.right, scope)
        if (!left || !right) return BOOLEAN
        const array = alternatives(nonNull(left)).find((alternative) => alternative.kind === 'array')
        if (expression.op === 'contains' && array && array.kind === 'array') {
          this.comparable(array.items, right, expression.left, expression.right, expression.right.loc)
          return BOOLEAN
        }
        if (!mayBe(left, 'string')) this.error(expression.left.loc, `Unexpected ${describeType(left)} in \`${expression.op.replace('-', ' ')}\`, expected a string`, 'dsl/type-mismatch')
        if (!mayBe(right, 'string')) this.error(expression.right.loc, `Unexpected ${describeType(right)} in \`${expression.op.replace('-', ' ')}\`, expected a string`, 'dsl/type-mismatch')
        return BOOLEAN
      }
      case 'exists':
        this.path(expression.path, scope, { allowArray: true })
        return BOOLEAN
      case 'count': {
        const type = this.path(expression.path, scope, { allowArray: true })
        if (type && !mayBe(type, 'array')) this.error(expression.path.loc, `Unexpected ${describeType(type)} in \`count\`, expected an array`, 'dsl/type-mismatch')
        return NUMBER
      }
      case 'quantifier': {
        const collection = this.path(expression.collection, scope, { allowArray: true })
        if (this.context.subject.kind === 'object' && this.context.subject.properties.has(expression.variable)) {
          this.error(expression.loc, `Variable \`${expression.variable}\` hides the fact of the same name`, 'dsl/shadowed-name', 'Choose another name for the variable.')
        }
        // A definition is evaluated in its own scope, so a variable of its name would mean one thing in the body and
        // another in the definitions it uses: refused, so that a reader never has to know which.
        if (this.context.program.definitions.has(expression.variable)) {
          this.error(expression.loc, `Variable \`${expression.variable}\` hides the definition of the same name`, 'dsl/shadowed-name', 'Choose another name for the variable.')
        }
        if (!collection) return BOOLEAN
        const array = alternatives(nonNull(collection)).find((alternative) => alternative.kind === 'array' || alternative.kind === 'any')
        if (!array) {
          this.error(expression.collection.loc, `Unexpected ${describeType(collection)} after \`in\`, expected an array`, 'dsl/type-mismatch')
          return BOOLEAN
        }
        const items: Type = array.kind === 'array' ? array.items : { kind: 'any' }
        this.condition(expression.body, new Map([...scope, [expression.variable, items]]), `the body of \`${expression.quantifier}\``)
        return BOOLEAN
      }
      default:
        return unexpectedNode(expression)
    }
  }

  /** Report when two values can never be equal: different kinds, or a string outside an enum. */
  private comparable(left: Type, right: Type, leftNode: Expression, rightNode: Expression, loc: Span): void {
    for (const [type, node] of [[left, rightNode], [right, leftNode]] as const) {
      if (node.type !== 'literal' || typeof node.value !== 'string') continue
      const enums = alternatives(type).flatMap((alternative) => (alternative.kind === 'string' ? [alternative.enum] : []))
      if (enums.length > 0 && enums.every((values) => values !== undefined)) {
        const values = enums.flatMap((values) => values ?? [])
        if (!values.includes(node.value)) {
          const near = didYouMean(node.value, values)
          this.error(node.loc, `Unexpected value ${JSON.stringify(node.value)}, expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, 'dsl/enum-value', near ? `Did you mean ${JSON.stringify(near)}?` : undefined)
          return
        }
      }
    }
    const kinds = (type: Type) => new Set(alternatives(type).map((alternative) => alternative.kind))
    const a = kinds(left)
    const b = kinds(right)
    if (a.has('any') || b.has('any')) return
    if (![...a].some((kind) => b.has(kind))) {
      this.error(loc, `Cannot compare ${describeType(left)} with ${describeType(right)}`, 'dsl/type-mismatch')
    }
  }
}

function* chain<T>(...parts: Array<Iterable<T>>): Generator<T> {
  for (const part of parts) yield* part
}

function literalType(literal: Literal): Type {
  const value = literal.value
  if (value === null) return { kind: 'null' }
  if (typeof value === 'boolean') return BOOLEAN
  if (typeof value === 'number') return { kind: 'number', integer: Number.isInteger(value) }
  return { kind: 'string' }
}
