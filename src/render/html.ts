// The bilingual page: every section and clause side by side, with anchors, kind badges and the rules that implement them;
// subsections nested in their sections (h3, h4…) and in a table of contents, numbers, links, table rows as tables.
// Built as a hast tree (hastscript) and serialised by hast-util-to-html: no string concatenation of markup.
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Catalogue, Clause, Section } from '../catalogue/types.js'
import type { CheckedRule } from '../dsl/program.js'
import { ENGLISH, type PageLabels, language } from '../languages/index.js'
import { type Piece, clausePieces, isPageLink } from './links.js'
import { type SectionNode, docsLabels, clauseNumber, clauseRuns, headingNumber, isPreamble, levelOf, sectionTree } from './sections.js'

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

/** Styles of what only some policies have, added to the page when it has them. */
const STYLE_NESTED = `
nav.toc { max-width: 72rem; margin: 0 auto; padding: .5rem 1rem; border-bottom: 1px solid var(--line); font-size: .9rem; }
nav.toc ol { list-style: none; margin: .2rem 0; padding-left: 1.25rem; }
nav.toc > ol { padding-left: 0; }
section section { border-bottom: 0; padding-bottom: 0; }
h3 { font-size: 1.1rem; margin: .5rem 0; }
h4, h5, h6 { font-size: 1rem; margin: .5rem 0; }
`
const STYLE_PREAMBLE = `
.preamble { border-bottom: 1px solid var(--line); padding: .5rem 0; }
`
const STYLE_TABLE = `
.rows { margin: .5rem 0; }
.rows table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.rows th, .rows td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.rows th { background: var(--soft); }
.rows tr { scroll-margin-top: 1rem; }
.rows tr:target { background: #fff8d6; }
`
const STYLE_NUMBER = `
.number { font-variant-numeric: tabular-nums; }
`

/** Labels of the page in the policy's reference language (English for a language without its own). */
function labelsOf(catalogue: Catalogue): PageLabels {
  return language(catalogue.reference)?.page ?? ENGLISH.page
}

function badge(kind: Clause['kind'], UI: PageLabels): Element {
  return h('span', { className: ['badge'] }, UI.kinds[kind])
}

/** Text with its links: http(s), mailto and in-page anchors are links; any other target (`javascript:`) is text. */
function linked(pieces: readonly Piece[]): ElementContent[] {
  return pieces.map((piece) => (piece.url !== undefined && isPageLink(piece.url) ? h('a', { href: piece.url }, piece.text) : { type: 'text', value: piece.text }))
}

/** A number before a text, and the space after it. */
function numbered(number: string | undefined, content: ElementContent[]): ElementContent[] {
  return number === undefined ? content : [h('span', { className: ['number'] }, number), { type: 'text', value: ' ' }, ...content]
}

/** The rules implementing a clause, folded. */
function ruleDetails(clause: Clause, rules: PageInput['rules'], UI: PageLabels): Element[] {
  return rules
    .filter(({ rule }) => rule.clauses.includes(clause.id))
    .map(({ rule, source }) =>
      h('details', [
        h('summary', `${UI.rules} ${rule.modality === 'attest' ? UI.attest : UI.rule} ${rule.id} (${MODALITY[rule.modality]})`),
        h('pre', [h('code', source)]),
      ]),
    )
}

function clauseArticle(catalogue: Catalogue, clause: Clause, rules: PageInput['rules'], UI: PageLabels): Element {
  const number = clauseNumber(clause)
  const children: ElementContent[] = [
    h('div', { className: ['clause-head'] }, [h('a', { href: `#${clause.id}` }, clause.id), badge(clause.kind, UI)]),
    h(
      'div',
      { className: ['pair'] },
      catalogue.locales.map((locale) => {
        const pieces = clausePieces(clause, locale)
        return h('p', { lang: locale }, pieces === undefined ? '' : numbered(number, linked(pieces[0]!)))
      }),
    ),
    ...ruleDetails(clause, rules, UI),
  ]
  return h('article', { id: clause.id, className: [`kind-${clause.kind}`, `depth-${Math.min(clause.depth, 2)}`, `form-${clause.form}`] }, children)
}

/**
 * Consecutive table rows: one table a language, side by side; the first row is the header (as in GFM). Each row of
 * the reference's table carries its clause's ID; the rules of the rows follow the tables.
 */
function rowsTable(catalogue: Catalogue, rows: readonly Clause[], rules: PageInput['rules'], UI: PageLabels): Element {
  const tables = catalogue.locales.map((locale, index) => {
    const present = rows.flatMap((clause) => {
      const pieces = clausePieces(clause, locale)
      return pieces === undefined ? [] : [{ clause, pieces }]
    })
    const tr = ({ clause, pieces }: (typeof present)[number], cell: 'th' | 'td') =>
      h('tr', { id: index === 0 ? clause.id : undefined, className: [`kind-${clause.kind}`, 'form-row'] }, pieces.map((content) => h(cell, linked(content))))
    const [header, ...body] = present
    const parts: Element[] = []
    if (header) parts.push(h('thead', [tr(header, 'th')]))
    if (body.length > 0) parts.push(h('tbody', body.map((row) => tr(row, 'td'))))
    return h('div', { lang: locale, className: ['table-wrap'] }, [h('table', parts)])
  })
  return h('div', { className: ['rows'] }, [h('div', { className: ['pair'] }, tables), ...rows.flatMap((clause) => ruleDetails(clause, rules, UI))])
}

