// `--format sarif`: SARIF 2.1.0 on stdout, for code scanning.
import { readFileSync } from 'node:fs'
import type { OutputFormat } from './types.js'

/** diptych's own version, for SARIF. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

export const sarif = {
  name: 'sarif',
  summary: 'SARIF 2.1.0 on stdout, for code scanning',
  render: {
    check: async (result) => ({ stdout: (await import('../../align/report.js')).formatSarif(result.open, packageVersion(), result.skipped, result.checks) }),
    align: async (result) => ({ stdout: (await import('../../align/report.js')).formatSarif(result.findings, packageVersion(), result.skipped, result.checks) }),
  },
} satisfies OutputFormat
