// HTML parsed with its nesting bounded: the steps after the parser (and the parser's own tree building, for thousands
// of levels) recurse once a level, so a page or an HTML block nested deeper than LIMITS.htmlNesting is refused.
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { fail } from '../diagnostics/index.js'
import { LIMITS } from '../util/limits.js'

/** Parse HTML (a whole page, or a fragment), refusing elements nested deeper than the limit; `line` is where it starts. */
export function parseHtmlBounded(text: string, file: string, options: { fragment?: boolean; line?: number } = {}): Root {
  const offset = (options.line ?? 1) - 1
  const tooDeep = (place?: { line: number; column: number }): never =>
    fail(`Elements nested too deep: more than ${LIMITS.htmlNesting} levels`, { file, ...(place ? { line: place.line + offset, column: place.column } : {}), ruleId: 'ingest/html-too-deep' })
  let tree: Root
  try {
    tree = fromHtml(text, { fragment: options.fragment === true })
  } catch (error) {
    // Tens of thousands of levels overflow the parser's own recursion.
    if (error instanceof RangeError) tooDeep()
    throw error
  }
  const stack: Array<[Root | Element, number]> = [[tree, 0]]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next
    if (depth > LIMITS.htmlNesting) tooDeep(node.position?.start)
    for (const child of node.children) if (child.type === 'element') stack.push([child, depth + 1])
  }
  return tree
}
