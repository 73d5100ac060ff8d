// Align two block sequences by dynamic programming: Gale & Church length costs plus structure and anchor evidence,
// beads 1-1, 1-0, 0-1, 2-1 and 1-2, in a band around the diagonal that widens until the path fits inside it.
import { anchors } from './anchors.js'

/** What the aligner needs to know of a block. */
export interface AlignUnit {
  form: 'heading' | 'paragraph' | 'item'
  depth: number
  text: string
  /** Shared ID, when the documents have them (`{#id}`). */
  id?: string | undefined
}

/** One bead of an alignment: indices of reference and translation units aligned together. */
export interface Bead {
  reference: number[]
  translation: number[]
  /** The bead's cost; a high cost for a 1-1 bead means a doubtful pair. */
  cost: number
}

/** Options of {@link align}. */
export interface AlignOptions {
  /** Pair units by their IDs where both have one (a pair of different IDs costs {@link COSTS.idMismatch}). */
  useIds?: boolean | undefined
  /** Initial half-width of the band around the diagonal (it doubles while the path touches its edge). */
  band?: number | undefined
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

/** Shared and total sizes of sets `a ∪ a2` and `b ∪ b2` (the second of each may be absent). */
function overlap(a: Int32Array, b: Int32Array, a2?: Int32Array, b2?: Int32Array): [shared: number, left: number, right: number] {
  if (!a2 && !b2) {
    // Both sorted: a merge walk, no allocation.
    let shared = 0
    for (let x = 0, y = 0; x < a.length && y < b.length; ) {
      if (a[x] === b[y]) {
        shared++
        x++
        y++
      } else if (a[x]! < b[y]!) x++
      else y++
    }
    return [shared, a.length, b.length]
  }
  const left = new Set([...a, ...(a2 ?? [])])
  const right = new Set([...b, ...(b2 ?? [])])
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return [shared, left.size, right.size]
}

/** Jaccard distance of two sets (0 when both are empty). */
function jaccard(a: Int32Array, b: Int32Array, a2?: Int32Array, b2?: Int32Array): number {
  const [shared, left, right] = overlap(a, b, a2, b2)
  return left + right === 0 ? 0 : 1 - shared / (left + right - shared)
}

/** Dice distance of two sets (0 when both are empty). */
function dice(a: Int32Array, b: Int32Array, a2?: Int32Array, b2?: Int32Array): number {
  const [shared, left, right] = overlap(a, b, a2, b2)
  return left + right === 0 ? 0 : 1 - (2 * shared) / (left + right)
}

const PAIR = 1
const SKIP_REFERENCE = 2
const SKIP_TRANSLATION = 3
const MERGE = 4 // two reference units, one translation unit
const SPLIT = 5 // one reference unit, two translation units

/**
 * Align `reference` with `translation`. Returns beads in document order: 1-1, 1-0, 0-1, 2-1, 1-2.
 * The length ratio is estimated from the two documents, so any language pair works. The dynamic
 * programme runs in a band around the diagonal (time and memory linear in the length for a
 * fixed band); when the best path touches the band's edge the band doubles and it runs again.
 */
export function align(reference: readonly AlignUnit[], translation: readonly AlignUnit[], options: AlignOptions = {}): Bead[] {
  const n = reference.length
  const m = translation.length
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
  const code = (unit: AlignUnit) => (unit.form === 'heading' ? 0 : unit.form === 'paragraph' ? 1 : 2)
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
  const pairCost = (i: number, j: number): number =>
    lengthCost(refLength[i]!, trLength[j]!, ratio) +
    structure(i, j) +
    COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!) +
    COSTS.cognates * dice(refCognates[i]!, trCognates[j]!) +
    ids(i, i, j, j)
  // Reference i and i+1 into translation j.
  const mergeCost = (i: number, j: number): number =>
    COSTS.merge +
    (refForm[i + 1] === 0 ? COSTS.headingMismatch : 0) +
    lengthCost(refLength[i]! + refLength[i + 1]! + 1, trLength[j]!, ratio) +
    structure(i, j) +
    COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!, refAnchors[i + 1]!) +
    COSTS.cognates * dice(refCognates[i]!, trCognates[j]!, refCognates[i + 1]!) +
    ids(i, i + 1, j, j)
  // Reference i into translation j and j+1.
  const splitCost = (i: number, j: number): number =>
    COSTS.merge +
    (trForm[j + 1] === 0 ? COSTS.headingMismatch : 0) +
    lengthCost(refLength[i]!, trLength[j]! + trLength[j + 1]! + 1, ratio) +
    structure(i, j) +
    COSTS.anchors * jaccard(refAnchors[i]!, trAnchors[j]!, undefined, trAnchors[j + 1]!) +
    COSTS.cognates * dice(refCognates[i]!, trCognates[j]!, undefined, trCognates[j + 1]!) +
    ids(i, i, j, j + 1)

  const run = (): Bead[] => {
    let half = Math.max(4, options.band ?? 8)
    for (;;) {
      const result = banded(n, m, half, pairCost, mergeCost, splitCost)
      if (!result.touchedEdge || half >= Math.max(n, m)) return result.beads
      half *= 2
    }
  }
  const first = run()
  const ratios = first
    .filter((bead) => bead.reference.length === 1 && bead.translation.length === 1 && refLength[bead.reference[0]!]! >= 20)
    .map((bead) => trLength[bead.translation[0]!]! / refLength[bead.reference[0]!]!)
    .sort((a, b) => a - b)
  if (ratios.length < 3) return first
  const median = ratios[Math.floor(ratios.length / 2)]!
  if (Math.abs(Math.log(median / ratio)) < 0.1) return first
  ratio = median
  return run()
}

/** One run of the dynamic programme in a band of half-width `half` around the diagonal. */
function banded(
  n: number,
  m: number,
  half: number,
  pairCost: (i: number, j: number) => number,
  mergeCost: (i: number, j: number) => number,
  splitCost: (i: number, j: number) => number,
): { beads: Bead[]; touchedEdge: boolean } {
  const width = 2 * half + 1
  const lows = new Int32Array(n + 1)
  for (let i = 0; i <= n; i++) lows[i] = (n === 0 ? 0 : Math.round((i * m) / n)) - half
  const low = (i: number) => lows[i]!
  const diagonal = (i: number) => (n === 0 ? 0 : (i * m) / n)
  const dist = new Float64Array((n + 1) * width).fill(Infinity)
  const move = new Uint8Array((n + 1) * width)
  const at = (i: number, j: number): number => {
    const offset = j - lows[i]!
    return offset < 0 || offset >= width ? -1 : i * width + offset
  }
  const get = (i: number, j: number): number => {
    if (i < 0 || j < 0) return Infinity
    const offset = j - lows[i]!
    return offset < 0 || offset >= width ? Infinity : dist[i * width + offset]!
  }
  dist[at(0, 0)] = 0
  for (let i = 0; i <= n; i++) {
    const lo = Math.max(0, lows[i]!)
    const hi = Math.min(m, lows[i]! + width - 1)
    for (let j = lo; j <= hi; j++) {
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
      const index = i * width + (j - lows[i]!)
      dist[index] = best
      move[index] = step
    }
  }
  const beads: Bead[] = []
  let touchedEdge = false
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const index = at(i, j)
    if (index === -1) throw new Error('alignment left its band')
    const offset = j - low(i)
    if ((offset === 0 && j > 0) || (offset === width - 1 && j < m)) touchedEdge = true
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
        return { beads: [], touchedEdge: true }
    }
  }
  return { beads: beads.reverse(), touchedEdge }
}
