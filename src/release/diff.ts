// What changed between two snapshots of a policy: clauses per language, rules, modality, and the semver bump it implies.
import type { Catalogue, Clause } from '../catalogue/types.js'
import type { Rule } from '../dsl/ast.js'
import { parseRules } from '../dsl/parse/parse.js'
import { type Bump, bumpVersion, larger } from './semver.js'
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
  /** The new text, by language. */
  text: Record<string, string>
  /** The old text, by language. */
  before: Record<string, string>
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
  /** Why the bump is what it is, largest first: `major: clause x removed`. */
  reasons: string[]
  /** The version the bump leads to after `from` (null when nothing changed, or `from` is not a version). */
  next: string | null
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
    next: null,
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
      diff.clauses.reworded.push({ id, locales: changed, stale, text: now.clause.text, before: old.clause.text })
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
  diff.next = nextVersion(diff.from.version, bump)
  return diff
}

/** The version after `version` for `bump`, null for none or a `version` that is not one. */
function nextVersion(version: string, bump: Bump): string | null {
  if (bump === 'none') return null
  try {
    return bumpVersion(version, bump)
  } catch {
    return null
  }
}

/** A piece of a word diff: text both sides share, or text only the old or the new side has. */
export interface WordChange {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** Words, runs of white space, and each other character (punctuation) on its own. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}_'’-]+|\s+|[^\p{L}\p{N}\p{M}_'’\s-]/gu) ?? []
}

/** Above this many cells (old tokens × new tokens) the texts are shown as replaced whole rather than compared word by word. */
const WORD_DIFF_CELLS = 4_000_000

/**
 * The word diff of two texts: the longest common subsequence of their words (and spaces and punctuation), the rest
 * removed or added. A change that spans several words with only spaces between is one change (`[-a b-]{+c d+}`).
 */
export function wordDiff(before: string, after: string): WordChange[] {
  const a = tokens(before)
  const b = tokens(after)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const raw: WordChange[] = a.slice(0, start).map((text) => ({ kind: 'same', text }))
  const x = a.slice(start, endA)
  const y = b.slice(start, endB)
  if ((x.length + 1) * (y.length + 1) > WORD_DIFF_CELLS) {
    raw.push(...x.map((text) => ({ kind: 'removed' as const, text })), ...y.map((text) => ({ kind: 'added' as const, text })))
  } else {
    // lengths[i][j]: the longest common subsequence of x[i..] and y[j..], in one flat array.
    const width = y.length + 1
    const lengths = new Uint32Array((x.length + 1) * width)
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lengths[i * width + j] = x[i] === y[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        raw.push({ kind: 'same', text: x[i++]! })
        j++
      } else if (j < y.length && (i === x.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) raw.push({ kind: 'added', text: y[j++]! })
      else raw.push({ kind: 'removed', text: x[i++]! })
    }
  }
  raw.push(...a.slice(endA).map((text) => ({ kind: 'same' as const, text })))
  return merge(raw)
}

/**
 * Join a word diff's pieces into text in common and changes, a change being its removed text then its added text.
 * White space alone between two changes joins them (`[-a b-]{+c d+}`) when each side has words on both sides of it.
 */
function merge(raw: readonly WordChange[]): WordChange[] {
  // Runs: text in common (a string), or a change (what it removes and what it adds), alternating.
  const runs: Array<string | { removed: string; added: string }> = []
  for (const piece of raw) {
    const last = runs.at(-1)
    if (piece.kind === 'same') {
      if (typeof last === 'string') runs[runs.length - 1] = last + piece.text
      else runs.push(piece.text)
    } else {
      const change = typeof last === 'object' ? last : { removed: '', added: '' }
      if (change !== last) runs.push(change)
      change[piece.kind] += piece.text
    }
  }
  const out: WordChange[] = []
  const push = (kind: WordChange['kind'], text: string) => {
    if (text !== '') out.push({ kind, text })
  }
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!
    if (typeof run === 'string') {
      push('same', run)
      continue
    }
    const change = { ...run }
    for (;;) {
      const space = runs[index + 1]
      const next = runs[index + 2]
      if (typeof space !== 'string' || !/^\s+$/.test(space) || typeof next !== 'object') break
      if (change.removed === '' || next.removed === '' || change.added === '' || next.added === '') break
      change.removed += space + next.removed
      change.added += space + next.added
      index += 2
    }
    push('removed', change.removed)
    push('added', change.added)
  }
  return out
}

