// Align two block sequences by dynamic programming: Gale & Church length costs plus structure and anchor evidence,
// beads 1-1, 1-0, 0-1, 2-1 and 1-2, in a band around the diagonal, or around a path guessed at coarser resolutions
// when a run of blocks without a counterpart takes the path out of that band. A second pass learns a translation
// table from the pairs of the first (lexicon-table.ts), runs again around the first path with that word evidence, and
// reads the beads once more for swaps and moves (lexical-repair.ts).
import { anchors } from './anchors.js'
import { Lexicon, type TermSeed } from './lexicon-table.js'
import { repairBeads } from './lexical-repair.js'
import { OVERLAP, overlap } from './overlap.js'

/** What the aligner needs to know of a block. */
export interface AlignUnit {
  form: 'heading' | 'paragraph' | 'item' | 'row'
  depth: number
  text: string
  /** Shared ID, when the documents have them (`{#id}`). */
  id?: string | undefined
  /** Targets of the unit's links, read by the second pass as words of the unit. */
  links?: readonly { url: string }[] | undefined
}

/** One bead of an alignment: indices of reference and translation units aligned together. */
export interface Bead {
  reference: number[]
  translation: number[]
  /** The bead's cost; a high cost for a 1-1 bead means a doubtful pair. */
  cost: number
  /**
   * A 1-1 bead of two units at different places (two adjacent clauses swapped, or a clause found away from its
   * place): the lexical evidence pairs them across the order of the other beads.
   */
  moved?: boolean | undefined
}

/** Options of {@link align}. */
export interface AlignOptions {
  /** Pair units by their IDs where both have one (a pair of different IDs costs {@link COSTS.idMismatch}). */
  useIds?: boolean | undefined
  /** Initial half-width of the band around the diagonal. */
  band?: number | undefined
  /** Counters to add this alignment's work to (cells of the dynamic programme evaluated, runs). */
  stats?: AlignStats | undefined
  /** Run the second pass with a translation table learnt from the first (default: true). */
  lexical?: boolean | undefined
  /** Terms known beforehand (a policy's glossary), added to the learnt table. */
  terms?: readonly TermSeed[] | undefined
}

/** Costs of the alignment model; exported so tests and callers can reason about them. */
export const COSTS = {
  /** Variance per character of the length difference (Gale & Church 1993). */
  variance: 6.8,
  /** Cap of the length cost of one bead. */
  maxLength: 16,
  /** Cost of leaving a block without a counterpart (a 1-0 or 0-1 bead). */
  skip: 9,
  /** Extra cost of a 2-1 or 1-2 bead (two blocks merged into one, or one split in two). */
  merge: 8,
  /** A heading paired with a non-heading. */
  headingMismatch: 20,
  /** A paragraph paired with a list item. */
  formMismatch: 4,
  /** Per level of nesting depth that differs. */
  depthMismatch: 2,
  /** One ends with a colon (a lead-in) and the other does not. */
  colonMismatch: 2,
  /** Weight of the Jaccard distance of the anchors (numbers, URLs, acronyms). */
  anchors: 6,
  /** Weight of the Dice distance of the cognates (words of 4+ letters by their first 4 letters). */
  cognates: 6,
  /** Pairing two units whose IDs differ, when IDs are used. */
  idMismatch: 25,
  /** Most the lexical evidence adds to a bead of the second pass (units no more alike by the learnt table than chance). */
  lexical: 12,
  /** Most a 2-1 or 1-2 bead of the second pass costs more when the other side does not support one of its parts. */
  unsupported: 3,
} as const

/** Cognate keys of a text: shared stems such as "camp" (campaigns, campagnes) or "pint" (Pinterest). */
export function cognates(text: string): Set<string> {
  const keys = new Set<string>()
  for (const word of text.normalize('NFKD').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 4) keys.add(word.slice(0, 4))
  return keys
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x))
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2)
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return x > 0 ? 1 - p : p
}

/** Gale & Church cost of pairing texts of lengths `a` and `b`, with `ratio` the expected b/a. */
export function lengthCost(a: number, b: number, ratio: number): number {
  const mean = (a + b / ratio) / 2
  if (mean === 0) return 0
  const delta = (b - a * ratio) / Math.sqrt(mean * COSTS.variance)
  const p = 2 * (1 - phi(Math.abs(delta)))
  return Math.min(COSTS.maxLength, -Math.log(Math.max(p, 1e-12)))
}

/** Token sets of every unit as sorted arrays of interned numbers, for fast set comparisons. */
function intern(units: readonly AlignUnit[], table: Map<string, number>, tokens: (text: string) => Set<string>): Int32Array[] {
  return units.map((unit) => {
    const ids = [...tokens(unit.text)].map((token) => {
      let id = table.get(token)
      if (id === undefined) table.set(token, (id = table.size))
      return id
    })
    return Int32Array.from(new Set(ids)).sort()
  })
}

/** Jaccard distance of two sets (0 when both are empty). */
function jaccard(a: Int32Array, b: Int32Array, a2?: Int32Array, b2?: Int32Array): number {
  overlap(null, a, b, a2, b2)
  const { first, second, both } = OVERLAP
  return first + second === 0 ? 0 : 1 - both / (first + second - both)
}

/** Dice distance of two sets (0 when both are empty). */
function dice(a: Int32Array, b: Int32Array, a2?: Int32Array, b2?: Int32Array): number {
  overlap(null, a, b, a2, b2)
  const { first, second, both } = OVERLAP
  return first + second === 0 ? 0 : 1 - (2 * both) / (first + second)
}

/** Counters of the work {@link align} did, for tests and benchmarks: cells of the dynamic programme and its runs. */
export interface AlignStats {
  /** Cells evaluated, over every run and every resolution. */
  cells: number
  /** Runs of the dynamic programme, over every resolution. */
  runs: number
}

/** The costs of one resolution of the problem: `n` reference units against `m` translation units. */
interface Model {
  n: number
  m: number
  /** Cost of a 1-0 or 0-1 bead, and the least cost of a 2-1 or 1-2 bead. */
  skip: number
  merged: number
  pair: (i: number, j: number) => number
  merge: (i: number, j: number) => number
  split: (i: number, j: number) => number
}

/** A band: translation units `lo[i]..hi[i]` (inclusive, within 0..m) in row `i`. */
interface Band {
  lo: Int32Array
  hi: Int32Array
}

