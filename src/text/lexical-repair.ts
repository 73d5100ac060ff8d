// Read the beads of an alignment again with the evidence of a learnt translation table (lexicon-table.ts) and the
// costs of the aligner's model, where a monotone alignment cannot say what happened: two adjacent pairs that match
// crosswise better than straight (by a table whose counts leave those two pairs out) are two clauses swapped; a merge (or split) beside a unit left alone whose part pairs
// with that unit is one pair and one clause moved; a unit left alone near one of the other side that says the same is
// one clause, moved; the beads around a merge or split not so explained are aligned again, by a table learnt away from
// every merge and split (a dropped clause is often a run of pairs one off and a merge to make up the count, and the
// table learnt from that run finds its pairs alike). Each looks at a bounded window of beads: the work stays linear in
// the length.
import { Lexicon } from './lexicon-table.js'

/** What the repair needs to know of a unit: whether it is a heading (never paired with a non-heading), and its text. */
export interface RepairUnit {
  form: string
  text: string
  /** The targets of its links. */
  links?: readonly { url: string }[] | undefined
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
  /** The most the table's evidence adds to a bead (the aligner's `COSTS.lexical`; 12 when not given). */
  lexical?: number | undefined
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
 * A unit left alone each side of one pair (a clause of each side, their order crossed, as two adjacent clauses swapped
 * leave them when the aligner keeps one pair of the two): one clause moved when pairing the two costs less than the most
 * a pair costs (some evidence beyond chance: the aligner's `PAIR_CAP`), and their words are at least this alike on the
 * document's scale, or their link targets too make the pair cost less than {@link MOVED} (short clauses whose words the
 * table never saw twice: a table of contents). Nothing else near competes: the pattern is the swap's footprint.
 */
const CROSSED_CAP = 14
const CROSSED_ALIKE = 0.15

/**
 * The beads again, with swaps and moves repaired. A bead that pairs two units at different places (a swap, or a clause
 * found elsewhere) has `moved` set and stands near one of its two places: the other beads stay in document order.
 */
export function repairBeads<B extends RepairBead>(beads: readonly B[], lexicon: Lexicon, reference: readonly RepairUnit[], translation: readonly RepairUnit[], modelCosts: RepairCosts): RepairBead[] {
  const costs = withEnds(modelCosts, reference, translation)
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
        // By a table that leaves the two pairs out of its counts: a table learnt from two swapped clauses paired
        // straight links their words wrongly, and finds them alike straight.
        const left = [
          [i, j],
          [i2, j2],
        ] as const
        const fair = (a: number, b: number, words = true) => lexicon.similarityWithout(left, a, b, words)
        const straight1 = lexicon.scaled(fair(i, j))
        const straight2 = lexicon.scaled(fair(i2, j2))
        const cross1 = lexicon.scaled(fair(i, j2))
        const cross2 = lexicon.scaled(fair(i2, j))
        // The model's costs with that table's evidence in place of the whole table's.
        const weight = costs.lexical ?? LEXICAL
        const shortfall = (similarity: number) => weight * Math.min(1, Math.max(0, 1 - lexicon.scaled(similarity)))
        const fairCost = (cost: (a: number, b: number) => number, words: boolean) => (a: number, b: number) =>
          cost(a, b) + shortfall(fair(a, b, words)) - shortfall(lexicon.similarity(a, b, -1, -1, words))
        // Either the words alone say so clearly, or the whole model (lengths, anchors, structure and words) does.
        const clearly = (s1: number, s2: number, c1: number, c2: number) => c1 > s1 + SWAP_EACH && c2 > s2 + SWAP_EACH && c1 + c2 > s1 + s2 + SWAP_BOTH
        const byWords = clearly(straight1, straight2, cross1, cross2) || clearly(alike(i, j), alike(i2, j2), alike(i, j2), alike(i2, j))
        const gain = (cost: (i: number, j: number) => number) => cost(i, j) + cost(i2, j2) - cost(i, j2) - cost(i2, j)
        // The words may know too little to tell (the links then do), but must not say the opposite: two link targets
        // swapped between clauses whose words stay are wrong links, not clauses swapped.
        const model = (pair: (i: number, j: number) => number, withLinks: (i: number, j: number) => number) => {
          const byWordsGain = gain(pair)
          return byWordsGain > SWAP_COST || (byWordsGain > -SWAP_WORDS && gain(withLinks) > SWAP_COST)
        }
        // The table that leaves the two pairs out knows less of both: its words must favour the crosswise pairs too (a
        // clause whose rare words only its own pair taught the table is not alike its counterpart without them).
        const byCost = model(pairCost, costs.pairWithLinks) || (cross1 + cross2 > straight1 + straight2 && model(fairCost(pairCost, true), fairCost(costs.pairWithLinks, false)))
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

  // Merges and splits not explained by a unit left alone: the beads around them aligned again.
  const settled = realignAround(out, lexicon, reference, translation, costs)

  // Units without a counterpart near one of the other side that says the same: one clause, moved.
  const lonely = (side: 'reference' | 'translation', k: number) => {
    const bead = settled[k]!
    return bead[side].length === 1 && bead[side === 'reference' ? 'translation' : 'reference'].length === 0
  }
  const taken = new Uint8Array(settled.length)
  /** The unit of `side` in the window around bead `k` that pairs best (least cost) with unit `unit` of the other side. */
  const bestNear = (side: 'reference' | 'translation', unit: number, k: number, measure: (i: number, j: number) => number = pairCost): number => {
    let best = -1
    let bestCost = Infinity
    for (let x = Math.max(0, k - WINDOW); x <= Math.min(settled.length - 1, k + WINDOW); x++) {
      for (const other of settled[x]![side]) {
        const cost = side === 'translation' ? measure(unit, other) : measure(other, unit)
        if (cost < bestCost) {
          best = other
          bestCost = cost
        }
      }
    }
    return best
  }
  for (let k = 0; k < settled.length; k++) {
    if (taken[k] || !lonely('reference', k)) continue
    const [i] = settled[k]!.reference as [number]
    let best = -1
    let bestCost = MOVED
    for (let x = Math.max(0, k - WINDOW); x <= Math.min(settled.length - 1, k + WINDOW); x++) {
      if (taken[x] || !lonely('translation', x)) continue
      const [j] = settled[x]!.translation as [number]
      if (heading(reference[i]!) !== heading(translation[j]!)) continue
      const cost = pairCost(i, j)
      if (cost < bestCost && alike(i, j) >= SAME_CLAUSE) {
        best = x
        bestCost = cost
      }
    }
    if (best !== -1) {
      const [j] = settled[best]!.translation as [number]
      // Each the other's best match near it, paired or not.
      const unlike = (i: number, j: number) => -lexicon.similarity(i, j, -1, -1, true)
      const mutual = (measure: (i: number, j: number) => number) => bestNear('translation', i, k, measure) === j && bestNear('reference', j, best, measure) === i
      if (!mutual(pairCost) && !mutual(unlike)) best = -1
    }
    if (best === -1) {
      // The footprint of two adjacent clauses swapped: a unit left alone each side of one pair, crosswise.
      for (const x of [k - 2, k + 2]) {
        const between = settled[(k + x) / 2]
        if (x < 0 || x >= settled.length || taken[x] || !lonely('translation', x) || !between || between.moved || between.reference.length !== 1 || between.translation.length !== 1) continue
        const [j] = settled[x]!.translation as [number]
        if (heading(reference[i]!) !== heading(translation[j]!)) continue
        const cost = pairCost(i, j)
        if ((cost < CROSSED_CAP && alike(i, j) >= CROSSED_ALIKE) || costs.pairWithLinks(i, j) < MOVED) {
          best = x
          bestCost = cost
          break
        }
      }
      if (best === -1) continue
    }
    const [j] = settled[best]!.translation as [number]
    // The pair stands at the place of the first of the two; the other's bead is dropped.
    const at = Math.min(k, best)
    taken[Math.max(k, best)] = 1
    settled[at] = { reference: [i], translation: [j], cost: bestCost, moved: true }
  }
  return settled.filter((_, k) => !taken[k])
}

/** What a lead-in's colon at the end of one unit and not the other costs (as the aligner's model has it). */
const COLON = 2

/**
 * The costs with a merge's (or split's) end read at its last part: the aligner compares the colon of a unit with that
 * of the first part, but a merged clause ends where its second part ends. A lead-in ("Possible actions are:") and its
 * first item are not one clause that ends with a colon: that is the lead-in alone, its item dropped.
 */
function withEnds(costs: RepairCosts, reference: readonly RepairUnit[], translation: readonly RepairUnit[]): RepairCosts {
  const colon = (unit: RepairUnit) => unit.text.endsWith(':')
  const differ = (a: RepairUnit, b: RepairUnit) => (colon(a) === colon(b) ? 0 : COLON)
  return {
    ...costs,
    merge: (i, j) => costs.merge(i, j) - differ(reference[i]!, translation[j]!) + differ(reference[i + 1]!, translation[j]!),
    split: (i, j) => costs.split(i, j) - differ(reference[i]!, translation[j]!) + differ(reference[i]!, translation[j + 1]!),
  }
}

/** Beads either side of a merge or split that are aligned again with the relearnt table. */
const AROUND = 4
/** What aligning the beads around a merge or split again must gain, in the model's cost, to replace them (any gain). */
const REALIGN = 0

/** The cost of a bead by the repair's costs (a 1-1, 2-1, 1-2 bead, or units left alone). */
function beadCost(bead: RepairBead, costs: RepairCosts): number {
  const { reference: r, translation: t } = bead
  if (r.length === 1 && t.length === 1) return costs.pair(r[0]!, t[0]!)
  if (r.length === 2 && t.length === 1) return costs.merge(r[0]!, t[0]!)
  if (r.length === 1 && t.length === 2) return costs.split(r[0]!, t[0]!)
  return (r.length + t.length) * costs.skip
}

/** The table's evidence in the aligner's model when the costs do not say (`COSTS.lexical` of align.ts). */
const LEXICAL = 12
/** Pairs a table learnt away from the merges and splits must have to be read. */
const UNBIASED = 8

/**
 * The beads around each merge or split aligned again, where that costs less. Where a clause was dropped from a list,
 * a monotone aligner may pair the list's clauses one off and merge two of them to make up the count; the table it
 * learnt from its own pairs then learnt the shifted pairs' words, and finds them alike. So the window's beads are
 * compared by a table learnt from the pairs away from every merge and split (a few beads either side): that table
 * knows the shifted clauses' words only from elsewhere. The window is a few beads, so the work stays linear; a moved
 * bead (a swap or move found before) bounds it and stays as it is.
 */
function realignAround(beads: readonly RepairBead[], lexicon: Lexicon, reference: readonly RepairUnit[], translation: readonly RepairUnit[], costs: RepairCosts): RepairBead[] {
  const joins = beads.flatMap((bead, k) => (!bead.moved && bead.reference.length + bead.translation.length === 3 ? [k] : []))
  if (joins.length === 0) return [...beads]
  const near = new Uint8Array(beads.length)
  for (const k of joins) near.fill(1, Math.max(0, k - AROUND), Math.min(beads.length, k + AROUND + 1))
  const away: [number, number][] = []
  beads.forEach((bead, k) => {
    if (!near[k] && !bead.moved && bead.reference.length === 1 && bead.translation.length === 1) away.push([bead.reference[0]!, bead.translation[0]!])
  })
  const unbiased = Lexicon.learn(reference, translation, away)
  const local = unbiased.learntFrom >= UNBIASED && unbiased.typical > unbiased.chance ? correctedCosts(costs, lexicon, unbiased) : costs

  const out: RepairBead[] = []
  let k = 0
  while (k < beads.length) {
    const bead = beads[k]!
    if (!bead.moved && bead.reference.length + bead.translation.length === 3) {
      // The window: up to AROUND beads back (those out already), this one, and up to AROUND ahead; none moved.
      let back = 0
      while (back < AROUND && back < out.length && !out[out.length - 1 - back]!.moved) back++
      let ahead = 0
      while (ahead < AROUND && k + 1 + ahead < beads.length && !beads[k + 1 + ahead]!.moved) ahead++
      const realigned = bestPath([...out.slice(out.length - back), ...beads.slice(k, k + 1 + ahead)], reference, translation, local)
      if (realigned) {
        out.splice(out.length - back, back, ...realigned.map((found) => ({ ...found, cost: beadCost(found, costs) })))
        k += 1 + ahead
        continue
      }
    }
    out.push(bead)
    k++
  }
  return out
}

/** The costs with the evidence of table `from` replaced by that of table `to` (by the words alone, as the repair reads). */
function correctedCosts(costs: RepairCosts, from: Lexicon, to: Lexicon): RepairCosts {
  const weight = costs.lexical ?? LEXICAL
  const shortfall = (table: Lexicon, similarity: number) => weight * Math.min(1, Math.max(0, 1 - table.scaled(similarity)))
  const change = (i: number, j: number, i2: number, j2: number) => shortfall(to, to.similarity(i, j, i2, j2, true)) - shortfall(from, from.similarity(i, j, i2, j2, true))
  return {
    ...costs,
    pair: (i, j) => costs.pair(i, j) + change(i, j, -1, -1),
    merge: (i, j) => costs.merge(i, j) + change(i, j, i + 1, -1),
    split: (i, j) => costs.split(i, j) + change(i, j, -1, j + 1),
  }
}

/** The beads of a window aligned again (1-1, 2-1, 1-2, units left alone; costs not set), or undefined if that gains nothing. */
function bestPath(window: readonly RepairBead[], reference: readonly RepairUnit[], translation: readonly RepairUnit[], costs: RepairCosts): RepairBead[] | undefined {
  const heading = (unit: RepairUnit) => unit.form === 'heading'
  const refs = window.flatMap((bead) => bead.reference)
  const trs = window.flatMap((bead) => bead.translation)
  const n = refs.length
  const m = trs.length
  const current = window.reduce((sum, bead) => sum + beadCost(bead, costs), 0)
  const width = m + 1
  const best = new Float64Array((n + 1) * width).fill(Infinity)
  const step = new Uint8Array((n + 1) * width)
  best[0] = 0
  // Steps: 1 a pair, 2 a reference unit alone, 3 a translation unit alone, 4 a merge, 5 a split.
  for (let a = 0; a <= n; a++) {
    for (let b = 0; b <= m; b++) {
      if (a === 0 && b === 0) continue
      let least = Infinity
      let how = 0
      const consider = (cost: number, kind: number) => {
        if (cost < least) {
          least = cost
          how = kind
        }
      }
      if (a > 0 && b > 0 && heading(reference[refs[a - 1]!]!) === heading(translation[trs[b - 1]!]!)) consider(best[(a - 1) * width + b - 1]! + costs.pair(refs[a - 1]!, trs[b - 1]!), 1)
      if (a > 0) consider(best[(a - 1) * width + b]! + costs.skip, 2)
      if (b > 0) consider(best[a * width + b - 1]! + costs.skip, 3)
      if (a > 1 && b > 0 && refs[a - 1] === refs[a - 2]! + 1) consider(best[(a - 2) * width + b - 1]! + costs.merge(refs[a - 2]!, trs[b - 1]!), 4)
      if (a > 0 && b > 1 && trs[b - 1] === trs[b - 2]! + 1) consider(best[(a - 1) * width + b - 2]! + costs.split(refs[a - 1]!, trs[b - 2]!), 5)
      best[a * width + b] = least
      step[a * width + b] = how
    }
  }
  if (!(best[n * width + m]! < current - REALIGN)) return undefined
  // A unit whose link target a unit of the other side holds is not missing there: a merged list of links is a merge.
  const targets = (units: readonly RepairUnit[], indices: readonly number[]) => new Set(indices.flatMap((index) => (units[index]!.links ?? []).map((link) => link.url)))
  const referenceTargets = targets(reference, refs)
  const translationTargets = targets(translation, trs)
  const path: RepairBead[] = []
  let a = n
  let b = m
  while (a > 0 || b > 0) {
    const how = step[a * width + b]!
    const da = how === 1 || how === 2 || how === 5 ? 1 : how === 4 ? 2 : 0
    const db = how === 1 || how === 3 || how === 4 ? 1 : how === 5 ? 2 : 0
    const bead: RepairBead = { reference: refs.slice(a - da, a), translation: trs.slice(b - db, b), cost: 0 }
    if (db === 0 && (reference[bead.reference[0]!]!.links ?? []).some((link) => translationTargets.has(link.url))) return undefined
    if (da === 0 && (translation[bead.translation[0]!]!.links ?? []).some((link) => referenceTargets.has(link.url))) return undefined
    path.push(bead)
    a -= da
    b -= db
  }
  return path.reverse()
}
