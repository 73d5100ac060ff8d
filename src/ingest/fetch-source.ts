// Fetch a policy text from an http(s) URL (Node's global fetch): redirects followed, a time limit, a size limit, and
// every failure one line naming the URL (exit code 2). The bytes are hashed so that a maintainer sees when the
// published page changed.
import { createHash } from 'node:crypto'
import { type DiagnosticOptions, fail, isDiagnostic } from '../diagnostics/index.js'
import { LIMITS } from '../util/limits.js'

/** How long a fetch may take, headers and body, unless `DIPTYCH_FETCH_TIMEOUT_MS` says otherwise. */
export const DEFAULT_FETCH_TIMEOUT_MS = LIMITS.fetchTimeoutMs

/** The environment variable that sets the time limit of a fetch, in milliseconds. */
export const FETCH_TIMEOUT_VARIABLE = 'DIPTYCH_FETCH_TIMEOUT_MS'

/**
 * Whether a source names a URL rather than a file: it starts with a scheme (`https:`, `file:`, `ftp:`) of two or more
 * characters, so that a Windows drive (`C:\policy.md`) stays a path. Only http and https are then fetched.
 */
export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(source)
}

/** What a fetch brought back. */
export interface FetchedSource {
  /** The URL as given. */
  url: string
  /** The URL the page came from, after redirects. */
  finalUrl: string
  bytes: Uint8Array
  /** The `Content-Type` header's media type, lowercase, without parameters; undefined when there is none. */
  mediaType: string | undefined
  /** The `charset` parameter of the `Content-Type` header, when given. */
  charset: string | undefined
  /** sha256 of the bytes, hexadecimal. */
  sha256: string
  /** When the fetch finished, ISO 8601. */
  fetched: string
}

/** Options of {@link fetchSource}. */
export interface FetchOptions {
  /** Time limit in milliseconds, headers and body (default: {@link fetchTimeoutMs}). */
  timeoutMs?: number | undefined
  /** Size limit in bytes (default: {@link LIMITS.fetchedBytes}). */
  maxBytes?: number | undefined
}

/** The time limit of a fetch: `DIPTYCH_FETCH_TIMEOUT_MS` when set, else {@link DEFAULT_FETCH_TIMEOUT_MS}. */
export function fetchTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = env[FETCH_TIMEOUT_VARIABLE]
  if (value === undefined || value === '') return DEFAULT_FETCH_TIMEOUT_MS
  if (!/^\d+$/.test(value.trim()) || Number(value) <= 0) {
    fail(`${FETCH_TIMEOUT_VARIABLE} is \`${value}\`, expected a positive whole number of milliseconds`, { file: '<environment>', ruleId: 'cli/usage' })
  }
  return Number(value)
}

/** The media types a policy text may be served as; anything else (an image, a PDF, JSON) is refused. */
const TEXT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/markdown', 'text/x-markdown', 'text/plain', 'application/octet-stream'])

/**
 * Fetch `url` (http or https only), following redirects, within a time and a size limit. A refused scheme, a status
 * other than 2xx, a time-out, a network error, a body over the limit or a type that is not text fails with one line
 * naming the URL.
 */
export async function fetchSource(url: string, options: FetchOptions = {}): Promise<FetchedSource> {
  // Every failure is one line naming the URL: no note under it.
  const at = (ruleId: DiagnosticOptions['ruleId']): Omit<DiagnosticOptions, 'fatal'> => ({ file: url, ruleId })
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    fail('Not a valid URL: give an http or https URL, or the path of a file', at('ingest/invalid-url'))
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    fail(`Refused: only http and https URLs are fetched, not \`${parsed.protocol}\`; save the page and import the file instead`, at('ingest/invalid-url'))
  }
  if (parsed.username !== '' || parsed.password !== '') fail('Refused: the URL holds a user name or password', at('ingest/invalid-url'))
  const timeoutMs = options.timeoutMs ?? fetchTimeoutMs()
  const maxBytes = options.maxBytes ?? LIMITS.fetchedBytes
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const response = await fetch(parsed, {
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9, */*;q=0.1' },
    })
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined)
      fail(`The server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, at('ingest/fetch-status'))
    }
    const [mediaType, charset] = contentType(response.headers.get('content-type'))
    if (mediaType !== undefined && !TEXT_TYPES.has(mediaType)) {
      await response.body?.cancel().catch(() => undefined)
      fail(`The page is \`${mediaType}\`, expected HTML, Markdown or plain text`, at('ingest/unsupported-content-type'))
    }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined)
      tooLarge(url, maxBytes)
    }
    const bytes = await readBody(response, url, maxBytes)
    return {
      url,
      finalUrl: response.url || parsed.href,
      bytes,
      mediaType,
      charset,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fetched: new Date().toISOString(),
    }
  } catch (error) {
    if (isDiagnostic(error)) throw error
    const name = (error as { name?: unknown } | null)?.name
    if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') {
      fail(`No answer within ${timeoutMs} ms (${FETCH_TIMEOUT_VARIABLE} sets the limit)`, at('ingest/fetch-timeout'))
    }
    fail(`Cannot fetch the page: ${networkReason(error)}`, at('ingest/fetch-failed'))
  }
}

/** Read a response's body, failing as soon as it passes `maxBytes`. */
async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      tooLarge(url, maxBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(url: string, maxBytes: number): never {
  fail(`The page is larger than ${maxBytes.toLocaleString('en')} bytes`, { file: url, ruleId: 'ingest/too-large' })
}

/** The media type and charset of a `Content-Type` header. */
function contentType(header: string | null): [string | undefined, string | undefined] {
  if (header === null || header.trim() === '') return [undefined, undefined]
  const [type, ...parameters] = header.split(';')
  const charset = parameters.map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined)
  return [type!.trim().toLowerCase(), charset?.toLowerCase()]
}

/** Why a fetch failed, in a few words: the system's error code (`ECONNREFUSED`, `ENOTFOUND`) or undici's reason. */
function networkReason(error: unknown): string {
  let cause: unknown = error
  // undici wraps the system error: TypeError('fetch failed') { cause: Error { code: 'ECONNREFUSED' } }.
  for (let depth = 0; depth < 4 && cause instanceof Error && cause.cause !== undefined; depth++) cause = cause.cause
  const code = (cause as { code?: unknown } | null)?.code
  const message = cause instanceof Error ? cause.message : String(cause)
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message
}
