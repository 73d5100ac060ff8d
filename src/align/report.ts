// Print findings: like remark-lint (vfile-reporter), as JSON, or as SARIF 2.1.0 for code scanning.
import { createHash } from 'node:crypto'
import { reporter } from 'vfile-reporter'
import { VFile, message } from '../diagnostics/index.js'
import { readmeUrl } from '../diagnostics/rules.js'
import { CHECKS, type CheckCoverage } from './checks/index.js'
import { type Finding, type FindingPlace, referencePlace, severityOf, translationPlace } from './findings.js'

/** Counts of a set of findings. */
export function summarise(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.fatal).length
  return { errors, warnings: findings.length - errors }
}

/** Findings as text, one vfile a file, each message with both places. */
export function formatText(findings: readonly Finding[], color: boolean): string {
  const files = new Map<string, VFile>()
  for (const finding of findings) {
    // The reference's place is said in the line (vfile-reporter would print a cause without its file).
    const other = finding.side === 'translation' ? referencePlace(finding) : null
    const shown = message(other ? `${finding.reason} (reference: ${other.file}:${other.line}:${other.column})` : finding.reason, { file: finding.file, line: finding.line, column: finding.column, ruleId: finding.ruleId, url: finding.url ?? '', fatal: finding.fatal })
    // vfile-reporter's last column is the source, as remark-lint shows `rule  remark-lint`.
    shown.source = 'diptych'
    let file = files.get(finding.file)
    if (!file) files.set(finding.file, (file = new VFile({ path: finding.file })))
    file.messages.push(shown)
  }
  return files.size === 0 ? '' : reporter([...files.values()], { color }) + '\n'
}

/** Findings as the JSON the README documents. */
export function formatJson(
  findings: readonly Finding[],
  extra: Record<string, unknown> = {},
  skipped: ReadonlyArray<{ locale: string; checks: readonly string[] }> = [],
  checks: readonly CheckCoverage[] = [],
): string {
  return (
    JSON.stringify(
      {
        findings: findings.map((finding) => ({
          check: finding.ruleId,
          severity: severityOf(finding),
          message: finding.reason,
          reference: referencePlace(finding),
          translation: translationPlace(finding),
          clause: finding.clause,
        })),
        summary: { ...summarise(findings), ...extra },
        // The checks not run for a language without a language pack.
        skipped,
        // Which checks ran on each pair of languages.
        checks: checks.map(({ reference, translation, ran, skipped: notRun }) => ({ reference, translation, ran, skipped: notRun })),
      },
      null,
      2,
    ) + '\n'
  )
}

/** Findings as SARIF 2.1.0: stable rule IDs, a fingerprint a finding, the other document as a related location. */
export function formatSarif(
  findings: readonly Finding[],
  version: string,
  skipped: ReadonlyArray<{ locale: string; checks: readonly string[] }> = [],
  checks: readonly CheckCoverage[] = [],
): string {
  const location = (place: FindingPlace) => ({
    physicalLocation: { artifactLocation: { uri: place.file }, region: { startLine: place.line, startColumn: place.column } },
  })
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        // A check not run for a language without a pack is a notification of the run, not a silent loss.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...checks.map(({ reference, translation, ran }) => ({ level: 'note', message: { text: `Checked ${reference}→${translation}: ${ran.join(', ')}` } })),
              ...skipped.map(({ locale, checks: notRun }) => ({
                level: 'warning',
                message: { text: `Not checked for \`${locale}\` (no language pack): ${notRun.join(', ')}` },
              })),
            ],
          },
        ],
        tool: {
          driver: {
            name: 'diptych',
            version,
            informationUri: 'https://github.com/diptych/diptych#locale-diff-checks',
            rules: CHECKS.map((check) => ({
              id: check.id,
              name: check.id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: check.summary },
              helpUri: readmeUrl(check.id),
              defaultConfiguration: { level: check.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: findings.map((finding) => {
          const reference = finding.side === 'translation' ? referencePlace(finding) : null
          return {
            ruleId: finding.ruleId,
            ruleIndex: CHECKS.findIndex((check) => check.id === finding.ruleId),
            level: severityOf(finding),
            message: { text: finding.reason },
            locations: [location({ file: finding.file, line: finding.line ?? 1, column: finding.column ?? 1 })],
            relatedLocations: reference ? [{ id: 1, message: { text: 'In the reference' }, ...location(reference) }] : [],
            partialFingerprints: { 'diptych/v1': createHash('sha256').update(`${finding.ruleId}\0${finding.clause ?? ''}\0${finding.hash}`).digest('hex') },
          }
        }),
      },
    ],
  }
  return JSON.stringify(sarif, null, 2) + '\n'
}
