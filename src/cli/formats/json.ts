// `--format json`: one JSON document on stdout (the shapes the README documents).
import type { OutputFormat } from './types.js'

const document = (value: unknown) => ({ stdout: JSON.stringify(value, null, 2) + '\n' })

export const json = {
  name: 'json',
  summary: 'one JSON document on stdout',
  render: {
    check: async (result) => ({ stdout: (await import('../../align/report.js')).formatJson(result.open, { baselined: result.accepted }, result.skipped, result.checks) }),
    align: async (result) => ({ stdout: (await import('../../align/report.js')).formatJson(result.findings, {}, result.skipped, result.checks) }),
    build: ({ path, changed, version, summary, predicates }) =>
      document({ path, changed, version, ...summary, predicates: predicates && { path: predicates.path, changed: predicates.changed, ...predicates.counts } }),
    test: (run) => document(run),
    diff: (diff) => document(diff),
    eval: ({ report }) => document(report),
    // Several profiles: one array, each report with the file it judged.
    evals: ({ reports }) => document(reports.map(({ report, display }) => ({ file: display, ...report }))),
  },
} satisfies OutputFormat
