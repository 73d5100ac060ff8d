// Keep IDs through a new version of a text: unchanged blocks, reworded ones (fuzzy match) and moved ones keep theirs.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTEFACT, type PolicyPaths } from '../project/paths.js'
import { type VFile, warn } from '../diagnostics/index.js'
import { CATALOGUE, RETIRED_IDS, TRANSLATION_LOCK } from '../project/artefacts.js'
import { inspectJson, readJson } from '../project/json-file.js'
import { readTextIfExists } from '../util/read-file.js'
import type { TransactionFile } from '../util/transaction.js'
import { stringifyJson } from '../util/json.js'
import { longestIncreasing } from '../util/sequence.js'
import { type Block, type ParsedDocument, normaliseText } from '../text/document.js'

/** Similarity from which a changed block is taken as a rewording of a previous one (word Dice). */
export const REWORDED = 0.5
/** Below this a rewording match is certain enough to keep quiet about. */
export const CERTAIN = 0.7
/** From this similarity on an unmatched block is mentioned as possibly a rewording. */
export const POSSIBLE = 0.3

/** What happened to the blocks of a text since its previous import. */
export interface ReimportChanges {
  kept: number
  reworded: string[]
  moved: string[]
  added: string[]
  removed: string[]
  /** Reworded matches below {@link CERTAIN}, and near misses below {@link REWORDED}. */
  uncertain: string[]
}

/** Words of a text for fuzzy matching: lowercase, numbers and words of 4 letters or more (function words say little). */
function words(text: string): string[] {
  return normaliseText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4 || /^\p{N}+$/u.test(word))
}

/** Dice similarity of two texts' word multisets, from 0 to 1. */
export function wordSimilarity(a: string, b: string): number {
  const left = words(a)
  const right = words(b)
  if (left.length + right.length === 0) return 1
  const counts = new Map<string, number>()
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of right) {
    const count = counts.get(word) ?? 0
    if (count > 0) {
      shared++
      counts.set(word, count - 1)
    }
  }
  return (2 * shared) / (left.length + right.length)
}

/** The section ID of every block (the ID of the heading it stands under). */
function sectionsOf(blocks: readonly Block[], ids: ReadonlyArray<string | undefined>): Array<string | undefined> {
  let section: string | undefined
  return blocks.map((block, index) => {
    if (block.form === 'heading') section = ids[index]
    return section
  })
}

/**
 * Give the blocks of a new version the IDs of the previous one: identical text first, then the
 * most similar text (a rewording). `ids` is filled in place; `taken` holds IDs already used.
 */
export function matchPrevious(
  previous: ParsedDocument,
  document: ParsedDocument,
  ids: Array<string | undefined>,
  taken: Set<string>,
  collector: VFile,
  file: string,
): ReimportChanges {
  const changes: ReimportChanges = { kept: 0, reworded: [], moved: [], added: [], removed: [], uncertain: [] }
  const old = previous.blocks.filter((block) => block.id !== undefined)
  const used = new Set<string>([...taken])
  const oldIndex = new Map(old.map((block, index) => [block.id!, index]))

  // 1. Identical text.
  const byText = new Map<string, string[]>()
  for (const block of old) {
    const key = `${block.form === 'heading'}:${normaliseText(block.text)}`
    byText.set(key, [...(byText.get(key) ?? []), block.id!])
  }
  document.blocks.forEach((block, index) => {
    if (ids[index] !== undefined) return
    const id = (byText.get(`${block.form === 'heading'}:${normaliseText(block.text)}`) ?? []).find((candidate) => !used.has(candidate))
    if (id) {
      ids[index] = id
      used.add(id)
      changes.kept++
    }
  })

  // 2. The most similar previous text: a rewording. Best pairs first.
  const candidates: Array<{ index: number; id: string; score: number }> = []
  document.blocks.forEach((block, index) => {
    if (ids[index] !== undefined) return
    for (const previousBlock of old) {
      if (used.has(previousBlock.id!) || (previousBlock.form === 'heading') !== (block.form === 'heading')) continue
      const score = wordSimilarity(previousBlock.text, block.text)
      if (score >= POSSIBLE) candidates.push({ index, id: previousBlock.id!, score })
    }
  })
  candidates.sort((a, b) => b.score - a.score || a.index - b.index)
  const near = new Map<number, { id: string; score: number }>()
  for (const { index, id, score } of candidates) {
    if (ids[index] !== undefined || used.has(id)) continue
    if (score < REWORDED) {
      if (!near.has(index)) near.set(index, { id, score })
      continue
    }
    ids[index] = id
    used.add(id)
    changes.reworded.push(id)
    const block = document.blocks[index]!
    if (score < CERTAIN) {
      changes.uncertain.push(id)
      warn(collector, `Uncertain match: taken as a rewording of \`${id}\` (similarity ${score.toFixed(2)}); give it another \`{#id}\` in Markdown if it is a new clause`, {
        file,
        line: block.line,
        column: block.column,
        ruleId: 'ingest/uncertain-match',
      })
    }
  }
  for (const [index, { id, score }] of near) {
    if (ids[index] !== undefined || used.has(id)) continue
    const block = document.blocks[index]!
    changes.uncertain.push(id)
    warn(collector, `Uncertain match: possibly a rewording of removed \`${id}\` (similarity ${score.toFixed(2)}), taken as a new clause; give it \`{#${id}}\` in Markdown to keep the ID`, {
      file,
      line: block.line,
      column: block.column,
      ruleId: 'ingest/uncertain-match',
    })
  }

  // 3. Moved: kept or reworded blocks in another section, or out of their previous order.
  const newSections = sectionsOf(document.blocks, ids)
  const oldSections = new Map(old.map((block, index) => [block.id!, sectionsOf(old, old.map((b) => b.id))[index]]))
  const matched = document.blocks.map((_, index) => index).filter((index) => ids[index] !== undefined && oldIndex.has(ids[index]!))
  const inOrder = longestIncreasing(matched.map((index) => oldIndex.get(ids[index]!)!))
  matched.forEach((index, position) => {
    const id = ids[index]!
    const block = document.blocks[index]!
    if (block.form === 'heading') return
    if (oldSections.get(id) !== newSections[index] || !inOrder.has(position)) changes.moved.push(id)
  })

  // 4. Removed: previous IDs nothing took.
  for (const block of old) if (!used.has(block.id!)) changes.removed.push(block.id!)
  return changes
}

