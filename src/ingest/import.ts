// `diptych import`: read a raw text, Markdown or an HTML page (a file or a URL), recover its structure, give every block
// its ID, write canonical Markdown.
import { align } from '../text/align.js'
import { type VFile, fail, warn } from '../diagnostics/index.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import { lockFile, lockPath, readLock } from '../project/lock.js'
import { hashText } from '../text/hash.js'
import { type TransactionFile, commitFiles } from '../util/transaction.js'
import { readTextIfExists } from '../util/read-file.js'
import { type ParsedDocument, normaliseText } from '../text/document.js'
import { readHints } from './hints.js'
import { generateIds } from './ids.js'
import { parseHtmlPage } from './html-page.js'
import { parseMarkdown } from './parse-markdown.js'
import { parseText } from './parse-text.js'
import { type SourceFormat, loadSource } from './read-source.js'
import { type SourceRecord, lockedSource, recordFetch, sha256 } from './sources-lock.js'
import { isUrl } from './fetch-source.js'
import { join, resolve } from 'node:path'
import { readText } from '../util/read-file.js'
import { stringifyJson } from '../util/json.js'
import type { PolicyManifest, PolicyPaths } from '../project/manifest.js'
import { type ReimportChanges, matchPrevious, retiredFile, usedIds } from './reimport.js'
import { toMarkdown } from './to-markdown.js'

/** Options of {@link importDocument}. */
export interface ImportOptions {
  /** Project root (holds `policy/` and `locales/`). */
  root: string
  policy: string
  locale: string
  /** The file to import, relative to the current directory or absolute; or an http(s) URL, fetched. */
  file: string
  /**
   * How to read the file; by default a URL's content type, else Markdown for `.md`/`.markdown`, an HTML page for
   * `.html`/`.htm` or a text that opens with `<!doctype html>`/`<html>`, raw text otherwise.
   */
  format?: SourceFormat | undefined
  /** Time limit of fetching a URL, in milliseconds (default: `DIPTYCH_FETCH_TIMEOUT_MS`, else 30 s). */
  fetchTimeoutMs?: number | undefined
  /** Compute everything, write nothing. */
  dryRun?: boolean | undefined
  /** Receives warnings. */
  collector: VFile
  /** Folder that `file` and messages are relative to (default: the process's). */
  cwd?: string | undefined
}

/** What an import did. */
export interface ImportResult {
  /** The locale file written (or that would be written). */
  path: string
  markdown: string
  /** Whether the file's content changed. */
  changed: boolean
  sections: number
  clauses: number
  /** Blocks whose ID came from the source, the previous import, alignment with the reference, or was new. */
  ids: { explicit: number; kept: number; aligned: number; generated: number }
  /** For a re-import of the reference language: what changed since the previous import. */
  changes?: ReimportChanges | undefined
  /**
   * For a URL: what was fetched, as recorded in `sources.lock.json`; `changed` when the bytes differ from the
   * previous import's (the published page changed).
   */
  source?: (SourceRecord & { changed: boolean }) | undefined
  /**
   * The policy's source for this language after the import, relative to the policy folder (a file under `sources/`)
   * or a URL: an imported text becomes the source that `build --from-sources` imports again.
   */
  sourceOfTruth: string
}

/** The file a text imported from outside the policy is kept as, under `sources/`, by how it was read. */
const EXTENSION: Record<SourceFormat, string> = { text: 'txt', markdown: 'md', html: 'html' }

