#!/usr/bin/env node
// `npm run bench`: every benchmark, figures to stdout and to bench/results.json. The peer benchmark runs in its own
// process (it needs --no-turbo-inline-js-wasm-calls for cedar-wasm); so do the NDJSON and alignment-scale runs, so that
// each has its own peak memory.
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { arch, cpus, platform } from 'node:os'
import { fileURLToPath } from 'node:url'
import { benchAlignScale } from './align.js'
import { benchCorpus } from './corpus.js'
import { benchDsl } from './dsl.js'
import { benchImportBuild } from './import-build.js'
import { benchLatency } from './latency.js'
import { benchMutations, formatMutations } from './mutations.js'
import { benchNdjson } from './ndjson.js'

const out = fileURLToPath(new URL('results.json', import.meta.url))
const ns = (value) => value.toFixed(0).padStart(8)

console.log('# Importer and catalogue build')
const importBuild = await benchImportBuild()

console.log('\n# The real corpus (test/fixtures/corpus): documents read per language, blocks against the source, ms a document')
const corpus = await benchCorpus()
for (const [locale, r] of Object.entries(corpus.perLocale)) console.log(`${locale}: ${r.read} read, ${r.refused} refused`)
const kinds = ['headings', 'paragraphs', 'items', 'rows']
const off = corpus.documents.filter((doc) => kinds.some((kind) => doc.blocks[kind] !== doc.source[kind]))
console.log(`blocks equal to the source's counts in ${corpus.documents.length - off.length} of ${corpus.documents.length} documents${off.length ? ` (others: ${off.map((doc) => `${doc.locale}/${doc.document}`).join(', ')}: rows of HTML tables)` : ''}`)
const times = corpus.documents.map((doc) => doc.ms).sort((a, b) => a - b)
console.log(`read time a document: median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms`)

console.log('\n# The 49 Pinterest rules over 10,000 profiles (ns per profile)')
const { sink: _sink, ...rules } = await benchDsl()
for (const [name, r] of Object.entries(rules.results)) console.log(`${name.padEnd(40)} ${ns(r.medianNs)} ns  (min ${r.minNs.toFixed(0)}, max ${r.maxNs.toFixed(0)})  ${r.ratio.toFixed(2)}x hand-written`)

console.log('\n# Ten rules against the engines people use (bench/peers.js, its own process)')
const peerScript = `const { benchPeers } = await import(${JSON.stringify(fileURLToPath(new URL('peers.js', import.meta.url)))}); const { sink, ...rest } = await benchPeers(); process.stdout.write(JSON.stringify(rest))`
const peers = JSON.parse(execFileSync(process.execPath, ['--no-turbo-inline-js-wasm-calls', '--input-type=module', '-e', peerScript], { encoding: 'utf8', maxBuffer: 1 << 24 }))
for (const [name, r] of Object.entries(peers.results)) console.log(`${name.padEnd(40)} ${ns(r.medianNs)} ns  (min ${r.minNs.toFixed(0)}, max ${r.maxNs.toFixed(0)}, ${r.rounds} rounds)  ${r.ratio.toFixed(1)}x hand-written`)

console.log('\n# Alignment scale (each size in its own process)')
const alignScale = benchAlignScale()
for (const r of alignScale) {
  const gap = r.ratioToComplete === undefined ? '' : `, ${r.missingInARow} missing in a row: ${r.ratioToComplete}x the complete pair (CPU ${r.cpuRatioToComplete}x)`
  console.log(`${String(r.clauses).padStart(7)} clauses${gap}: ${String(r.ms).padStart(6)} ms, peak RSS ${r.peakRssMiB} MiB (${r.skips} blocks without a counterpart found)`)
}

console.log('\n# diptych eval of NDJSON files (each in its own process)')
const ndjson = await benchNdjson()
for (const r of ndjson) console.log(`${String(r.profiles).padStart(9)} profiles (${r.megabytes} MB), ${r.jobs} thread${r.jobs === 1 ? '' : 's'}: ${r.seconds} s, ${r.profilesPerSecond} profiles/s, peak RSS ${r.peakRssMiB} MiB; floor ${r.floorSeconds} s, ${r.perCoreRatio}x the floor a core`)

console.log('\n# Command latency (whole processes, medians)')
const latency = benchLatency()
for (const [name, r] of Object.entries(latency)) console.log(`${name.padEnd(40)} ${String(r.medianMs).padStart(5)} ms  ${r.ratio}x node -e 0`)

console.log('\n# Mutations of the translations (bench/mutations.js): found % (found/trials), w = wrong check near the place, m = missed')
const { details: _trials, ...mutations } = await benchMutations()
console.log(formatMutations(mutations))

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: `${platform()} ${arch()}` }
await writeFile(out, JSON.stringify({ node: process.version, date: new Date().toISOString().slice(0, 10), machine, importBuild, corpus, rules, peers, alignScale, ndjson, latency, mutations }, null, 2) + '\n')
console.log(`\nfigures written to bench/results.json`)
