// `--format sarif`: SARIF 2.1.0 on stdout, for code scanning.
import { packageVersion } from '../../util/package-info.js'
import type { OutputFormat } from './types.js'



export const sarif = {
  name: 'sarif',
  summary: 'SARIF 2.1.0 on stdout, for code scanning',
  render: {
    check: async (result) => ({ stdout: (await import('../../align/report.js')).formatSarif(result.open, packageVersion(), result.skipped, result.checks) }),
    align: async (result) => ({ stdout: (await import('../../align/report.js')).formatSarif(result.findings, packageVersion(), result.skipped, result.checks) }),
  },
} satisfies OutputFormat