/**
 * The cells a run in a corridor evaluates: in row `i`, the intervals `rows[i]..rows[i + 1] - 1`, each
 * translation units `lo[k]..hi[k]` (inclusive), in order and disjoint.
 */
interface Cells {
  rows: Int32Array
  lo: Int32Array
  hi: Int32Array
}

/** A path through the table: the nodes (i, j) the beads lead through, from (0, 0) to (n, m). */
interface Path {
  i: Int32Array
  j: Int32Array
}

/** The unit features of a coarse resolution: lengths, and sketches of the token sets (see {@link SKETCH}). */
interface Side {
  length: Float64Array
  anchors: Sketches
  cognates: Sketches
  /** Of the `{#id}`s, when IDs are used. */
  ids: Sketches | undefined
}

/** The sketches of the token sets of many units in one array: unit k's is `data[start[k]..start[k + 1] - 1]`, sorted. */
interface Sketches {
  start: Int32Array
  data: Uint32Array
}

/** Initial half-width of the band around the diagonal. */
const BAND = 8
/** A 1-1 bead of the first pass below this cost is sure enough to learn the translation table from. */
const SURE = 12
/** Sure pairs needed for a second pass: fewer teach a table too small to trust. */
const LEARNT = 8
/** Most a 1-1 bead of the second pass costs: less than two units left alone (2 · {@link COSTS.skip}). */
const PAIR_CAP = 14
/** What a merge or split of the first pass costs less in the second. */
const STAY = 1
/** The support (on the document's scale, see `Lexicon.scaledSupport`) below which a part of a merge costs more. */
const SUPPORTED = 0.5

/** Whether a learnt table has seen enough pairs, and tells pairs from chance, to be used. */
function trusted(lexicon: Lexicon): boolean {
  return lexicon.learntFrom >= LEARNT && lexicon.typical > lexicon.chance
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value))
}
/** Margin of a corridor around a guessed path, in columns (and rows). */
const MARGIN = 4
/** A stretch of a guessed path of at least this many 1-1 steps in a row fixes an offset j - i that the corridor keeps. */
const STEADY = 64
/** A coarse resolution with at most this many cells (or a side of at most {@link THIN} units) is solved over its whole table. */
const COARSEST = 1 << 14
const THIN = 16

/**
 * Align `reference` with `translation`. Returns beads in document order: 1-1, 1-0, 0-1, 2-1, 1-2.
 * The length ratio is estimated from the two documents, so any language pair works. The dynamic
 * programme first runs in a band around the diagonal (time and memory linear in the length for a
 * fixed band). When the best path touches the band's edge (a long run of blocks without a
 * counterpart takes the path away from the diagonal), the band is not widened everywhere: the path
 * is guessed at coarser resolutions (pairs of units, pairs of pairs, …, each solved around the guess
 * of the next coarser one), and the full resolution runs in a corridor around that guess. The
 * corridor follows the guess, and across each of its gaps it holds the lines of the pairs before and
 * after the gap, from one to the other; a run of units without counterparts is one step of the
 * programme, however long, so the gap may lie anywhere along them. Where the path touches the
 * corridor's edge, the corridor widens there and the programme runs again. The work stays linear in
 * the length plus the gaps.
 */
export function align(reference: readonly AlignUnit[], translation: readonly AlignUnit[], options: AlignOptions = {}): Bead[] {
  // The second pass (unless `lexical: false`) adds a run in a corridor around the first path and two learnings of the
  // table, each linear in the length; its beads may include `moved` ones.
  return alignWithLexicon(reference, translation, options).beads
}

/** An alignment and the translation table its second pass learnt (none when that pass did not run). */
export interface Alignment {
  beads: Bead[]
  lexicon: Lexicon | undefined
}

/**
 * {@link align}, and the translation table learnt from the two documents, for a caller that reads the beads with
 * lexical evidence (which clause of a merge the translation supports, which of two adjacent clauses is which).
 */
