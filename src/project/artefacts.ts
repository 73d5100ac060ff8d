// Every JSON file of a project, described once: its type, its JSON Schema, the rule ID of a file of the wrong shape,
// and what a schema cannot say. Read them with readJson (./json-file.ts); a syntax error is `json/syntax` for all.
import { isAbsolute, normalize } from 'node:path'
import type { JSONSchemaType } from 'ajv'
import type { CheckProblem, JsonArtefact } from './json-file.js'
import type { SchemaError } from './schema.js'

const SHA256 = '^[0-9a-f]{64}$'
const NOT_BLANK = '\\S'
/** `null`, in an `anyOf` with the schema of the other value (how ajv's types say `T | null` of a required member). */
const NULL = { type: 'null', nullable: true } as const

// ——— The manifest, `policy/<id>/policy.json` (policy/schema/policy.schema.json) ———

/** A policy's manifest (language codes as keys), `policy/<id>/policy.json`. */
export interface PolicyManifest {
  id: string
  title: Record<string, string>
  reference: string
  locales: string[]
  version: string
  url?: string
  sources?: Record<string, string>
  /** Rule files, relative to the policy folder. */
  rules?: string[]
  /** JSON Schema of the subject the rules read, relative to the policy folder. */
  subject?: string
  /** What an uncovered normative clause is: an error (the default), a warning, or nothing. */
  coverage?: Coverage
}

/** What a normative clause no rule implements is (`coverage` in the manifest). */
export type Coverage = 'error' | 'warning' | 'off'

/** Whether a path named in the manifest leads out of the policy folder. */
const outside = (name: string): boolean => isAbsolute(name) || normalize(name).split(/[\\/]/)[0] === '..'

/** What the manifest's schema cannot say: its ID is its folder's name, the reference is a locale, and so on. */
function manifestProblem(manifest: PolicyManifest, policy: string): CheckProblem | undefined {
  if (manifest.id !== policy) return { pointer: '/id', reason: `field \`id\` is \`${manifest.id}\`, expected \`${policy}\` (the folder's name)` }
  if (!manifest.locales.includes(manifest.reference)) return { pointer: '/reference', reason: `field \`reference\` \`${manifest.reference}\` is not in \`locales\`` }
  for (const locale of manifest.locales) {
    if (manifest.title[locale] === undefined) return { pointer: '/title', reason: `field \`title\` has no \`${locale}\` title` }
  }
  for (const [locale, source] of Object.entries(manifest.sources ?? {})) {
    if (outside(source)) return { pointer: `/sources/${locale}`, reason: `the \`${locale}\` source \`${source}\` is outside the policy folder` }
  }
  for (const [index, name] of (manifest.rules ?? []).entries()) {
    if (outside(name)) return { pointer: `/rules/${index}`, reason: `\`${name}\` is outside the policy folder` }
  }
  if (manifest.subject !== undefined && outside(manifest.subject)) return { pointer: '/subject', reason: `\`${manifest.subject}\` is outside the policy folder` }
  return undefined
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const own = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined)
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')
const texts = (value: unknown): boolean => isObject(value) && Object.values(value).every((item) => typeof item === 'string')

/** The manifest's fields every reader relies on, without ajv (for `eval`, and manifests of other revisions). */
function manifestShape(value: unknown): SchemaError | undefined {
  if (!isObject(value)) return { pointer: '', message: 'must be an object' }
  for (const key of ['id', 'reference', 'version'] as const) {
    if (typeof own(value, key) !== 'string') return { pointer: `/${key}`, message: own(value, key) === undefined ? 'is missing' : 'must be a string' }
  }
  const locales = own(value, 'locales')
  if (!isStrings(locales) || locales.length === 0) return { pointer: '/locales', message: 'must be a non-empty array of language codes' }
  if (!texts(own(value, 'title'))) return { pointer: '/title', message: 'must be an object of texts by language' }
  for (const key of ['url', 'subject'] as const) {
    const field = own(value, key)
    if (field !== undefined && typeof field !== 'string') return { pointer: `/${key}`, message: 'must be a string' }
  }
  const sources = own(value, 'sources')
  if (sources !== undefined && !texts(sources)) return { pointer: '/sources', message: 'must be an object of paths by language' }
  const rules = own(value, 'rules')
  if (rules !== undefined && !isStrings(rules)) return { pointer: '/rules', message: 'must be an array of paths' }
  return undefined
}

