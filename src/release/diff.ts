// What changed between two snapshots of a policy: clauses per language, rules, modality, and the semver bump it implies.
import type { Catalogue, Clause } from '../catalogue/types.js'
import type { Rule } from '../dsl/ast.js'
import { parseRules } from '../dsl/parse/parse.js'
import { type Bump, larger } from './semver.js'
import type { Snapshot } from './snapshot.js'
import { longestIncreasing } from '../util/sequence.js'

/** Where a clause stands. */
interface Placed {
  clause: Clause
  section: string
  sectionTitle: Record<string, string>
  position: number
}

/** A clause whose text changed in some languages. */
export interface Reworded {
  id: string
  /** Languages whose text changed. */
  locales: string[]
  /** Translations left as they were while the reference changed: stale until updated or confirmed. */
  stale: string[]
  text: Record<string, string>
}

/** The differences between two snapshots. */
export interface PolicyDiff {
  from: { label: string; version: string }
  to: { label: string; version: string }
  reference: string
  locales: string[]
  clauses: {
    added: Array<{ id: string; section: string; text: Record<string, string> }>
    removed: Array<{ id: string; section: string; text: Record<string, string> }>
    reworded: Reworded[]
    moved: Array<{ id: string; from: string; to: string; fromTitle: Record<string, string>; toTitle: Record<string, string> }>
    kindChanged: Array<{ id: string; from: string; to: string }>
  }
  sections: { added: string[]; removed: string[]; retitled: string[] }
  rules: {
    added: string[]
    removed: string[]
    changed: Array<{ id: string; what: 'modality' | 'logic' | 'wording'; from?: string; to?: string }>
  }
  /** The semver bump the changes imply: major (removal, modality change), minor (addition, new logic), patch (wording). */
  bump: Bump
  reasons: string[]
}

function place(catalogue: Catalogue): Map<string, Placed> {
  const map = new Map<string, Placed>()
  let position = 0
  for (const section of catalogue.sections) for (const clause of section.clauses) map.set(clause.id, { clause, section: section.id, sectionTitle: section.title, position: position++ })
  return map
}

/** Rules of a source, by ID, without positions. */
function rulesOf(source: string | undefined, label: string): Map<string, Rule> {
  if (source === undefined) return new Map()
  const parsed = parseRules({ file: label, text: source })
  if (!parsed.ok) return new Map()
  return new Map(parsed.program.items.filter((item): item is Rule => item.type === 'rule').map((rule) => [rule.id, rule]))
}

function shape(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => (key === 'loc' || key === 'textLoc' ? undefined : inner))
}

