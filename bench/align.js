#!/usr/bin/env node
// Alignment scale: synthetic document pairs of 1,000, 10,000 and 100,000 clauses, each aligned in its own process
// so that its peak memory is its own; and 10,000 clauses with a run of 100 and of 1,000 consecutive clauses missing
// from the translation (a lost section), against the complete pair, runs interleaved, medians reported.
// `node bench/align.js <size> [missing]` runs one pair and prints its figures as JSON.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { random } from './profiles.js'

const WORDS = {
  en: ['data', 'store', 'share', 'sell', 'combine', 'pins', 'boards', 'account', 'information', 'advertising', 'consent', 'users', 'partners', 'tools', 'must', 'not', 'the', 'your', 'app'],
  nl: ['gegevens', 'opslaan', 'delen', 'verkopen', 'samenvoegen', 'pins', 'borden', 'account', 'informatie', 'advertenties', 'toestemming', 'gebruikers', 'partners', 'tools', 'moet', 'niet', 'de', 'je', 'app'],
}

/**
 * A pair of documents: the translation drops a clause every 997 and adds one every 1,009; with `missing`, it also
 * lacks that many consecutive clauses from its middle.
 */
export function documentPair(size, seed = 7, missing = 0) {
  const rnd = random(seed)
  const reference = []
  const translation = []
  for (let i = 0; i < size; i++) {
    const form = i % 25 === 0 ? 'heading' : i % 25 === 1 ? 'paragraph' : 'item'
    const length = form === 'heading' ? 3 : 6 + Math.floor(rnd() * 30)
    const picks = Array.from({ length }, () => Math.floor(rnd() * WORDS.en.length))
    const text = (language) => `${picks.map((k) => WORDS[language][k]).join(' ')} ${i}${form === 'heading' ? '' : '.'}`
    const depth = form === 'item' && i % 7 === 3 ? 1 : 0
    reference.push({ form, depth, text: text('en') })
    if (i % 997 !== 500) translation.push({ form, depth, text: text('nl') })
    if (i % 1009 === 600) translation.push({ form: 'item', depth: 0, text: `extra toegevoegde regel ${i} zonder tegenhanger in de referentie.` })
  }
  if (missing > 0) translation.splice(Math.floor((translation.length - missing) / 2), missing)
  return { reference, translation }
}

const script = fileURLToPath(import.meta.url)
const one = (size, missing = 0) => JSON.parse(execFileSync(process.execPath, [script, String(size), String(missing)], { encoding: 'utf8' }))

/**
 * Each size once; then 10,000 clauses complete and with `gaps` consecutive clauses missing, `runs` times interleaved,
 * each run in its own process: the median time of each, and its ratio to the complete pair's.
 */
export function benchAlignScale(sizes = [1000, 10000, 100000], gaps = [100, 1000], runs = 5) {
  const scale = sizes.map((size) => one(size))
  const missing = [0, ...gaps]
  const samples = missing.map(() => [])
  for (let run = 0; run < runs; run++) missing.forEach((count, k) => samples[k].push(one(10000, count)))
  const median = (values) => [...values].sort((a, b) => a.ms - b.ms)[Math.floor(values.length / 2)]
  const complete = median(samples[0]).ms
  const cpu = (values) => [...values].map((value) => value.cpuMs).sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const gapped = missing.map((count, k) => ({
    ...median(samples[k]),
    cpuMs: cpu(samples[k]),
    runs,
    ratioToComplete: +(median(samples[k]).ms / complete).toFixed(2),
    cpuRatioToComplete: +(cpu(samples[k]) / cpu(samples[0])).toFixed(2),
  }))
  return [...scale, ...gapped]
}

if (process.argv[1] === script && process.argv[2]) {
  const { align } = await import('../dist/text/align.js')
  const size = Number(process.argv[2])
  const missingInARow = Number(process.argv[3] ?? 0)
  const { reference, translation } = documentPair(size, 7, missingInARow)
  const stats = { cells: 0, runs: 0 }
  const before = process.resourceUsage().maxRSS
  const start = performance.now()
  const cpu = process.cpuUsage()
  const beads = align(reference, translation, { stats })
  const ms = performance.now() - start
  const { user, system } = process.cpuUsage(cpu)
  const skips = beads.filter((bead) => bead.reference.length === 0 || bead.translation.length === 0).length
  process.stdout.write(
    JSON.stringify({
      clauses: size,
      missingInARow,
      ms: Math.round(ms),
      cpuMs: Math.round((user + system) / 1000),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      baselineRssMiB: Math.round(before / 1024),
      beads: beads.length,
      skips,
      cells: stats.cells,
    }) + '\n',
  )
}