const RED = (text: string) => `\u001b[31m${text}\u001b[39m`
const GREEN = (text: string) => `\u001b[32m${text}\u001b[39m`

/** A word diff on one line, as `git diff --word-diff=plain` writes it: `[-old-]{+new+}` (coloured too, on a terminal). */
export function formatWordDiff(changes: readonly WordChange[], color = false): string {
  return changes
    .map(({ kind, text }) => {
      const flat = text.replace(/\s*\n\s*/g, ' ')
      if (kind === 'same') return flat
      return kind === 'removed' ? (color ? RED(`[-${flat}-]`) : `[-${flat}-]`) : color ? GREEN(`{+${flat}+}`) : `{+${flat}+}`
    })
    .join('')
}

/** Options of {@link renderDiff}. */
export interface RenderDiffOptions {
  /** Colour the removed and added words (a terminal). */
  color?: boolean | undefined
}

/**
 * The diff as text for people: every added and removed clause in full in each language, every reworded clause as a
 * word diff in each language that changed, and the reasons of the semver bump.
 */
export function renderDiff(diff: PolicyDiff, options: RenderDiffOptions = {}): string {
  const lines = [`diptych diff ${diff.from.label} (${diff.from.version}) → ${diff.to.label} (${diff.to.version})`, '']
  const locales = [diff.reference, ...diff.locales.filter((locale) => locale !== diff.reference)]
  const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ')
  const texts = (text: Record<string, string>) => locales.flatMap((locale) => (text[locale] === undefined ? [] : [`    ${locale}: ${flat(text[locale])}`]))
  const group = (title: string, items: string[][]) => {
    if (items.length === 0) return
    lines.push(`${title} (${items.length})`, ...items.flat().map((item) => `  ${item}`), '')
  }
  group('added', diff.clauses.added.map((clause) => [`+ ${clause.id} (${clause.section})`, ...texts(clause.text)]))
  group('removed', diff.clauses.removed.map((clause) => [`- ${clause.id} (${clause.section})`, ...texts(clause.text)]))
  group(
    'reworded',
    diff.clauses.reworded.map((clause) => [
      `~ ${clause.id} [${clause.locales.join(', ')}]${clause.stale.length ? ` (stale: ${clause.stale.join(', ')})` : ''}`,
      ...locales
        .filter((locale) => clause.locales.includes(locale))
        .map((locale) => {
          const before = clause.before?.[locale]
          const after = clause.text[locale]
          if (before === undefined) return `    ${locale}: {+${flat(after ?? '')}+}`
          if (after === undefined) return `    ${locale}: [-${flat(before)}-]`
          return `    ${locale}: ${formatWordDiff(wordDiff(before, after), options.color)}`
        }),
    ]),
  )
  group('moved', diff.clauses.moved.map((clause) => [`> ${clause.id}: ${clause.from === clause.to ? `reordered in ${clause.to}` : `${clause.from} → ${clause.to}`}`]))
  group('modality changed', diff.clauses.kindChanged.map((clause) => [`! ${clause.id}: ${clause.from} → ${clause.to}`]))
  group('sections', [...diff.sections.added.map((id) => [`+ ${id}`]), ...diff.sections.removed.map((id) => [`- ${id}`]), ...diff.sections.retitled.map((id) => [`~ ${id} (title)`])])
  group('rules', [...diff.rules.added.map((id) => [`+ ${id}`]), ...diff.rules.removed.map((id) => [`- ${id}`]), ...diff.rules.changed.map((rule) => [`~ ${rule.id} (${rule.what}${rule.from ? `: ${rule.from} → ${rule.to}` : ''})`])])
  if (diff.bump === 'none') lines.push('no changes')
  else {
    const next = diff.next ?? nextVersion(diff.from.version, diff.bump)
    lines.push(`semver: ${diff.bump} (${diff.from.version} → ${next ?? `next ${diff.bump}`}), because:`)
    // Largest first: the reasons of the bump itself, then those that alone would need less.
    for (const level of ['major', 'minor', 'patch'] as const) lines.push(...diff.reasons.filter((reason) => reason.startsWith(`${level}:`)).map((reason) => `  ${reason}`))
  }
  return lines.join('\n') + '\n'
}
