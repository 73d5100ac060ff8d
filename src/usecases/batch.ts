// A batch of profiles, one a line of an NDJSON file: each line judged to one compact report line, in blocks of lines,
// in this thread or on worker threads (batch-worker.ts), the output in the order of the input and memory bounded.
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type VFileMessage, diagnostic, formatOneLine } from '../diagnostics/index.js'
import type { Engine } from '../report/engine.js'
import { type CompactReport, judgeCompact } from '../report/evaluate.js'
import { checkProfileFile, decodeLine, formatBytes, inspectProfile } from '../report/profiles.js'
import type { Status } from '../dsl/semantics.js'
import { LIMITS } from '../util/limits.js'
import { type LineBlock, linesOf, readLineBlocks } from '../util/lines.js'

/** The statuses a run fails on (`--fail-on`): each takes in those before it, so `attest` fails on all three. */
export const FAIL_ON = ['violated', 'unknown', 'attest'] as const satisfies readonly Status[]

/** What makes a run fail (exit code 1): a rule violated (the default), also one lacking facts, also one asking for an attestation. */
export type FailOn = (typeof FAIL_ON)[number]

/** Whether a report's counts fail the run: a rule with a status up to `failOn` (violated < unknown < attest). */
export function failsOn(summary: Readonly<Record<Status, number>>, failOn: FailOn = 'violated'): boolean {
  if (summary.violated > 0) return true
  return failOn !== 'violated' && (summary.unknown > 0 || (failOn === 'attest' && summary.attest > 0))
}

/** One line of a batch judged: nothing (a blank line), its problems (one line each), or its report. */
export type LineOutcome = undefined | { problems: VFileMessage[]; report?: undefined } | { report: CompactReport; problems?: undefined }

/**
 * Judge one line's bytes (without its LF): strict UTF-8, a byte order mark dropped on line 1, a blank line skipped,
 * then parsed, held to the limits and validated (every problem at its line and column), then judged, the messages of
 * violated rules in `locales`. `out` is the status buffer, reused from line to line.
 */
export function judgeLine(engine: Engine, bytes: Buffer, number: number, display: string, out: Uint8Array, locales: readonly string[]): LineOutcome {
  let text = decodeLine(bytes, display, number)
  if (typeof text !== 'string') return { problems: [text] }
  if (number === 1) text = text.replace(/^\uFEFF/, '')
  if (text.trim() === '') return undefined
  const inspected = inspectProfile(engine, text, display, number)
  if (inspected.problems.length > 0) return { problems: inspected.problems }
  return { report: judgeCompact(engine, inspected.profile, out, locales) }
}

/** The problem of a line over the limit of one profile. */
export function lineTooLong(display: string, line: number): VFileMessage {
  return diagnostic(`Line too long: more than ${formatBytes(LIMITS.profileBytes)}, the limit of one profile`, { file: display, line, column: 1, ruleId: 'eval/too-large', fatal: true })
}

/** How a batch is judged and written. */
export interface BatchOptions {
  /** The languages of the violation messages (default: every language of the policy). */
  locales?: readonly string[] | undefined
  /** What fails the run (counted in `failed`). */
  failOn?: FailOn | undefined
  /** The file's name on every report line (for runs of several files); none by default. */
  file?: string | undefined
  /** Worker threads (default: one a core; 1 judges in this thread). Small files are judged in this thread. */
  jobs?: number | undefined
}

/** The counts of a batch. */
export interface BlockCounts {
  judged: number
  /** Profiles with a rule violated. */
  violated: number
  invalid: number
  /** Profiles that fail the run (`failOn`). */
  failed: number
}

/** A block judged: its report lines (NDJSON text, in order), its problems as one-line texts, and its counts. */
export interface BlockOutcome extends BlockCounts {
  text: string
  problems: string[]
}

