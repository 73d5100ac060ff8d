// App profiles as input: read from a file or an NDJSON line, parsed, held to the limits, and validated against the
// subject schema, every error at its file, line and column. `eval` and the rule tests read profiles through here.
import { isUtf8 } from 'node:buffer'
import { stat } from 'node:fs/promises'
import { DiagnosticsError, type RuleId, type VFileMessage, diagnostic, fail } from '../diagnostics/index.js'
import { JSON_SYNTAX_RULE, jsonDepthOffset, jsonPlaces, jsonTooDeep, placeAtOffset, placeOf, syntaxErrorPlace } from '../util/json-lines.js'
import { LIMITS } from '../util/limits.js'
import { isReadError, readBytes } from '../util/read-file.js'
import { decodeUtf8, firstInvalidUtf8 } from '../util/utf8.js'
import type { Engine } from './engine.js'

/** Most validation errors reported for one profile. */
export const MAX_PROFILE_ERRORS = 20

/** A size for messages: `16 MiB`, `600.5 MiB`, `912 bytes`. */
export function formatBytes(size: number): string {
  if (size < 1024 * 1024) return `${size} bytes`
  const mib = size / (1024 * 1024)
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`
}

/** Whether a path names an NDJSON batch (one profile a line) rather than one profile. */
export function isBatch(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path)
}

/** Fail with one line when `path` is a folder, or a single profile larger than a profile may be. */
export async function checkProfileFile(path: string, display: string): Promise<void> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (isReadError(error)) return readBytes(path, { file: display, ruleId: error.code === 'ENOENT' ? 'input/file-not-found' : 'input/unreadable' }).then(() => undefined)
    throw error
  })
  if (stats === undefined) return
  if (stats.isDirectory()) fail('Expected a file, found a folder', { file: display, ruleId: 'input/not-a-file' })
  if (stats.isFile() && stats.size > LIMITS.profileBytes && !isBatch(path)) {
    fail(`Profile too large: ${formatBytes(stats.size)}, the limit is ${formatBytes(LIMITS.profileBytes)}`, { file: display, ruleId: 'eval/too-large', note: 'Split a batch into an NDJSON file, one profile a line.' })
  }
}

/** Read one profile file (size and kind first, strict UTF-8, a byte order mark dropped): its text. */
export async function readProfileText(path: string, display: string): Promise<string> {
  await checkProfileFile(path, display)
  const bytes = await readBytes(path, { file: display, ruleId: 'input/unreadable' })
  return decodeUtf8(bytes, display).replace(/^\uFEFF/, '')
}

/** The message of a validation error of a profile. */
function invalidProfile(error: { pointer: string; message: string }): string {
  return `Invalid profile: ${error.pointer === '' ? 'the profile' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``} ${error.message} (at ${error.pointer || '/'})`
}

/**
 * The problems of one profile's text, in order: JSON syntax, depth, then validation against the subject schema (at
 * most {@link MAX_PROFILE_ERRORS} and a count); `firstLine` is the line of `file` the text starts on. Returns the
 * parsed profile when there is none.
 */
export function inspectProfile(engine: Engine, text: string, file: string, firstLine: number): { profile: unknown; problems: [] } | { profile?: undefined; problems: VFileMessage[] } {
  const at = (line: number, column: number | undefined, reason: string, ruleId: RuleId) => diagnostic(reason, { file, line: line + firstLine - 1, column, ruleId, fatal: true })
  let profile: unknown
  try {
    profile = JSON.parse(text)
  } catch (error) {
    const place = syntaxErrorPlace(text, error as Error)
    return { problems: [at(place?.line ?? 1, place?.column, `Invalid JSON: ${(error as Error).message}`, JSON_SYNTAX_RULE)] }
  }
  // Depth after parsing (`JSON.parse` does not recurse), before anything that might: the text is scanned only for the place.
  if (jsonTooDeep(profile, LIMITS.profileDepth)) {
    const place = placeAtOffset(text, jsonDepthOffset(text, LIMITS.profileDepth))
    return { problems: [at(place.line, place.column, `Profile nested deeper than ${LIMITS.profileDepth} levels of arrays and objects`, 'eval/too-deep')] }
  }
  const errors = engine.validate(profile)
  if (errors.length === 0) return { profile, problems: [] }
  const places = jsonPlaces(text)
  // A profile with thousands of bad items gets the first errors and a count, not thousands of messages.
  const problems = errors.slice(0, MAX_PROFILE_ERRORS).map((error) => {
    const place = placeOf(places, error.pointer)
    return at(place?.line ?? 1, place?.column ?? 1, invalidProfile(error), 'eval/invalid-profile')
  })
  if (errors.length > MAX_PROFILE_ERRORS) problems.push(at(1, 1, `… and ${errors.length - MAX_PROFILE_ERRORS} more errors in this profile`, 'eval/invalid-profile'))
  return { problems }
}

/** Parse and validate one profile; throws its problems (one line each, with the source for excerpts). */
export function parseProfile(engine: Engine, text: string, file: string): unknown {
  const result = inspectProfile(engine, text, file, 1)
  // Bad syntax or depth is one line; validation errors are printed with their excerpts.
  if (result.problems.length === 1 && result.problems[0]!.ruleId !== 'invalid-profile') throw result.problems[0]!
  if (result.problems.length > 0) throw new DiagnosticsError(result.problems, new Map([[file, text]]))
  return result.profile
}

/** The text of one NDJSON line's bytes, or the diagnostic of its first invalid UTF-8 byte (strict, as for a file). */
export function decodeLine(bytes: Buffer, file: string, line: number): string | VFileMessage {
  if (isUtf8(bytes)) return bytes.toString('utf8')
  const offset = firstInvalidUtf8(bytes)
  const column = bytes.toString('utf8', 0, offset).length + 1
  return diagnostic(`Invalid UTF-8 byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}, expected a UTF-8 text`, { file, line, column, ruleId: 'ingest/encoding', fatal: true })
}
