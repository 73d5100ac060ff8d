#!/usr/bin/env node
// `diptych eval` of large NDJSON files (100,000 and 1,000,000 profiles), each run in its own process: wall time,
// profiles per second and peak memory (which should not grow with the input), on one thread (`--jobs 1`) and on every
// core; and the floor: the same file merely read, split into lines and `JSON.parse`d, in one thread. The ratio per
// core is the run's time times its threads over the floor's time: 1 means judging costs no more than parsing.
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
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

/** The floor: read the file in 1 MiB chunks, split on LF and JSON.parse each line, in a child process. */
function floorOf(path) {
  const script = `
    import { createReadStream } from 'node:fs'
    const start = performance.now()
    let carry = null, lines = 0
    for await (const read of createReadStream(${JSON.stringify(path)}, { highWaterMark: 1 << 20 })) {
      const chunk = carry ? Buffer.concat([carry, read]) : read
      let from = 0
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, from)) {
        if (JSON.parse(chunk.toString('utf8', from, end)) !== null) lines++
        from = end + 1
      }
      carry = from < chunk.length ? chunk.subarray(from) : null
    }
    process.stdout.write(JSON.stringify({ lines, ms: performance.now() - start }))
  `
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))
}

/** Run `diptych eval <file> --jobs N` in a child process; returns wall time and its peak RSS. */
function evalFile(path, jobs) {
  const script = `
    import { createWriteStream } from 'node:fs'
    const { main } = await import(${JSON.stringify(`${ROOT}dist/cli/main.js`)})
    const start = performance.now()
    const stdout = createWriteStream('/dev/null')
    const code = await main({ argv: ['eval', ${JSON.stringify(path)}, '--jobs', ${JSON.stringify(String(jobs))}], stdout, stderr: { write(text) { if (process.env.BENCH_STDERR) process.stderr.write(text) } }, cwd: ${JSON.stringify(ROOT)} })
    await new Promise((resolve) => stdout.end(resolve))
    process.stdout.write(JSON.stringify({ code, ms: performance.now() - start, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }))
  `
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT }))
}

export async function benchNdjson(sizes = [100_000, 1_000_000]) {
  const folder = await mkdtemp(join(tmpdir(), 'diptych-ndjson-'))
  const cores = availableParallelism()
  const results = []
  try {
    for (const count of sizes) {
      const path = join(folder, `profiles-${count}.ndjson`)
      await writeNdjson(path, count)
      const { size } = await stat(path)
      const floor = floorOf(path)
      if (floor.lines !== count) throw new Error(`floor read ${floor.lines} lines of ${count}`)
      for (const jobs of cores > 1 ? [1, cores] : [1]) {
        const run = evalFile(path, jobs)
        if (run.code !== 1) throw new Error(`diptych eval ended with exit code ${run.code} (expected 1: some profiles violate rules, none is invalid)`)
        results.push({
          profiles: count,
          megabytes: Math.round(size / 1048576),
          jobs,
          seconds: +(run.ms / 1000).toFixed(2),
          profilesPerSecond: Math.round(count / (run.ms / 1000)),
          peakRssMiB: run.peakRssMiB,
          floorSeconds: +(floor.ms / 1000).toFixed(2),
          perCoreRatio: +((run.ms * jobs) / floor.ms).toFixed(2),
        })
      }
      await rm(path)
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return results
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchNdjson(process.argv[2] ? [Number(process.argv[2])] : undefined)) {
    console.log(`${String(r.profiles).padStart(9)} profiles (${r.megabytes} MB), ${r.jobs} thread${r.jobs === 1 ? '' : 's'}: ${r.seconds} s, ${r.profilesPerSecond} profiles/s, peak RSS ${r.peakRssMiB} MiB; floor ${r.floorSeconds} s, ${r.perCoreRatio}x the floor a core`)
  }
}
