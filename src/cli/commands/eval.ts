// `diptych eval <profile.json|profiles.ndjson>`: judge app profiles against a policy's rules.
import { createReadStream } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { DiagnosticsError, diagnostic, fail } from '../../diagnostics/index.js'
import type { Engine } from '../../report/engine.js'
import { loadFastEngine } from '../../report/fast-engine.js'
import { judge, judgeCompact, validateProfile } from '../../report/evaluate.js'
import { decodeUtf8, firstInvalidUtf8 } from '../../util/utf8.js'
import { jsonDepthOffset, jsonPlaces, jsonTooDeep, placeAtOffset, placeOf, syntaxErrorPlace } from '../../util/json-lines.js'
import { LIMITS } from '../../util/limits.js'
import { isReadError, readBytes } from '../../util/read-file.js'
import { emit } from '../formats/index.js'
import { ndjsonLine } from '../formats/ndjson.js'
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
    if (format !== 'text' && format !== 'json' && format !== 'ndjson') fail(`Unexpected --format ${format} for NDJSON input, expected json (one report a line)`, { file: '<arguments>', ruleId: 'cli/usage' })
    return evalBatch(context, engine, input, display)
  }

  // Size and kind first (stat): a folder or a file over the limit is one line, before a byte of it is read.
  await checkInputFile(input, display)
  const bytes = await readBytes(input, { file: display, ruleId: 'input/unreadable' })
  // Strict UTF-8 (an invalid byte is named by line and column); a byte order mark is dropped.
  const text = decodeUtf8(bytes, display).replace(/^\uFEFF/, '')
  const profile = parseProfile(engine, text, display, 1)
  const report = judge(engine, profile)
  const subject = profile !== null && typeof profile === 'object' && typeof (profile as { name?: unknown }).name === 'string' ? (profile as { name: string }).name : display
  await emit(format, 'eval', { report, lang, locales: engine.catalogue.locales, display, subject, docs: String(context.options['docs'] ?? 'index.html') }, context)
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
  // Depth after parsing (`JSON.parse` does not recurse), before anything that might: the text is scanned only for the place.
  if (jsonTooDeep(profile, LIMITS.profileDepth)) {
    const place = placeAtOffset(text, jsonDepthOffset(text, LIMITS.profileDepth))
    fail(`Profile nested deeper than ${LIMITS.profileDepth} levels of arrays and objects`, { file, line: place.line + firstLine - 1, column: place.column, ruleId: 'eval/too-deep' })
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

/** Fail with one line when `path` is a folder, or a file larger than a profile may be. */
async function checkInputFile(path: string, display: string): Promise<void> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (isReadError(error)) return readBytes(path, { file: display, ruleId: error.code === 'ENOENT' ? 'input/file-not-found' : 'input/unreadable' }).then(() => undefined)
    throw error
  })
  if (stats === undefined) return
  if (stats.isDirectory()) fail('Expected a file, found a folder', { file: display, ruleId: 'input/not-a-file' })
  if (stats.isFile() && stats.size > LIMITS.profileBytes && !/\.(ndjson|jsonl)$/i.test(path)) {
    fail(`Profile too large: ${formatBytes(stats.size)}, the limit is ${formatBytes(LIMITS.profileBytes)}`, { file: display, ruleId: 'eval/too-large', note: 'Split a batch into an NDJSON file, one profile a line.' })
  }
}

