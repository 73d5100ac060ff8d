// What the locale diff check reports: findings with a stable check ID, a severity and both places.
import type { Block } from '../text/document.js'
import type { ClauseKind } from '../modality/classify.js'

/** A place in one of the two documents (1-based line and column of the file as given). */
export interface FindingPlace {
  file: string
  line: number
  column: number
}

/** One finding of the locale diff check. */
export interface Finding {
  check: string
  severity: 'error' | 'warning'
  message: string
  reference: FindingPlace | null
  translation: FindingPlace | null
  /** The clause ID, where the documents have IDs. */
  clause: string | null
  /** sha256 of both texts: a baseline entry accepts a finding until either text changes. */
  hash: string
}

/** One side of a comparison: a parsed document, its language, and each block's kind. */
export interface Side {
  file: string
  locale: string
  blocks: Block[]
  /** Kind of each block (from its own language's lexicon and lead-ins); headings are informative. */
  kinds: ClauseKind[]
}

/** A pair of aligned units (one each, or two on one side for a merge or split). */
export interface AlignedPair {
  reference: number[]
  translation: number[]
}

/** What a pair check gets. */
export interface PairContext {
  reference: Side
  translation: Side
  pair: AlignedPair
  /** Texts of the pair's units, joined. */
  referenceText: string
  translationText: string
  /** Glossary in use. */
  glossary: import('./glossary.js').Glossary
  /** Median and spread (MAD) of log length ratios over the document's pairs. */
  ratio: { median: number; mad: number }
}

/** A finding before its hash and places are filled in. */
export interface RawFinding {
  check: string
  message: string
  /** Which side the finding is about (both places are given when both exist). */
  side?: 'reference' | 'translation' | undefined
}

/** A check of aligned pairs, with its documentation and examples (which the tests run). */
export interface CheckDefinition {
  id: string
  severity: 'error' | 'warning'
  /** One line, for the README and SARIF. */
  summary: string
  /** An example in English and Dutch that the check reports, and one it accepts. */
  example: { reference: string; translation: string; ok: string }
  /** Runs on every aligned pair of non-headings; structural checks have none (the comparison emits them). */
  pair?: ((context: PairContext) => RawFinding[]) | undefined
}
