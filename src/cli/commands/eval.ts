// `diptych eval <profile.json|profiles.ndjson>`: judge app profiles against a policy's rules.
import { resolve } from 'node:path'
import { fail, formatOneLine } from '../../diagnostics/index.js'
import { evalBatch, evalProfile, isBatch, loadPolicyEngine, reportLanguage } from '../../usecases/eval.js'
import { emit } from '../formats/index.js'
import { ndjsonLine } from '../formats/ndjson.js'
import { type CommandContext, displayPath, writeChunk } from '../io.js'

export async function runEval(context: CommandContext): Promise<number> {
  const input = resolve(context.cwd, context.positionals[0]!)
  const display = displayPath(input, context.cwd)
  const format = String(context.options['format'] ?? 'text')
  const engine = await loadPolicyEngine(context.root, context.policy)
  const lang = reportLanguage(engine, context.options['lang'] as string | undefined)
  if (isBatch(input)) {
    if (format !== 'text' && format !== 'json' && format !== 'ndjson') fail(`Unexpected --format ${format} for NDJSON input, expected json (one report a line)`, { file: '<arguments>', ruleId: 'cli/usage' })
    return runBatch(context, input, display, engine)
  }
  const { report, subject } = await evalProfile(engine, input, display)
  await emit(format, 'eval', { report, lang, locales: engine.catalogue.locales, display, subject, docs: String(context.options['docs'] ?? 'index.html') }, context)
  return report.summary.violated > 0 ? 1 : 0
}

/** A batch: one compact JSON report a line on stdout, gathered into chunks of about 256 kB; bad lines on stderr. */
async function runBatch(context: CommandContext, input: string, display: string, engine: Awaited<ReturnType<typeof loadPolicyEngine>>): Promise<number> {
  const progress = context.stderr.isTTY === true
  let buffer = ''
  let lastDraw = 0
  const flush = async () => {
    if (buffer === '') return
    const chunk = buffer
    buffer = ''
    await writeChunk(context.stdout, chunk)
  }
  let result
  try {
    result = await evalBatch(engine, input, display, {
      report: (report, line) => {
        buffer += ndjsonLine(report, line)
        return buffer.length > 262_144 ? flush() : undefined
      },
      reject: (message) => context.stderr.write(`diptych: ${formatOneLine(message)}\n`),
      progress: progress
        ? (fraction, judged) => {
            if (Date.now() - lastDraw <= 100) return
            lastDraw = Date.now()
            const width = 30
            context.stderr.write(`\r[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${judged} profiles`)
          }
        : undefined,
    })
  } finally {
    // Whatever happens, the reports of the lines judged so far are written.
    await flush()
  }
  if (progress) context.stderr.write('\r' + ' '.repeat(60) + '\r')
  const { judged, violated, invalid } = result
  context.stderr.write(`diptych eval: ${judged} profiles judged, ${violated} with violations${invalid ? `, ${invalid} invalid` : ''}\n`)
  return invalid > 0 ? 2 : violated > 0 ? 1 : 0
}
