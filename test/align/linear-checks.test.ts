// The token scans that replace the checks' quadratic regular expressions and list operations read the same as before.
import { describe, expect, it } from 'vitest'
import { align } from '../../src/text/align.js'
import { difference, differences } from '../../src/align/checks/number-mismatch.js'
import { findLeadIns } from '../../src/text/lead-ins.js'
import type { Block } from '../../src/text/document.js'
import { freeId } from '../../src/ingest/ids.js'

describe('number-mismatch and url-mismatch', () => {
  it('difference counts repeats, as a multiset, in the order of the first list', () => {
    expect(difference(['13', '13', '5', '7', '13'], ['13', '7', '9'])).toEqual(['13', '5', '13'])
    expect(difference([], ['1'])).toEqual([])
  })

  it('a message names 20 differing items and counts the rest', () => {
    const left = Array.from({ length: 25 }, (_, index) => String(index))
    expect(differences('Numbers', left, [])).toBe(`Numbers differ: ${left.slice(0, 20).join(', ')} and 5 more missing from the translation`)
  })
})

describe('aligner', () => {
  it('a long run of blocks without counterparts stays inside the band: items against headings, all unpaired, in linear time', () => {
    const unit = (form: 'item' | 'heading', text: string) => ({ form, depth: 0, text })
    const time = (n: number) => {
      const reference = Array.from({ length: n }, (_, index) => unit('item', `Keep record ${index} private.`))
      const translation = Array.from({ length: n }, (_, index) => unit('heading', `Kop ${index}`))
      const start = performance.now()
      const beads = align(reference, translation)
      expect(beads.every((bead) => bead.reference.length + bead.translation.length === 1)).toBe(true)
      expect(beads).toHaveLength(2 * n)
      return performance.now() - start
    }
    time(200)
    expect(time(8_000)).toBeLessThan(4_000)
  })
})

describe('lead-ins and IDs', () => {
  it('lead-ins read as the map of depths did, on random lists (deep nesting now costs each entry once)', () => {
    /** The previous implementation, a map of depths scanned at every item. */
    const reference = (blocks: readonly Block[]): number[] => {
      const result: number[] = []
      let current = new Map<number, number>()
      blocks.forEach((block, index) => {
        if (block.form === 'heading') return void ((current = new Map()), result.push(-1))
        if (block.form === 'paragraph') {
          result.push(-1)
          current = new Map()
          if (block.text.endsWith(':')) current.set(0, index)
          return
        }
        result.push(current.get(block.depth) ?? -1)
        for (const depth of [...current.keys()]) if (depth > block.depth) current.delete(depth)
        if (block.text.endsWith(':')) {
          current.set(block.depth, index)
          current.set(block.depth + 1, index)
        }
      })
      return result
    }
    let state = 11
    const next = (range: number) => (state = (state * 48_271) % 2_147_483_647) % range
    for (let round = 0; round < 2_000; round++) {
      const blocks: Block[] = Array.from({ length: next(12) }, () => {
        const form = (['item', 'item', 'item', 'paragraph', 'heading'] as const)[next(5)]!
        return { form, depth: form === 'item' ? next(5) : 0, text: next(2) === 0 ? 'Lead:' : 'text', inline: [], parent: -1, line: 1, column: 1 }
      })
      expect(findLeadIns(blocks)).toEqual(reference(blocks))
    }
  })

  it('a thousand clauses of the same words get suffixes 2, 3, … without counting up from 2 each time', () => {
    const taken = new Set<string>()
    const ids: string[] = []
    for (let index = 0; index < 1_000; index++) {
      const id = freeId('s.', ['do', 'it'], taken)
      taken.add(id)
      ids.push(id)
    }
    expect(ids.slice(0, 3)).toEqual(['s.do-it', 's.do-it-2', 's.do-it-3'])
    expect(new Set(ids).size).toBe(1_000)
    // Unless the ID is taken, the same stem gives the same ID again.
    expect(freeId('s.', ['do', 'it'], taken)).toBe('s.do-it-1001')
    expect(freeId('s.', ['do', 'it'], taken)).toBe('s.do-it-1001')
  })
})
