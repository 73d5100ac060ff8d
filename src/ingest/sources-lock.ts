// `policy/<id>/sources.lock.json`: for each language imported from a URL, the URL, the sha256 of the bytes fetched and
// when they were first fetched, so that a maintainer sees (in the file's history, and in a warning at the next import)
// when the published page changed.
import type { JSONSchemaType } from 'ajv'
import { type VFile, warn } from '../diagnostics/index.js'
import { type JsonArtefact, readJson } from '../project/json-file.js'
import type { PolicyPaths } from '../project/paths.js'
import { stringifyJson } from '../util/json.js'
import type { TransactionFile } from '../util/transaction.js'
import type { FetchedSource } from './fetch-source.js'

/** What was fetched for one language. */
export interface SourceRecord {
  /** The URL as the manifest or the command line gave it. */
  url: string
  /** sha256 of the bytes served, hexadecimal. */
  sha256: string
  /** When these bytes were first fetched (ISO 8601): a fetch of the same bytes leaves the record as it is. */
  fetched: string
}

/** `sources.lock.json`: a record per language. */
export type SourcesLock = Record<string, SourceRecord>

const SCHEMA: JSONSchemaType<SourcesLock> = {
  type: 'object',
  required: [],
  additionalProperties: {
    type: 'object',
    required: ['url', 'sha256', 'fetched'],
    properties: {
      url: { type: 'string', pattern: '^https?://', 'x-message': 'must be an http or https URL' },
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', 'x-message': 'must be a sha256 (64 lowercase hexadecimal digits)' },
      fetched: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T', 'x-message': 'must be an ISO 8601 date and time' },
    },
    additionalProperties: false,
    'x-message': 'must be `{ url, sha256, fetched }`',
  },
  'x-message': 'must be an object of `{ url, sha256, fetched }` by language',
}

/** The sources lock of a policy. */
export const SOURCES_LOCK: JsonArtefact<SourcesLock> = {
  name: 'sources lock',
  ruleId: 'ingest/invalid-sources-lock',
  schema: SCHEMA,
  note: 'The file is written by `diptych import <url>`; delete it to start the record again.',
}

/** Read a policy's sources lock; undefined when there is none. */
export async function readSourcesLock(paths: PolicyPaths): Promise<SourcesLock | undefined> {
  return readJson(paths.sourcesLock, SOURCES_LOCK, { display: paths.display(paths.sourcesLock), inside: paths.root, optional: true })
}

/** What recording a fetch did. */
export interface SourceRecordUpdate {
  /** The record of this language after the import. */
  record: SourceRecord
  /** Whether the bytes differ from those recorded for the same URL (false on a first fetch, or a new URL). */
  changed: boolean
  /** The lock file to write, or undefined when it already says so. */
  file: TransactionFile | undefined
}

/**
 * Record a fetch for `locale`: a new record when the URL or the bytes are new, the old one (and its date) otherwise.
 * Bytes that differ from those recorded for the same URL are warned about: the published page changed.
 */
export async function recordFetch(paths: PolicyPaths, locale: string, fetched: FetchedSource, collector: VFile): Promise<SourceRecordUpdate> {
  const lock = (await readSourcesLock(paths)) ?? {}
  const previous = Object.hasOwn(lock, locale) ? lock[locale] : undefined
  if (previous && previous.url === fetched.url && previous.sha256 === fetched.sha256) return { record: previous, changed: false, file: undefined }
  const changed = previous !== undefined && previous.url === fetched.url
  if (changed) {
    warn(collector, `The published page changed since ${previous.fetched}: sha256 ${previous.sha256.slice(0, 12)}… is now ${fetched.sha256.slice(0, 12)}…`, {
      file: fetched.url,
      ruleId: 'ingest/source-changed',
    })
  }
  const record: SourceRecord = { url: fetched.url, sha256: fetched.sha256, fetched: fetched.fetched }
  const next: SourcesLock = Object.fromEntries(Object.entries({ ...lock, [locale]: record }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return { record, changed, file: { path: paths.sourcesLock, data: stringifyJson(next) } }
}