export function alignWithLexicon(reference: readonly AlignUnit[], translation: readonly AlignUnit[], options: AlignOptions = {}): Alignment {
  const n = reference.length
  const m = translation.length
  const stats: AlignStats = options.stats ?? { cells: 0, runs: 0 }
  const total = (units: readonly AlignUnit[]) => units.reduce((sum, unit) => sum + unit.text.length, 0)
  // The expected length ratio: first from the totals (bounded, since a missing passage skews them),
  // then from the median of the pairs the first alignment found.
  let ratio = total(reference) > 0 && total(translation) > 0 ? Math.min(2, Math.max(0.5, total(translation) / total(reference))) : 1
  const table = new Map<string, number>()
  const refAnchors = intern(reference, table, anchors)
  const trAnchors = intern(translation, table, anchors)
  const refCognates = intern(reference, table, cognates)
  const trCognates = intern(translation, table, cognates)
  const useIds = options.useIds === true

  // Features of every unit, computed once: the dynamic programme looks at each pair many times.
  const refLength = Float64Array.from(reference, (unit) => unit.text.length)
  const trLength = Float64Array.from(translation, (unit) => unit.text.length)
  const code = (unit: AlignUnit) => (unit.form === 'heading' ? 0 : unit.form === 'paragraph' ? 1 : unit.form === 'item' ? 2 : 3)
  const refForm = Uint8Array.from(reference, code)
  const trForm = Uint8Array.from(translation, code)
  const refColon = Uint8Array.from(reference, (unit) => (unit.text.endsWith(':') ? 1 : 0))
  const trColon = Uint8Array.from(translation, (unit) => (unit.text.endsWith(':') ? 1 : 0))

  const structure = (i: number, j: number): number => {
    let cost = 0
    const a = refForm[i]!
    const b = trForm[j]!
    if ((a === 0) !== (b === 0)) cost += COSTS.headingMismatch
    else if (a !== b) cost += COSTS.formMismatch
    const depth = reference[i]!.depth - translation[j]!.depth
    if (depth !== 0) cost += COSTS.depthMismatch * Math.abs(depth)
    if (refColon[i] !== trColon[j]) cost += COSTS.colonMismatch
    return cost
  }
  /** ID cost of pairing reference units i..i2 with translation units j..j2. */
  const ids = (i: number, i2: number, j: number, j2: number): number => {
    if (!useIds) return 0
    let refHas = false
    let trHas = false
    for (let x = i; x <= i2; x++) {
      const id = reference[x]!.id
      if (id === undefined) continue
      refHas = true
      for (let y = j; y <= j2; y++) if (translation[y]!.id === id) return 0
    }
    for (let y = j; y <= j2; y++) if (translation[y]!.id !== undefined) trHas = true
    return refHas && trHas ? COSTS.idMismatch : 0
  }
  // The costs of the beads without the word evidence, which each pass adds its own way: the first pass the cognates,
  // the second the learnt table.
  const pairBase = (i: number, j: number): number =>
    lengthCost(refLength[i]!, trLength[j]!, ratio) + structure(i, j) + COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!) + ids(i, i, j, j)
  // Reference i and i+1 into translation j.
  const mergeBase = (i: number, j: number): number =>
    COSTS.merge +
    (refForm[i + 1] === 0 ? COSTS.headingMismatch : 0) +
    lengthCost(refLength[i]! + refLength[i + 1]! + 1, trLength[j]!, ratio) +
    structure(i, j) +
    COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!, refAnchors[i + 1]!) +
    ids(i, i + 1, j, j)
  // Reference i into translation j and j+1.
  const splitBase = (i: number, j: number): number =>
    COSTS.merge +
    (trForm[j + 1] === 0 ? COSTS.headingMismatch : 0) +
    lengthCost(refLength[i]!, trLength[j]! + trLength[j + 1]! + 1, ratio) +
    structure(i, j) +
    COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!, undefined, trAnchors[j + 1]!) +
    ids(i, i, j, j + 1)
  const pair = (i: number, j: number): number => pairBase(i, j) + COSTS.cognates * dice(refCognates[i]!, trCognates[j]!)
  const merge = (i: number, j: number): number => mergeBase(i, j) + COSTS.cognates * dice(refCognates[i]!, trCognates[j]!, refCognates[i + 1]!)
  const split = (i: number, j: number): number => splitBase(i, j) + COSTS.cognates * dice(refCognates[i]!, trCognates[j]!, undefined, trCognates[j + 1]!)

  const model: Model = { n, m, skip: COSTS.skip, merged: COSTS.merge, pair, merge, split }
  const idTable = new Map<string, number>()
  const idSet = (unit: AlignUnit) => (unit.id === undefined ? [] : [idTable.get(unit.id) ?? idTable.set(unit.id, idTable.size).size - 1])
  const sides = (): [Side, Side] => [
    { length: refLength, anchors: sketch(refAnchors), cognates: sketch(refCognates), ids: useIds ? sketch(reference.map(idSet)) : undefined },
    { length: trLength, anchors: sketch(trAnchors), cognates: sketch(trCognates), ids: useIds ? sketch(translation.map(idSet)) : undefined },
  ]

  /** The median length ratio of the pairs of a path (1-1 steps), when it differs enough from the current one to realign. */
  const better = (path: Path): number | undefined => {
    const ratios: number[] = []
    for (let k = 1; k < path.i.length; k++) {
      const steps = path.i[k]! - path.i[k - 1]!
      if (steps !== path.j[k]! - path.j[k - 1]!) continue
      for (let t = 0; t < steps; t++) {
        const i = path.i[k - 1]! + t
        if (refLength[i]! >= 20) ratios.push(trLength[path.j[k - 1]! + t]! / refLength[i]!)
      }
    }
    if (ratios.length < 3) return undefined
    ratios.sort((a, b) => a - b)
    const median = ratios[Math.floor(ratios.length / 2)]!
    return Math.abs(Math.log(median / ratio)) < 0.1 ? undefined : median
  }

  const beads = firstPass()
  if (options.lexical === false || n === 0 || m === 0) return { beads, lexicon: undefined }

  // The second pass: a translation table learnt from the pairs of the first (all but the doubtful ones), then the
  // programme again, in a corridor around the first path, the cognates replaced by the table's evidence.
  const sure = (found: readonly Bead[], limit: number): [number, number][] => {
    const pairs: [number, number][] = []
    for (const bead of found) {
      if (bead.reference.length !== 1 || bead.translation.length !== 1 || bead.cost >= limit) continue
      const [i] = bead.reference as [number]
      const [j] = bead.translation as [number]
      if ((refForm[i] === 0) === (trForm[j] === 0)) pairs.push([i, j])
    }
    return pairs
  }
  const lexicon = Lexicon.learn(reference, translation, sure(beads, SURE), options.terms)
  if (!trusted(lexicon)) return { beads, lexicon: undefined }
  // As alike as the document's typical pair costs nothing more; no more alike than chance, COSTS.lexical. A pair costs
  // at most PAIR_CAP, less than leaving both units alone: a pair the table knows no word of (a free translation) stays
  // a pair between its neighbours.
  const lexical = (table: Lexicon, similar: number) => COSTS.lexical * clamp(1 - table.scaled(similar))
  // The part of a merge (or split) the other side supports least: a clause dropped beside its neighbour is not merged.
  const part = (table: Lexicon, support: number) => COSTS.unsupported * clamp(1 - table.scaledSupport(support) / SUPPORTED)
  // A merge or split of the first pass costs a little less: the second undoes it only where the words clearly tell.
  const firstMerge = new Int32Array(n).fill(-1)
  const firstSplit = new Int32Array(n).fill(-1)
  for (const bead of beads) {
    if (bead.reference.length === 2) firstMerge[bead.reference[0]!] = bead.translation[0]!
    else if (bead.translation.length === 2) firstSplit[bead.reference[0]!] = bead.translation[0]!
  }
  const model2 = (table: Lexicon, words: boolean): Model => ({
    n,
    m,
    skip: COSTS.skip,
    merged: COSTS.merge - STAY,
    pair: (i, j) => Math.min(PAIR_CAP, pairBase(i, j) + lexical(table, table.similarity(i, j, -1, -1, words))),
    merge: (i, j) =>
      mergeBase(i, j) -
      (firstMerge[i] === j ? STAY : 0) +
      lexical(table, table.similarity(i, j, i + 1, -1, words)) +
      part(table, Math.min(table.support(i, j, -1, -1, words)[0], table.support(i + 1, j, -1, -1, words)[0])),
    split: (i, j) =>
      splitBase(i, j) -
      (firstSplit[i] === j ? STAY : 0) +
      lexical(table, table.similarity(i, j, -1, j + 1, words)) +
      part(table, Math.min(table.support(i, j, -1, -1, words)[1], table.support(i, j + 1, -1, -1, words)[1])),
  })
  const second = model2(lexicon, false)
  const realigned = corridor(second, pathOf(beads, n, m), stats, true).beads
  // The table again, from the pairs of the second pass (two swapped clauses that the first paired straight taught it
  // wrong words), and the beads read again with it: swaps, moves, merges beside a unit left alone.
  const relearnt = Lexicon.learn(reference, translation, sure(realigned, SURE + COSTS.lexical / 2), options.terms)
  if (!trusted(relearnt)) return { beads: realigned, lexicon }
  const repair = model2(relearnt, true)
  return { beads: repairBeads(realigned, relearnt, reference, translation, { pair: repair.pair, pairWithLinks: model2(relearnt, false).pair, merge: repair.merge, split: repair.split, skip: COSTS.skip }), lexicon: relearnt }

  /** The first pass: lengths, structure and anchors, as described above. */
  function firstPass(): Bead[] {
    // The band around the diagonal first (unless units that share a unique anchor lie far outside it); then the ratio
    // from the pairs it found, and once more if it changed.
    const half = Math.max(4, options.band ?? BAND)
    const first = half < Math.max(n, m) && offDiagonal(refAnchors, trAnchors, table.size, n, m, half) ? undefined : banded(model, band(n, m, half), stats)
    if (first && (!first.touched || half >= Math.max(n, m))) {
      const median = better(pathOf(first.beads, n, m))
      if (median === undefined) return first.beads
      ratio = median
      const second = banded(model, band(n, m, half), stats)
      if (!second.touched || half >= Math.max(n, m)) return second.beads
      return corridor(model, pathOf(first.beads, n, m), stats, true).beads
    }
    // The band was too narrow: a path guessed at coarser resolutions, the ratio from the pairs it makes,
    // the corridor around it, and once more if the pairs it found give another ratio.
    // The coarse resolutions take the ratio of the mean lengths of the units, which a missing passage does not skew.
    const mean = n > 0 && m > 0 && total(reference) > 0 && total(translation) > 0 ? total(translation) / m / (total(reference) / n) : 1
    const [ref, tr] = sides()
    const guess = coarsePath(coarsen(ref), coarsen(tr), Math.min(2, Math.max(0.5, mean)), 2, stats, n, m)
    ratio = better(guess) ?? ratio
    const found = corridor(model, guess, stats, true)
    const median = better(found.path)
    if (median === undefined) return found.beads
    ratio = median
    return corridor(model, found.path, stats, true).beads
  }
}

