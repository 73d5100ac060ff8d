#!/usr/bin/env node
// Alignment scale: synthetic document pairs of 1,000, 10,000 and 100,000 clauses, each aligned in its own process
// so that its peak memory is its own. `node bench/align.js <size>` runs one size and prints its figures as JSON.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { random } from './profiles.js'

const WORDS = {
  en: ['data', 'store', 'share', 'sell', 'combine', 'pins', 'boards', 'account', 'information', 'advertising', 'consent', 'users', 'partners', 'tools', 'must', 'not', 'the', 'your', 'app'],
  nl: ['gegevens', 'opslaan', 'delen', 'verkopen', 'samenvoegen', 'pins', 'borden', 'account', 'informatie', 'advertenties', 'toestemming', 'gebruikers', 'partners', 'tools', 'moet', 'niet', 'de', 'je', 'app'],
}

/** A pair of documents: the translation drops a clause every 997 and adds one every 1,009. */
export function documentPair(size, seed = 7) {
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
  return { reference, translation }
}

export function benchAlignScale(sizes = [1000, 10000, 100000]) {
  const script = fileURLToPath(import.meta.url)
  return sizes.map((size) => JSON.parse(execFileSync(process.execPath, [script, String(size)], { encoding: 'utf8' })))
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const { align } = await import('../dist/text/align.js')
  const size = Number(process.argv[2])
  const { reference, translation } = documentPair(size)
  const before = process.resourceUsage().maxRSS
  const start = performance.now()
  const beads = align(reference, translation)
  const ms = performance.now() - start
  const skips = beads.filter((bead) => bead.reference.length === 0 || bead.translation.length === 0).length
  process.stdout.write(
    JSON.stringify({ clauses: size, ms: Math.round(ms), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), baselineRssMiB: Math.round(before / 1024), beads: beads.length, skips }) + '\n',
  )
}