/** One report line of a batch, as JSON (the same text as `JSON.stringify({ file?, line, ...report })`, built faster). */
export function reportLine(report: CompactReport, line: number, file: string | undefined): string {
  const { summary } = report
  let text = file === undefined ? `{"line":${line}` : `{"file":${JSON.stringify(file)},"line":${line}`
  text += `,"summary":{"violated":${summary.violated},"unknown":${summary.unknown},"attest":${summary.attest},"satisfied":${summary.satisfied},"not-applicable":${summary['not-applicable']},"rules":${summary.rules}},"violated":[`
  report.violated.forEach((verdict, index) => {
    text += `${index === 0 ? '' : ','}{"rule":${JSON.stringify(verdict.rule)},"clause":${JSON.stringify(verdict.clause)},"message":${JSON.stringify(verdict.message)}}`
  })
  text += '],"unknown":['
  report.unknown.forEach((verdict, index) => {
    text += `${index === 0 ? '' : ','}{"rule":${JSON.stringify(verdict.rule)},"missing":${JSON.stringify(verdict.missing)}}`
  })
  return `${text}],"attest":${JSON.stringify(report.attest)}}\n`
}

/** Judge a block of lines: one report line a profile, one-line problems for bad lines. Pure: the same block, the same outcome. */
export function judgeBlock(engine: Engine, block: Pick<LineBlock, 'first' | 'bytes' | 'tooLong'>, display: string, options: BatchOptions): BlockOutcome {
  const locales = options.locales ?? engine.catalogue.locales
  const out = new Uint8Array(engine.rules.program.rules.length)
  const outcome: BlockOutcome = { text: '', problems: [], judged: 0, violated: 0, invalid: 0, failed: 0 }
  for (const { number, bytes } of linesOf(block)) {
    if (bytes === undefined) {
      outcome.invalid++
      outcome.problems.push(formatOneLine(lineTooLong(display, number)))
      continue
    }
    const judged = judgeLine(engine, bytes, number, display, out, locales)
    if (judged === undefined) continue
    if (judged.problems) {
      outcome.invalid++
      for (const problem of judged.problems) outcome.problems.push(formatOneLine(problem))
      continue
    }
    const { report } = judged
    outcome.judged++
    if (report.summary.violated > 0) outcome.violated++
    if (failsOn(report.summary, options.failOn)) outcome.failed++
    outcome.text += reportLine(report, number, options.file)
  }
  return outcome
}

/** Where a batch's output goes, in the order of the input. */
export interface BlockSink {
  /** Report lines; a promise makes the batch wait (back-pressure). */
  write(text: string): void | Promise<void>
  /** One problem, as one line (the run goes on with the next line). */
  reject(problem: string): void
  /** The fraction of the file's bytes judged, and profiles judged (about once a block). */
  progress?: ((fraction: number, judged: number) => void) | undefined
}

/** Where the engine of worker threads comes from: the same project and policy as the caller's engine. */
export interface EngineSource {
  root: string
  policy: string
}

/** Blocks of about 1 MiB; fewer than {@link PARALLEL_BYTES} of input is judged in this thread (workers take time to start). */
const BLOCK_BYTES = 1 << 20
const PARALLEL_BYTES = 4 << 20
/** Blocks in flight a worker (one judged while the next waits). */
const IN_FLIGHT = 2

/** The worker script beside this module: present in the built package; absent when running from TypeScript sources. */
const WORKER = fileURLToPath(new URL('./batch-worker.js', import.meta.url))

/** How many worker threads a batch of `size` bytes gets (1: this thread). */
export async function batchJobs(size: number, jobs: number | undefined): Promise<number> {
  // Loaded here, not with the module: `eval` of one profile needs neither (each costs its start-up a millisecond or two).
  const wanted = jobs ?? (await import('node:os')).availableParallelism()
  if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`Invalid number of jobs: ${wanted}`)
  return wanted > 1 && size >= PARALLEL_BYTES && existsSync(WORKER) ? wanted : 1
}

/**
 * Judge an NDJSON file, one profile a line, streaming with bounded memory whatever the file's size; one bad line
 * never stops the run. On worker threads (each loads the engine of `source` once) when the file is large and more
 * than one job is asked; the output is in the order of the input either way.
 */
