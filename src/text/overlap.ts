// The sizes of two token sets and of their intersection, each set the union of one or two sorted arrays of token IDs:
// a merge walk without allocation, shared by the aligner (plain counts) and its lexicon (weighted by the tokens' idf).

/** The result of the last {@link overlap}: returned through this object rather than a new array per cell. */
export const OVERLAP = { first: 0, second: 0, both: 0 }

const NONE = new Int32Array(0)

/**
 * Sizes of `a ∪ a2`, `b ∪ b2` and their intersection into {@link OVERLAP}: each token counts its `weight`, or 1 where
 * `weight` is null. The arrays are sorted and hold no duplicates.
 */
export function overlap(weight: Float64Array | null, a: Int32Array, b: Int32Array, a2: Int32Array = NONE, b2: Int32Array = NONE): void {
  let first = 0
  let second = 0
  let both = 0
  let x = 0
  let x2 = 0
  let y = 0
  let y2 = 0
  // Each side yields its next distinct token from its one or two sorted arrays (-1 when it has none left).
  for (;;) {
    const p = x < a.length ? a[x]! : -1
    const p2 = x2 < a2.length ? a2[x2]! : -1
    const q = y < b.length ? b[y]! : -1
    const q2 = y2 < b2.length ? b2[y2]! : -1
    const l = p === -1 ? p2 : p2 === -1 || p < p2 ? p : p2
    const r = q === -1 ? q2 : q2 === -1 || q < q2 ? q : q2
    if (l === -1 && r === -1) break
    if (l !== -1 && (r === -1 || l <= r)) {
      const w = weight === null ? 1 : weight[l]!
      first += w
      if (p === l) x++
      if (p2 === l) x2++
      if (l !== r) continue
      both += w
    }
    second += weight === null ? 1 : weight[r]!
    if (q === r) y++
    if (q2 === r) y2++
  }
  OVERLAP.first = first
  OVERLAP.second = second
  OVERLAP.both = both
}
