// One diagnostic type for the whole project: vfile's VFileMessage, with a place and a stable ruleId.
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { type RuleId, ruleUrl } from './rules.js'

export type { RuleId } from './rules.js'

export { VFile, VFileMessage }

/** Where a diagnostic points: a file and, where known, a 1-based line and column. */
export interface Place {
  /** Path of the file, as the user gave it or relative to the project root. */
  file: string
  line?: number | undefined
  column?: number | undefined
}

/** A 1-based line and column. */
export interface Point {
  line: number
  column: number
}

/** Options of {@link diagnostic}. */
export interface DiagnosticOptions extends Place {
  /** Stable ID such as `ingest/duplicate-id`: one of the table's (src/diagnostics/rules.ts), so `tsc` refuses any other. */
  ruleId: RuleId
  /** Where the span ends (exclusive), when the message is about a span rather than a point. */
  end?: Point | undefined
  /** The related place (the first definition of a duplicate, the reference of a translation), as a message. */
  cause?: VFileMessage | undefined
  /** Help shown under the message (a did-you-mean, what to do next). */
  note?: string | undefined
  /** `true` for an error, `false` for a warning, `undefined` for info. */
  fatal?: boolean | undefined
}

/** Build a positioned diagnostic. */
export function diagnostic(reason: string, options: DiagnosticOptions): VFileMessage {
  const start = options.line === undefined ? undefined : { line: options.line, column: options.column ?? 1 }
  const place = start && options.end ? { start, end: options.end } : start
  const [source, rule] = splitRuleId(options.ruleId)
  const message = new VFileMessage(reason, { place, ruleId: rule, source, cause: options.cause })
  message.file = options.file
  message.fatal = options.fatal
  message.url = ruleUrl(options.ruleId)
  if (options.note !== undefined) message.note = options.note
  return message
}

/**
 * A positioned message whose rule is declared in another table than {@link RULES} (a locale check of `CHECKS`): the
 * same type as every diagnostic, its `url` given by that table.
 */
export function message(reason: string, options: Omit<DiagnosticOptions, 'ruleId'> & { ruleId: string; url: string }): VFileMessage {
  const built = diagnostic(reason, { ...options, ruleId: 'cli/usage' })
  built.ruleId = options.ruleId
  built.source = undefined
  built.url = options.url
  return built
}

/**
 * Throw a fatal diagnostic: bad input that stops the command (exit code 2).
 * The CLI prints it as one line, without a stack trace.
 */
export function fail(reason: string, options: Omit<DiagnosticOptions, 'fatal'>): never {
  throw diagnostic(reason, { ...options, fatal: true })
}

/** Add a warning to a vfile used as a message collector. */
export function warn(collector: VFile, reason: string, options: Omit<DiagnosticOptions, 'fatal'>): void {
  const message = diagnostic(reason, { ...options, fatal: false })
  collector.messages.push(message)
}

/** Whether `value` is a diagnostic (as opposed to a programming error). */
export function isDiagnostic(value: unknown): value is VFileMessage {
  return value instanceof VFileMessage
}

/** The full rule ID (`source/rule`) of a diagnostic. */
export function ruleIdOf(message: VFileMessage): string {
  return message.source ? `${message.source}/${message.ruleId ?? 'error'}` : (message.ruleId ?? 'error')
}

/** Format a diagnostic on one line: `file:line:column: message (rule)`. */
export function formatOneLine(message: VFileMessage): string {
  let where = message.file ?? ''
  if (message.line !== undefined) where += `:${message.line}:${message.column ?? 1}`
  const text = message.reason.replace(/\s*\n\s*/g, ' ')
  return `${where ? where + ': ' : ''}${text} (${ruleIdOf(message)})`
}

function splitRuleId(id: string): [string | undefined, string] {
  const slash = id.indexOf('/')
  return slash === -1 ? [undefined, id] : [id.slice(0, slash), id.slice(slash + 1)]
}

/** Several diagnostics at once (every error of a stage), with the sources they point into. */
export class DiagnosticsError extends Error {
  constructor(
    readonly messages: VFileMessage[],
    readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
    super(messages.map(formatOneLine).join('\n'))
    this.name = 'DiagnosticsError'
  }
}

/** The source the last excerpt was cut from, split into lines. */
let excerptSource: string | undefined
let excerptLines: string[] = []

/**
 * Format a diagnostic like a compiler: the one-line form, the source line, a caret under the
 * column, and the note (help, did-you-mean) when there is one.
 */
export function formatWithExcerpt(message: VFileMessage, source?: string): string {
  const lines = [`${message.fatal === false ? 'warning' : 'error'}: ${formatOneLine(message)}`]
  if (source !== undefined && message.line !== undefined) {
    // Split once for all the diagnostics of a file (40,000 of them would otherwise split it 40,000 times).
    if (source !== excerptSource) [excerptSource, excerptLines] = [source, source.split('\n')]
    const full = excerptLines[message.line - 1]
    if (full !== undefined) {
      const gutter = String(message.line).length
      let column = Math.max(1, message.column ?? 1)
      // A long line (minified JSON) is cut to a window around the column, so an excerpt stays one screen line.
      let text = full.replace(/\t/g, ' ')
      if (text.length > 100) {
        const start = Math.max(0, Math.min(column - 40, text.length - 100))
        text = `${start > 0 ? '…' : ''}${text.slice(start, start + 100)}${start + 100 < text.length ? '…' : ''}`
        column = column - start + (start > 0 ? 1 : 0)
      }
      // A span on one line is underlined whole; otherwise a caret marks its start.
      const end = message.place && 'end' in message.place && message.place.end.line === message.line ? message.place.end.column : undefined
      const width = end !== undefined && end > (message.column ?? 1) ? Math.min(end - (message.column ?? 1), text.length - column + 1) : 1
      lines.push(`${' '.repeat(gutter)} |`, `${message.line} | ${text}`, `${' '.repeat(gutter)} | ${' '.repeat(column - 1)}${'^'.repeat(Math.max(1, width))}`)
    }
  }
  if (message.cause instanceof VFileMessage) {
    const cause = message.cause
    lines.push(`  = note: ${cause.reason}${cause.file ? ` (${cause.file}${cause.line !== undefined ? `:${cause.line}:${cause.column ?? 1}` : ''})` : ''}`)
  }
  if (message.note) lines.push(`  = help: ${message.note}`)
  return lines.join('\n')
}
