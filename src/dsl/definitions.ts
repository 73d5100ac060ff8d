// Which definitions an expression uses: the edges of the definitions' graph, for the cycle check and the compiler.
import type { Expression } from './ast.js'
import { visitor } from './visitor.js'

/** Names of definitions an expression uses (each once, in order of first use), found without recursion. */
export function usedDefinitions(expression: Expression, definitions: ReadonlyMap<string, unknown>, bound: ReadonlySet<string> = new Set()): string[] {
  const found = new Set<string>()
  visitor.build<ReadonlySet<string>>({
    path(node, names) {
      const head = node.segments[0]!
      if (node.segments.length === 1 && !names.has(head) && definitions.has(head)) found.add(head)
    },
    quantifier(node, names, walk) {
      walk.visit(node.collection, names)
      walk.visit(node.body, new Set([...names, node.variable]))
    },
  })(expression, bound)
  return [...found]
}
