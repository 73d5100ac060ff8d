// `diptych build`: read the manifest and every locale's Markdown, pair clauses by ID, classify, hash, validate, write.
import { type VFile, fail, warn } from '../diagnostics/index.js'
import { type Block, PREAMBLE_ID, type ParsedDocument } from '../text/document.js'
import { parseMarkdown } from '../ingest/parse-markdown.js'
import { type ClauseKind, classifyClause } from '../modality/classify.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import type { TransactionFile } from '../util/transaction.js'
import { readTextIfExists } from '../util/read-file.js'
import { stringifyJson } from '../util/json.js'
import { hashText } from '../text/hash.js'
import { findLeadIns } from '../text/lead-ins.js'
import { type PolicyPaths, policyPaths, readManifest } from '../project/manifest.js'
import { schemaPath, validateAgainst } from '../project/schema.js'
import type { Catalogue, Clause, PolicyManifest, Section } from './types.js'

/** Options of {@link buildCatalogue}. */
export interface BuildOptions {
  root: string
  policy: string
  collector: VFile
  /** Validate against this schema instead of the published one (tests use a stricter one). */
  schema?: string | undefined
  /** Compute and validate, write nothing. */
  dryRun?: boolean | undefined
  /** Compute and validate, and leave the writing to the caller (`file` of the result), in a transaction of its own. */
  deferWrite?: boolean | undefined
}

/** What a build produced. */
export interface BuildResult {
  catalogue: Catalogue
  /** The catalogue file, relative to the root. */
  path: string
  changed: boolean
  summary: BuildSummary
  /** The catalogue file's path and content, for a caller that writes it itself (`deferWrite`). */
  file: TransactionFile
}

/** Counts for the summary line. */
export interface BuildSummary {
  sections: number
  /** Clauses per language. */
  clauses: Record<string, number>
  /** Clauses present in every language. */
  paired: number
  /** Clauses per kind. */
  kinds: Record<ClauseKind, number>
}

/** Build, validate and write the catalogue of a policy. */
export async function buildCatalogue(options: BuildOptions): Promise<BuildResult> {
  return writeCatalogue(await assembleCatalogue(options), options)
}

/** Read the manifest and every locale and pair them into a catalogue (not yet validated or written). */
export async function assembleCatalogue(options: Pick<BuildOptions, 'root' | 'policy' | 'collector'>): Promise<Catalogue> {
  const paths = policyPaths(options.root, options.policy)
  const manifest = await readManifest(paths)
  const documents = new Map<string, ParsedDocument>()
  for (const locale of manifest.locales) documents.set(locale, await readLocale(paths, manifest, locale))
  return assemble(manifest, documents, options.collector)
}

/** Apply the rules' `classify` overrides to the kinds of a catalogue. */
export function applyClassifications(catalogue: Catalogue, classifications: ReadonlyMap<string, ClauseKind>): void {
  for (const section of catalogue.sections) {
    for (const clause of section.clauses) clause.kind = classifications.get(clause.id) ?? clause.kind
  }
}

/** Validate a catalogue against the schema and write it atomically (unless dry-run or unchanged). */
export async function writeCatalogue(catalogue: Catalogue, options: BuildOptions): Promise<BuildResult> {
  const paths = policyPaths(options.root, options.policy)
  const errors = validateAgainst(options.schema ?? schemaPath('catalogue.schema.json'), catalogue)
  if (errors.length > 0) {
    const first = errors[0]!
    fail(`Invalid catalogue: \`${first.pointer || '/'}\`${describePointer(catalogue, first.pointer)} ${first.message}`, {
      file: paths.display(paths.catalogue),
      ruleId: 'catalogue/invalid',
      note: errors.length > 1 ? `${errors.length - 1} more errors` : undefined,
    })
  }
  const json = stringifyJson(catalogue)
  const previous = await readTextIfExists(paths.catalogue, { file: paths.display(paths.catalogue), inside: paths.root })
  const changed = previous !== json
  if (changed && !options.dryRun && !options.deferWrite) await writeFileAtomic(paths.catalogue, json)
  return { catalogue, path: paths.display(paths.catalogue), changed, summary: summarise(catalogue), file: { path: paths.catalogue, data: json } }
}

