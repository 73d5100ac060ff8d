// The compliance report as a page: verdicts grouped by status, each citing its clause in every language, linked to the docs.
import type { ElementContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { STATUSES } from '../dsl/semantics.js'
import { ENGLISH, language } from '../languages/index.js'
import type { ComplianceReport } from '../report/evaluate.js'

const STYLE = `
body { margin: 0 auto; max-width: 64rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; }
h2 { border-bottom: 1px solid #d9d9e0; padding-bottom: .25rem; }
li { margin: .5rem 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.pair p { margin: .25rem 0; }
.message { font-weight: 600; }
.facts, .missing { color: #5b5b66; font-size: .9rem; }
code { font-family: ui-monospace, monospace; }
@media (max-width: 700px) { .pair { grid-template-columns: 1fr; } }
`

/** A report page; `docs` is the URL of the rendered policy page the clauses link to. */
export function renderReportPage(report: ComplianceReport, subject: string, locales: readonly string[], docs: string): string {
  // Labels in the first language (English for a language without its own).
  const ui = language(locales[0] ?? 'en')?.reportPage ?? ENGLISH.reportPage
  const LABELS = ui.statuses
  const sections: ElementContent[] = []
  for (const status of STATUSES) {
    const verdicts = report.verdicts.filter((verdict) => verdict.status === status)
    if (verdicts.length === 0) continue
    sections.push(
      h('section', { id: status }, [
        h('h2', `${LABELS[status]} (${verdicts.length})`),
        h(
          'ol',
          verdicts.map((verdict) =>
            h('li', { id: `rule-${verdict.rule}` }, [
              h('div', [h('code', verdict.rule), ' → ', ...verdict.clauses.flatMap((clause, index) => [index > 0 ? ', ' : '', h('a', { href: `${docs}#${clause}` }, clause)])]),
              h('div', { className: ['pair'] }, locales.map((locale) => h('p', { lang: locale }, verdict.text[locale] ?? ''))),
              verdict.message ? h('div', { className: ['pair', 'message'] }, locales.map((locale) => h('p', { lang: locale }, verdict.message?.[locale] ?? ''))) : '',
              verdict.missing.length > 0 ? h('p', { className: ['missing'] }, `${ui.missing}: ${verdict.missing.join(', ')}`) : '',
              status === 'violated' && verdict.explanation.length > 0
                ? h('p', { className: ['facts'] }, `${ui.because}: ${verdict.explanation.map((fact) => `${fact.path} = ${JSON.stringify(fact.value)}`).join('; ')}`)
                : '',
            ]),
          ),
        ),
      ]),
    )
  }
  const counts = STATUSES.filter((status) => report.summary[status] > 0).map((status) => `${report.summary[status]} ${LABELS[status].toLowerCase()}`)
  const tree = {
    type: 'root' as const,
    children: [
      { type: 'doctype' as const },
      h('html', { lang: locales[0] ?? 'en' }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', `${ui.title}: ${subject}`), h('style', STYLE)]),
        h('body', [
          h('header', [h('h1', `${ui.title}: ${subject}`), h('p', `${report.policy.id} ${report.policy.version}, ${report.summary.rules} ${ui.rules}: ${counts.join(', ')}`)]),
          h('main', sections),
        ]),
      ]),
    ],
  }
  return toHtml(tree, { upperDoctype: true }) + '\n'
}
