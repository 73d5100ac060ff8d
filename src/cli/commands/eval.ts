// `diptych eval <profile.json|profiles.ndjson|->...`: judge app profiles against a policy's rules.
import { resolve } from 'node:path'
import { DiagnosticsError, fail, formatOneLine, formatWithExcerpt, isDiagnostic } from '../../diagnostics/index.js'
import {
  type EvalResult,
  type FailOn,
  evalProfile,
  evalProfileCompact,
  evalProfileText,
  failsOn,
  isBatch,
  judgeNdjsonFile,
  loadPolicyEngine,
  readProfileStream,
  readProfileText,
  reportLanguage,
  reportLine,
} from '../../usecases/eval.js'
import { emit } from '../formats/index.js'
import { type CommandContext, displayPath, inform, writeChunk } from '../io.js'

type Engine = Awaited<ReturnType<typeof loadPolicyEngine>>

/** One input: a file, or standard input (`-`). */
type Source = { path: string; display: string } | { path?: undefined; display: string }

/** How standard input is named in messages and reports. */
const STDIN = '<stdin>'

export async function runEval(context: CommandContext): Promise<number> {
  const format = String(context.options['format'] ?? 'text')
  const failOn = String(context.options['fail-on'] ?? 'violated') as FailOn
  const sources: Source[] = context.positionals.map((arg) => {
    if (arg === '-') return { display: STDIN }
    const path = resolve(context.cwd, arg)
    return { path, display: displayPath(path, context.cwd) }
  })
  if (sources.filter((source) => source.path === undefined).length > 1) {
    fail('Unexpected `-` more than once, expected standard input once', { file: '<arguments>', ruleId: 'cli/usage' })
  }
  const batch = sources.some((source) => source.path !== undefined && isBatch(source.path))
  if (batch && format !== 'text' && format !== 'json' && format !== 'ndjson') {
    fail(`Unexpected --format ${format} for NDJSON input, expected json (one report a line)`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (sources.length > 1 && format === 'html') {
    fail(`Unexpected --format html for ${sources.length} profiles, expected one profile (one page)`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  const engine = await loadPolicyEngine(context.root, context.policy)
  if (batch) return runBatch(context, sources, engine, failOn)
  const lang = reportLanguage(engine, context.options['lang'] as string | undefined)
  const judge = async (source: Source): Promise<EvalResult> =>
    source.path === undefined ? evalProfileText(engine, await readProfileStream(context.stdin, source.display), source.display) : evalProfile(engine, source.path, source.display)
  if (sources.length === 1) {
    const [{ display }] = sources as [Source]
    const { report, subject } = await judge(sources[0]!)
    await emit(format, 'eval', { report, lang, locales: engine.catalogue.locales, display, subject, docs: String(context.options['docs'] ?? 'index.html') }, context)
    return failsOn(report.summary, failOn) ? 1 : 0
  }
  // Several profiles: a bad one is reported and the others are judged, as a batch goes on after a bad line.
  const reports: Array<EvalResult & { display: string }> = []
  let invalid = 0
  for (const source of sources) {
    try {
      reports.push({ ...(await judge(source)), display: source.display })
    } catch (error) {
      if (!printProblem(context, error)) throw error
      invalid++
    }
  }
  await emit(format, 'evals', { reports, lang }, context)
  const failed = reports.filter(({ report }) => failsOn(report.summary, failOn)).length
  const violated = reports.filter(({ report }) => report.summary.violated > 0).length
  inform(context, summaryLine(reports.length, violated, failed, invalid, failOn))
  return invalid > 0 ? 2 : failed > 0 ? 1 : 0
}

/** The last line of a run of several profiles. */
function summaryLine(judged: number, violated: number, failed: number, invalid: number, failOn: FailOn): string {
  const failing = failOn === 'violated' ? '' : `, ${failed} failing --fail-on ${failOn}`
  return `diptych eval: ${judged} profile${judged === 1 ? '' : 's'} judged, ${violated} with violations${failing}${invalid ? `, ${invalid} invalid` : ''}\n`
}

/** Print a bad input's diagnostics as `main` prints them; false when `error` is not one. */
function printProblem(context: CommandContext, error: unknown): boolean {
  if (error instanceof DiagnosticsError) {
    for (const message of error.messages) context.stderr.write(formatWithExcerpt(message, error.sources.get(message.file ?? '')) + '\n')
    return true
  }
  if (!isDiagnostic(error)) return false
  context.stderr.write(`diptych: ${formatOneLine(error)}\n`)
  if (error.note) context.stderr.write(`  ${error.note}\n`)
  return true
}

/**
 * A batch: one compact JSON report a line on stdout, gathered into chunks of about 256 kB; bad lines on stderr. With
 * several inputs each line names its file, and a single profile among them is judged as one line of a batch.
 */
async function runBatch(context: CommandContext, sources: readonly Source[], engine: Engine, failOn: FailOn): Promise<number> {
  const progress = context.stderr.isTTY === true && !context.quiet
  const several = sources.length > 1
  const locales = batchLanguages(engine, context.options['lang'] as string | undefined)
  const jobs = jobsOption(context.options['jobs'] as string | undefined)
  let buffer = ''
  let lastDraw = 0
  let failed = 0
  const flush = async () => {
    if (buffer === '') return
    const chunk = buffer
    buffer = ''
    await writeChunk(context.stdout, chunk)
  }
  const total = { judged: 0, violated: 0, invalid: 0 }
  try {
    for (const source of sources) {
      const file = several ? source.display : undefined
      if (source.path !== undefined && isBatch(source.path)) {
        const result = await judgeNdjsonFile(engine, { root: context.root, policy: context.policy }, source.path, source.display, { locales, failOn, file, jobs }, {
          write: (text) => {
            buffer += text
            return buffer.length > 65_536 ? flush() : undefined
          },
          reject: (problem) => context.stderr.write(`diptych: ${problem}\n`),
          progress: progress
            ? (fraction, judged) => {
                if (Date.now() - lastDraw <= 100) return
                lastDraw = Date.now()
                const width = 30
                context.stderr.write(`\r[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${judged} profiles`)
              }
            : undefined,
        })
        failed += result.failed
        total.judged += result.judged
        total.violated += result.violated
        total.invalid += result.invalid
        continue
      }
      try {
        const text = source.path === undefined ? await readProfileStream(context.stdin, source.display) : await readProfileText(source.path, source.display)
        const report = evalProfileCompact(engine, text, source.display, locales)
        total.judged++
        if (report.summary.violated > 0) total.violated++
        if (failsOn(report.summary, failOn)) failed++
        buffer += reportLine(report, 1, file)
      } catch (error) {
        if (!printProblem(context, error)) throw error
        total.invalid++
      }
    }
  } finally {
    // Whatever happens, the reports of the lines judged so far are written.
    await flush()
  }
  if (progress) context.stderr.write('\r' + ' '.repeat(60) + '\r')
  inform(context, summaryLine(total.judged, total.violated, failed, total.invalid, failOn))
  return total.invalid > 0 ? 2 : failed > 0 ? 1 : 0
}

/** The languages of a batch's messages: `--lang en` or `--lang en,nl` (each a language of the policy), by default the reference. */
function batchLanguages(engine: Engine, lang: string | undefined): string[] {
  if (lang === undefined || lang === '') return [engine.catalogue.reference]
  return [...new Set(lang.split(',').map((code) => reportLanguage(engine, code.trim())))]
}

/** `--jobs N`: worker threads for NDJSON input (default: one a core). */
function jobsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^[1-9]\d{0,2}$/.test(value)) fail(`Invalid --jobs ${value}, expected a whole number of threads from 1 to 999`, { file: '<arguments>', ruleId: 'cli/usage' })
  return Number(value)
}
