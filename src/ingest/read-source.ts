// Read a source, a file or an http(s) URL, as strict UTF-8 (or the charset a page declares), normalise its line ends,
// BOM and tabs, and tell which reader it needs: Markdown, an HTML page or plain text.
import { extname, relative, resolve, sep } from 'node:path'
import { fail } from '../diagnostics/index.js'
import { readBytes } from '../util/read-file.js'
import { decodeUtf8 } from '../util/utf8.js'
import { type FetchedSource, fetchSource, isUrl } from './fetch-source.js'

export { decodeUtf8, firstInvalidUtf8 } from '../util/utf8.js'

/** Tab stops used when a tab indents a line. */
export const TAB_WIDTH = 4

/**
 * Read `path` and return its text, normalised by {@link normaliseSource}.
 * Fails with a positioned diagnostic when the file is missing, a folder, unreadable or not UTF-8,
 * and, with `inside`, when its real path is outside that folder (a path from a manifest, a project file).
 */
export async function readSource(path: string, displayPath = path, options: { inside?: string | undefined } = {}): Promise<string> {
  const bytes = await readBytes(path, { file: displayPath, ruleId: 'ingest/unreadable', notFoundRuleId: 'ingest/file-not-found', inside: options.inside })
  return normaliseSource(decodeUtf8(bytes, displayPath))
}

/**
 * Normalise decoded text: drop a byte order mark, turn CRLF and CR into LF,
 * expand tabs in indentation to {@link TAB_WIDTH} columns, and compose to NFC.
 */
export function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]+/gm, (indent) => {
      let column = 0
      for (const char of indent) column = char === '\t' ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1
      return ' '.repeat(column)
    })
    .normalize('NFC')
}

/** How a source is read: Markdown, an HTML page, or plain text (structure recovered from the layout). */
export type SourceFormat = 'text' | 'markdown' | 'html'

/**
 * Whether a text is an HTML page rather than Markdown or plain text: it opens (after comments, such as a browser's
 * `<!-- saved from url=… -->`) with `<!doctype html>` or `<html>`. Only the first 4 KiB are looked at, and a comment's
 * body cannot hold `-->`, so the match is linear.
 */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(text.slice(0, 4096))
}

/**
 * The reader a source needs: a served media type (`text/html`, `text/markdown`) first; else the name's extension
 * (`.md`, `.markdown`; `.html`, `.htm`, `.xhtml`); else HTML when the text opens as a page, plain text otherwise.
 */
export function sourceFormat(name: string, text: string, mediaType?: string): SourceFormat {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html'
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown'
  const extension = extname(name).toLowerCase()
  if (extension === '.md' || extension === '.markdown') return 'markdown'
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return 'html'
  return looksLikeHtml(text) ? 'html' : 'text'
}

/** A source read and decoded, with the reader it needs. */
export interface LoadedSource {
  text: string
  /** How it is named in messages: a path relative to the current folder, or the URL. */
  display: string
  format: SourceFormat
  /** For a URL: what was fetched (its hash, when). */
  fetched?: FetchedSource | undefined
}

/** Options of {@link loadSource}. */
export interface LoadSourceOptions {
  /** Folder a relative path is read from and shown relative to. */
  cwd: string
  /** The reader to use, whatever the name or content type say. */
  format?: SourceFormat | undefined
  /** Time limit of a fetch, in milliseconds (default: `DIPTYCH_FETCH_TIMEOUT_MS`, else 30 s). */
  timeoutMs?: number | undefined
}

/**
 * Read a source named on the command line or in a manifest: a file (relative to `cwd`), or an http(s) URL, fetched.
 * A URL of another scheme (`file:`, `ftp:`) is refused.
 */
export async function loadSource(location: string, options: LoadSourceOptions): Promise<LoadedSource> {
  if (isUrl(location)) {
    const fetched = await fetchSource(location, { timeoutMs: options.timeoutMs })
    const text = normaliseSource(decodePage(fetched))
    const name = new URL(fetched.finalUrl).pathname
    return { text, display: location, format: options.format ?? sourceFormat(name, text, fetched.mediaType), fetched }
  }
  const path = resolve(options.cwd, location)
  const display = displayPath(path, options.cwd)
  const text = await readSource(path, display)
  return { text, display, format: options.format ?? sourceFormat(path, text) }
}

/** A path as shown in messages: relative to `cwd` with `/`, or absolute when it lies outside. */
function displayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path)
  return relativePath.startsWith('..') ? path : relativePath.split(sep).join('/')
}

/**
 * Decode a fetched page: the charset of its `Content-Type`, else of an HTML page's `<meta charset>`, else UTF-8 (strict:
 * an invalid byte is an error at its line and column).
 */
function decodePage(page: FetchedSource): string {
  const head = new TextDecoder('latin1').decode(page.bytes.subarray(0, 2048))
  const declared = page.charset ?? /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase()
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return decodeUtf8(page.bytes, page.url)
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(declared, { fatal: true })
  } catch {
    fail(`Unknown character encoding \`${declared}\``, { file: page.url, ruleId: 'ingest/encoding' })
  }
  try {
    return decoder.decode(page.bytes)
  } catch {
    fail(`The page is not valid \`${declared}\`, as it declares`, { file: page.url, ruleId: 'ingest/encoding' })
  }
}
