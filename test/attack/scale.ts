// How hard the attack harness works: bounded (a few seconds a test) under `npm test`,
// at scale under `npm run fuzz` (FUZZ_SCALE=full), where each harness prints its counts.

/** Whether this run is `npm run fuzz` (at scale) rather than `npm test` (bounded). */
export const FULL = process.env['FUZZ_SCALE'] === 'full'

/** `bounded` iterations under `npm test`, `full` under `npm run fuzz`. */
export function iterations(bounded: number, full: number): number {
  return FULL ? full : bounded
}

/** The seed of a run: fixed under `npm test` (reproducible), `FUZZ_SEED` or the time under `npm run fuzz`. */
export function seed(fixed: number): number {
  const given = process.env['FUZZ_SEED']
  if (given !== undefined && /^\d+$/.test(given)) return Number(given)
  return FULL ? Date.now() % 2 ** 31 : fixed
}

/** Print a harness's counts under `npm run fuzz`, one line a harness, so the scale run can be read at a glance. */
export function report(name: string, counts: Record<string, number>): void {
  if (!FULL) return
  const parts = Object.entries(counts).map(([key, value]) => `${key} ${value.toLocaleString('en')}`)
  console.log(`fuzz ${name}: ${parts.join(', ')}`)
}

/**
 * Milliseconds of CPU a call takes (this process's user and system time, so that other processes on a shared machine,
 * which take the CPU away from it, do not count; the collector's threads do).
 */
export function timeOf(run: () => unknown): number {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** {@link timeOf} for asynchronous work. */
export async function timeOfAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  await run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** The outcome of a growth test: the size `n` measured (after calibration), the best times at n and 4n, their ratio. */
export interface Growth {
  n: number
  small: number
  large: number
  ratio: number
}

/** Runs at each size for one measurement; the best counts. */
const RUNS = 5

/**
 * Growth test: the CPU time at 4n must stay within {@link GROWTH_LIMIT} of the time at n (linear work gives 4x;
 * quadratic 16x). CPU time, not the clock's, so that other processes do not count; each size runs once to warm up,
 * then the two sizes run in turn, {@link RUNS} times each, and the best of each counts; while the ratio is over the limit it is measured again (three times in all), since a busy machine can
 * slow a run down but quadratic work is over the limit every time.
 */
export function growth(make: (n: number) => () => unknown, n: number): Growth {
  const size = n
  const small = make(size)
  const large = make(4 * size)
  small()
  large()
  let result: Growth | undefined
  for (let attempt = 0; attempt < 3 && (result === undefined || result.ratio > GROWTH_LIMIT); attempt++) {
    let [a, b] = [Infinity, Infinity]
    for (let run = 0; run < RUNS; run++) {
      a = Math.min(a, timeOf(small))
      b = Math.min(b, timeOf(large))
    }
    a = Math.max(a, 0.5)
    if (result === undefined || b / a < result.ratio) result = { n: size, small: a, large: b, ratio: b / a }
  }
  return result!
}

/** {@link growth} for asynchronous work (a command run in-process, an import). */
export async function growthAsync(make: (n: number) => () => Promise<unknown>, n: number): Promise<Growth> {
  const size = n
  const small = make(size)
  const large = make(4 * size)
  await small()
  await large()
  let result: Growth | undefined
  for (let attempt = 0; attempt < 3 && (result === undefined || result.ratio > GROWTH_LIMIT); attempt++) {
    let [a, b] = [Infinity, Infinity]
    for (let run = 0; run < RUNS; run++) {
      a = Math.min(a, await timeOfAsync(small))
      b = Math.min(b, await timeOfAsync(large))
    }
    a = Math.max(a, 0.5)
    if (result === undefined || b / a < result.ratio) result = { n: size, small: a, large: b, ratio: b / a }
  }
  return result!
}

/** The bound the issue sets for growth tests: 4n may take at most 6 times n. */
export const GROWTH_LIMIT = 6

/** A seeded generator of numbers in [0, 1) (mulberry32), so every bounded run sees the same inputs. */
export function random(start: number): () => number {
  let state = start >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
