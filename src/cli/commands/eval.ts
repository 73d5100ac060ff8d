// `diptych eval <profile.json|profiles.ndjson>`: judge app profiles against a policy's rules.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { DiagnosticsError, diagnostic, fail } from '../../diagnostics/index.js'
import type { Engine } from '../../report/engine.js'
import { loadFastEngine } from '../../report/fast-engine.js'
import { judge, judgeCompact, validateProfile } from '../../report/evaluate.js'
import { renderText } from '../../report/render-text.js'
import { decodeUtf8 } from '../../ingest/read-source.js'
import { jsonPlaces, placeOf, syntaxErrorPlace } from '../../util/json-lines.js'
import { type CommandContext, writeChunk } from '../io.js'

export async function runEval(context: CommandContext): Promise<number> {
  const input = resolve(context.cwd, context.positionals[0]!)
  const display = displayPath(input, context.cwd)
  const format = String(context.options['format'] ?? 'text')
  const locale = String(context.options['lang'] ?? '')
  // The built artefacts when current; otherwise the rules are loaded, checked and compiled from source.
  const engine = (await loadFastEngine(context.root, context.policy)) ?? (await (await import('../../report/engine.js')).loadEngine(context.root, context.policy))
  const lang = locale || engine.catalogue.reference
  if (!engine.catalogue.locales.includes(lang)) {
    fail(`Unknown language \`${lang}\`, expected ${engine.catalogue.locales.map((l) => `\`${l}\``).join(' or ')}`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (/\.(ndjson|jsonl)$/i.test(input)) {
    if (format !== 'text' && format !== 'json') fail(`Unexpected --format ${format} for NDJSON input, expected json (one report a line)`, { file: '<arguments>', ruleId: 'cli/usage' })
    return evalBatch(context, engine, input, display)
  }

  const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'ENOENT' ? 'File not found' : error.code === 'EISDIR' ? 'Expected a file, found a folder' : `Cannot read file: ${error.code}`, {
      file: display,
      ruleId: error.code === 'ENOENT' ? 'input/file-not-found' : 'input/unreadable',
    }),
  )
  // Strict UTF-8 (an invalid byte is named by line and column); a byte order mark is dropped.
  const text = decodeUtf8(bytes, display).replace(/^\uFEFF/, '')
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

/** Most validation errors reported for one profile. */
const MAX_ERRORS = 20

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
    const places = jsonPlaces(text)
    // A profile with thousands of bad items gets the first errors and a count, not thousands of messages.
    const shown = errors.slice(0, MAX_ERRORS).map((error) => {
      const place = placeOf(places, error.pointer)
      return diagnostic(`Invalid profile: ${error.pointer === '' ? 'the profile' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``} ${error.message} (at ${error.pointer || '/'})`, {
        file,
        line: (place?.line ?? 1) + firstLine - 1,
        column: place?.column ?? 1,
        ruleId: 'eval/invalid-profile',
        fatal: true,
      })
    })
    if (errors.length > MAX_ERRORS) {
      shown.push(diagnostic(`… and ${errors.length - MAX_ERRORS} more errors in this profile`, { file, line: firstLine, column: 1, ruleId: 'eval/invalid-profile', fatal: true }))
    }
    throw new DiagnosticsError(shown, firstLine === 1 ? new Map([[file, text]]) : new Map())
  }
  return profile
}

/** Judge one profile a line, streaming: constant memory whatever the file's size; one compact JSON report a line out. */
async function evalBatch(context: CommandContext, engine: Engine, input: string, display: string): Promise<number> {
  const size = (await stat(input).catch(() => fail('File not found', { file: display, ruleId: 'input/file-not-found' }))).size
  const progress = context.stderr.isTTY === true
  const lines = readLines(input)
  const out = new Uint8Array(engine.rules.program.rules.length)
  let number = 0
  let bytes = 0
  let bad = 0
  let violated = 0
  let judged = 0
  let lastDraw = 0
  // Output is gathered into chunks of about 256 kB: one write a chunk, waiting for the stream when it asks to.
  let buffer = ''
  const flush = async () => {
    if (buffer === '') return
    const chunk = buffer
    buffer = ''
    await writeChunk(context.stdout, chunk)
  }
  for await (const line of lines) {
    number++
    bytes += Buffer.byteLength(line) + 1
    if (line.trim() === '') continue
    let profile: unknown
    try {
      profile = JSON.parse(number === 1 ? line.replace(/^\uFEFF/, '') : line)
    } catch (error) {
      bad++
      const place = syntaxErrorPlace(line, error as Error)
      context.stderr.write(`diptych: ${display}:${number}:${place?.column ?? 1}: Invalid JSON: ${(error as Error).message} (eval/invalid-json)\n`)
      continue
    }
    const errors = engine.validate(profile)
    if (errors.length > 0) {
      bad++
      if (errors.length > MAX_ERRORS) context.stderr.write(`diptych: ${display}:${number}:1: Invalid profile: ${errors.length} errors, the first ${MAX_ERRORS} follow (eval/invalid-profile)\n`)
      for (const error of errors.slice(0, MAX_ERRORS)) {
        context.stderr.write(`diptych: ${display}:${number}:1: Invalid profile: ${error.pointer === '' ? 'the profile' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``} ${error.message} (at ${error.pointer || '/'}) (eval/invalid-profile)\n`)
      }
      continue
    }
    const report = judgeCompact(engine, profile, out)
    judged++
    if (report.summary.violated > 0) violated++
    buffer += JSON.stringify({ line: number, ...report }) + '\n'
    if (buffer.length > 262_144) await flush()
    if (progress && (number & 1023) === 0 && Date.now() - lastDraw > 100) {
      lastDraw = Date.now()
      const fraction = size > 0 ? Math.min(1, bytes / size) : 1
      const width = 30
      context.stderr.write(`\r[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${judged} profiles`)
    }
  }
  await flush()
  if (progress) context.stderr.write('\r' + ' '.repeat(60) + '\r')
  context.stderr.write(`diptych eval: ${judged} profiles judged, ${violated} with violations${bad ? `, ${bad} invalid` : ''}\n`)
  return bad > 0 ? 2 : violated > 0 ? 1 : 0
}

/**
 * The lines of a file, read in 1 MiB chunks and split on LF (a CR before it dropped). Faster than readline on
 * large files; a line is decoded from its own bytes, so multi-byte characters across chunks stay whole.
 */
async function* readLines(path: string): AsyncGenerator<string> {
  let rest: Buffer | undefined
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk
    let start = 0
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      yield buffer.toString('utf8', start, end > start && buffer[end - 1] === 13 ? end - 1 : end)
      start = end + 1
    }
    rest = start < buffer.length ? buffer.subarray(start) : undefined
  }
  if (rest && rest.length > 0) yield rest.toString('utf8', 0, rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length)
}

function displayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path)
  return relativePath.startsWith('..') ? path : relativePath.split(sep).join('/')
}