/**
 * Whether the band of half-width `half` around the diagonal cannot hold the path, as the units that
 * share an anchor found once in each document (a number, URL or acronym) tell: the longest chain of
 * such pairs in document order (a longest increasing subsequence) has {@link OFF} pairs or more at
 * four half-widths or more from the diagonal. Then the path runs away from the diagonal (a run of
 * units is missing), and the run in the band is not worth its time; a pair or two that merely
 * happen to share a number do not count.
 */
function offDiagonal(refSets: readonly Int32Array[], trSets: readonly Int32Array[], tokens: number, n: number, m: number, half: number): boolean {
  // Where each token occurs: the unit, or -2 when in more than one.
  const where = (sets: readonly Int32Array[]) => {
    const unit = new Int32Array(tokens).fill(-1)
    sets.forEach((set, index) => {
      for (const token of set) unit[token] = unit[token] === -1 ? index : -2
    })
    return unit
  }
  const inReference = where(refSets)
  const inTranslation = where(trSets)
  const pairs: [number, number][] = []
  for (let token = 0; token < tokens; token++) if (inReference[token]! >= 0 && inTranslation[token]! >= 0) pairs.push([inReference[token]!, inTranslation[token]!])
  if (pairs.length < OFF) return false
  // Longest chain increasing in both: by reference ascending (translation descending among equals), the longest strictly increasing run of translations.
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const tails: number[] = []
  const tailAt: number[] = []
  const previous = new Int32Array(pairs.length)
  pairs.forEach(([, j], k) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (tails[mid]! < j) low = mid + 1
      else high = mid
    }
    tails[low] = j
    tailAt[low] = k
    previous[k] = low > 0 ? tailAt[low - 1]! : -1
  })
  let off = 0
  for (let k = tailAt[tails.length - 1] ?? -1; k !== -1; k = previous[k]!) {
    const [i, j] = pairs[k]!
    if (Math.abs(j - (i * m) / n) >= 4 * half) off++
  }
  return off >= OFF
}

/** Pairs of the anchor chain far from the diagonal that make {@link offDiagonal} skip the band. */
const OFF = 3

/** The band of half-width `half` around the diagonal. */
function band(n: number, m: number, half: number): Band {
  const lo = new Int32Array(n + 1)
  const hi = new Int32Array(n + 1)
  for (let i = 0; i <= n; i++) {
    const low = (n === 0 ? 0 : Math.round((i * m) / n)) - half
    lo[i] = Math.max(0, low)
    hi[i] = Math.min(m, low + 2 * half)
  }
  return { lo, hi }
}

/** The nodes a sequence of beads leads through. */
function pathOf(beads: readonly Bead[], n: number, m: number): Path {
  const i = new Int32Array(beads.length + 1)
  const j = new Int32Array(beads.length + 1)
  beads.forEach((bead, k) => {
    i[k + 1] = i[k]! + bead.reference.length
    j[k + 1] = j[k]! + bead.translation.length
  })
  if (i[beads.length] !== n || j[beads.length] !== m) throw new Error('alignment path does not end at the corner')
  return { i, j }
}

/** A path of the coarse resolution scaled up to an `n` × `m` table (coarse unit k covers units 2k and 2k + 1). */
function refine(path: Path, n: number, m: number): Path {
  return { i: path.i.map((i) => Math.min(n, 2 * i)), j: path.j.map((j) => Math.min(m, 2 * j)) }
}

