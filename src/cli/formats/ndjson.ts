// `--format ndjson`: one JSON value a line on stdout (what a batch of profiles prints, one report a line).
import type { OutputFormat } from './types.js'

/** One report of a batch, tagged with the line of its profile (and its file, when a run reads several). */
export function ndjsonLine(report: object, line: number, file?: string): string {
  return JSON.stringify(file === undefined ? { line, ...report } : { file, line, ...report }) + '\n'
}

export const ndjson = {
  name: 'ndjson',
  summary: 'one JSON value a line on stdout',
  render: {
    eval: ({ report }) => ({ stdout: JSON.stringify(report) + '\n' }),
    evals: ({ reports }) => ({ stdout: reports.map(({ report, display }) => JSON.stringify({ file: display, ...report }) + '\n').join('') }),
  },
} satisfies OutputFormat
