// Report definitions that use themselves, directly or through others (they could never be evaluated).
import type { Expression } from '../ast.js'
import type { CheckPass } from './context.js'
import { report } from './context.js'

/** Names of definitions an expression uses. */
export function usedDefinitions(expression: Expression, definitions: ReadonlyMap<string, unknown>, bound: ReadonlySet<string> = new Set()): string[] {
  switch (expression.type) {
    case 'path':
      return expression.segments.length === 1 && !bound.has(expression.segments[0]!) && definitions.has(expression.segments[0]!) ? [expression.segments[0]!] : []
    case 'literal':
      return []
    case 'not':
      return usedDefinitions(expression.operand, definitions, bound)
    case 'binary':
    case 'compare':
    case 'test':
      return [...usedDefinitions(expression.left, definitions, bound), ...usedDefinitions(expression.right, definitions, bound)]
    case 'in':
      return usedDefinitions(expression.operand, definitions, bound)
    case 'exists':
    case 'count':
      return usedDefinitions(expression.path, definitions, bound)
    case 'quantifier':
      return [...usedDefinitions(expression.collection, definitions, bound), ...usedDefinitions(expression.body, definitions, new Set([...bound, expression.variable]))]
  }
}

export const reportDefinitionCycles: CheckPass = (context) => {
  const { definitions } = context.program
  for (const unit of context.units) {
    for (const item of unit.program.items) {
      if (item.type !== 'define') continue
      // Depth-first search from this definition back to itself.
      const stack: Array<[string, string[]]> = usedDefinitions(item.body, definitions).map((name) => [name, [item.name, name]])
      const visited = new Set<string>()
      while (stack.length > 0) {
        const [name, trail] = stack.pop()!
        if (name === item.name) {
          report(context, unit.file, item.loc, `Definition \`${item.name}\` uses itself: ${trail.join(' → ')}`, 'dsl/definition-cycle')
          break
        }
        if (visited.has(name)) continue
        visited.add(name)
        for (const next of usedDefinitions(definitions.get(name)!, definitions)) stack.push([next, [...trail, next]])
      }
    }
  }
}