/** The manifest of the policy `policy` (its folder's name, which must be its ID). */
export function manifestArtefact(policy: string): JsonArtefact<PolicyManifest> {
  return {
    name: 'manifest',
    ruleId: 'policy/invalid-manifest',
    unreadable: 'policy/unreadable',
    schema: { published: 'policy.schema.json' },
    quick: manifestShape,
    check: (manifest) => manifestProblem(manifest, policy),
  }
}

// ——— The catalogue, `policy/<id>/catalogue.json` and each release's copy (policy/schema/catalogue.schema.json) ———

/**
 * The fields of a catalogue the layers below catalogue/ read. The whole type is catalogue/types.ts's `Catalogue`
 * (clause kinds are the classifier's), which the published schema describes: readers above cast to it.
 */
export interface CatalogueFile {
  id: string
  title: Record<string, string>
  version: string
  reference: string
  locales: string[]
  sections: Array<{ id: string; title: Record<string, string>; clauses: Array<{ id: string }> }>
}

/**
 * The first way `value` falls short of the catalogue's shape, without ajv: the fields every reader of a catalogue
 * relies on, as the published schema requires them.
 */
export function catalogueShape(value: unknown): SchemaError | undefined {
  if (!isObject(value)) return { pointer: '', message: 'must be an object' }
  for (const key of ['id', 'version', 'reference'] as const) {
    if (typeof own(value, key) !== 'string') return { pointer: `/${key}`, message: own(value, key) === undefined ? 'is missing' : 'must be a string' }
  }
  const locales = own(value, 'locales')
  if (!isStrings(locales) || locales.length === 0) return { pointer: '/locales', message: 'must be a non-empty array of language codes' }
  if (!locales.includes(own(value, 'reference') as string)) return { pointer: '/reference', message: 'must be one of `locales`' }
  const textsAt = (text: unknown, pointer: string): SchemaError | undefined => (texts(text) ? undefined : { pointer, message: 'must be an object of texts by language' })
  const title = textsAt(own(value, 'title'), '/title')
  if (title) return title
  const sections = own(value, 'sections')
  if (!Array.isArray(sections)) return { pointer: '/sections', message: 'must be an array' }
  for (const [s, section] of sections.entries()) {
    const at = `/sections/${s}`
    if (!isObject(section)) return { pointer: at, message: 'must be an object' }
    if (typeof own(section, 'id') !== 'string') return { pointer: `${at}/id`, message: 'must be a string' }
    const sectionTitle = textsAt(own(section, 'title'), `${at}/title`)
    if (sectionTitle) return sectionTitle
    const clauses = own(section, 'clauses')
    if (!Array.isArray(clauses)) return { pointer: `${at}/clauses`, message: 'must be an array' }
    for (const [c, clause] of clauses.entries()) {
      const here = `${at}/clauses/${c}`
      if (!isObject(clause)) return { pointer: here, message: 'must be an object' }
      for (const key of ['id', 'form', 'kind'] as const) {
        if (typeof own(clause, key) !== 'string') return { pointer: `${here}/${key}`, message: 'must be a string' }
      }
      for (const key of ['parent', 'leadIn'] as const) {
        const link = own(clause, key)
        if (link !== null && typeof link !== 'string') return { pointer: `${here}/${key}`, message: 'must be a clause ID or null' }
      }
      if (!Number.isInteger(own(clause, 'depth'))) return { pointer: `${here}/depth`, message: 'must be an integer' }
      const text = textsAt(own(clause, 'text'), `${here}/text`)
      if (text) return text
    }
  }
  return undefined
}

/** A clause catalogue: the built one, a stored release's, or one named by `diff`. */
export const CATALOGUE: JsonArtefact<CatalogueFile> = {
  name: 'catalogue',
  ruleId: 'catalogue/invalid',
  schema: { published: 'catalogue.schema.json' },
  quick: catalogueShape,
}

// ——— Translation locks, `locales/<lang>/<policy>.lock.json` ———

/** `locales/<lang>/<policy>.lock.json`. */
export interface TranslationLock {
  /** The reference language the hashes are of. */
  reference: string
  /** Clause ID → sha256 of the normalised reference text the translation was made from. */
  basis: Record<string, string>
}

const LOCK_SCHEMA: JSONSchemaType<TranslationLock> = {
  type: 'object',
  required: ['reference', 'basis'],
  properties: {
    reference: { type: 'string' },
    basis: {
      type: 'object',
      required: [],
      additionalProperties: { type: 'string', pattern: SHA256, 'x-message': 'must be a sha256 (64 lowercase hexadecimal digits)' },
      'x-message': 'must be an object of hashes by clause ID',
    },
  },
  'x-message': 'must be an object with `reference` and `basis` (clause ID → hash)',
}