/** Intervals of columns collected row by row, to be made into {@link Cells}. */
class Intervals {
  // The intervals added since the last `cells()`, and the merged ones of every row before.
  private row: number[] = []
  private from: number[] = []
  private to: number[] = []
  private merged: Cells
  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.merged = { rows: new Int32Array(n + 2), lo: new Int32Array(0), hi: new Int32Array(0) }
  }

  /** Add columns `lo..hi` (clipped to the table) of row `i`. */
  add(i: number, lo: number, hi: number): void {
    if (i < 0 || i > this.n) return
    const from = Math.max(0, lo)
    const to = Math.min(this.m, hi)
    if (from > to) return
    this.row.push(i)
    this.from.push(from)
    this.to.push(to)
  }

  /** Add the cells within `margin` columns of the path, in the rows of `only` (every row when absent), and one row either side. */
  around(path: Path, margin: number, only?: Uint8Array): void {
    const { n, m } = this
    const first = new Int32Array(n + 1).fill(m)
    const last = new Int32Array(n + 1).fill(0)
    for (let k = 0; k < path.i.length; k++) {
      const i = path.i[k]!
      const j = path.j[k]!
      first[i] = Math.min(first[i]!, j)
      last[i] = Math.max(last[i]!, j)
      // A step of more than one row (a merge, a run of skips, a scaled-up coarse step) passes the rows between its ends.
      if (k > 0) {
        for (let r = path.i[k - 1]! + 1; r < i; r++) {
          first[r] = Math.min(first[r]!, path.j[k - 1]!)
          last[r] = Math.max(last[r]!, j)
        }
      }
    }
    for (let i = 0; i <= n; i++) {
      if (only && !only[i]) continue
      this.add(i, first[Math.max(0, i - 1)]! - margin, last[Math.min(n, i + 1)]! + margin)
    }
  }

  /**
   * Add, across each stretch where the path wanders (between two long steady lines of pairs, j - i
   * constant for at least {@link STEADY} rows, or a corner; unless it goes from one to the other by a
   * straight run of skips), the lines of the pairs on both sides, each from one side of the stretch
   * to the other and {@link MARGIN} · 2 rows beyond: the units without counterparts may then lie
   * anywhere between the two lines, however the guess spread them.
   */
  across(path: Path, margin: number): void {
    const { n } = this
    // Long steady lines, as the indices of the path's nodes where they start and end.
    const lines: [number, number][] = [[0, 0]]
    for (let k = 1; k < path.i.length; ) {
      let end = k
      while (end < path.i.length && path.i[end]! - path.i[end - 1]! === path.j[end]! - path.j[end - 1]!) end++
      if (path.i[end - 1]! - path.i[k - 1]! >= STEADY) lines.push([k - 1, end - 1])
      k = end + 1
    }
    lines.push([path.i.length - 1, path.i.length - 1])
    const beyond = 2 * MARGIN
    for (let k = 1; k < lines.length; k++) {
      const from = lines[k - 1]![1]
      const to = lines[k]![0]
      if (to - from <= 1 || path.i[to] === path.i[from] || path.j[to] === path.j[from]) continue
      const before = path.j[from]! - path.i[from]!
      const after = path.j[to]! - path.i[to]!
      for (let i = path.i[from]!; i <= Math.min(n, path.i[to]! + beyond); i++) this.add(i, i + before - margin, i + before + margin)
      for (let i = Math.max(0, path.i[from]! - beyond); i <= path.i[to]!; i++) this.add(i, i + after - margin, i + after + margin)
    }
  }

  /** The rows' intervals, sorted and merged where they overlap or meet. */
  cells(): Cells {
    const { n } = this
    const old = this.merged
    // The old intervals and the new ones, bucketed by row (a counting sort), then merged row by row.
    const count = new Int32Array(n + 2)
    for (let i = 0; i <= n; i++) count[i + 1] = old.rows[i + 1]! - old.rows[i]!
    for (const i of this.row) count[i + 1]!++
    for (let i = 0; i <= n; i++) count[i + 1]! += count[i]!
    const total = count[n + 1]!
    const from = new Int32Array(total)
    const to = new Int32Array(total)
    const next = count.slice(0, n + 1)
    for (let i = 0; i <= n; i++) {
      for (let k = old.rows[i]!; k < old.rows[i + 1]!; k++) {
        from[next[i]!] = old.lo[k]!
        to[next[i]!++] = old.hi[k]!
      }
    }
    this.row.forEach((i, k) => {
      from[next[i]!] = this.from[k]!
      to[next[i]!++] = this.to[k]!
    })
    const rows = new Int32Array(n + 2)
    const lo: number[] = []
    const hi: number[] = []
    for (let i = 0; i <= n; i++) {
      const start = count[i]!
      const end = count[i + 1]!
      // Few intervals a row: an insertion sort by their start.
      for (let k = start + 1; k < end; k++) {
        const f = from[k]!
        const t = to[k]!
        let x = k - 1
        for (; x >= start && from[x]! > f; x--) {
          from[x + 1] = from[x]!
          to[x + 1] = to[x]!
        }
        from[x + 1] = f
        to[x + 1] = t
      }
      const first = lo.length
      for (let k = start; k < end; k++) {
        if (lo.length > first && from[k]! <= hi[hi.length - 1]! + 1) hi[hi.length - 1] = Math.max(hi[hi.length - 1]!, to[k]!)
        else {
          lo.push(from[k]!)
          hi.push(to[k]!)
        }
      }
      rows[i + 1] = lo.length
    }
    this.row = []
    this.from = []
    this.to = []
    this.merged = { rows, lo: Int32Array.from(lo), hi: Int32Array.from(hi) }
    return this.merged
  }

  /** Whether every cell of the table is in (as of the last `cells()`). */
  full(): boolean {
    const { rows, lo, hi } = this.merged
    for (let i = 0; i <= this.n; i++) if (rows[i + 1]! - rows[i]! !== 1 || lo[rows[i]!] !== 0 || hi[rows[i]!] !== this.m) return false
    return true
  }
}

/**
 * Align in a corridor around a guessed path: around the path itself and across its gaps (see
 * {@link Intervals.across}). While the best path touches the corridor's edge, the corridor widens
 * around it near the rows where it does (by a margin that doubles each time) and the programme runs
 * again; it stops when the path stays inside or the corridor is the whole table. Returns the best
 * path, and its beads when `beads` is set.
 */
function corridor(model: Model, guess: Path, stats: AlignStats, beads: boolean): { path: Path; beads: Bead[] } {
  const { n, m } = model
  const intervals = new Intervals(n, m)
  intervals.around(guess, MARGIN)
  intervals.across(guess, MARGIN)
  let before: Run | undefined
  for (let grow = 2 * MARGIN; ; grow *= 2) {
    const result = jumping(model, intervals.cells(), stats, beads, before)
    before = result
    if (result.touched.length === 0 || intervals.full()) return result
    if (result.path.i.length === 0) {
      // No path through the corridor (it cannot happen around a path, but stay safe): the whole table.
      for (let i = 0; i <= n; i++) intervals.add(i, 0, m)
      continue
    }
    const near = new Int32Array(n + 2)
    for (const row of result.touched) {
      near[Math.max(0, row - grow)]!++
      near[Math.min(n + 1, row + grow + 1)]!--
    }
    const only = new Uint8Array(n + 1)
    for (let i = 0, count = 0; i <= n; i++) only[i] = (count += near[i]!) > 0 ? 1 : 0
    intervals.around(result.path, grow, only)
  }
}