/** Import one language of a policy. */
export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const paths = policyPaths(options.root, options.policy)
  const manifest = await readManifest(paths)
  if (!manifest.locales.includes(options.locale)) {
    fail(`Unknown locale \`${options.locale}\`, expected one of ${manifest.locales.map((l) => `\`${l}\``).join(', ')}`, {
      file: paths.display(paths.manifest),
      ruleId: 'cli/unknown-locale',
      note: 'Add the language to `locales` in policy.json first.',
    })
  }
  const cwd = options.cwd ?? process.cwd()
  const source = await loadSource(options.file, { cwd, format: options.format, timeoutMs: options.fetchTimeoutMs })
  const { text, display } = source
  const document =
    source.format === 'markdown'
      ? parseMarkdown(text, display, options.collector)
      : source.format === 'html'
        ? parseHtmlPage(text, display, options.collector)
        : parseText(text, display, await readHints(paths.hints, paths.display(paths.hints), paths.root))
  const fetched = source.fetched && (await recordFetch(paths, options.locale, source.fetched, options.collector))

  const target = paths.locale(options.locale)
  const targetDisplay = paths.display(target)
  const previous = await readTextIfExists(target, { file: targetDisplay, inside: paths.root })
  const existing = previous === undefined ? undefined : parseMarkdown(previous, targetDisplay)

  const ids: Array<string | undefined> = document.blocks.map((block) => block.id)
  const taken = new Set(ids.filter((id): id is string => id !== undefined))
  const counts = { explicit: taken.size, kept: 0, aligned: 0, generated: 0 }

  // 1. Keep the IDs of the previous import: identical text, or (in the reference) a rewording.
  const retiredPath = paths.retiredIds
  // Every ID ever given and no longer in the reference: retired-ids.json, stored releases, other languages (union).
  const retired = await usedIds(paths, manifest.reference)
  let changes: ReimportChanges | undefined
  if (existing && options.locale === manifest.reference) {
    changes = matchPrevious(existing, document, ids, taken, options.collector, display)
    counts.kept = changes.kept + changes.reworded.length
  } else if (existing) {
    const byText = new Map<string, string[]>()
    for (const block of existing.blocks) {
      if (!block.id) continue
      const key = `${block.form === 'heading'}:${normaliseText(block.text)}`
      byText.set(key, [...(byText.get(key) ?? []), block.id])
    }
    document.blocks.forEach((block, index) => {
      if (ids[index] !== undefined) return
      const candidates = byText.get(`${block.form === 'heading'}:${normaliseText(block.text)}`) ?? []
      const id = candidates.find((candidate) => !taken.has(candidate))
      if (id) {
        ids[index] = id
        taken.add(id)
        counts.kept++
      }
    })
  }
  for (const id of ids) if (id !== undefined) taken.add(id)
  // A retired ID is never given to a different text.
  for (const id of retired) taken.add(id)
  if (changes) for (const id of changes.removed) taken.add(id)

  // 2. A translation takes its IDs from the reference by alignment.
  let reference: ParsedDocument | undefined
  if (options.locale !== manifest.reference) {
    const referencePath = paths.locale(manifest.reference)
    const referenceText = await readTextIfExists(referencePath, { file: paths.display(referencePath), inside: paths.root })
    if (referenceText === undefined) {
      fail(`The reference language \`${manifest.reference}\` has not been imported yet`, {
        file: paths.display(referencePath),
        ruleId: 'ingest/no-reference',
        note: `Run \`diptych import <file> --locale ${manifest.reference}\` first.`,
      })
    }
    reference = parseMarkdown(referenceText, paths.display(referencePath))
    counts.aligned = alignIds(reference, document, ids, taken, options.collector)
  }

  // 3. New IDs for the rest.
  const final = generateIds(document.blocks, ids, taken)
  document.blocks.forEach((block, index) => {
    if (ids[index] !== undefined) return
    counts.generated++
    if (changes && block.form !== 'heading') changes.added.push(final[index]!)
    if (options.locale !== manifest.reference || existing) {
      warn(options.collector, `New ID \`${final[index]}\` for ${block.form} “${excerpt(block.text)}”`, {
        file: display,
        line: block.line,
        column: block.column,
        ruleId: options.locale !== manifest.reference ? 'ingest/unaligned-block' : 'ingest/new-id',
      })
    }
  })

  // `diptych init` titles a policy by its ID until a text gives it its own title.
  const placeholder = manifest.title[options.locale] === undefined || manifest.title[options.locale] === manifest.id
  const title = (placeholder ? document.title?.text : undefined) ?? manifest.title[options.locale] ?? document.title?.text
  const markdown = toMarkdown(document, final, title)
  const changed = markdown !== previous
  // The retired IDs, the Markdown and the translation lock as one transaction: an interrupted import leaves the
  // three as they were or all three new (never Markdown without the IDs it dropped retired, nor without its lock).
  // The imported text becomes the language's source: kept under `sources/` (a file) or named (a URL) in the manifest,
  // and locked with the hash of the Markdown it gave, so that `build --from-sources` imports this text again.
  const truth = sourceOfTruth(paths, manifest, options.locale, options.file, cwd, source.format)
  const record: SourceRecord = fetched ? { ...fetched.record, markdown: sha256(markdown) } : { file: truth.source, sha256: sha256(text), markdown: sha256(markdown) }
  if (!options.dryRun) {
    const files: TransactionFile[] = []
    if (truth.copy) files.push({ path: truth.copy, data: text })
    const retitled = placeholder && title !== undefined && title !== manifest.title[options.locale] ? title : undefined
    if (truth.source !== manifest.sources?.[options.locale] || retitled !== undefined) files.push(await manifestWithSource(paths, manifest, options.locale, truth.source, retitled))
    const locked = await lockedSource(paths, options.locale, record)
    if (locked) files.push(locked)
    const retired = changes ? await retiredFile(retiredPath, changes.removed, paths.display(retiredPath)) : undefined
    if (retired) files.push(retired)
    if (changed) files.push({ path: target, data: markdown })
    const lock = reference ? await lockUpdate(paths.root, target, targetDisplay, manifest.reference, reference, document, final, existing) : undefined
    if (lock) files.push(lock)
    if (files.length > 0) await commitFiles(paths.root, files, paths.display)
  }
  return {
    path: targetDisplay,
    markdown,
    changed,
    sections: document.blocks.filter((block) => block.form === 'heading').length,
    clauses: document.blocks.filter((block) => block.form !== 'heading').length,
    ids: counts,
    changes,
    source: fetched && { ...fetched.record, changed: fetched.changed },
    sourceOfTruth: truth.source,
  }
}