/** A translation lock: for each translated clause, the hash of the reference text it was made from. */
export const TRANSLATION_LOCK: JsonArtefact<TranslationLock> = { name: 'translation lock', ruleId: 'lock/invalid', unreadable: 'lock/unreadable', schema: LOCK_SCHEMA }

// ——— The baseline, `policy/<id>/check-baseline.json` ———

/** One accepted finding of `policy/<id>/check-baseline.json`. */
export interface BaselineFileEntry {
  check: string
  locale: string
  clause: string | null
  reason: string
  hash: string
}

/** `policy/<id>/check-baseline.json`: findings accepted with a reason. */
export interface BaselineFile {
  accepted: BaselineFileEntry[]
}

const nonEmpty = { type: 'string', pattern: NOT_BLANK, 'x-message': 'must be a non-empty string' } as const

const BASELINE_SCHEMA: JSONSchemaType<BaselineFile> = {
  type: 'object',
  required: ['accepted'],
  properties: {
    accepted: {
      type: 'array',
      items: {
        type: 'object',
        required: ['check', 'locale', 'clause', 'reason', 'hash'],
        properties: { check: nonEmpty, locale: nonEmpty, clause: { anyOf: [{ type: 'string' }, NULL] }, reason: nonEmpty, hash: nonEmpty },
        'x-message': 'must be an object with check, locale, clause, reason and hash',
      },
      'x-message': 'must be a list of accepted findings',
    },
  },
  'x-message': 'must be an object with `accepted`, a list',
}

/** The baseline of `diptych check`: findings accepted with a reason. */
export const BASELINE: JsonArtefact<BaselineFile> = { name: 'baseline', ruleId: 'baseline/invalid', unreadable: 'baseline/unreadable', schema: BASELINE_SCHEMA }

// ——— The glossary, `locales/glossary.json` ———

/** `locales/glossary.json`: each entry lists a term's forms per language; `keep` terms stay the same in every language. */
export interface GlossaryFile {
  $comment?: string | null
  terms?: Array<Record<string, string[]>> | null
  keep?: string[] | null
}

const GLOSSARY_SCHEMA: JSONSchemaType<GlossaryFile> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $comment: { type: 'string', nullable: true },
    terms: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        required: [],
        minProperties: 2,
        additionalProperties: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: NOT_BLANK, 'x-message': 'must be a term (a non-empty string)' },
          'x-message': 'must be a non-empty list of strings',
        },
        'x-message': "must give a term's forms in at least two languages (lists by language code)",
      },
      'x-message': 'must be a list of terms',
    },
    keep: { type: 'array', nullable: true, items: { type: 'string', pattern: NOT_BLANK, 'x-message': 'must be a term (a non-empty string)' }, 'x-message': 'must be a list of terms' },
  },
  'x-message': 'must be an object with `terms` and `keep`',
}

/** The glossary shared by every policy of a project. */
export const GLOSSARY: JsonArtefact<GlossaryFile> = { name: 'glossary', ruleId: 'glossary/invalid', unreadable: 'glossary/unreadable', schema: GLOSSARY_SCHEMA }

// ——— Retired IDs, `policy/<id>/retired-ids.json` ———

/** `policy/<policy>/retired-ids.json`: IDs of removed clauses, never given to a different text. */
export interface RetiredIds {
  retired: string[]
}

const RETIRED_SCHEMA: JSONSchemaType<RetiredIds> = {
  type: 'object',
  required: ['retired'],
  properties: { retired: { type: 'array', items: { type: 'string' }, 'x-message': 'must be a list of clause IDs' } },
  'x-message': 'must be an object `{"retired": ["<id>", …]}`',
}

/** The IDs of removed clauses: never taken as empty (and overwritten) when it is not what it should be. */
export const RETIRED_IDS: JsonArtefact<RetiredIds> = {
  name: 'list of retired IDs',
  ruleId: 'ingest/invalid-retired-ids',
  unreadable: 'ingest/invalid-retired-ids',
  schema: RETIRED_SCHEMA,
  note: 'Expected `{"retired": ["<id>", …]}`, the IDs of removed clauses. Restore the file from version control; the stored releases and the other languages also keep the IDs ever used.',
}

// ——— Releases, `policy/<id>/releases/index.json` and `releases/<version>/release.json` ———

/** The previous release's version and the sha256 of its `release.json`. */
export interface ReleaseLink {
  version: string
  record: string
}

