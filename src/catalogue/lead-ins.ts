// Lead-ins: a clause ending in ":" governs the clauses after it ("you must:" → each item is an obligation).
import type { Block } from '../ingest/document.js'

/**
 * For each block of one section (headings excluded), the index of its lead-in or -1.
 * A paragraph ending in ":" leads the items after it; any other paragraph ends every lead-in.
 * An item ending in ":" leads the items after it at its depth and the items nested under it.
 */
export function findLeadIns(blocks: readonly Block[]): number[] {
  const result: number[] = []
  let current = new Map<number, number>()
  blocks.forEach((block, index) => {
    if (block.form === 'heading') {
      current = new Map()
      result.push(-1)
      return
    }
    if (block.form === 'paragraph') {
      result.push(-1)
      current = new Map()
      if (block.text.endsWith(':')) current.set(0, index)
      return
    }
    result.push(current.get(block.depth) ?? -1)
    // Lead-ins deeper than this item belonged to an earlier item's children.
    for (const depth of [...current.keys()]) if (depth > block.depth) current.delete(depth)
    if (block.text.endsWith(':')) {
      current.set(block.depth, index)
      current.set(block.depth + 1, index)
    }
  })
  return result
}
