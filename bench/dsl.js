#!/usr/bin/env node
// Benchmark of the whole Pinterest rule set over 10,000 generated profiles: compiled predicates, the interpreter,
// and the hand-written TypeScript function (bench/hand-written.ts), in one process so the ratios hold.
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { evaluateRule, interpretAll } from '../dist/dsl/interpret/evaluate.js'
import { loadEngine } from '../dist/report/engine.js'
import { evaluateAll as handWritten } from '../dist/bench/hand-written.js'
import { generateProfiles } from './profiles.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const COUNT = 10_000

export async function benchDsl({ rounds = 15 } = {}) {
  const engine = await loadEngine(ROOT, 'pinterest')
  const { program } = engine.rules
  const compiled = engine.compiled
  const profiles = generateProfiles(COUNT, 20261123)
  const STATUSES = compiled.STATUSES

  // First: every engine gives the same statuses on every profile.
  const violatedCounts = new Map()
  for (const profile of profiles) {
    const fast = compiled.evaluateAll(profile, null)
    const hand = handWritten(profile)
    program.rules.forEach((rule, index) => {
      const interpreted = evaluateRule(rule, program, profile).status
      if (STATUSES[fast[index]] !== interpreted || fast[index] !== hand[index]) {
        throw new Error(`Disagreement on rule ${rule.id}: compiled ${STATUSES[fast[index]]}, interpreted ${interpreted}, hand-written ${STATUSES[hand[index]]}`)
      }
    })
    const violated = fast.filter((code) => code === 0).length
    violatedCounts.set(violated, (violatedCounts.get(violated) ?? 0) + 1)
  }

  let sink = 0
  const engines = {
    'hand-written TypeScript': () => {
      for (const profile of profiles) sink += handWritten(profile)[0]
    },
    'diptych compiled': () => {
      for (const profile of profiles) sink += compiled.evaluateAll(profile, null)[0]
    },
    'diptych compiled, with missing facts': () => {
      const missing = []
      for (const profile of profiles) {
        missing.length = 0
        sink += compiled.evaluateAll(profile, missing)[0]
      }
    },
    'diptych interpreter': () => {
      for (const profile of profiles) sink += interpretAll(program, profile).length
    },
  }
  const results = {}
  for (const [name, run] of Object.entries(engines)) {
    for (let i = 0; i < 3; i++) run()
    const samples = []
    for (let i = 0; i < (name.includes('interpreter') ? Math.max(3, rounds / 3) : rounds); i++) {
      const start = performance.now()
      run()
      samples.push(((performance.now() - start) * 1e6) / COUNT)
    }
    samples.sort((a, b) => a - b)
    results[name] = { medianNs: samples[Math.floor(samples.length / 2)], minNs: samples[0], maxNs: samples.at(-1) }
  }
  const base = results['hand-written TypeScript'].medianNs
  for (const result of Object.values(results)) result.ratio = result.medianNs / base
  return {
    profiles: COUNT,
    rules: program.rules.length,
    violatedPerProfile: Object.fromEntries([...violatedCounts].sort((a, b) => a[0] - b[0])),
    results,
    sink,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { results, profiles, rules, violatedPerProfile } = await benchDsl()
  console.log(`Pinterest rules (${rules}) over ${profiles} profiles; profiles by number of violations: ${JSON.stringify(violatedPerProfile)}`)
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(40)} ${r.medianNs.toFixed(0).padStart(8)} ns/profile (min ${r.minNs.toFixed(0)}, max ${r.maxNs.toFixed(0)})  ${r.ratio.toFixed(2)}x hand-written`)
  }
}