/** Two units into one: lengths added (with a space between), token sets united. */
function coarsen(side: Side): Side {
  const count = Math.ceil(side.length.length / 2)
  return {
    length: Float64Array.from({ length: count }, (_, k) => side.length[2 * k]! + (2 * k + 1 < side.length.length ? side.length[2 * k + 1]! + 1 : 0)),
    anchors: unite(side.anchors),
    cognates: unite(side.cognates),
    ids: side.ids && unite(side.ids),
  }
}

/**
 * Size of the sketches of the coarse resolutions' token sets. A coarse unit's set is the union of
 * its units' sets and grows with the scale; a sketch keeps the {@link SKETCH} smallest hashes of its
 * tokens (a bottom-k sketch), the sketch of a union is the sketch of the sketches' union, and two
 * sketches estimate the Jaccard similarity of their sets, so a coarse comparison costs the same at
 * every scale. Below that size a sketch is the whole set and the estimate exact.
 */
const SKETCH = 32

/** The sketches of sets of interned tokens: their hashes (a fixed permutation of 32-bit numbers), the smallest {@link SKETCH}, sorted. */
function sketch(sets: readonly ArrayLike<number>[]): Sketches {
  const start = new Int32Array(sets.length + 1)
  sets.forEach((set, k) => (start[k + 1] = start[k]! + Math.min(SKETCH, set.length)))
  const data = new Uint32Array(start[sets.length]!)
  const hashes: number[] = []
  sets.forEach((set, k) => {
    hashes.length = 0
    for (let x = 0; x < set.length; x++) hashes.push(Math.imul(set[x]!, 0x9e3779b1) >>> 0)
    hashes.sort((a, b) => a - b)
    for (let x = start[k]!; x < start[k + 1]!; x++) data[x] = hashes[x - start[k]!]!
  })
  return { start, data }
}

/** The sketches of the unions of units 2k and 2k + 1, from theirs. */
function unite(sets: Sketches): Sketches {
  const units = sets.start.length - 1
  const count = Math.ceil(units / 2)
  const { start: from, data: hashes } = sets
  const start = new Int32Array(count + 1)
  const data = new Uint32Array(Math.min(hashes.length, count * SKETCH))
  let size = 0
  for (let k = 0; k < count; k++) {
    let x = from[2 * k]!
    const xEnd = from[2 * k + 1]!
    let y = 2 * k + 1 < units ? from[2 * k + 1]! : 0
    const yEnd = 2 * k + 1 < units ? from[2 * k + 2]! : 0
    for (let taken = 0; taken < SKETCH && (x < xEnd || y < yEnd); taken++) {
      if (y >= yEnd || (x < xEnd && hashes[x]! < hashes[y]!)) data[size++] = hashes[x++]!
      else if (x >= xEnd || hashes[y]! < hashes[x]!) data[size++] = hashes[y++]!
      else {
        data[size++] = hashes[x++]!
        y++
      }
    }
    start[k + 1] = size
  }
  return { start, data }
}

/**
 * The Jaccard similarity of the sets of unit `x` of `a` and unit `y` of `b`, estimated from their
 * sketches (1 when both are empty): of the smallest {@link SKETCH} hashes of the two sketches, the
 * share in both.
 */
function similarity(a: Sketches, x: number, b: Sketches, y: number): number {
  const left = a.data
  const right = b.data
  let p = a.start[x]!
  const pEnd = a.start[x + 1]!
  let q = b.start[y]!
  const qEnd = b.start[y + 1]!
  let seen = 0
  let both = 0
  for (; seen < SKETCH && (p < pEnd || q < qEnd); seen++) {
    if (q >= qEnd || (p < pEnd && left[p]! < right[q]!)) p++
    else if (p >= pEnd || right[q]! < left[p]!) q++
    else {
      both++
      p++
      q++
    }
  }
  return seen === 0 ? 1 : both / seen
}

/**
 * The path of the alignment of two coarse sides, each unit of which stands for `scale` units, scaled
 * up to an `n` × `m` table. The coarse costs are the length, anchor, cognate and ID costs of the full
 * model (structure is left to the full resolution), lengths taken per unit so that a coarse pair
 * costs about what one pair of its units would; a skip costs more the more units it stands for (by
 * the square root of their number: a coarse path must not skip where its units pair, nor pair
 * where a run of units is missing). Each resolution runs in a corridor around the path of the next
 * coarser one, the coarsest over its whole table.
 */
function coarsePath(ref: Side, tr: Side, ratio: number, scale: number, stats: AlignStats, n: number, m: number): Path {
  const rn = ref.length.length
  const tm = tr.length.length
  // Jaccard and Dice distances from the estimated similarity; IDs that differ where both sides have some.
  const jaccard = (similar: number) => 1 - similar
  const dice = (similar: number) => (1 - similar) / (1 + similar)
  const idCost = (a: Sketches, x: number, b: Sketches, y: number): number =>
    a.start[x + 1]! > a.start[x]! && b.start[y + 1]! > b.start[y]! && similarity(a, x, b, y) === 0 ? COSTS.idMismatch : 0
  const refIds = ref.ids
  const trIds = tr.ids
  const weight = Math.sqrt(scale)
  const model: Model = {
    n: rn,
    m: tm,
    skip: COSTS.skip * weight,
    // No 2-1 or 1-2 beads at coarse resolutions: a guess needs none, and they cost much to consider.
    merged: Infinity,
    pair: (i, j) =>
      lengthCost(ref.length[i]! / scale, tr.length[j]! / scale, ratio) +
      COSTS.anchors * jaccard(similarity(ref.anchors, i, tr.anchors, j)) +
      COSTS.cognates * dice(similarity(ref.cognates, i, tr.cognates, j)) +
      (refIds && trIds ? idCost(refIds, i, trIds, j) : 0),
    merge: () => Infinity,
    split: () => Infinity,
  }
  let path: Path
  if ((rn + 1) * (tm + 1) <= COARSEST || Math.min(rn, tm) <= THIN) {
    const whole = new Intervals(rn, tm)
    for (let i = 0; i <= rn; i++) whole.add(i, 0, tm)
    path = jumping(model, whole.cells(), stats, false).path
  } else path = corridor(model, coarsePath(coarsen(ref), coarsen(tr), ratio, 2 * scale, stats, rn, tm), stats, false).path
  return refine(path, n, m)
}

