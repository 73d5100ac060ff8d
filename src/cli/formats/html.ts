// `--format html`: a standalone HTML page on stdout.
import type { OutputFormat } from './types.js'

export const html = {
  name: 'html',
  summary: 'a standalone HTML page on stdout',
  render: {
    eval: async ({ report, subject, lang, locales, docs }) => ({
      stdout: (await import('../../render/report-html.js')).renderReportPage(report, subject, [lang, ...locales.filter((l) => l !== lang)], docs),
    }),
  },
} satisfies OutputFormat
