// Print findings: like remark-lint (vfile-reporter), as JSON, or as SARIF 2.1.0 for code scanning.
import { createHash } from 'node:crypto'
import { reporter } from 'vfile-reporter'
import { VFile, diagnostic } from '../diagnostics/index.js'
import { CHECKS } from './checks/index.js'
import type { Finding } from './findings.js'

/** Counts of a set of findings. */
export function summarise(findings: readonly Finding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((finding) => finding.severity === 'error').length, warnings: findings.filter((finding) => finding.severity === 'warning').length }
}

/** Findings as text, one vfile a file, each message with both places. */
export function formatText(findings: readonly Finding[], color: boolean): string {
  const files = new Map<string, VFile>()
  for (const finding of findings) {
    const here = finding.translation ?? finding.reference!
    const other = finding.translation && finding.reference ? finding.reference : undefined
    const reason = other ? `${finding.message} (reference: ${other.file}:${other.line}:${other.column})` : finding.message
    const message = diagnostic(reason, { file: here.file, line: here.line, column: here.column, ruleId: `diptych/${finding.check}`, fatal: finding.severity === 'error' })
    let file = files.get(here.file)
    if (!file) files.set(here.file, (file = new VFile({ path: here.file })))
    file.messages.push(message)
  }
  return files.size === 0 ? '' : reporter([...files.values()], { color }) + '\n'
}

/** Findings as the JSON the README documents. */
export function formatJson(findings: readonly Finding[], extra: Record<string, unknown> = {}): string {
  return (
    JSON.stringify(
      {
        findings: findings.map(({ check, severity, message, reference, translation, clause }) => ({ check, severity, message, reference, translation, clause })),
        summary: { ...summarise(findings), ...extra },
      },
      null,
      2,
    ) + '\n'
  )
}

/** Findings as SARIF 2.1.0: stable rule IDs, a fingerprint a finding, the other document as a related location. */
export function formatSarif(findings: readonly Finding[], version: string): string {
  const location = (place: NonNullable<Finding['reference']>) => ({
    physicalLocation: { artifactLocation: { uri: place.file }, region: { startLine: place.line, startColumn: place.column } },
  })
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'diptych',
            version,
            informationUri: 'https://github.com/diptych/diptych#locale-diff-checks',
            rules: CHECKS.map((check) => ({
              id: check.id,
              name: check.id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: check.summary },
              defaultConfiguration: { level: check.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: findings.map((finding) => {
          const primary = finding.translation ?? finding.reference!
          const related = finding.translation && finding.reference ? [{ id: 1, message: { text: 'In the reference' }, ...location(finding.reference) }] : []
          return {
            ruleId: finding.check,
            ruleIndex: CHECKS.findIndex((check) => check.id === finding.check),
            level: finding.severity === 'error' ? 'error' : 'warning',
            message: { text: finding.message },
            locations: [location(primary)],
            relatedLocations: related,
            partialFingerprints: { 'diptych/v1': createHash('sha256').update(`${finding.check}\0${finding.clause ?? ''}\0${finding.hash}`).digest('hex') },
          }
        }),
      },
    ],
  }
  return JSON.stringify(sarif, null, 2) + '\n'
}
