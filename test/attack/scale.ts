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

/** The outcome of a growth test: the size `n` measured, the best times of one call at n and 4n, their ratio. */
export interface Growth {
  n: number
  small: number
  large: number
  ratio: number
}

/** Runs at each size for one measurement; the best counts. */
const RUNS = 5

/**
 * The least CPU time, in milliseconds, one measurement at n must take: below it a timer's grain, a collection or a
 * shared machine's noise (a millisecond either way) decides the ratio, not the work. A call that runs faster is
 * measured as `repeats` calls in a row, the same number at n and at 4n (the sizes stay those the family names: a
 * larger n would measure the memory system instead).
 */
const MIN_MS = 5
const MAX_REPEATS = 64

/** How many calls in a row make one measurement of `small` take at least {@link MIN_MS}. */
function repeatsFor(once: number): number {
  return Math.min(MAX_REPEATS, Math.max(1, Math.ceil(MIN_MS / Math.max(once, 0.05))))
}

/** `run` called `repeats` times in a row. */
function times<T>(run: () => T, repeats: number): () => T {
  return () => {
    let result!: T
    for (let index = 0; index < repeats; index++) result = run()
    return result
  }
}

/** {@link times} for asynchronous work. */
function timesAsync(run: () => Promise<unknown>, repeats: number): () => Promise<unknown> {
  return async () => {
    for (let index = 0; index < repeats; index++) await run()
  }
}

/**
 * Growth test: the CPU time at 4n must stay within {@link GROWTH_LIMIT} of the time at n (linear work gives 4x;
 * quadratic 16x). CPU time, not the clock's, so that other processes do not count; a call that is too fast to time is
 * measured as several in a row ({@link MIN_MS}); each size runs once to warm up,
 * then the two sizes run in turn, {@link RUNS} times each, and the best of each counts; while the ratio is over the limit it is measured again (three times in all), since a busy machine can
 * slow a run down but quadratic work is over the limit every time.
 */
export function growth(make: (n: number) => () => unknown, n: number): Growth {
  const size = n
  const once = make(size)
  once()
  const repeats = repeatsFor(timeOf(once))
  const small = times(once, repeats)
  const large = times(make(4 * size), repeats)
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
    if (result === undefined || b / a < result.ratio) result = { n: size, small: a / repeats, large: b / repeats, ratio: b / a }
  }
  return result!
}

/** {@link growth} for asynchronous work (a command run in-process, an import). */
export async function growthAsync(make: (n: number) => () => Promise<unknown>, n: number): Promise<Growth> {
  const size = n
  const once = make(size)
  await once()
  const repeats = repeatsFor(await timeOfAsync(once))
  const small = timesAsync(once, repeats)
  const large = timesAsync(make(4 * size), repeats)
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
    if (result === undefined || b / a < result.ratio) result = { n: size, small: a / repeats, large: b / repeats, ratio: b / a }
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