const PAIR = 1
const SKIP_REFERENCE = 2
const SKIP_TRANSLATION = 3
const MERGE = 4 // two reference units, one translation unit
const SPLIT = 5 // one reference unit, two translation units

/**
 * One run of the dynamic programme in a band. `touched` says whether the best path touches the
 * band's edge (where a wider band might hold a better path).
 */
function banded(model: Model, window: Band, stats: AlignStats): { beads: Bead[]; touched: boolean } {
  const { n, m, pair: pairCost, merge: mergeCost, split: splitCost } = model
  const { lo, hi } = window
  const start = new Int32Array(n + 2)
  for (let i = 0; i <= n; i++) start[i + 1] = start[i]! + Math.max(0, hi[i]! - lo[i]! + 1)
  const size = start[n + 1]!
  stats.cells += size
  stats.runs++
  const diagonal = (i: number) => (n === 0 ? 0 : (i * m) / n)
  const dist = new Float64Array(size).fill(Infinity)
  const move = new Uint8Array(size)
  const at = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : start[i]! + j - lo[i]!)
  const get = (i: number, j: number): number => {
    if (i < 0 || j < 0 || j < lo[i]! || j > hi[i]!) return Infinity
    return dist[start[i]! + j - lo[i]!]!
  }
  dist[at(0, 0)] = 0
  for (let i = 0; i <= n; i++) {
    const from0 = lo[i]!
    const to = hi[i]!
    for (let j = from0; j <= to; j++) {
      if (i === 0 && j === 0) continue
      let best = Infinity
      let step = 0
      if (i > 0 && j > 0) {
        const from = get(i - 1, j - 1)
        if (from < best) {
          const cost = from + pairCost(i - 1, j - 1)
          if (cost < best) {
            best = cost
            step = PAIR
          }
        }
      }
      if (i > 0) {
        const cost = get(i - 1, j) + COSTS.skip
        if (cost < best) {
          best = cost
          step = SKIP_REFERENCE
        }
      }
      if (j > 0) {
        const cost = get(i, j - 1) + COSTS.skip
        // Between equal skips, the one from nearer the diagonal: a run of blocks without counterparts then
        // stays inside the band (alternating sides) instead of walking out of it and doubling it to the whole table.
        if (cost < best || (cost === best && step === SKIP_REFERENCE && Math.abs(j - 1 - diagonal(i)) < Math.abs(j - diagonal(i - 1)))) {
          best = cost
          step = SKIP_TRANSLATION
        }
      }
      // A merge or split costs at least COSTS.merge: skip computing it when that cannot win.
      if (i > 1 && j > 0) {
        const from = get(i - 2, j - 1)
        if (from + COSTS.merge < best) {
          const cost = from + mergeCost(i - 2, j - 1)
          if (cost < best) {
            best = cost
            step = MERGE
          }
        }
      }
      if (i > 0 && j > 1) {
        const from = get(i - 1, j - 2)
        if (from + COSTS.merge < best) {
          const cost = from + splitCost(i - 1, j - 2)
          if (cost < best) {
            best = cost
            step = SPLIT
          }
        }
      }
      const index = start[i]! + (j - from0)
      dist[index] = best
      move[index] = step
    }
  }
  const beads: Bead[] = []
  let touched = false
  let i = n
  let j = m
  // The corner outside the band (an empty reference): too narrow.
  if (at(n, m) === -1) return { beads: [], touched: true }
  while (i > 0 || j > 0) {
    const index = at(i, j)
    if (index === -1) throw new Error('alignment left its band')
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touched = true
    const here = dist[index]!
    switch (move[index]) {
      case PAIR:
        beads.push({ reference: [i - 1], translation: [j - 1], cost: here - get(i - 1, j - 1) })
        i--
        j--
        break
      case SKIP_REFERENCE:
        beads.push({ reference: [i - 1], translation: [], cost: COSTS.skip })
        i--
        break
      case SKIP_TRANSLATION:
        beads.push({ reference: [], translation: [j - 1], cost: COSTS.skip })
        j--
        break
      case MERGE:
        beads.push({ reference: [i - 2, i - 1], translation: [j - 1], cost: here - get(i - 2, j - 1) })
        i -= 2
        j--
        break
      case SPLIT:
        beads.push({ reference: [i - 1], translation: [j - 2, j - 1], cost: here - get(i - 1, j - 2) })
        i--
        j -= 2
        break
      default:
        // Unreachable cell on the path: the band was too narrow.
        return { beads: [], touched: true }
    }
  }
  return { beads: beads.reverse(), touched }
}

/** What a run of {@link jumping} leaves for the next over a widened corridor to start from. */
interface Run {
  cells: Cells
  dist: Float64Array
  move: Uint8Array
  origin: Int32Array
}

/**
 * One run of the dynamic programme over `cells`, where a run of units without counterparts is one
 * step however long: cell (i, j) is reached from the best cell of its column above it, or of its row
 * before it, plus {@link COSTS.skip} per unit skipped (kept as the least `dist - skip · i` seen in
 * each column and row), so the cells such a run crosses need not be in the corridor. `touched` are
 * the rows where the best path meets the edge of an interval (where a wider corridor might hold a
 * better path), in descending order. After a run `before` over fewer cells, the rows up to the
 * first whose cells changed are taken from it, not computed again.
 */
