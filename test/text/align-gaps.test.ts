// A translation that lacks a whole run of clauses (or has one the reference lacks) aligns in about the work of a
// complete one, and aligns right: the work is counted in cells of the dynamic programme, not timed.
import { describe, expect, it } from 'vitest'
import { type AlignStats, type AlignUnit, type Bead, align } from '../../src/text/align.js'

const WORDS = {
  en: ['data', 'store', 'share', 'sell', 'combine', 'pins', 'boards', 'account', 'information', 'advertising', 'consent', 'users', 'partners', 'tools', 'must', 'not', 'the', 'your', 'app'],
  nl: ['gegevens', 'opslaan', 'delen', 'verkopen', 'samenvoegen', 'pins', 'borden', 'account', 'informatie', 'advertenties', 'toestemming', 'gebruikers', 'partners', 'tools', 'moet', 'niet', 'de', 'je', 'app'],
}

/**
 * A reference and its translation, clause for clause: random sentences of 6 to 35 words put word for word into Dutch,
 * a heading every 25 clauses; `numbered`, each clause ends with its number (an anchor both languages share).
 */
function documents(size: number, numbered = true): { reference: AlignUnit[]; translation: AlignUnit[] } {
  let state = 1
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647
  const reference: AlignUnit[] = []
  const translation: AlignUnit[] = []
  for (let i = 0; i < size; i++) {
    const form = i % 25 === 0 ? 'heading' : 'item'
    const picks = Array.from({ length: form === 'heading' ? 3 : 6 + Math.floor(random() * 30) }, () => Math.floor(random() * WORDS.en.length))
    const text = (language: 'en' | 'nl') => `${picks.map((k) => WORDS[language][k]).join(' ')}${numbered ? ` ${i}` : ''}${form === 'heading' ? '' : '.'}`
    reference.push({ form, depth: 0, text: text('en') })
    translation.push({ form, depth: 0, text: text('nl') })
  }
  return { reference, translation }
}

/** `units` without the runs `[from, count]`, and for each unit kept its index in `units`. */
function without(units: readonly AlignUnit[], runs: [number, number][]): { units: AlignUnit[]; original: number[] } {
  const original = units.map((_, index) => index).filter((index) => !runs.some(([from, count]) => index >= from && index < from + count))
  return { units: original.map((index) => units[index]!), original }
}

/** The beads a right alignment has: each unit kept in both paired with its counterpart, each other one alone. */
function expected(size: number, refOriginal: number[], trOriginal: number[]): string[] {
  const refAt = new Map(refOriginal.map((original, index) => [original, index]))
  const trAt = new Map(trOriginal.map((original, index) => [original, index]))
  const beads: string[] = []
  for (let clause = 0; clause < size; clause++) {
    const r = refAt.get(clause)
    const t = trAt.get(clause)
    if (r !== undefined || t !== undefined) beads.push(`${r ?? ''}:${t ?? ''}`)
  }
  return beads
}

const shape = (beads: readonly Bead[]) => beads.map((bead) => `${bead.reference.join('+')}:${bead.translation.join('+')}`)

function aligned(reference: AlignUnit[], translation: AlignUnit[]): { beads: Bead[]; stats: AlignStats } {
  const stats: AlignStats = { cells: 0, runs: 0 }
  return { beads: align(reference, translation, { stats }), stats }
}

describe('align with runs of clauses missing', () => {
  const SIZE = 10_000
  const { reference, translation } = documents(SIZE)
  const complete = aligned(reference, translation)

  it('pairs a complete pair one to one in a single run of the band, and one of the second pass around its path', () => {
    expect(shape(complete.beads)).toEqual(reference.map((_, index) => `${index}:${index}`))
    expect(complete.stats.runs).toBe(2)
    // Without the second pass, the band alone.
    const stats: AlignStats = { cells: 0, runs: 0 }
    expect(shape(align(reference, translation, { stats, lexical: false }))).toEqual(shape(complete.beads))
    expect(stats.runs).toBe(1)
  })

  it('1,000 clauses missing in a row: those reported unmatched, the rest paired one to one, in under twice the work', () => {
    const gap = without(translation, [[5_000, 1_000]])
    const { beads, stats } = aligned(reference, gap.units)
    expect(shape(beads)).toEqual(expected(SIZE, reference.map((_, index) => index), gap.original))
    expect(beads.filter((bead) => bead.translation.length === 0).map((bead) => bead.reference[0])).toEqual(Array.from({ length: 1_000 }, (_, k) => 5_000 + k))
    expect(stats.cells).toBeLessThan(2 * complete.stats.cells)
    // The work does not grow with the gap: 100 missing cost about as much as 1,000.
    const small = aligned(reference, without(translation, [[5_000, 100]]).units)
    expect(stats.cells).toBeLessThan(1.25 * small.stats.cells)
  })

  it('a gap at the start, at the end, and two gaps', () => {
    for (const runs of [[[0, 1_000]], [[9_000, 1_000]], [[2_000, 500], [7_000, 800]]] as [number, number][][]) {
      const gap = without(translation, runs)
      const { beads, stats } = aligned(reference, gap.units)
      expect(shape(beads), JSON.stringify(runs)).toEqual(expected(SIZE, reference.map((_, index) => index), gap.original))
      expect(stats.cells, JSON.stringify(runs)).toBeLessThan(2 * complete.stats.cells)
    }
  })

  it('a run of clauses the reference lacks: those reported unmatched in the translation', () => {
    const gap = without(reference, [[3_000, 1_000]])
    const { beads, stats } = aligned(gap.units, translation)
    expect(shape(beads)).toEqual(expected(SIZE, gap.original, translation.map((_, index) => index)))
    expect(beads.filter((bead) => bead.reference.length === 0)).toHaveLength(1_000)
    expect(stats.cells).toBeLessThan(2 * complete.stats.cells)
  })
})

describe('align with a run missing and no anchors', () => {
  // Without numbers, only lengths, words and structure tell the clauses apart: the guess is coarser and the corridor
  // widens more, but the work still does not grow with the gap, and nearly every clause is paired right.
  const SIZE = 5_000
  const { reference, translation } = documents(SIZE, false)

  it('stays within a bounded multiple of the complete pair and pairs 98% of the clauses right', () => {
    const complete = aligned(reference, translation)
    const counts: number[] = []
    for (const missing of [100, 1_000]) {
      const gap = without(translation, [[2_000, missing]])
      const { beads, stats } = aligned(reference, gap.units)
      counts.push(stats.cells)
      expect(stats.cells).toBeLessThan(8 * complete.stats.cells)
      const right = beads.filter((bead) => bead.reference.length === 1 && bead.translation.length === 1 && gap.original[bead.translation[0]!] === bead.reference[0]).length
      expect(right).toBeGreaterThan(0.98 * gap.units.length)
      const unmatched = beads.filter((bead) => bead.translation.length === 0 && bead.reference[0]! >= 2_000 && bead.reference[0]! < 2_000 + missing).length
      expect(unmatched).toBeGreaterThan(0.9 * missing)
    }
    expect(counts[1]!).toBeLessThan(2 * counts[0]!)
  })
})

describe('align at the edges', () => {
  it('aligns empty documents and one side empty', () => {
    const units = documents(40).translation
    expect(align([], [])).toEqual([])
    expect(shape(align([], units))).toEqual(units.map((_, index) => `:${index}`))
    expect(shape(align(units, []))).toEqual(units.map((_, index) => `${index}:`))
  })
})