export async function judgeNdjsonFile(engine: Engine, source: EngineSource, path: string, display: string, options: BatchOptions, sink: BlockSink): Promise<BlockCounts> {
  await checkProfileFile(path, display)
  const size = (await stat(path)).size
  const jobs = await batchJobs(size, options.jobs)
  const total: BlockCounts = { judged: 0, violated: 0, invalid: 0, failed: 0 }
  let covered = 0
  const deliver = async (outcome: BlockOutcome, blockSize: number) => {
    total.judged += outcome.judged
    total.violated += outcome.violated
    total.invalid += outcome.invalid
    total.failed += outcome.failed
    for (const problem of outcome.problems) sink.reject(problem)
    if (outcome.text !== '') await sink.write(outcome.text)
    covered += blockSize
    sink.progress?.(size > 0 ? Math.min(1, covered / size) : 1, total.judged)
  }
  const blocks = readLineBlocks(path, LIMITS.profileBytes, BLOCK_BYTES)
  if (jobs === 1) {
    for await (const block of blocks) await deliver(judgeBlock(engine, block, display, options), block.size)
    return total
  }
  await inWorkers(jobs, { ...source, display, options: { ...options, jobs: 1 } }, blocks, deliver)
  return total
}

/** What a worker is started with. */
export interface WorkerSetup extends EngineSource {
  display: string
  options: BatchOptions
}

/** A worker's answer to a block: its outcome, or the message of the error that stopped it. */
export type WorkerAnswer = { outcome: BlockOutcome } | { error: string }

/**
 * Judge blocks on `jobs` worker threads: block k goes to worker k mod jobs, each worker answers in order, so the
 * outcomes are delivered in block order; at most {@link IN_FLIGHT} blocks a worker are read ahead.
 */
async function inWorkers(jobs: number, setup: WorkerSetup, blocks: AsyncIterable<LineBlock>, deliver: (outcome: BlockOutcome, size: number) => Promise<void>): Promise<void> {
  // The process's flags, but `--input-type` (for `node -e` text): a worker is a file and refuses to start with it.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'))
  const { Worker } = await import('node:worker_threads')
  const workers = Array.from({ length: jobs }, () => new Worker(WORKER, { workerData: setup, execArgv }))
  // Per worker, the blocks sent and not yet answered, oldest first: their sizes and how to settle them.
  const waiting = workers.map(() => [] as Array<{ resolve(answer: WorkerAnswer): void; reject(error: Error): void }>)
  workers.forEach((worker, index) => {
    worker.on('message', (answer: WorkerAnswer) => waiting[index]!.shift()?.resolve(answer))
    const stop = (error: Error) => {
      for (const entry of waiting[index]!.splice(0)) entry.reject(error)
    }
    worker.on('error', stop)
    worker.on('exit', (code) => stop(new Error(`A batch worker stopped (exit code ${code})`)))
  })
  const queue: Array<{ answer: Promise<WorkerAnswer>; size: number }> = []
  const settle = async () => {
    const { answer, size } = queue.shift()!
    const settled = await answer
    if ('error' in settled) throw new Error(settled.error)
    await deliver(settled.outcome, size)
  }
  try {
    let sent = 0
    for await (const block of blocks) {
      const index = sent++ % jobs
      const answer = new Promise<WorkerAnswer>((resolve, reject) => waiting[index]!.push({ resolve, reject }))
      // Awaited in order below; a worker's error must not be an unhandled rejection meanwhile.
      answer.catch(() => undefined)
      // Moved, not copied: the block's bytes have an ArrayBuffer of their own (readLineBlocks), used no more here.
      workers[index]!.postMessage({ first: block.first, bytes: block.bytes, tooLong: block.tooLong }, [block.bytes.buffer as ArrayBuffer])
      queue.push({ answer, size: block.size })
      if (queue.length >= jobs * IN_FLIGHT) await settle()
    }
    while (queue.length > 0) await settle()
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit')
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