function jumping(model: Model, cells: Cells, stats: AlignStats, withBeads: boolean, before?: Run): Run & { path: Path; beads: Bead[]; touched: number[] } {
  const { n, m, skip, merged, pair: pairCost, merge: mergeCost, split: splitCost } = model
  const { rows, lo, hi } = cells
  const base = new Int32Array(lo.length + 1)
  for (let k = 0; k < lo.length; k++) base[k + 1] = base[k]! + hi[k]! - lo[k]! + 1
  const size = base[lo.length]!
  const dist = new Float64Array(size).fill(Infinity)
  const move = new Uint8Array(size)
  /** For a run of skips, the row (or column) it starts from. */
  const origin = new Int32Array(size)
  // The rows before the first whose cells differ from the run `before`'s are as that run left them.
  let first = 0
  if (before) {
    const old = before.cells
    for (; first <= n; first++) {
      if (old.rows[first + 1]! - old.rows[first]! !== rows[first + 1]! - rows[first]!) break
      let same = true
      for (let k = rows[first]!, x = old.rows[first]!; k < rows[first + 1]! && same; k++, x++) same = lo[k] === old.lo[x] && hi[k] === old.hi[x]
      if (!same) break
    }
    const kept = base[rows[first]!]!
    dist.set(before.dist.subarray(0, kept))
    move.set(before.move.subarray(0, kept))
    origin.set(before.origin.subarray(0, kept))
  }
  stats.cells += size - base[rows[first]!]!
  stats.runs++
  const interval = (i: number, j: number): number => {
    if (i < 0 || j < 0) return -1
    for (let k = rows[i]!, end = rows[i + 1]!; k < end; k++) {
      if (j < lo[k]!) return -1
      if (j <= hi[k]!) return k
    }
    return -1
  }
  const at = (i: number, j: number): number => {
    const k = interval(i, j)
    return k === -1 ? -1 : base[k]! + j - lo[k]!
  }
  const get = (i: number, j: number): number => {
    const index = at(i, j)
    return index === -1 ? Infinity : dist[index]!
  }
  const column = new Float64Array(m + 1).fill(Infinity)
  const columnRow = new Int32Array(m + 1)
  for (let i = 0; i < first; i++) {
    for (let k = rows[i]!; k < rows[i + 1]!; k++) {
      for (let j = lo[k]!, index = base[k]!; j <= hi[k]!; j++, index++) {
        if (dist[index]! - skip * i < column[j]!) {
          column[j] = dist[index]! - skip * i
          columnRow[j] = i
        }
      }
    }
  }
  for (let i = first; i <= n; i++) {
    let row = Infinity
    let rowColumn = 0
    // Cursors over the intervals of rows i - 1 and i - 2: the columns looked up there only grow along row i.
    let k1 = i > 0 ? rows[i - 1]! : 0
    const end1 = i > 0 ? rows[i]! : 0
    let k2 = i > 1 ? rows[i - 2]! : 0
    const end2 = i > 1 ? rows[i - 1]! : 0
    for (let k = rows[i]!, end = rows[i + 1]!; k < end; k++) {
      for (let j = lo[k]!, index = base[k]!; j <= hi[k]!; j++, index++) {
        let best = Infinity
        let step = 0
        let from = 0
        if (i === 0 && j === 0) best = 0
        else {
          // dist(i - 1, j - 2), dist(i - 1, j - 1) and dist(i - 2, j - 1), Infinity outside the cells.
          let split = Infinity
          let diagonal = Infinity
          let merge = Infinity
          if (j > 1) {
            while (k1 < end1 && hi[k1]! < j - 2) k1++
            if (k1 < end1 && lo[k1]! <= j - 2) split = dist[base[k1]! + j - 2 - lo[k1]!]!
          }
          if (j > 0) {
            while (k1 < end1 && hi[k1]! < j - 1) k1++
            if (k1 < end1 && lo[k1]! <= j - 1) diagonal = dist[base[k1]! + j - 1 - lo[k1]!]!
            while (k2 < end2 && hi[k2]! < j - 1) k2++
            if (k2 < end2 && lo[k2]! <= j - 1) merge = dist[base[k2]! + j - 1 - lo[k2]!]!
          }
          if (diagonal < best) {
            const cost = diagonal + pairCost(i - 1, j - 1)
            if (cost < best) {
              best = cost
              step = PAIR
            }
          }
          if (i > 0) {
            const cost = column[j]! + skip * i
            if (cost < best) {
              best = cost
              step = SKIP_REFERENCE
              from = columnRow[j]!
            }
          }
          if (j > 0) {
            const cost = row + skip * j
            if (cost < best) {
              best = cost
              step = SKIP_TRANSLATION
              from = rowColumn
            }
          }
          if (merge + merged < best) {
            const cost = merge + mergeCost(i - 2, j - 1)
            if (cost < best) {
              best = cost
              step = MERGE
            }
          }
          if (split + merged < best) {
            const cost = split + splitCost(i - 1, j - 2)
            if (cost < best) {
              best = cost
              step = SPLIT
            }
          }
        }
        dist[index] = best
        move[index] = step
        origin[index] = from
        if (best - skip * i < column[j]!) {
          column[j] = best - skip * i
          columnRow[j] = i
        }
        if (best - skip * j < row) {
          row = best - skip * j
          rowColumn = j
        }
      }
    }
  }
  const beads: Bead[] = []
  const touched: number[] = []
  const nodesI: number[] = [n]
  const nodesJ: number[] = [m]
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const k = interval(i, j)
    if (k === -1) throw new Error('alignment left its corridor')
    if ((j === lo[k]! && j > 0) || (j === hi[k]! && j < m)) touched.push(i)
    const index = base[k]! + j - lo[k]!
    const here = dist[index]!
    switch (move[index]) {
      case PAIR:
        if (withBeads) beads.push({ reference: [i - 1], translation: [j - 1], cost: here - get(i - 1, j - 1) })
        i--
        j--
        break
      case SKIP_REFERENCE:
        for (const to = origin[index]!; i > to; i--) if (withBeads) beads.push({ reference: [i - 1], translation: [], cost: skip })
        break
      case SKIP_TRANSLATION:
        for (const to = origin[index]!; j > to; j--) if (withBeads) beads.push({ reference: [], translation: [j - 1], cost: skip })
        break
      case MERGE:
        if (withBeads) beads.push({ reference: [i - 2, i - 1], translation: [j - 1], cost: here - get(i - 2, j - 1) })
        i -= 2
        j--
        break
      case SPLIT:
        if (withBeads) beads.push({ reference: [i - 1], translation: [j - 2, j - 1], cost: here - get(i - 1, j - 2) })
        i--
        j -= 2
        break
      default:
        // Unreachable cell on the path.
        return { cells, dist, move, origin, path: { i: new Int32Array(0), j: new Int32Array(0) }, beads: [], touched: [n] }
    }
    nodesI.push(i)
    nodesJ.push(j)
  }
  return { cells, dist, move, origin, path: { i: Int32Array.from(nodesI).reverse(), j: Int32Array.from(nodesJ).reverse() }, beads: beads.reverse(), touched }
}