async function readLocale(paths: PolicyPaths, manifest: PolicyManifest, locale: string): Promise<ParsedDocument> {
  const path = paths.locale(locale)
  const file = paths.display(path)
  const text = await readTextIfExists(path, { file, ruleId: 'catalogue/unreadable', inside: paths.root })
  if (text === undefined) {
    fail(`No \`${locale}\` text: file not found`, {
      file,
      ruleId: 'catalogue/missing-locale',
      note: `Run \`diptych import <file> --locale ${locale} --policy ${manifest.id}\` first.`,
    })
  }
  const document = parseMarkdown(text, file)
  const missing = document.blocks.find((block) => block.id === undefined)
  if (missing) {
    fail(`Missing ID on ${missing.form} “${missing.text.slice(0, 40)}”, expected a trailing \`{#id}\``, {
      file,
      line: missing.line,
      column: missing.column,
      ruleId: 'catalogue/missing-id',
      note: `Run \`diptych import ${file} --locale ${locale}\` to give every block an ID.`,
    })
  }
  return document
}

/** Pair every locale's blocks with the reference's by ID and build the catalogue. */
function assemble(manifest: PolicyManifest, documents: Map<string, ParsedDocument>, collector: VFile): Catalogue {
  const reference = documents.get(manifest.reference)!
  const byId = new Map<string, Map<string, Block>>()
  for (const [locale, document] of documents) {
    const blocks = new Map<string, Block>()
    for (const block of document.blocks) blocks.set(block.id!, block)
    byId.set(locale, blocks)
  }
  const place = (locale: string, block: Block) => ({ file: documents.get(locale)!.file, line: block.line })

  const sections: Section[] = []
  const kinds = new Map<string, ClauseKind>()
  const leadIns = findLeadIns(reference.blocks)
  // Open sections by level, so that a subsection names its parent.
  const open: Section[] = []
  reference.blocks.forEach((block, index) => {
    const id = block.id!
    const perLocale = manifest.locales.flatMap((locale) => {
      const other = byId.get(locale)!.get(id)
      if (!other) return []
      if ((other.form === 'heading') !== (block.form === 'heading')) {
        warn(collector, `\`${id}\` is a ${other.form} here but a ${block.form} in \`${manifest.reference}\``, {
          file: documents.get(locale)!.file,
          line: other.line,
          column: other.column,
          ruleId: 'catalogue/form-mismatch',
        })
        return []
      }
      return [[locale, other] as const]
    })
    if (block.form === 'heading') {
      const level = block.level ?? 1
      open.length = Math.max(0, Math.min(open.length, level - 1))
      const parent = open.at(-1)
      const section: Section = {
        id,
        title: Object.fromEntries(perLocale.map(([locale, other]) => [locale, other.text])),
        source: Object.fromEntries(perLocale.map(([locale, other]) => [locale, place(locale, other)])),
        clauses: [],
      }
      // Absent at their defaults, so a catalogue of top sections only reads as before.
      if (parent) {
        section.level = open.length + 1
        section.parent = parent.id
      }
      if (block.number !== undefined) section.number = block.number
      open.push(section)
      sections.push(section)
      return
    }
    const leadIn = leadIns[index]! === -1 ? undefined : reference.blocks[leadIns[index]!]!
    const kind = classifyClause(block.text, {
      language: manifest.reference,
      leadIn: leadIn ? kinds.get(leadIn.id!) : undefined,
      item: block.form === 'item',
    })
    kinds.set(id, kind)
    const clause: Clause = {
      id,
      parent: block.parent === -1 ? null : reference.blocks[block.parent]!.id!,
      leadIn: leadIn ? leadIn.id! : null,
      form: block.form,
      depth: block.depth,
      kind,
      text: Object.fromEntries(perLocale.map(([locale, other]) => [locale, other.text])),
      hash: Object.fromEntries(perLocale.map(([locale, other]) => [locale, hashText(other.text)])),
      source: Object.fromEntries(perLocale.map(([locale, other]) => [locale, place(locale, other)])),
    }
    if (block.number !== undefined) clause.number = block.number
    if (perLocale.some(([, other]) => other.links !== undefined)) clause.links = Object.fromEntries(perLocale.map(([locale, other]) => [locale, other.links ?? []]))
    if (block.cells !== undefined) clause.cells = Object.fromEntries(perLocale.map(([locale, other]) => [locale, other.cells ?? [other.text]]))
    // Blocks before the first heading are the document's opening section, titled like the document.
    if (sections.length === 0) {
      sections.push({
        id: PREAMBLE_ID,
        title: Object.fromEntries(manifest.locales.map((locale) => [locale, documents.get(locale)!.title?.text ?? manifest.title[locale]!])),
        source: Object.fromEntries(perLocale.map(([locale, other]) => [locale, place(locale, other)])),
        clauses: [],
      })
    }
    sections.at(-1)!.clauses.push(clause)
  })

  // Blocks a translation has and the reference lacks are reported; the locale diff check explains them.
  for (const locale of manifest.locales) {
    if (locale === manifest.reference) continue
    for (const block of documents.get(locale)!.blocks) {
      if (!byId.get(manifest.reference)!.has(block.id!)) {
        warn(collector, `\`${block.id}\` is not in the reference \`${manifest.reference}\`; left out of the catalogue`, {
          file: documents.get(locale)!.file,
          line: block.line,
          column: block.column,
          ruleId: 'catalogue/extra-block',
        })
      }
    }
    for (const block of reference.blocks) {
      if (!byId.get(locale)!.has(block.id!)) {
        warn(collector, `\`${block.id}\` has no \`${locale}\` text`, {
          file: reference.file,
          line: block.line,
          column: block.column,
          ruleId: 'catalogue/missing-translation',
        })
      }
    }
  }

  return {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    reference: manifest.reference,
    locales: [manifest.reference, ...manifest.locales.filter((locale) => locale !== manifest.reference)],
    ...effectiveDates(manifest, documents),
    sections,
  }
}

