// `policy/<id>/sources.lock.json`: for each language, what its source was when it was last imported (the file under
// `sources/` or the URL, and the sha256 of its text or of the bytes fetched) and the sha256 of the locale Markdown that
// import wrote. A maintainer sees (in the file's history, and in a warning at the next import) when the published page
// changed; `build --from-sources` sees when the locale Markdown changed after its source was imported, and refuses to
// replace it with the older text.
import type { JSONSchemaType } from 'ajv'
import { createHash } from 'node:crypto'
import { type VFile, warn } from '../diagnostics/index.js'
import { type JsonArtefact, readJson } from '../project/json-file.js'
import type { PolicyPaths } from '../project/paths.js'
import { stringifyJson } from '../util/json.js'
import type { TransactionFile } from '../util/transaction.js'
import type { FetchedSource } from './fetch-source.js'

/** What one language's source was when it was last imported. */
export interface SourceRecord {
  /** The URL as the manifest or the command line gave it (a source fetched from the web). */
  url?: string | undefined
  /** The source file, relative to the policy folder (a source kept under `sources/`). */
  file?: string | undefined
  /** sha256 of the bytes served (a URL) or of the text (a file), hexadecimal. */
  sha256: string
  /** When these bytes were first fetched (ISO 8601), for a URL: a fetch of the same bytes leaves the record as it is. */
  fetched?: string | undefined
  /** sha256 of the locale Markdown this source was imported as. */
  markdown?: string | undefined
}

/** `sources.lock.json`: a record per language. */
export type SourcesLock = Record<string, SourceRecord>

const HASH = { type: 'string', pattern: '^[0-9a-f]{64}$', 'x-message': 'must be a sha256 (64 lowercase hexadecimal digits)' } as const

const SCHEMA: JSONSchemaType<SourcesLock> = {
  type: 'object',
  required: [],
  additionalProperties: {
    type: 'object',
    required: ['sha256'],
    properties: {
      url: { type: 'string', nullable: true, pattern: '^https?://', 'x-message': 'must be an http or https URL' },
      file: { type: 'string', nullable: true, minLength: 1, 'x-message': 'must be a path inside the policy folder' },
      sha256: HASH,
      fetched: { type: 'string', nullable: true, pattern: '^\\d{4}-\\d{2}-\\d{2}T', 'x-message': 'must be an ISO 8601 date and time' },
      markdown: { ...HASH, nullable: true },
    },
    additionalProperties: false,
    'x-message': 'must be `{ url | file, sha256, fetched?, markdown? }`',
  },
  'x-message': 'must be an object of `{ url | file, sha256, fetched?, markdown? }` by language',
}

/** The sources lock of a policy. */
export const SOURCES_LOCK: JsonArtefact<SourcesLock> = {
  name: 'sources lock',
  ruleId: 'ingest/invalid-sources-lock',
  schema: SCHEMA,
  note: 'The file is written by `diptych import`; delete it to start the record again.',
}

/** sha256 of a text (UTF-8) or bytes, hexadecimal. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Read a policy's sources lock; undefined when there is none. */
export async function readSourcesLock(paths: PolicyPaths): Promise<SourcesLock | undefined> {
  return readJson(paths.sourcesLock, SOURCES_LOCK, { display: paths.display(paths.sourcesLock), inside: paths.root, optional: true })
}

/** What recording a fetch did. */
export interface SourceRecordUpdate {
  /** The record of this language after the fetch (its `markdown` is filled by {@link lockedSource}). */
  record: SourceRecord
  /** Whether the bytes differ from those recorded for the same URL (false on a first fetch, or a new URL). */
  changed: boolean
}

/**
 * Record a fetch for `locale`: a new record when the URL or the bytes are new, the old one (and its date) otherwise.
 * Bytes that differ from those recorded for the same URL are warned about: the published page changed.
 */
export async function recordFetch(paths: PolicyPaths, locale: string, fetched: FetchedSource, collector: VFile): Promise<SourceRecordUpdate> {
  const lock = (await readSourcesLock(paths)) ?? {}
  const previous = Object.hasOwn(lock, locale) ? lock[locale] : undefined
  if (previous && previous.url === fetched.url && previous.sha256 === fetched.sha256) return { record: { url: previous.url, sha256: previous.sha256, fetched: previous.fetched }, changed: false }
  const changed = previous !== undefined && previous.url === fetched.url
  if (changed) {
    warn(collector, `The published page changed since ${previous.fetched ?? 'the last import'}: sha256 ${previous.sha256.slice(0, 12)}… is now ${fetched.sha256.slice(0, 12)}…`, {
      file: fetched.url,
      ruleId: 'ingest/source-changed',
    })
  }
  return { record: { url: fetched.url, sha256: fetched.sha256, fetched: fetched.fetched }, changed }
}

/** The sources lock with `record` as the record of `locale`, or undefined when it already says so. */
export async function lockedSource(paths: PolicyPaths, locale: string, record: SourceRecord): Promise<TransactionFile | undefined> {
  const lock = (await readSourcesLock(paths)) ?? {}
  const clean = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as SourceRecord
  if (Object.hasOwn(lock, locale) && stringifyJson(lock[locale]) === stringifyJson(clean)) return undefined
  const next: SourcesLock = Object.fromEntries(Object.entries({ ...lock, [locale]: clean }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return { path: paths.sourcesLock, data: stringifyJson(next) }
}
