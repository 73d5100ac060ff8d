// `--format ndjson`: one JSON value a line on stdout (what a batch of profiles prints, one report a line).
import type { OutputFormat } from './types.js'

/** One report of a batch, tagged with the line of its profile. */
export function ndjsonLine(report: object, line: number): string {
  return JSON.stringify({ line, ...report }) + '\n'
}

export const ndjson = {
  name: 'ndjson',
  summary: 'one JSON value a line on stdout',
  render: {
    eval: ({ report }) => ({ stdout: JSON.stringify(report) + '\n' }),
  },
} satisfies OutputFormat