/** The effective date of each language that states one; nothing when none does. */
function effectiveDates(manifest: PolicyManifest, documents: Map<string, ParsedDocument>): { effective?: Record<string, string> } {
  const dates = manifest.locales.flatMap((locale) => {
    const date = documents.get(locale)!.meta?.effective
    return date === undefined ? [] : [[locale, date] as const]
  })
  return dates.length === 0 ? {} : { effective: Object.fromEntries(dates) }
}

/** Count sections, clauses per language, pairs and kinds. */
export function summarise(catalogue: Catalogue): BuildSummary {
  const clauses = Object.fromEntries(catalogue.locales.map((locale) => [locale, 0]))
  const kinds: Record<ClauseKind, number> = { obligation: 0, prohibition: 0, permission: 0, informative: 0 }
  let paired = 0
  for (const section of catalogue.sections) {
    for (const clause of section.clauses) {
      for (const locale of Object.keys(clause.text)) clauses[locale] = (clauses[locale] ?? 0) + 1
      if (catalogue.locales.every((locale) => clause.text[locale] !== undefined)) paired++
      kinds[clause.kind]++
    }
  }
  return { sections: catalogue.sections.length, clauses, paired, kinds }
}

/** Name the section or clause a JSON pointer into the catalogue points into. */
function describePointer(catalogue: Catalogue, pointer: string): string {
  const match = /^\/sections\/(\d+)(?:\/clauses\/(\d+))?/.exec(pointer)
  if (!match) return ''
  const section = catalogue.sections[Number(match[1])]
  const clause = match[2] === undefined ? undefined : section?.clauses[Number(match[2])]
  return clause ? ` (clause \`${clause.id}\`)` : section ? ` (section \`${section.id}\`)` : ''
}
