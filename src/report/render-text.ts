// A compliance report as text for people: verdicts grouped by status, each citing its clause in one language.
import type { Status } from '../dsl/semantics.js'
import { ENGLISH, type ReportLabels, language } from '../languages/index.js'
import { STATUSES } from '../dsl/semantics.js'
import type { ComplianceReport, Verdict } from './evaluate.js'
import { formatValue } from './evaluate.js'

const MARKS: Record<Status, string> = { violated: '✗', unknown: '?', attest: '!', satisfied: '✓', 'not-applicable': '–' }

/** Render a report in `locale` (labels in English for a language without its own). */
export function renderText(report: ComplianceReport, locale: string, title: string): string {
  const labels = (language(locale) ?? ENGLISH).report
  const lines = [`${title}: ${report.policy.id} ${report.policy.version}, ${report.summary.rules} ${labels.rules}`, '']
  for (const status of STATUSES) {
    const verdicts = report.verdicts.filter((verdict) => verdict.status === status)
    if (verdicts.length === 0) continue
    lines.push(`${labels[status]} (${verdicts.length})`)
    if (status === 'satisfied' || status === 'not-applicable') {
      lines.push(...wrap(verdicts.map((verdict) => verdict.rule).join(', '), 96, '  '), '')
      continue
    }
    for (const verdict of verdicts) lines.push(...renderVerdict(verdict, locale, labels), '')
  }
  const counts = STATUSES.filter((status) => report.summary[status] > 0).map((status) => `${report.summary[status]} ${labels[status]}`)
  lines.push(`${labels.summary}: ${counts.join(', ')}`)
  return lines.join('\n') + '\n'
}

function renderVerdict(verdict: Verdict, locale: string, labels: ReportLabels): string[] {
  const lines = [`  ${MARKS[verdict.status]} ${verdict.rule} → ${verdict.clauses.join(', ')}`]
  const text = verdict.text[locale]
  if (text && verdict.status !== 'unknown') lines.push(...wrap(`“${text}”`, 92, '    '))
  const message = verdict.message?.[locale]
  if (message) lines.push(...wrap(message, 92, '    '))
  if (verdict.status === 'attest') lines.push(`    (${labels.answer}: {"${verdict.rule}": true})`)
  if (verdict.missing.length > 0) lines.push(`    ${labels.missing}: ${verdict.missing.join(', ')}`)
  if (verdict.status === 'violated' && verdict.explanation.length > 0) {
    lines.push(`    ${labels.because}: ${verdict.explanation.map((fact) => `${fact.path} = ${JSON.stringify(fact.value) ?? formatValue(fact.value, locale)}`).join('; ')}`)
  }
  return lines
}

/** Wrap text at word boundaries. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(indent + line)
  return lines
}
