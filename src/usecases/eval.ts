// Eval: judge app profiles against a policy's rules, one profile file or an NDJSON batch streamed line by line.
import { stat } from 'node:fs/promises'
import { type VFileMessage, fail } from '../diagnostics/index.js'
import type { Engine } from '../report/engine.js'
import { type CompactReport, type ComplianceReport, judge, judgeCompact } from '../report/evaluate.js'
import { loadFastEngine } from '../report/fast-engine.js'
import { checkProfileFile, formatBytes, parseProfile, readProfileText } from '../report/profiles.js'
import { judgeLine, lineTooLong } from './batch.js'
import { linesOf, readLineBlocks } from '../util/lines.js'
import { LIMITS } from '../util/limits.js'
import { decodeUtf8 } from '../util/utf8.js'

export { isBatch, readProfileText } from '../report/profiles.js'

/**
 * The engine of a policy: the built artefacts (`predicates.js` and the profile validator) when they are current;
 * otherwise the rules are loaded, checked and compiled from source.
 */
export async function loadPolicyEngine(root: string, policy: string): Promise<Engine> {
  return (await loadFastEngine(root, policy)) ?? (await (await import('../report/engine.js')).loadEngine(root, policy))
}

/** The language a report is written in: `lang`, which the catalogue must have, or the policy's reference. */
export function reportLanguage(engine: Engine, lang: string | undefined): string {
  const chosen = lang || engine.catalogue.reference
  if (!engine.catalogue.locales.includes(chosen)) {
    fail(`Unknown language \`${chosen}\`, expected ${engine.catalogue.locales.map((l) => `\`${l}\``).join(' or ')}`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  return chosen
}

/** What {@link evalProfile} found about one profile. */
export interface EvalResult {
  report: ComplianceReport
  /** The profile's `name`, or the file's. */
  subject: string
}

export { FAIL_ON, type FailOn, failsOn, judgeNdjsonFile, reportLine } from './batch.js'

/** Judge the profile in one file (bad input is one positioned diagnostic a problem, thrown). */
export async function evalProfile(engine: Engine, path: string, display: string): Promise<EvalResult> {
  return evalProfileText(engine, await readProfileText(path, display), display)
}

/** Judge one profile given as text (read from standard input, say): `display` names it in messages. */
export function evalProfileText(engine: Engine, text: string, display: string): EvalResult {
  const profile = parseProfile(engine, text, display)
  const report = judge(engine, profile)
  const name = profile !== null && typeof profile === 'object' ? (profile as { name?: unknown }).name : undefined
  return { report, subject: typeof name === 'string' ? name : display }
}

/** Judge one profile given as text, as a batch judges a line (no clause texts): for runs of several inputs that include a batch. */
export function evalProfileCompact(engine: Engine, text: string, display: string, locales?: readonly string[]): CompactReport {
  return judgeCompact(engine, parseProfile(engine, text, display), new Uint8Array(engine.rules.program.rules.length), locales)
}

/**
 * The text of the one profile a stream holds (standard input for `eval -`): read to its end, at most
 * {@link LIMITS.profileBytes}, strict UTF-8, a byte order mark dropped.
 */
export async function readProfileStream(stream: AsyncIterable<string | Uint8Array>, display: string): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    size += bytes.length
    if (size > LIMITS.profileBytes) {
      fail(`Profile too large: more than ${formatBytes(LIMITS.profileBytes)}, the limit of one profile`, { file: display, ruleId: 'eval/too-large', note: 'Give a batch as an NDJSON file, one profile a line.' })
    }
    chunks.push(bytes)
  }
  return decodeUtf8(Buffer.concat(chunks, size), display).replace(/^\uFEFF/, '')
}

/** Where a batch's results go, as they are produced. */
export interface BatchSink {
  /** One judged profile: its compact report and its line. A promise makes the batch wait (back-pressure). */
  report(report: CompactReport, line: number): void | Promise<void>
  /** One bad line (the run goes on with the next). */
  reject(message: VFileMessage): void
  /** Bytes read so far of the file's size, and profiles judged (called once a block of about 1 MiB). */
  progress?: ((fraction: number, judged: number) => void) | undefined
}

/** The counts of a batch. */
export interface BatchResult {
  judged: number
  /** Profiles with a rule violated. */
  violated: number
  invalid: number
}

/**
 * Judge one profile a line, streaming, in this thread, each report to the sink: constant memory whatever the file's
 * size. One bad line never stops the run. (The command line judges large files on every core: `judgeNdjsonFile`.)
 */
export async function evalBatch(engine: Engine, path: string, display: string, sink: BatchSink, options: { locales?: readonly string[] } = {}): Promise<BatchResult> {
  await checkProfileFile(path, display)
  const size = (await stat(path)).size
  const out = new Uint8Array(engine.rules.program.rules.length)
  const locales = options.locales ?? engine.catalogue.locales
  const result: BatchResult = { judged: 0, violated: 0, invalid: 0 }
  let covered = 0
  for await (const block of readLineBlocks(path, LIMITS.profileBytes)) {
    for (const { number, bytes } of linesOf(block)) {
      const judged = bytes === undefined ? { problems: [lineTooLong(display, number)] } : judgeLine(engine, bytes, number, display, out, locales)
      if (judged === undefined) continue
      if (judged.problems) {
        result.invalid++
        for (const problem of judged.problems) sink.reject(problem)
        continue
      }
      result.judged++
      if (judged.report.summary.violated > 0) result.violated++
      const waiting = sink.report(judged.report, number)
      if (waiting) await waiting
    }
    covered += block.size
    sink.progress?.(size > 0 ? Math.min(1, covered / size) : 1, result.judged)
  }
  return result
}