/** A section's clauses: articles, and tables of consecutive rows. */
function sectionContent(catalogue: Catalogue, section: Section, rules: PageInput['rules'], UI: PageLabels): Element[] {
  return clauseRuns(section.clauses).map((run) => (run.form === 'clause' ? clauseArticle(catalogue, run.clause, rules, UI) : rowsTable(catalogue, run.rows, rules, UI)))
}

/** A section's title in a language, after its number. */
function sectionTitle(section: Section, locale: string): ElementContent[] {
  const title: ElementContent = { type: 'text', value: section.title[locale] ?? '' }
  return numbered(section.number === undefined ? undefined : headingNumber(section.number), [title])
}

/** A section with its subsections inside it: `h2` for a top section, `h3` for a subsection… (at most `h6`). */
function sectionElement(catalogue: Catalogue, node: SectionNode, rules: PageInput['rules'], UI: PageLabels): Element {
  const { section } = node
  const heading = `h${Math.min(6, levelOf(section) + 1)}`
  return h('section', { id: section.id, ariaLabelledBy: `${section.id}-title` }, [
    h(
      'div',
      { className: ['pair'] },
      catalogue.locales.map((locale, index) => h(heading, { lang: locale, id: index === 0 ? `${section.id}-title` : undefined }, sectionTitle(section, locale))),
    ),
    ...sectionContent(catalogue, section, rules, UI),
    ...node.children.map((child) => sectionElement(catalogue, child, rules, UI)),
  ])
}

/** The table of contents: the sections in the reference language, subsections nested in their sections. */
function contents(catalogue: Catalogue, nodes: readonly SectionNode[]): Element {
  const list = (items: readonly SectionNode[]): Element =>
    h(
      'ol',
      items.map(({ section, children }) =>
        h('li', [h('a', { href: `#${section.id}` }, sectionTitle(section, catalogue.reference)), ...(children.length > 0 ? [list(children)] : [])]),
      ),
    )
  return h('nav', { className: ['toc'], ariaLabel: docsLabels(catalogue.reference).contents }, [list(nodes)])
}

/** The effective dates, one for every language when they agree, else each with its language. */
function effectiveText(catalogue: Catalogue): string | undefined {
  const dates = catalogue.locales.flatMap((locale) => {
    const date = catalogue.effective?.[locale]
    return date === undefined ? [] : [[locale, date] as const]
  })
  if (dates.length === 0) return undefined
  const same = dates.every(([, date]) => date === dates[0]![1])
  return `${docsLabels(catalogue.reference).effective} ${same ? dates[0]![1] : dates.map(([locale, date]) => `${date} (${locale})`).join(', ')}`
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
  const effective = effectiveText(catalogue)
  if (effective !== undefined) meta.push({ type: 'text', value: ` · ${effective}` })
  if (input.url) meta.push({ type: 'text', value: ' · ' }, h('a', { href: input.url, rel: ['external'] }, UI.source(catalogue.title[reference] ?? catalogue.id)))

  const preamble = catalogue.sections[0] !== undefined && isPreamble(catalogue, catalogue.sections[0]) ? catalogue.sections[0] : undefined
  const tree = sectionTree(catalogue.sections.filter((section) => section !== preamble))
  const nested = tree.some((node) => node.children.length > 0)
  const clauses = catalogue.sections.flatMap((section) => section.clauses)
  const hasTable = clauses.some((clause) => clause.form === 'row')
  const hasNumber = catalogue.sections.some((section) => section.number !== undefined) || clauses.some((clause) => clauseNumber(clause) !== undefined)
  // Extra styles only when the page has what they style, so a page without them stays as it was.
  const style = STYLE + (nested ? STYLE_NESTED : '') + (preamble ? STYLE_PREAMBLE : '') + (hasTable ? STYLE_TABLE : '') + (hasNumber ? STYLE_NUMBER : '')

  const main: Element[] = []
  if (preamble) main.push(h('div', { id: preamble.id, className: ['preamble'] }, sectionContent(catalogue, preamble, input.rules, UI)))
  main.push(...tree.map((node) => sectionElement(catalogue, node, input.rules, UI)))
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: reference }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('style', style),
        ]),
        h('body', [
          h('header', [h('h1', heading), h('p', { className: ['meta-line'] }, meta)]),
          // A table of contents when sections nest: it shows the structure the flat list of headings does not.
          ...(nested ? [contents(catalogue, tree)] : []),
          h('main', main),
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