export type { RetiredIds } from '../project/artefacts.js'

/**
 * Read the retired IDs of a policy (none when the file is missing). A file that is not
 * `{"retired": [string, …]}` is an error naming it (exit code 2), never taken as empty and overwritten.
 */
export async function readRetired(path: string, display: string = path, inside?: string): Promise<Set<string>> {
  return new Set((await readJson(path, RETIRED_IDS, { display, inside, optional: true }))?.retired)
}

/** IDs marked in a canonical Markdown text (`{#id}`); a linear scan, no backtracking. */
function markedIds(text: string): string[] {
  return [...text.matchAll(/\{#([\w.-]{1,512})\}/g)].map((match) => match[1]!)
}

/**
 * Section and clause IDs of a catalogue's text, as many as it holds: none when it is not JSON, and the IDs it has
 * when it is not quite a catalogue (the check reports that; an ID it names is never given again).
 */
function catalogueIds(text: string, display: string): string[] {
  const catalogue = inspectJson(text, display, CATALOGUE, { quick: true }).parsed as { sections?: Array<{ id?: unknown; clauses?: Array<{ id?: unknown }> }> } | null | undefined
  if (!Array.isArray(catalogue?.sections)) return []
  return catalogue.sections.flatMap((section) => [section?.id, ...(Array.isArray(section?.clauses) ? section.clauses.map((clause) => clause?.id) : [])]).filter((id): id is string => typeof id === 'string')
}

/**
 * Every ID the policy ever gave that the reference text no longer uses: the retired list, plus
 * (so that a lost or stale `retired-ids.json` cannot free one) the IDs of every stored release,
 * the built catalogue, every language's Markdown and translation lock. None of them may be given
 * to a new text. A first import of the reference (no Markdown yet) uses the retired list only.
 */
export async function usedIds(paths: PolicyPaths, reference: string): Promise<Set<string>> {
  const retiredPath = paths.retiredIds
  const ids = await readRetired(retiredPath, paths.display(retiredPath), paths.root)
  const add = (list: Iterable<string>) => {
    for (const id of list) ids.add(id)
  }
  // Read inside the project, never blocking on a named pipe: a file that is missing adds nothing, one that cannot be
  // read (or leads out of the project) is one line, exit code 2, rather than an ID quietly given again.
  const optional = (path: string) => readTextIfExists(path, { file: paths.display(path), inside: paths.root })
  // Only folders hold a release or a language (`locales/glossary.json` stands beside them).
  const folders = async (path: string) => {
    const names = await readdir(path).catch(() => [] as string[])
    const kept: string[] = []
    for (const name of names) if ((await stat(join(path, name)).catch(() => undefined))?.isDirectory()) kept.push(name)
    return kept
  }
  // A first import (no reference Markdown yet) derives its IDs from the text alone, as the releases did.
  const current = await optional(paths.locale(reference))
  if (current === undefined) return ids
  for (const version of await folders(paths.releases)) {
    const file = join(paths.release(version), ARTEFACT.catalogue)
    const text = await optional(file)
    if (text !== undefined) add(catalogueIds(text, paths.display(file)))
  }
  const built = await optional(paths.catalogue)
  if (built !== undefined) add(catalogueIds(built, paths.display(paths.catalogue)))
  const localesFolder = paths.locales
  for (const locale of await folders(localesFolder)) {
    const file = paths.locale(locale)
    const markdown = await optional(file)
    if (markdown !== undefined) add(markedIds(markdown))
    const lock = await optional(paths.lock(locale))
    if (lock !== undefined) {
      // The clause IDs of a lock that is not quite a lock count too; a lock that is not JSON is reported where it is read.
      const basis = (inspectJson(lock, paths.display(paths.lock(locale)), TRANSLATION_LOCK).parsed as { basis?: unknown } | null | undefined)?.basis
      if (basis !== null && typeof basis === 'object') add(Object.keys(basis))
    }
  }
  // The reference's current IDs stay available: its blocks keep them, and translations align to them.
  for (const id of markedIds(current)) ids.delete(id)
  return ids
}

/** The retired-IDs file with `ids` added, or `undefined` when it already lists them all. */
export async function retiredFile(path: string, ids: readonly string[], display: string = path): Promise<TransactionFile | undefined> {
  if (ids.length === 0) return undefined
  const current = await readRetired(path, display)
  const size = current.size
  for (const id of ids) current.add(id)
  return current.size === size ? undefined : { path, data: stringifyJson({ retired: [...current].sort() }) }
}
