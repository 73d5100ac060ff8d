// Align the sentences of two short texts (a clause and its translation) by their lengths, as Gale and Church do for
// paragraphs: beads of 1-1, 1-2, 2-1, 1-0 and 0-1 sentences, the cheapest path by dynamic programming. Used where a
// check compares a clause sentence by sentence (modality-mismatch). Quadratic in the sentences of ONE clause, so it
// declines (returns undefined) beyond `MAX_CELLS`, and the caller compares the clause as a whole.

/** One bead: the indices of the sentences on each side. */
export interface SentenceBead {
  reference: number[]
  translation: number[]
}

/** Above this many cells (sentences × sentences) the texts are compared as a whole. */
export const MAX_CELLS = 10_000

const SKIP = 3
const TWO = 0.6

/** Beads of sentences of lengths `a` and `b` (characters), in order, covering every sentence once. */
export function alignSentences(a: readonly number[], b: readonly number[]): SentenceBead[] | undefined {
  const n = a.length
  const m = b.length
  if ((n + 1) * (m + 1) > MAX_CELLS) return undefined
  const total = (lengths: readonly number[]) => lengths.reduce((sum, length) => sum + length, 0)
  const expected = Math.log(Math.max(1, total(b)) / Math.max(1, total(a)))
  const ratio = (x: number, y: number) => Math.abs(Math.log(Math.max(1, y) / Math.max(1, x)) - expected)
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity)
  const step = new Uint8Array((n + 1) * (m + 1))
  const at = (i: number, j: number) => i * (m + 1) + j
  cost[0] = 0
  // Moves: [reference sentences, translation sentences, penalty].
  const moves: Array<[number, number, number]> = [[1, 1, 0], [1, 2, TWO], [2, 1, TWO], [1, 0, SKIP], [0, 1, SKIP]]
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue
      let best = Infinity
      let chosen = 0
      moves.forEach(([di, dj, penalty], move) => {
        if (i < di || j < dj) return
        const before = cost[at(i - di, j - dj)]!
        if (before === Infinity) return
        const left = di === 0 ? 0 : a.slice(i - di, i).reduce((sum, length) => sum + length, 0)
        const right = dj === 0 ? 0 : b.slice(j - dj, j).reduce((sum, length) => sum + length, 0)
        const value = before + penalty + (di > 0 && dj > 0 ? ratio(left, right) : 0)
        if (value < best) {
          best = value
          chosen = move
        }
      })
      cost[at(i, j)] = best
      step[at(i, j)] = chosen
    }
  }
  const beads: SentenceBead[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const [di, dj] = moves[step[at(i, j)]!]!
    beads.push({ reference: range(i - di, i), translation: range(j - dj, j) })
    i -= di
    j -= dj
  }
  return beads.reverse()
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, offset) => from + offset)
}
