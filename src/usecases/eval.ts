// Eval: judge app profiles against a policy's rules, one profile file or an NDJSON batch streamed line by line.
import { stat } from 'node:fs/promises'
import { type VFileMessage, diagnostic, fail } from '../diagnostics/index.js'
import type { Engine } from '../report/engine.js'
import { type CompactReport, type ComplianceReport, judge, judgeCompact } from '../report/evaluate.js'
import { loadFastEngine } from '../report/fast-engine.js'
import { checkProfileFile, decodeLine, formatBytes, inspectProfile, parseProfile, readProfileText } from '../report/profiles.js'
import type { Status } from '../dsl/semantics.js'
import { readLines } from '../util/lines.js'
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

/** The statuses a run fails on (`--fail-on`): each takes in those before it, so `attest` fails on all three. */
export const FAIL_ON = ['violated', 'unknown', 'attest'] as const satisfies readonly Status[]

/** What makes a run fail (exit code 1): a rule violated (the default), also one lacking facts, also one asking for an attestation. */
export type FailOn = (typeof FAIL_ON)[number]

/** Whether a report's counts fail the run: a rule with a status up to `failOn` (violated < unknown < attest). */
export function failsOn(summary: Readonly<Record<Status, number>>, failOn: FailOn = 'violated'): boolean {
  return FAIL_ON.slice(0, FAIL_ON.indexOf(failOn) + 1).some((status) => summary[status] > 0)
}

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
export function evalProfileCompact(engine: Engine, text: string, display: string): CompactReport {
  return judgeCompact(engine, parseProfile(engine, text, display), new Uint8Array(engine.rules.program.rules.length))
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
  /** Bytes read so far of the file's size, and profiles judged (called every 1,024 lines). */
  progress?: ((fraction: number, judged: number) => void) | undefined
}

/** The counts of a batch. */
export interface BatchResult {
  judged: number
  /** Profiles with a rule violated. */
  violated: number
  invalid: number
}

/** Judge one profile a line, streaming: constant memory whatever the file's size. One bad line never stops the run. */
export async function evalBatch(engine: Engine, path: string, display: string, sink: BatchSink): Promise<BatchResult> {
  await checkProfileFile(path, display)
  const size = (await stat(path)).size
  const out = new Uint8Array(engine.rules.program.rules.length)
  let bytes = 0
  let invalid = 0
  let violated = 0
  let judged = 0
  const reject = (message: VFileMessage) => sink.reject(message)
  for await (const line of readLines(path, LIMITS.profileBytes)) {
    const { number } = line
    bytes += line.size
    if (line.bytes === undefined) {
      invalid++
      reject(diagnostic(`Line too long: more than ${formatBytes(LIMITS.profileBytes)}, the limit of one profile`, { file: display, line: number, column: 1, ruleId: 'eval/too-large', fatal: true }))
      continue
    }
    let text = decodeLine(line.bytes, display, number)
    if (typeof text !== 'string') {
      invalid++
      reject(text)
      continue
    }
    if (number === 1) text = text.replace(/^\uFEFF/, '')
    if (text.trim() === '') continue
    const inspected = inspectProfile(engine, text, display, number)
    if (inspected.problems.length > 0) {
      invalid++
      for (const problem of inspected.problems) reject(problem)
      continue
    }
    const report = judgeCompact(engine, inspected.profile, out)
    judged++
    if (report.summary.violated > 0) violated++
    const waiting = sink.report(report, number)
    if (waiting) await waiting
    if (sink.progress && (number & 1023) === 0) sink.progress(size > 0 ? Math.min(1, bytes / size) : 1, judged)
  }
  return { judged, violated, invalid }
}
