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
  form: 'paragraph' | 'item' | 'row'
  /** Nesting depth of a list item, 0 at top level. */
  depth: number
  /** A first classification from the reference text and its lead-in; a rule may override it. */
  kind: ClauseKind
  text: PerLocale<string>
  /** sha256 (hex) of the normalised text per language. */
  hash: PerLocale<string>
  source: PerLocale<SourcePlace>
  /** The clause's number as the reference writes it (`1.1`, `(a)`, `Article 3`, an ordered list's `2`); absent when none. */
  number?: string
  /** The links of the clause per language, in order (visible text and target); absent when it has none. */
  links?: PerLocale<ClauseLink[]>
  /** The cells of a table row per language; absent for other clauses. */
  cells?: PerLocale<string[]>
}

/** A link in a clause. */
export interface ClauseLink {
  text: string
  url: string
}

/** A section: a heading and its clauses. Sections are listed in document order; a subsection names its parent. */
export interface Section {
  id: string
  title: PerLocale<string>
  source: PerLocale<SourcePlace>
  clauses: Clause[]
  /** 2 for a subsection, 3 for its subsections…; absent for a top section (level 1). */
  level?: number
  /** The enclosing section of a subsection; absent for a top section. */
  parent?: string
  /** The section's number as the reference writes it (`3`, `Article 3`); absent when none. */
  number?: string
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
  /** The effective date each language states (ISO date), where it states one. */
  effective?: PerLocale<string>
  sections: Section[]
}

export type { PolicyManifest } from '../project/manifest.js'
