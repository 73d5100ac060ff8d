// `diptych eval <profile.json|profiles.ndjson>`: judge app profiles against a policy's rules.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { createInterface } from 'node:readline'
import { DiagnosticsError, diagnostic, fail, formatOneLine, isDiagnostic } from '../../diagnostics/index.js'
import { loadEngine, type Engine } from '../../report/engine.js'
import { judge, validateProfile } from '../../report/evaluate.js'
import { renderText } from '../../report/render-text.js'
import { jsonLines, lineOf, syntaxErrorPlace } from '../../util/json-lines.js'
import { type CommandContext, writeChunk } from '../io.js'

export async function runEval(context: CommandContext): Promise<number> {
  const input = resolve(context.cwd, context.positionals[0]!)
  const display = displayPath(input, context.cwd)
  const format = String(context.options['format'] ?? 'text')
  const locale = String(context.options['lang'] ?? '')
  const engine = await loadEngine(context.root, context.policy)
  const lang = locale || engine.catalogue.reference
  if (!engine.catalogue.locales.includes(lang)) {
    fail(`Unknown language \`${lang}\`, expected ${engine.catalogue.locales.map((l) => `\`${l}\``).join(' or ')}`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (/\.(ndjson|jsonl)$/i.test(input)) return evalBatch(context, engine, input, display)

  const text = await readFile(input, 'utf8').catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'ENOENT' ? 'File not found' : `Cannot read file: ${error.code}`, { file: display, ruleId: 'input/file-not-found' }),
  )
  const profile = parseProfile(engine, text, display, 1)
  const report = judge(engine, profile)
  if (format === 'json') context.stdout.write(JSON.stringify(report, null, 2) + '\n')
  else if (format === 'html') {
    const { renderReportPage } = await import('../../render/report-html.js')
    const name = profile !== null && typeof profile === 'object' && typeof (profile as { name?: unknown }).name === 'string' ? (profile as { name: string }).name : display
    context.stdout.write(renderReportPage(report, name, [lang, ...engine.catalogue.locales.filter((l) => l !== lang)], String(context.options['docs'] ?? 'index.html')))
  } else context.stdout.write(renderText(report, lang, `diptych eval ${display}`))
  return report.summary.violated > 0 ? 1 : 0
}

/** Parse and validate one profile; errors name the file, line and field. */
function parseProfile(engine: Engine, text: string, file: string, firstLine: number): unknown {
  let profile: unknown
  try {
    profile = JSON.parse(text)
  } catch (error) {
    const place = syntaxErrorPlace(text, error as Error)
    fail(`Invalid JSON: ${(error as Error).message}`, {
      file,
      line: place ? place.line + firstLine - 1 : firstLine,
      column: place?.column,
      ruleId: 'eval/invalid-json',
    })
  }
  const errors = validateProfile(engine, profile)
  if (errors.length > 0) {
    const lines = jsonLines(text)
    throw new DiagnosticsError(
      errors.map((error) =>
        diagnostic(`Invalid profile: ${error.pointer === '' ? 'the profile' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``} ${error.message} (at ${error.pointer || '/'})`, {
          file,
          line: (lineOf(lines, error.pointer) ?? 1) + firstLine - 1,
          ruleId: 'eval/invalid-profile',
          fatal: true,
        }),
      ),
      firstLine === 1 ? new Map([[file, text]]) : new Map(),
    )
  }
  return profile
}

/** Judge one profile a line, streaming: constant memory whatever the file's size. */
async function evalBatch(context: CommandContext, engine: Engine, input: string, display: string): Promise<number> {
  const size = (await stat(input).catch(() => fail('File not found', { file: display, ruleId: 'input/file-not-found' }))).size
  const progress = context.stderr.isTTY === true
  const lines = createInterface({ input: createReadStream(input, { encoding: 'utf8' }), crlfDelay: Infinity })
  let number = 0
  let bytes = 0
  let bad = 0
  let violated = 0
  let judged = 0
  let lastDraw = 0
  for await (const line of lines) {
    number++
    bytes += Buffer.byteLength(line) + 1
    if (line.trim() === '') continue
    try {
      const profile = parseProfile(engine, line, display, number)
      const report = judge(engine, profile, { explainAll: false })
      judged++
      if (report.summary.violated > 0) violated++
      await writeChunk(context.stdout, JSON.stringify({ line: number, ...report }) + '\n')
    } catch (error) {
      const messages = error instanceof DiagnosticsError ? error.messages : isDiagnostic(error) ? [error] : undefined
      if (!messages) throw error
      bad++
      for (const message of messages) context.stderr.write(`diptych: ${formatOneLine(message)}\n`)
    }
    if (progress && Date.now() - lastDraw > 100) {
      lastDraw = Date.now()
      const fraction = size > 0 ? Math.min(1, bytes / size) : 1
      const width = 30
      context.stderr.write(`\r[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${judged} profiles`)
    }
  }
  if (progress) context.stderr.write('\r' + ' '.repeat(60) + '\r')
  context.stderr.write(`diptych eval: ${judged} profiles judged, ${violated} with violations${bad ? `, ${bad} invalid` : ''}\n`)
  return bad > 0 ? 2 : violated > 0 ? 1 : 0
}

function displayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path)
  return relativePath.startsWith('..') ? path : relativePath.split(sep).join('/')
}
