// One walk over expressions with default walks (after peggy's lib/compiler/visitor.js, `visitor.build({...})`): a pass
// names only the node types it needs, and every other node's children are walked for it. The walk keeps its own
// stack, never the call stack's: the checks run on trees before their depth is known to be bounded.
import { type Expression, children } from './ast.js'

/** The expression node of one type. */
export type NodeOf<T extends Expression['type']> = Extract<Expression, { type: T }>

/** What a handler can ask of the walk. Children it names are walked after it returns, in the order named. */
export interface Walk<S> {
  /** Walk this node (a child of the current one) with a state. */
  visit(node: Expression, state: S): void
  /** The default walk: every child of the current node, in source order, with a state. */
  children(state: S): void
  /** End the whole walk once this handler returns. */
  stop(): void
}

/** A handler of one node type. Without a call to `walk`, the node's children are not walked. */
export type Handler<N extends Expression, S> = (node: N, state: S, walk: Walk<S>) => void

/** Handlers by node type, and optionally for every other type (`default`, else the default walk with the same state). */
export type Handlers<S> = { [T in Expression['type']]?: Handler<NodeOf<T>, S> } & { default?: Handler<Expression, S> }

/** A built visitor: walks the trees of the roots, in source order (pre-order, depth first). */
export type Visit<S> = (roots: Expression | readonly Expression[], state: S) => void

function build<S = undefined>(handlers: Handlers<S>): Visit<S> {
  const fallback: Handler<Expression, S> = handlers.default ?? ((_node, state, walk) => walk.children(state))
  return (roots, state) => {
    const list: readonly Expression[] = isList(roots) ? roots : [roots]
    const stack: Array<[Expression, S]> = list.map((root): [Expression, S] => [root, state]).reverse()
    const pending: Array<[Expression, S]> = []
    let current: Expression | undefined
    let stopped = false
    const walk: Walk<S> = {
      visit: (node, next) => void pending.push([node, next]),
      children: (next) => {
        for (const child of children(current!)) pending.push([child, next])
      },
      stop: () => void (stopped = true),
    }
    while (stack.length > 0 && !stopped) {
      const [node, nodeState] = stack.pop()!
      current = node
      const handler = (handlers[node.type] ?? fallback) as Handler<Expression, S>
      handler(node, nodeState, walk)
      for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index]!)
      pending.length = 0
    }
  }
}

function isList(roots: Expression | readonly Expression[]): roots is readonly Expression[] {
  return Array.isArray(roots)
}

/** The visitor of expressions: `visitor.build({ path(node, state, walk) { … } })(roots, state)`. */
export const visitor = { build } as const
