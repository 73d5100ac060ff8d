// Eval: judge app profiles against a policy's rules, one profile file or an NDJSON batch streamed line by line.
import { stat } from 'node:fs/promises'
import { type VFileMessage, diagnostic, fail } from '../diagnostics/index.js'
import type { Engine } from '../report/engine.js'
import { type CompactReport, type ComplianceReport, judge, judgeCompact } from '../report/evaluate.js'
import { loadFastEngine } from '../report/fast-engine.js'
import { checkProfileFile, decodeLine, formatBytes, inspectProfile, parseProfile, readProfileText } from '../report/profiles.js'
import { readLines } from '../util/lines.js'
import { LIMITS } from '../util/limits.js'

export { isBatch } from '../report/profiles.js'

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

/** Judge the profile in one file (bad input is one positioned diagnostic a problem, thrown). */
export async function evalProfile(engine: Engine, path: string, display: string): Promise<EvalResult> {
  const profile = parseProfile(engine, await readProfileText(path, display), display)
  const report = judge(engine, profile)
  const name = profile !== null && typeof profile === 'object' ? (profile as { name?: unknown }).name : undefined
  return { report, subject: typeof name === 'string' ? name : display }
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
