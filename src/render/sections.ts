// The structure both renderers show: the preamble, sections nested by level, numbers, runs of table rows.
import { ENGLISH, language } from '../languages/index.js'
import type { DocsLabels } from '../languages/types.js'
import type { Catalogue, Clause, Section } from '../catalogue/types.js'
import { PREAMBLE_ID } from '../text/document.js'

/** The docs labels of a language (before the effective date, the table of contents), English when it has none. */
export function docsLabels(locale: string): DocsLabels {
  return language(locale)?.docs ?? ENGLISH.docs!
}

/**
 * Whether a section is the document's preamble (its text before the first heading): the first section, named
 * `preamble`, and placed at its first clause, not at a heading of its own (a heading "Preamble" may get the same ID).
 */
export function isPreamble(catalogue: Catalogue, section: Section): boolean {
  if (section.id !== PREAMBLE_ID || catalogue.sections[0] !== section) return false
  const first = section.clauses[0]
  if (!first) return false
  const at = section.source[catalogue.reference]
  const clauseAt = first.source[catalogue.reference]
  return at !== undefined && clauseAt !== undefined && at.file === clauseAt.file && at.line === clauseAt.line
}

/** A section's level: 1 for a top section, 2 for a subsection… */
export function levelOf(section: Section): number {
  return section.level ?? 1
}

/** A section's number as shown before its title: `3.` for a plain number, else as written (`Article 3`, `2.1`). */
export function headingNumber(number: string): string {
  return /^\d+$/.test(number) ? `${number}.` : number
}

/** A clause's number as shown before its text: `2.` for a list's ordinal, else as written (`1.1`, `(a)`). */
export function clauseNumber(clause: Clause): string | undefined {
  // A table row keeps its number in its first cell.
  if (clause.number === undefined || clause.form === 'row') return undefined
  return /^\d+$/.test(clause.number) ? `${clause.number}.` : clause.number
}

/** A section with its subsections, as the headings nest. */
export interface SectionNode {
  section: Section
  children: SectionNode[]
}

/** The sections as a tree, in document order; a subsection whose parent is unknown stands at the top. */
export function sectionTree(sections: readonly Section[]): SectionNode[] {
  const top: SectionNode[] = []
  const nodes = new Map<string, SectionNode>()
  for (const section of sections) {
    const node: SectionNode = { section, children: [] }
    const parent = section.parent === undefined ? undefined : nodes.get(section.parent)
    ;(parent ? parent.children : top).push(node)
    nodes.set(section.id, node)
  }
  return top
}

/** A section's clauses in runs: one clause, or consecutive table rows (one table). */
export type ClauseRun = { form: 'clause'; clause: Clause } | { form: 'table'; rows: Clause[] }

/** Group a section's clauses: consecutive table rows form one table. */
export function clauseRuns(clauses: readonly Clause[]): ClauseRun[] {
  const runs: ClauseRun[] = []
  for (const clause of clauses) {
    const last = runs.at(-1)
    if (clause.form !== 'row') runs.push({ form: 'clause', clause })
    else if (last?.form === 'table') last.rows.push(clause)
    else runs.push({ form: 'table', rows: [clause] })
  }
  return runs
}