/**
 * `releases/<version>/release.json`: what was released, the sha256 of every other file of the
 * folder, and the sha256 of the previous release's record, so that the stored releases form a
 * chain whose head is also recorded in `releases/index.json`: changing one release's files and
 * its record breaks the next record's link or the head.
 */
export interface ReleaseRecord {
  version: string
  date: string
  files: Record<string, string>
  /** The previous release's version and the sha256 of its `release.json`; null for the first. */
  previous: ReleaseLink | null
}

/** `releases/index.json`: every stored release, oldest first, and the chain's head. */
export interface ReleaseIndex {
  versions: string[]
  head: ReleaseLink | null
}

const LINK_SCHEMA = {
  type: 'object',
  required: ['version', 'record'],
  properties: { version: { type: 'string' }, record: { type: 'string' } },
  'x-message': 'must name a release: `{"version": …, "record": <sha256 of its release.json>}` or null',
} as const

const RECORD_SCHEMA: JSONSchemaType<ReleaseRecord> = {
  type: 'object',
  required: ['version', 'date', 'files', 'previous'],
  properties: {
    version: { type: 'string' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-message': 'must be a date (YYYY-MM-DD)' },
    files: { type: 'object', required: [], additionalProperties: { type: 'string' }, 'x-message': 'must be an object of sha256 hashes by file name' },
    previous: { anyOf: [LINK_SCHEMA, NULL] },
  },
}

const INDEX_SCHEMA: JSONSchemaType<ReleaseIndex> = {
  type: 'object',
  required: ['versions', 'head'],
  properties: {
    versions: { type: 'array', items: { type: 'string' } },
    head: { anyOf: [LINK_SCHEMA, NULL] },
  },
}

/** The record of one stored release. */
export const RELEASE_RECORD: JsonArtefact<ReleaseRecord> = { name: 'release record', ruleId: 'release/invalid-record', unreadable: 'release/unreadable', schema: RECORD_SCHEMA }

/** The index of the stored releases. */
export const RELEASE_INDEX: JsonArtefact<ReleaseIndex> = { name: 'index of releases', ruleId: 'release/invalid-index', unreadable: 'release/unreadable', schema: INDEX_SCHEMA }

// ——— Rule tests, `policy/<id>/tests/*.json` ———

/** One rule test file: a profile (inline, or a path relative to the test file) and the expected status per rule. */
export interface RuleTestFile {
  description?: string
  profile?: unknown
  /** Expected status per rule ID (the statuses are checked against the rule language's). */
  expect: Record<string, unknown>
}

/** A rule test. */
export const RULE_TEST: JsonArtefact<RuleTestFile> = {
  name: 'rule test',
  ruleId: 'test/invalid-test',
  unreadable: 'test/unreadable',
  schema: {
    plain: {
      type: 'object',
      required: ['expect'],
      properties: {
        description: { type: 'string' },
        profile: {},
        expect: { type: 'object', 'x-message': 'must be the expected status per rule (an object)' },
      },
      'x-message': 'must be an object with `profile` and `expect`',
    },
  },
}

// ——— Hints, `policy/<id>/hints.json` ———

/** Hints for reading a raw text: lines to take as headings, and lines to take as paragraphs. */
export interface HintsFile {
  headings?: string[] | null
  paragraphs?: string[] | null
}

const HINTS_SCHEMA: JSONSchemaType<HintsFile> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    headings: { type: 'array', nullable: true, items: { type: 'string' }, 'x-message': 'must be a list of strings' },
    paragraphs: { type: 'array', nullable: true, items: { type: 'string' }, 'x-message': 'must be a list of strings' },
  },
  'x-message': 'must be an object with `headings` and `paragraphs` lists',
}

/** The hints of the raw text importer. */
export const HINTS: JsonArtefact<HintsFile> = { name: 'hints file', ruleId: 'ingest/hints', unreadable: 'ingest/hints', schema: HINTS_SCHEMA }

// ——— The subject schema, named by the manifest's `subject` ———

/** A subject schema as parsed: a JSON Schema (checked as one by catalogue/subject-schema.ts). */
export type SubjectSchemaFile = Record<string, unknown> | boolean

/** The JSON Schema of the profiles a policy's rules read. */
export const SUBJECT_SCHEMA: JsonArtefact<SubjectSchemaFile> = {
  name: 'subject schema',
  ruleId: 'schema/invalid',
  schema: { plain: {} },
  check: (schema) =>
    typeof schema === 'boolean' || isObject(schema)
      ? undefined
      : { pointer: '', reason: `expected a JSON Schema (an object), found ${schema === null ? 'null' : Array.isArray(schema) ? 'an array' : `a ${typeof schema}`}` },
}
