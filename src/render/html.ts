// The bilingual page: every section and clause side by side, with anchors, kind badges and the rules that implement them.
// Built as a hast tree (hastscript) and serialised by hast-util-to-html: no string concatenation of markup.
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Catalogue, Clause } from '../catalogue/types.js'
import type { CheckedRule } from '../dsl/program.js'
import { ENGLISH, type PageLabels, language } from '../languages/index.js'

const MODALITY: Record<CheckedRule['modality'], string> = { must: 'must', 'must-not': 'must not', may: 'may', attest: 'attest' }

/** Everything the page shows. */
export interface PageInput {
  catalogue: Catalogue
  /** Rules with their source text, by clause ID. */
  rules: ReadonlyArray<{ rule: CheckedRule; source: string }>
  /** Where the policy is published. */
  url?: string | undefined
  /** Release date of this version, if released. */
  date?: string | undefined
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --line: #d9d9e0; --bg: #ffffff; --soft: #f5f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h1 .sep { color: var(--muted); font-weight: 400; }
.meta-line { color: var(--muted); margin: 0 0 1rem; }
section { border-bottom: 1px solid var(--line); padding: 1rem 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.pair > * { margin: 0; min-width: 0; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: .5rem 0; }
article { padding: .6rem 0 .6rem .75rem; border-left: 3px solid var(--line); margin: .5rem 0; scroll-margin-top: 1rem; }
article:target { background: #fff8d6; }
article.depth-1 { margin-left: 1.5rem; }
article.depth-2 { margin-left: 3rem; }
article.form-paragraph { border-left-color: transparent; }
.clause-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; font-size: .8rem; color: var(--muted); margin-bottom: .25rem; }
.clause-head a { color: var(--muted); text-decoration: none; font-family: ui-monospace, monospace; }
.clause-head a:hover, .clause-head a:focus { text-decoration: underline; }
.badge { border-radius: 999px; padding: 0 .55rem; font-weight: 600; font-size: .75rem; border: 1px solid; }
.kind-obligation .badge { color: #0b5394; border-color: #0b5394; }
.kind-prohibition .badge { color: #a61b1b; border-color: #a61b1b; }
.kind-permission .badge { color: #1e6b2d; border-color: #1e6b2d; }
.kind-informative .badge { color: var(--muted); border-color: var(--line); }
details { margin-top: .4rem; font-size: .85rem; }
summary { cursor: pointer; color: var(--muted); }
pre { background: var(--soft); padding: .6rem; overflow-x: auto; font-size: .8rem; white-space: pre-wrap; }
footer { color: var(--muted); font-size: .85rem; padding: 1rem; }
@media (max-width: 700px) {
  .pair { grid-template-columns: 1fr; gap: .4rem; }
  .pair > [lang]:not(:first-child) { border-top: 1px dashed var(--line); padding-top: .4rem; }
  article.depth-1, article.depth-2 { margin-left: .75rem; }
}
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; }
  article { break-inside: avoid; }
  details { display: none; }
  a { color: inherit; }
}
`

/** Labels of the page in the policy's reference language (English for a language without its own). */
function labelsOf(catalogue: Catalogue): PageLabels {
  return language(catalogue.reference)?.page ?? ENGLISH.page
}

function badge(kind: Clause['kind'], UI: PageLabels): Element {
  return h('span', { className: ['badge'] }, UI.kinds[kind])
}

function clauseArticle(catalogue: Catalogue, clause: Clause, rules: PageInput['rules'], UI: PageLabels): Element {
  const implementing = rules.filter(({ rule }) => rule.clauses.includes(clause.id))
  const children: ElementContent[] = [
    h('div', { className: ['clause-head'] }, [h('a', { href: `#${clause.id}` }, clause.id), badge(clause.kind, UI)]),
    h(
      'div',
      { className: ['pair'] },
      catalogue.locales.map((locale) => h('p', { lang: locale }, clause.text[locale] ?? '')),
    ),
  ]
  for (const { rule, source } of implementing) {
    children.push(
      h('details', [
        h('summary', `${UI.rules} ${rule.modality === 'attest' ? UI.attest : UI.rule} ${rule.id} (${MODALITY[rule.modality]})`),
        h('pre', [h('code', source)]),
      ]),
    )
  }
  return h('article', { id: clause.id, className: [`kind-${clause.kind}`, `depth-${Math.min(clause.depth, 2)}`, `form-${clause.form}`] }, children)
}

/** The page as a hast tree. */
export function pageTree(input: PageInput): Root {
  const { catalogue } = input
  const reference = catalogue.reference
  const UI = labelsOf(catalogue)
  const title = catalogue.locales.map((locale) => catalogue.title[locale]).filter(Boolean).join(' / ')
  const heading: ElementContent[] = []
  catalogue.locales.forEach((locale, index) => {
    if (index > 0) heading.push(h('span', { className: ['sep'] }, ' / '))
    heading.push(h('span', { lang: locale }, catalogue.title[locale] ?? ''))
  })
  const meta: ElementContent[] = [{ type: 'text', value: `${UI.version} ${catalogue.version}, ${input.date ? `${UI.released} ${input.date}` : UI.unreleased}` }]
  if (input.url) meta.push({ type: 'text', value: ' · ' }, h('a', { href: input.url, rel: ['external'] }, UI.source(catalogue.title[reference] ?? catalogue.id)))
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: reference }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('style', STYLE),
        ]),
        h('body', [
          h('header', [h('h1', heading), h('p', { className: ['meta-line'] }, meta)]),
          h(
            'main',
            catalogue.sections.map((section) =>
              h('section', { id: section.id, ariaLabelledBy: `${section.id}-title` }, [
                h(
                  'div',
                  { className: ['pair'] },
                  catalogue.locales.map((locale, index) => h('h2', { lang: locale, id: index === 0 ? `${section.id}-title` : undefined }, section.title[locale] ?? '')),
                ),
                ...section.clauses.map((clause) => clauseArticle(catalogue, clause, input.rules, UI)),
              ]),
            ),
          ),
          h('footer', [h('p', UI.generated)]),
        ]),
      ]),
    ],
  }
}

/** The page as HTML text. */
export function renderPage(input: PageInput): string {
  return toHtml(pageTree(input), { upperDoctype: true }) + '\n'
}
