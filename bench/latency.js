#!/usr/bin/env node
// Command latency: wall time of whole `diptych` processes on the bundled policy, against a bare `node -e 0`;
// runs interleaved, medians reported.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = `${ROOT}bin/diptych.js`
// `check` and `align` twice: with the result cache off (what a first run or a changed text costs), and with it in a
// folder of its own that the uncounted first round fills (what a run on unchanged texts costs: src/util/result-cache.ts).
const CACHE = mkdtempSync(join(tmpdir(), 'diptych-bench-cache-'))
const OFF = { DIPTYCH_CACHE: 'off' }
const CACHED = { DIPTYCH_CACHE: CACHE }
const COMMANDS = {
  'node -e 0': [['-e', '0']],
  'diptych eval examples/compliant.json': [[BIN, 'eval', 'examples/compliant.json']],
  'diptych check (no cache)': [[BIN, 'check'], OFF],
  'diptych check (texts unchanged, cached)': [[BIN, 'check'], CACHED],
  'diptych align (seed texts, no cache)': [[BIN, 'align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt'], OFF],
  'diptych align (seed texts, cached)': [[BIN, 'align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt'], CACHED],
  'diptych build': [[BIN, 'build', '--quiet']],
  // The same eval through npx: npm's own start-up on top (what the README's `npx diptych …` costs).
  'npx diptych eval examples/compliant.json': [['npx', 'diptych', 'eval', 'examples/compliant.json']],
}

export function benchLatency(runs = 9) {
  const samples = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, []]))
  for (let run = 0; run < runs + 1; run++) {
    for (const [name, [args, env = {}]] of Object.entries(COMMANDS)) {
      const start = performance.now()
      const [command, rest] = args[0] === 'npx' ? ['npx', args.slice(1)] : [process.execPath, args]
      const result = spawnSync(command, rest, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } })
      const ms = performance.now() - start
      if (result.status === null || result.status > 1) throw new Error(`${name} failed with ${result.status}`)
      if (run > 0) samples[name].push(ms)
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const base = median(samples['node -e 0'])
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, { medianMs: Math.round(median(values)), ratio: +(median(values) / base).toFixed(2), runs: values.length }]))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, r] of Object.entries(benchLatency())) console.log(`${name.padEnd(40)} ${String(r.medianMs).padStart(5)} ms  ${r.ratio}x node`)
}