/** Compare two snapshots of a policy. */
export function diffSnapshots(from: Snapshot, to: Snapshot): PolicyDiff {
  const reference = to.catalogue.reference
  const locales = [...new Set([...from.catalogue.locales, ...to.catalogue.locales])]
  const before = place(from.catalogue)
  const after = place(to.catalogue)
  const diff: PolicyDiff = {
    from: { label: from.label, version: from.catalogue.version },
    to: { label: to.label, version: to.catalogue.version },
    reference,
    locales,
    clauses: { added: [], removed: [], reworded: [], moved: [], kindChanged: [] },
    sections: { added: [], removed: [], retitled: [] },
    rules: { added: [], removed: [], changed: [] },
    bump: 'none',
    reasons: [],
  }
  let bump: Bump = 'none'
  const because = (level: Bump, reason: string) => {
    bump = larger(bump, level)
    diff.reasons.push(`${level}: ${reason}`)
  }

  for (const [id, placed] of after) {
    if (!before.has(id)) diff.clauses.added.push({ id, section: placed.section, text: placed.clause.text })
  }
  for (const [id, placed] of before) {
    if (!after.has(id)) diff.clauses.removed.push({ id, section: placed.section, text: placed.clause.text })
  }
  const common = [...after.keys()].filter((id) => before.has(id))
  const inOrder = longestIncreasing(common.map((id) => before.get(id)!.position))
  common.forEach((id, index) => {
    const old = before.get(id)!
    const now = after.get(id)!
    const changed = locales.filter((locale) => old.clause.hash[locale] !== now.clause.hash[locale])
    if (changed.length > 0) {
      const stale = changed.includes(reference) ? locales.filter((locale) => locale !== reference && !changed.includes(locale) && now.clause.text[locale] !== undefined) : []
      diff.clauses.reworded.push({ id, locales: changed, stale, text: now.clause.text })
    }
    if (old.section !== now.section || !inOrder.has(index)) {
      diff.clauses.moved.push({ id, from: old.section, to: now.section, fromTitle: old.sectionTitle, toTitle: now.sectionTitle })
    }
    if (old.clause.kind !== now.clause.kind) diff.clauses.kindChanged.push({ id, from: old.clause.kind, to: now.clause.kind })
  })
  const sectionsBefore = new Map(from.catalogue.sections.map((section) => [section.id, section]))
  const sectionsAfter = new Map(to.catalogue.sections.map((section) => [section.id, section]))
  for (const id of sectionsAfter.keys()) if (!sectionsBefore.has(id)) diff.sections.added.push(id)
  for (const id of sectionsBefore.keys()) if (!sectionsAfter.has(id)) diff.sections.removed.push(id)
  for (const [id, section] of sectionsAfter) {
    const old = sectionsBefore.get(id)
    if (old && locales.some((locale) => old.title[locale] !== section.title[locale])) diff.sections.retitled.push(id)
  }

  const rulesBefore = rulesOf(from.rules, `${from.label}:rules`)
  const rulesAfter = rulesOf(to.rules, `${to.label}:rules`)
  for (const id of rulesAfter.keys()) if (!rulesBefore.has(id)) diff.rules.added.push(id)
  for (const id of rulesBefore.keys()) if (!rulesAfter.has(id)) diff.rules.removed.push(id)
  for (const [id, rule] of rulesAfter) {
    const old = rulesBefore.get(id)
    if (!old || shape(old) === shape(rule)) continue
    const modality = (item: Rule) => item.fields.find((field) => field.type === 'modality' || field.type === 'attest')
    const label = (item: Rule) => {
      const field = modality(item)
      return field?.type === 'modality' ? field.modality : field?.type ?? 'none'
    }
    const logic = (item: Rule) => shape(item.fields.filter((field) => field.type !== 'message' && field.type !== 'attest'))
    if (label(old) !== label(rule)) diff.rules.changed.push({ id, what: 'modality', from: label(old), to: label(rule) })
    else if (logic(old) !== logic(rule)) diff.rules.changed.push({ id, what: 'logic' })
    else diff.rules.changed.push({ id, what: 'wording' })
  }

  for (const clause of diff.clauses.removed) because('major', `clause ${clause.id} removed`)
  for (const clause of diff.clauses.kindChanged) because('major', `clause ${clause.id} changed from ${clause.from} to ${clause.to}`)
  for (const id of diff.rules.removed) because('major', `rule ${id} removed`)
  for (const rule of diff.rules.changed) {
    if (rule.what === 'modality') because('major', `rule ${rule.id} changed from ${rule.from} to ${rule.to}`)
    else if (rule.what === 'logic') because('minor', `rule ${rule.id} checks something else`)
    else because('patch', `rule ${rule.id} reworded`)
  }
  for (const clause of diff.clauses.added) because('minor', `clause ${clause.id} added`)
  for (const id of diff.rules.added) because('minor', `rule ${id} added`)
  for (const clause of diff.clauses.reworded) because('patch', `clause ${clause.id} reworded (${clause.locales.join(', ')})`)
  for (const clause of diff.clauses.moved) because('patch', `clause ${clause.id} moved`)
  for (const id of diff.sections.retitled) because('patch', `section ${id} retitled`)
  diff.bump = bump
  return diff
}

/** The diff as text for people. */
export function renderDiff(diff: PolicyDiff): string {
  const lines = [`diptych diff ${diff.from.label} (${diff.from.version}) → ${diff.to.label} (${diff.to.version})`, '']
  const excerpt = (text: string | undefined) => (text === undefined ? '' : `“${text.length > 70 ? `${text.slice(0, 67)}…` : text}”`)
  const group = (title: string, items: string[]) => {
    if (items.length === 0) return
    lines.push(`${title} (${items.length})`, ...items.map((item) => `  ${item}`), '')
  }
  group('added', diff.clauses.added.map((clause) => `+ ${clause.id} ${excerpt(clause.text[diff.reference])}`))
  group('removed', diff.clauses.removed.map((clause) => `- ${clause.id} ${excerpt(clause.text[diff.reference])}`))
  group(
    'reworded',
    diff.clauses.reworded.map((clause) => `~ ${clause.id} [${clause.locales.join(', ')}]${clause.stale.length ? ` (stale: ${clause.stale.join(', ')})` : ''} ${excerpt(clause.text[diff.reference])}`),
  )
  group('moved', diff.clauses.moved.map((clause) => `> ${clause.id}: ${clause.from === clause.to ? `reordered in ${clause.to}` : `${clause.from} → ${clause.to}`}`))
  group('modality changed', diff.clauses.kindChanged.map((clause) => `! ${clause.id}: ${clause.from} → ${clause.to}`))
  group('sections', [...diff.sections.added.map((id) => `+ ${id}`), ...diff.sections.removed.map((id) => `- ${id}`), ...diff.sections.retitled.map((id) => `~ ${id} (title)`)])
  group('rules', [...diff.rules.added.map((id) => `+ ${id}`), ...diff.rules.removed.map((id) => `- ${id}`), ...diff.rules.changed.map((rule) => `~ ${rule.id} (${rule.what}${rule.from ? `: ${rule.from} → ${rule.to}` : ''})`)])
  lines.push(diff.bump === 'none' ? 'no changes' : `semver: ${diff.bump} (${diff.from.version} → next ${diff.bump})`)
  return lines.join('\n') + '\n'
}
