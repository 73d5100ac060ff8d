// Align two block sequences by dynamic programming: Gale & Church length costs plus structure and anchor evidence.
import { anchorDistance, anchors } from './anchors.js'

/** What the aligner needs to know of a block. */
export interface AlignUnit {
  form: 'heading' | 'paragraph' | 'item'
  depth: number
  text: string
}

/** One bead of an alignment: indices of reference and translation units aligned together. */
export interface Bead {
  reference: number[]
  translation: number[]
  /** The bead's cost; high for a 1-1 bead means a doubtful pair. */
  cost: number
}

/** Costs of the alignment model; exported so tests and callers can reason about them. */
export const COSTS = {
  /** Variance per character of the length difference (Gale & Church 1993). */
  variance: 6.8,
  /** Cap of the length cost of one pair. */
  maxLength: 12,
  /** Cost of leaving a block without a counterpart (a 1-0 or 0-1 bead). */
  skip: 9,
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
} as const

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

/**
 * Align `reference` with `translation`. Returns beads in document order, each 1-1, 1-0 or 0-1.
 * The length ratio is estimated from the two documents, so any language pair works.
 */
export function align(reference: AlignUnit[], translation: AlignUnit[]): Bead[] {
  const n = reference.length
  const m = translation.length
  const total = (units: AlignUnit[]) => units.reduce((sum, unit) => sum + unit.text.length, 0)
  const ratio = total(reference) > 0 && total(translation) > 0 ? total(translation) / total(reference) : 1
  const refAnchors = reference.map((unit) => anchors(unit.text))
  const trAnchors = translation.map((unit) => anchors(unit.text))

  const pairCost = (i: number, j: number): number => {
    const a = reference[i]!
    const b = translation[j]!
    let cost = lengthCost(a.text.length, b.text.length, ratio)
    if ((a.form === 'heading') !== (b.form === 'heading')) cost += COSTS.headingMismatch
    else if (a.form !== b.form) cost += COSTS.formMismatch
    cost += COSTS.depthMismatch * Math.abs(a.depth - b.depth)
    if (a.text.endsWith(':') !== b.text.endsWith(':')) cost += COSTS.colonMismatch
    cost += COSTS.anchors * anchorDistance(refAnchors[i]!, trAnchors[j]!)
    return cost
  }

  const width = m + 1
  const dist = new Float64Array((n + 1) * width).fill(Infinity)
  const move = new Uint8Array((n + 1) * width) // 1 = pair, 2 = reference only, 3 = translation only
  dist[0] = 0
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = i * width + j
      if (i > 0 && j > 0) {
        const cost = dist[here - width - 1]! + pairCost(i - 1, j - 1)
        if (cost < dist[here]!) {
          dist[here] = cost
          move[here] = 1
        }
      }
      if (i > 0 && dist[here - width]! + COSTS.skip < dist[here]!) {
        dist[here] = dist[here - width]! + COSTS.skip
        move[here] = 2
      }
      if (j > 0 && dist[here - 1]! + COSTS.skip < dist[here]!) {
        dist[here] = dist[here - 1]! + COSTS.skip
        move[here] = 3
      }
    }
  }
  const beads: Bead[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const here = i * width + j
    const step = move[here]
    if (step === 1) {
      beads.push({ reference: [i - 1], translation: [j - 1], cost: dist[here]! - dist[here - width - 1]! })
      i--
      j--
    } else if (step === 2) {
      beads.push({ reference: [i - 1], translation: [], cost: COSTS.skip })
      i--
    } else {
      beads.push({ reference: [], translation: [j - 1], cost: COSTS.skip })
      j--
    }
  }
  return beads.reverse()
}
