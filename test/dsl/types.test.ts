// The did-you-mean's banded, bounded edit distance gives what the plain Levenshtein distance gives.
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { didYouMean, editDistance } from '../../src/dsl/types.js'

/** Levenshtein distance, the textbook way (case-insensitive, as suggestions are). */
function reference(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()]
  const table = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
  }
  return table[x.length]![y.length]!
}

/** The suggestion rule before it was bounded: the nearest candidate (first of equals), if within a third of the name. */
function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let distance = Infinity
  for (const candidate of candidates) {
    const d = reference(name, candidate)
    if (d < distance) [best, distance] = [candidate, d]
  }
  return best !== undefined && distance < name.length && distance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'd', '_'), maxLength: 9 })

describe('did-you-mean', () => {
  it('the bounded edit distance equals the Levenshtein distance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), { numRuns: 3000, seed: 5 })
  })

  it('suggests what the unbounded search suggested, for sets of candidates under the bound', () => {
    fc.assert(fc.property(word, fc.array(word, { maxLength: 12 }), (name, candidates) => didYouMean(name, candidates) === nearest(name, candidates)), { numRuns: 3000, seed: 6 })
  })
})
