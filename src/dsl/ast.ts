// The rule language's syntax tree, as built by grammar/dip.peggy. Every node carries its location.

/** A place in a source: 1-based line and column, 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** The span of a node. */
export interface Span {
  start: Point
  end: Point
}

/** A literal value. */
export interface Literal {
  type: 'literal'
  value: string | number | boolean | null
  loc: Span
}

/** A path into the subject, a quantifier's variable, or a definition's name (resolved by the checker). */
export interface Path {
  type: 'path'
  segments: string[]
  loc: Span
}

export interface Not {
  type: 'not'
  operand: Expression
  loc: Span
}

export interface Binary {
  type: 'binary'
  op: 'and' | 'or' | 'implies'
  left: Expression
  right: Expression
  loc: Span
}

export interface Compare {
  type: 'compare'
  op: '==' | '!=' | '<' | '<=' | '>' | '>='
  left: Expression
  right: Expression
  loc: Span
}

export interface In {
  type: 'in'
  negated: boolean
  operand: Expression
  list: { items: Literal[]; loc: Span }
  loc: Span
}

/** String tests (and `contains` on arrays): linear scans, no regular expressions. */
export interface Test {
  type: 'test'
  op: 'starts-with' | 'ends-with' | 'contains'
  left: Expression
  right: Expression
  loc: Span
}

/** `exists path` (present and not null) or `missing path` (its negation); never unknown. */
export interface Exists {
  type: 'exists'
  negated: boolean
  path: Path
  loc: Span
}

export interface Quantifier {
  type: 'quantifier'
  quantifier: 'some' | 'every'
  variable: string
  collection: Path
  body: Expression
  loc: Span
}

export interface Count {
  type: 'count'
  path: Path
  loc: Span
}

/** Any expression. */
export type Expression = Literal | Path | Not | Binary | Compare | In | Test | Exists | Quantifier | Count

/** A clause ID as written in a rule. */
export interface ClauseRef {
  id: string
  loc: Span
}

/** A text in one language (a message or an attestation question); `{path}` placeholders inside. */
export interface LocaleText {
  locale: string
  text: string
  /** Span of the string literal, quotes included. */
  textLoc: Span
  loc: Span
}

export interface Implements {
  type: 'implements'
  clauses: ClauseRef[]
  loc: Span
}

export interface Modality {
  type: 'modality'
  modality: 'must' | 'must-not' | 'may'
  predicate: Expression
  loc: Span
}

export interface When {
  type: 'when'
  guard: Expression
  loc: Span
}

export interface Texts {
  type: 'message' | 'attest'
  entries: LocaleText[]
  loc: Span
}

export type Field = Implements | Modality | When | Texts

export interface Rule {
  type: 'rule'
  id: string
  fields: Field[]
  loc: Span
}

export interface Define {
  type: 'define'
  name: string
  body: Expression
  loc: Span
}

/** `classify <clause> as <kind>`: overrides the catalogue's first classification of a clause. */
export interface Classify {
  type: 'classify'
  clause: ClauseRef
  kind: 'obligation' | 'prohibition' | 'permission' | 'informative'
  loc: Span
}

export type Item = Rule | Define | Classify

export interface Program {
  type: 'program'
  items: Item[]
  loc: Span
}

/**
 * The direct sub-expressions of a node, for walks without recursion (a list's literals included). Exhaustive: a new
 * node type makes `tsc` stop here until its children are named.
 */
export function children(node: Expression): Expression[] {
  switch (node.type) {
    case 'not':
      return [node.operand]
    case 'binary':
    case 'compare':
    case 'test':
      return [node.left, node.right]
    case 'in':
      return [node.operand, ...node.list.items]
    case 'quantifier':
      return [node.collection, node.body]
    case 'exists':
    case 'count':
      return [node.path]
    case 'literal':
    case 'path':
      return []
    default:
      return unexpectedNode(node)
  }
}

/** The top expressions of a program: each definition's body, each rule's guard and predicate. */
export function topExpressions(program: Program): Expression[] {
  const roots: Expression[] = []
  for (const item of program.items) {
    if (item.type === 'define') roots.push(item.body)
    else if (item.type === 'rule') {
      for (const field of item.fields) {
        if (field.type === 'when') roots.push(field.guard)
        else if (field.type === 'modality') roots.push(field.predicate)
      }
    }
  }
  return roots
}

/** The end of an exhaustive switch over node types: unreachable while every type has its case. */
export function unexpectedNode(node: never): never {
  throw new TypeError(`Unexpected syntax node ${JSON.stringify(node)}`)
}