/** A size for messages: `16 MiB`, `600.5 MiB`, `912 bytes`. */
function formatBytes(size: number): string {
  if (size < 1024 * 1024) return `${size} bytes`
  const mib = size / (1024 * 1024)
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`
}

/** Judge one profile a line, streaming: constant memory whatever the file's size; one compact JSON report a line out. */
async function evalBatch(context: CommandContext, engine: Engine, input: string, display: string): Promise<number> {
  await checkInputFile(input, display)
  const size = (await stat(input)).size
  const progress = context.stderr.isTTY === true
  const out = new Uint8Array(engine.rules.program.rules.length)
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
  /** Report a bad line on stderr and go on with the next: one bad line never stops the run. */
  const reject = (number: number, column: number, message: string, ruleId: string) => {
    bad++
    context.stderr.write(`diptych: ${display}:${number}:${column}: ${message} (${ruleId})\n`)
  }
  try {
    for await (const line of readLines(input, LIMITS.profileBytes)) {
      const { number } = line
      bytes += line.size
      if (line.bytes === undefined) {
        reject(number, 1, `Line too long: more than ${formatBytes(LIMITS.profileBytes)}, the limit of one profile`, 'eval/too-large')
        continue
      }
      // Strict UTF-8, as for a .json file: an invalid byte is named, never replaced.
      if (!isUtf8(line.bytes)) {
        const offset = firstInvalidUtf8(line.bytes)
        const column = line.bytes.toString('utf8', 0, offset).length + 1
        reject(number, column, `Invalid UTF-8 byte 0x${line.bytes[offset]!.toString(16).padStart(2, '0')}, expected a UTF-8 text`, 'ingest/encoding')
        continue
      }
      let text = line.bytes.toString('utf8')
      if (number === 1) text = text.replace(/^\uFEFF/, '')
      if (text.trim() === '') continue
      let profile: unknown
      try {
        profile = JSON.parse(text)
      } catch (error) {
        const place = syntaxErrorPlace(text, error as Error)
        reject(number, place?.column ?? 1, `Invalid JSON: ${(error as Error).message}`, 'eval/invalid-json')
        continue
      }
      if (jsonTooDeep(profile, LIMITS.profileDepth)) {
        reject(number, jsonDepthOffset(text, LIMITS.profileDepth) + 1, `Profile nested deeper than ${LIMITS.profileDepth} levels of arrays and objects`, 'eval/too-deep')
        continue
      }
      const errors = engine.validate(profile)
      if (errors.length > 0) {
        if (errors.length > MAX_ERRORS) context.stderr.write(`diptych: ${display}:${number}:1: Invalid profile: ${errors.length} errors, the first ${MAX_ERRORS} follow (eval/invalid-profile)\n`)
        for (const error of errors.slice(0, MAX_ERRORS)) {
          context.stderr.write(`diptych: ${display}:${number}:1: Invalid profile: ${error.pointer === '' ? 'the profile' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``} ${error.message} (at ${error.pointer || '/'}) (eval/invalid-profile)\n`)
        }
        bad++
        continue
      }
      const report = judgeCompact(engine, profile, out)
      judged++
      if (report.summary.violated > 0) violated++
      buffer += ndjsonLine(report, number)
      if (buffer.length > 262_144) await flush()
      if (progress && (number & 1023) === 0 && Date.now() - lastDraw > 100) {
        lastDraw = Date.now()
        const fraction = size > 0 ? Math.min(1, bytes / size) : 1
        const width = 30
        context.stderr.write(`\r[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${judged} profiles`)
      }
    }
  } finally {
    // Whatever happens, the reports of the lines judged so far are written.
    await flush()
  }
  if (progress) context.stderr.write('\r' + ' '.repeat(60) + '\r')
  context.stderr.write(`diptych eval: ${judged} profiles judged, ${violated} with violations${bad ? `, ${bad} invalid` : ''}\n`)
  return bad > 0 ? 2 : violated > 0 ? 1 : 0
}

/** One line of an NDJSON file: its number, its size in bytes, and its bytes (without LF or CR LF), absent when over the limit. */
interface Line {
  number: number
  size: number
  bytes?: Buffer
}

/**
 * The lines of a file, read in 1 MiB chunks and split on LF (a CR before it dropped). A line's pieces are collected
 * and joined once (linear in its length); a line longer than `limit` bytes is not kept: its bytes are skipped to the
 * next LF and it is yielded without them, so memory stays bounded whatever the file holds.
 */
export async function* readLines(path: string, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let length = 0
  let skipping = false
  let number = 0
  const line = (last: Buffer | undefined): Line => {
    number++
    const size = length + (last?.length ?? 0)
    if (skipping || size > limit) return { number, size: size + 1 }
    let bytes = parts.length === 0 ? (last ?? Buffer.alloc(0)) : Buffer.concat(last ? [...parts, last] : parts, size)
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1)
    return { number, size: size + 1, bytes }
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      yield line(chunk.subarray(start, end))
      parts = []
      length = 0
      skipping = false
      start = end + 1
    }
    if (start < chunk.length && !skipping) {
      length += chunk.length - start
      if (length > limit) {
        // Over the limit: drop what was kept and count the rest without keeping it.
        skipping = true
        parts = []
      } else parts.push(chunk.subarray(start))
    } else if (skipping) length += chunk.length - start
  }
  if (skipping || length > 0) yield line(undefined)
}

function displayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path)
  return relativePath.startsWith('..') ? path : relativePath.split(sep).join('/')
}
