#!/usr/bin/env node
// `diptych eval` of large NDJSON files (100,000 and 1,000,000 profiles), each run in its own process:
// wall time, profiles per second, and peak memory (which should not grow with the input).
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateProfiles } from './profiles.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Write `count` profiles, one a line (10,000 distinct ones, repeated). */
async function writeNdjson(path, count) {
  const lines = generateProfiles(10_000, 99).map((profile) => JSON.stringify(profile))
  const stream = createWriteStream(path)
  for (let i = 0; i < count; i++) {
    if (!stream.write(lines[i % lines.length] + '\n')) await new Promise((resolve) => stream.once('drain', resolve))
  }
  await new Promise((resolve) => stream.end(resolve))
}

/** Run `diptych eval <file>` in a child process; returns wall time and its peak RSS. */
function evalFile(path) {
  const script = `
    import { createWriteStream } from 'node:fs'
    const { main } = await import(${JSON.stringify(`${ROOT}dist/cli/main.js`)})
    const start = performance.now()
    const stdout = createWriteStream('/dev/null')
    const code = await main({ argv: ['eval', ${JSON.stringify(path)}], stdout, stderr: { write() {} }, cwd: ${JSON.stringify(ROOT)} })
    await new Promise((resolve) => stdout.end(resolve))
    process.stdout.write(JSON.stringify({ code, ms: performance.now() - start, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }))
  `
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT }))
}

export async function benchNdjson(sizes = [100_000, 1_000_000]) {
  const folder = await mkdtemp(join(tmpdir(), 'diptych-ndjson-'))
  const results = []
  try {
    for (const count of sizes) {
      const path = join(folder, `profiles-${count}.ndjson`)
      await writeNdjson(path, count)
      const { size } = await stat(path)
      const run = evalFile(path)
      results.push({ profiles: count, megabytes: Math.round(size / 1048576), seconds: +(run.ms / 1000).toFixed(2), profilesPerSecond: Math.round(count / (run.ms / 1000)), peakRssMiB: run.peakRssMiB, exitCode: run.code })
      await rm(path)
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return results
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchNdjson(process.argv[2] ? [Number(process.argv[2])] : undefined)) {
    console.log(`${String(r.profiles).padStart(9)} profiles (${r.megabytes} MB): ${r.seconds} s, ${r.profilesPerSecond} profiles/s, peak RSS ${r.peakRssMiB} MiB`)
  }
}
