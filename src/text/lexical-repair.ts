// Read the beads of an alignment again with the evidence of a learnt translation table (lexicon-table.ts) and the
// costs of the aligner's model, where a monotone alignment cannot say what happened: two adjacent pairs that match
// crosswise better than straight are two clauses swapped; a merge (or split) beside a unit left alone whose part pairs
// with that unit is one pair and one clause moved; a unit left alone near one of the other side that says the same is
// one clause, moved. Each looks at a bounded window of beads: the work stays linear in the length.
import type { Lexicon } from './lexicon-table.js'

/** What the repair needs to know of a unit: whether it is a heading (never paired with a non-heading). */
export interface RepairUnit {
  form: string
}

/** A bead as the aligner returns it (see `Bead` in align.ts). */
export interface RepairBead {
  reference: number[]
  translation: number[]
  cost: number
  moved?: boolean | undefined
}

/**
 * The costs of the aligner's model: of a 1-1 bead, a 2-1 bead (reference i and i + 1), a 1-2 bead, a unit left alone;
 * their word evidence by the words alone, without the link targets (two targets swapped between two clauses are wrong
 * links, not clauses swapped).
 */
export interface RepairCosts {
  pair: (i: number, j: number) => number
  /** The cost of a 1-1 bead with the evidence of the link targets too. */
  pairWithLinks: (i: number, j: number) => number
  merge: (i: number, j: number) => number
  split: (i: number, j: number) => number
  skip: number
}

/** Beads either side of a bead in which a unit's counterpart is looked for. */
const WINDOW = 6
/** The least gain, in the model's cost, of pairing two adjacent pairs crosswise. */
const SWAP_COST = 1
/** How much the words alone may favour two adjacent pairs straight when the links too favour them crosswise. */
const SWAP_WORDS = 3
/** The least gain, in similarity on the document's scale, of pairing two adjacent pairs crosswise: each, and both. */
const SWAP_EACH = 0.15
const SWAP_BOTH = 0.6
/** What pairing a unit away from its place must gain over a merge (or split) beside a unit left alone. */
const MOVE = 2
/**
 * Two units left alone near each other are one clause moved when pairing them costs less than this (a unit left
 * alone costs 9, two 18), they are at least this alike on the document's scale (0 chance, 1 a typical pair), and each
 * is the other's best match near it, by cost or by words.
 */
const MOVED = 12
const SAME_CLAUSE = 0.25

/**
 * The beads again, with swaps and moves repaired. A bead that pairs two units at different places (a swap, or a clause
 * found elsewhere) has `moved` set and stands near one of its two places: the other beads stay in document order.
 */