/**
 * Where the text of `file` is kept as the language's source: the manifest's own source when `file` is it (as `build
 * --from-sources` imports it), the URL itself, or `sources/<locale>.<ext>` in the policy folder, where it is copied.
 */
function sourceOfTruth(paths: PolicyPaths, manifest: PolicyManifest, locale: string, file: string, cwd: string, format: SourceFormat): { source: string; copy?: string | undefined } {
  if (isUrl(file)) return { source: file }
  const current = manifest.sources?.[locale]
  if (current !== undefined && !isUrl(current) && resolve(paths.folder, current) === resolve(cwd, file)) return { source: current }
  const source = `sources/${locale}.${EXTENSION[format]}`
  return { source, copy: join(paths.folder, source) }
}

/** The manifest with `source` as the source of `locale`, and its title if given (its other fields and their order kept). */
async function manifestWithSource(paths: PolicyPaths, manifest: PolicyManifest, locale: string, source: string, title: string | undefined): Promise<TransactionFile> {
  const text = await readText(paths.manifest, { file: paths.display(paths.manifest), inside: paths.root })
  const json = JSON.parse(text) as Record<string, unknown>
  if (title !== undefined) json['title'] = { ...manifest.title, [locale]: title }
  const sources = { ...manifest.sources, [locale]: source }
  json['sources'] = Object.fromEntries(manifest.locales.filter((code) => Object.hasOwn(sources, code)).map((code) => [code, sources[code]]))
  return { path: paths.manifest, data: stringifyJson(json) }
}

/** Give translated blocks the IDs of the reference blocks they align with; returns how many. */
function alignIds(
  reference: ParsedDocument,
  translation: ParsedDocument,
  ids: Array<string | undefined>,
  taken: Set<string>,
  collector: VFile,
): number {
  const missing = reference.blocks.find((block) => block.id === undefined)
  if (missing) {
    fail('Reference block without an ID', { file: reference.file, line: missing.line, column: missing.column, ruleId: 'ingest/missing-id', note: 'Import the reference language again.' })
  }
  let aligned = 0
  for (const bead of align(reference.blocks, translation.blocks)) {
    const [r] = bead.reference
    const [t] = bead.translation
    if (r === undefined) continue
    const block = reference.blocks[r]!
    if (t === undefined) {
      if (!taken.has(block.id!)) {
        warn(collector, `No counterpart for reference ${block.form} \`${block.id}\` “${excerpt(block.text)}”`, {
          file: reference.file,
          line: block.line,
          column: block.column,
          ruleId: 'ingest/missing-counterpart',
        })
      }
      continue
    }
    const other = translation.blocks[t]!
    if (ids[t] !== undefined || taken.has(block.id!)) continue
    if ((block.form === 'heading') !== (other.form === 'heading')) continue
    ids[t] = block.id
    taken.add(block.id!)
    aligned++
    if (bead.cost > 10) {
      warn(collector, `Uncertain pair: \`${block.id}\` “${excerpt(block.text)}” ↔ “${excerpt(other.text)}”`, {
        file: translation.file,
        line: other.line,
        column: other.column,
        ruleId: 'ingest/uncertain-pair',
      })
    }
  }
  return aligned
}

/**
 * Record, for each translated block, the reference text it was made from: a block whose text is
 * new or changed is a translation of the reference as it is now; an unchanged block keeps its record.
 */
/** The translation's lock file brought up to date, or `undefined` when it already is. */
async function lockUpdate(root: string, target: string, display: string, referenceLocale: string, reference: ParsedDocument, document: ParsedDocument, ids: readonly string[], existing: ParsedDocument | undefined): Promise<TransactionFile | undefined> {
  const path = lockPath(target)
  const previous = await readLock(path, lockPath(display), root)
  const before = new Map((existing?.blocks ?? []).map((block) => [block.id, normaliseText(block.text)]))
  const referenceText = new Map(reference.blocks.map((block) => [block.id, block.text]))
  const basis: Record<string, string> = {}
  document.blocks.forEach((block, index) => {
    const id = ids[index]!
    const source = referenceText.get(id)
    if (source === undefined) return
    const kept = previous?.reference === referenceLocale ? previous.basis[id] : undefined
    basis[id] = kept !== undefined && before.get(id) === normaliseText(block.text) ? kept : hashText(source)
  })
  return lockFile(path, { reference: referenceLocale, basis })
}

function excerpt(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}
