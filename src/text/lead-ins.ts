// Lead-ins: a clause ending in ":" governs the clauses after it ("you must:" → each item is an obligation).
import type { Block } from './document.js'

/**
 * For each block of one section (headings excluded), the index of its lead-in or -1.
 * A paragraph ending in ":" leads the items after it; any other paragraph ends every lead-in.
 * An item ending in ":" leads the items after it at its depth and the items nested under it.
 */
export function findLeadIns(blocks: readonly Block[]): number[] {
  const result: number[] = []
  // The lead-in in force at each depth (-1 for none); deeper entries are cut off as the list comes back up,
  // so each entry is set and removed once (deep nesting stays linear).
  const current: number[] = []
  const at = (depth: number) => current[depth] ?? -1
  blocks.forEach((block, index) => {
    if (block.form === 'heading') {
      current.length = 0
      result.push(-1)
      return
    }
    if (block.form === 'paragraph') {
      result.push(-1)
      current.length = 0
      if (block.text.endsWith(':')) current[0] = index
      return
    }
    result.push(at(block.depth))
    // Lead-ins deeper than this item belonged to an earlier item's children.
    if (current.length > block.depth + 1) current.length = block.depth + 1
    if (block.text.endsWith(':')) {
      while (current.length < block.depth) current.push(-1)
      current[block.depth] = index
      current[block.depth + 1] = index
    }
  })
  return result
}
