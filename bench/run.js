#!/usr/bin/env node
// `npm run bench`: every benchmark in one process; figures to stdout and to bench/results.json.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { benchAlignScale } from './align.js'
import { benchDsl } from './dsl.js'
import { benchImportBuild } from './import-build.js'

const out = fileURLToPath(new URL('results.json', import.meta.url))
console.log('# Importer and catalogue build')
const importBuild = await benchImportBuild()
console.log('\n# Rules: compiled predicates, interpreter, hand-written (ns per profile)')
const dsl = await benchDsl()
for (const [name, r] of Object.entries(dsl.results)) {
  console.log(`${name.padEnd(40)} median ${r.medianNs.toFixed(0).padStart(7)} ns  (min ${r.minNs.toFixed(0)}, max ${r.maxNs.toFixed(0)})  ${r.ratio.toFixed(2)}x hand-written`)
}
console.log('\n# Alignment scale (each size in its own process)')
const alignScale = benchAlignScale()
for (const r of alignScale) console.log(`${String(r.clauses).padStart(7)} clauses: ${String(r.ms).padStart(6)} ms, peak RSS ${r.peakRssMiB} MiB (${r.skips} blocks without a counterpart found)`)
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024)
console.log(`\npeak RSS ${peakRssMiB} MiB`)
const { sink: _sink, ...rules } = dsl
await writeFile(out, JSON.stringify({ node: process.version, date: new Date().toISOString().slice(0, 10), importBuild, rules, alignScale, peakRssMiB }, null, 2) + '\n')
