// The catalogue's types, exported for teams that import the catalogue into their own systems.
// They mirror policy/schema/catalogue.schema.json.

import type { ClauseKind } from '../modality/classify.js'

export type { ClauseKind }

/** A language code such as `en` or `nl`. */
export type Locale = string

/** A value per language. */
export type PerLocale<T> = Record<Locale, T>

/** A place in a locale's Markdown file. */
export interface SourcePlace {
  /** Path relative to the project root, with `/` separators. */
  file: string
  /** 1-based line. */
  line: number
}

/** One clause: a paragraph or a list item, with its text in every language. */
export interface Clause {
  /** Stable ID shared by every language, such as `basics.keep-api-access`. */
  id: string
  /** The list item this clause is nested under, or null. */
  parent: string | null
  /** The clause ending in a colon that introduces this one, or null. */
  leadIn: string | null
  form: 'paragraph' | 'item'
  /** Nesting depth of a list item, 0 at top level. */
  depth: number
  /** A first classification from the reference text and its lead-in; a rule may override it. */
  kind: ClauseKind
  text: PerLocale<string>
  /** sha256 (hex) of the normalised text per language. */
  hash: PerLocale<string>
  source: PerLocale<SourcePlace>
}

/** A section: a heading and its clauses. */
export interface Section {
  id: string
  title: PerLocale<string>
  source: PerLocale<SourcePlace>
  clauses: Clause[]
}

/** The bilingual, versioned clause catalogue of a policy. */
export interface Catalogue {
  id: string
  title: PerLocale<string>
  /** Semver version. */
  version: string
  /** The reference language. */
  reference: Locale
  /** Every language, the reference first. */
  locales: Locale[]
  sections: Section[]
}

export type { PolicyManifest } from '../project/manifest.js'