export function repairBeads<B extends RepairBead>(beads: readonly B[], lexicon: Lexicon, reference: readonly RepairUnit[], translation: readonly RepairUnit[], costs: RepairCosts): RepairBead[] {
  const { pair: pairCost, merge: mergeCost, split: splitCost, skip } = costs
  // By the words alone: a link target says where a clause points, not what it says (two targets swapped between two
  // clauses are wrong links, not clauses swapped).
  const alike = (i: number, j: number) => lexicon.scaled(lexicon.similarity(i, j, -1, -1, true))
  const heading = (unit: RepairUnit) => unit.form === 'heading'
  const out: RepairBead[] = []
  const one = (bead: RepairBead) => bead.reference.length === 1 && bead.translation.length === 1 && !bead.moved

  const consumed = new Set<number>()
  for (let k = 0; k < beads.length; k++) {
    if (consumed.has(k)) continue
    const bead = beads[k]!
    const next = beads[k + 1]
    // Two adjacent pairs, crosswise.
    if (next && one(bead) && one(next)) {
      const [i] = bead.reference as [number]
      const [j] = bead.translation as [number]
      const [i2] = next.reference as [number]
      const [j2] = next.translation as [number]
      if (heading(reference[i]!) === heading(translation[j2]!) && heading(reference[i2]!) === heading(translation[j]!)) {
        const straight1 = alike(i, j)
        const straight2 = alike(i2, j2)
        const cross1 = alike(i, j2)
        const cross2 = alike(i2, j)
        // Either the words alone say so clearly, or the whole model (lengths, anchors, structure and words) does.
        const byWords = cross1 > straight1 + SWAP_EACH && cross2 > straight2 + SWAP_EACH && cross1 + cross2 > straight1 + straight2 + SWAP_BOTH
        const gain = (cost: (i: number, j: number) => number) => cost(i, j) + cost(i2, j2) - cost(i, j2) - cost(i2, j)
        // The words may know too little to tell (the links then do), but must not say the opposite: two link targets
        // swapped between clauses whose words stay are wrong links, not clauses swapped.
        const byWordsGain = gain(pairCost)
        const byCost = byWordsGain > SWAP_COST || (byWordsGain > -SWAP_WORDS && gain(costs.pairWithLinks) > SWAP_COST)
        if (byWords || byCost) {
          out.push({ reference: [i], translation: [j2], cost: bead.cost, moved: true })
          out.push({ reference: [i2], translation: [j], cost: next.cost })
          k++
          continue
        }
      }
    }
    // A merge or a split whose one part is a unit left alone near it: one pair, and one clause moved.
    if (bead.reference.length + bead.translation.length === 3) {
      const merge = bead.reference.length === 2
      const [a, b] = (merge ? bead.reference : bead.translation) as [number, number]
      const [single] = (merge ? bead.translation : bead.reference) as [number]
      const cost = (part: number, other: number) => (merge ? pairCost(part, other) : pairCost(other, part))
      const joined = merge ? mergeCost(a, single) : splitCost(single, a)
      let found: [kept: number, part: number, other: number, at: number] | undefined
      let least = joined + skip - MOVE
      const otherSide = merge ? 'translation' : 'reference'
      for (let x = Math.max(0, k - WINDOW); x <= Math.min(beads.length - 1, k + WINDOW); x++) {
        const candidate = beads[x]!
        if (consumed.has(x) || candidate[otherSide].length !== 1 || candidate[merge ? 'reference' : 'translation'].length !== 0) continue
        const [other] = candidate[otherSide] as [number]
        for (const [kept, part] of [[a, b], [b, a]] as const) {
          if (heading((merge ? reference : translation)[part]!) !== heading((merge ? translation : reference)[other]!)) continue
          const total = cost(kept, single) + cost(part, other)
          if (total < least) {
            least = total
            found = [kept, part, other, x]
          }
        }
      }
      if (found) {
        const [kept, part, other, x] = found
        consumed.add(x)
        if (x < k) {
          // Its bead is out already: take it back.
          const index = out.findLastIndex((done) => done === beads[x])
          if (index !== -1) out.splice(index, 1)
        }
        out.push(merge ? { reference: [kept], translation: [single], cost: bead.cost } : { reference: [single], translation: [kept], cost: bead.cost })
        out.push(merge ? { reference: [part], translation: [other], cost: cost(part, other), moved: true } : { reference: [other], translation: [part], cost: cost(part, other), moved: true })
        continue
      }
    }
    out.push(bead)
  }

  // Units without a counterpart near one of the other side that says the same: one clause, moved.
  const lonely = (side: 'reference' | 'translation', k: number) => {
    const bead = out[k]!
    return bead[side].length === 1 && bead[side === 'reference' ? 'translation' : 'reference'].length === 0
  }
  const taken = new Uint8Array(out.length)
  /** The unit of `side` in the window around bead `k` that pairs best (least cost) with unit `unit` of the other side. */
  const bestNear = (side: 'reference' | 'translation', unit: number, k: number, measure: (i: number, j: number) => number = pairCost): number => {
    let best = -1
    let bestCost = Infinity
    for (let x = Math.max(0, k - WINDOW); x <= Math.min(out.length - 1, k + WINDOW); x++) {
      for (const other of out[x]![side]) {
        const cost = side === 'translation' ? measure(unit, other) : measure(other, unit)
        if (cost < bestCost) {
          best = other
          bestCost = cost
        }
      }
    }
    return best
  }
  for (let k = 0; k < out.length; k++) {
    if (taken[k] || !lonely('reference', k)) continue
    const [i] = out[k]!.reference as [number]
    let best = -1
    let bestCost = MOVED
    for (let x = Math.max(0, k - WINDOW); x <= Math.min(out.length - 1, k + WINDOW); x++) {
      if (taken[x] || !lonely('translation', x)) continue
      const [j] = out[x]!.translation as [number]
      if (heading(reference[i]!) !== heading(translation[j]!)) continue
      const cost = pairCost(i, j)
      if (cost < bestCost && alike(i, j) >= SAME_CLAUSE) {
        best = x
        bestCost = cost
      }
    }
    if (best === -1) continue
    const [j] = out[best]!.translation as [number]
    // Each the other's best match near it, paired or not.
    const unlike = (i: number, j: number) => -lexicon.similarity(i, j, -1, -1, true)
    const mutual = (measure: (i: number, j: number) => number) => bestNear('translation', i, k, measure) === j && bestNear('reference', j, best, measure) === i
    if (!mutual(pairCost) && !mutual(unlike)) continue
    // The pair stands at the place of the first of the two; the other's bead is dropped.
    const at = Math.min(k, best)
    taken[Math.max(k, best)] = 1
    out[at] = { reference: [i], translation: [j], cost: bestCost, moved: true }
  }
  return out.filter((_, k) => !taken[k])
}
