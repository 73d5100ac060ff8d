// What the locale diff check reports: findings with a stable check ID, a severity and both places.
import { VFileMessage, message } from '../diagnostics/index.js'
import { readmeUrl } from '../diagnostics/rules.js'
import type { Block } from '../text/document.js'
import type { ClauseKind } from '../modality/classify.js'

/** A place in one of the two documents (1-based line and column of the file as given). */
export interface FindingPlace {
  file: string
  line: number
  column: number
}

/**
 * One finding of the locale diff check: a vfile message like every diagnostic of the project. Its `ruleId` is the
 * check's ID (one ID in text, JSON, SARIF and the baseline), `fatal` is true for an error and false for a warning, its
 * place is in the translation where the finding has one there (otherwise in the reference), and `cause` is the
 * related place in the reference when the finding has both.
 */
export interface Finding extends VFileMessage {
  ruleId: string
  fatal: boolean
  file: string
  /** The clause ID, where the documents have IDs. */
  clause: string | null
  /** sha256 of the check and both texts: a baseline entry accepts a finding until either text changes. */
  hash: string
  /** Which document the message's own place is in. */
  side: 'reference' | 'translation'
}

/** Build a finding: at the translation's place when there is one, with the reference's as its `cause`. */
export function finding(check: Pick<CheckDefinition, 'id' | 'severity'>, reason: string, places: { reference: FindingPlace | null; translation: FindingPlace | null }, clause: string | null, hash: string): Finding {
  const primary = places.translation ?? places.reference
  if (!primary) throw new Error(`A finding of ${check.id} without a place`)
  // A check's entry in the README is the heading named by its ID.
  const url = readmeUrl(check.id)
  const cause = places.translation && places.reference ? message('In the reference', { ...places.reference, ruleId: check.id, url }) : undefined
  const found = message(reason, { ...primary, ruleId: check.id, url, fatal: check.severity === 'error', cause }) as Finding
  found.clause = clause
  found.hash = hash
  found.side = places.translation ? 'translation' : 'reference'
  return found
}

/** The finding's place in the reference, if it has one. */
export function referencePlace(finding: Finding): FindingPlace | null {
  if (finding.side === 'reference') return placeOf(finding)
  return finding.cause instanceof VFileMessage ? placeOf(finding.cause) : null
}

/** The finding's place in the translation, if it has one. */
export function translationPlace(finding: Finding): FindingPlace | null {
  return finding.side === 'translation' ? placeOf(finding) : null
}

/** `error` or `warning`. */
export function severityOf(finding: Finding): 'error' | 'warning' {
  return finding.fatal ? 'error' : 'warning'
}

function placeOf(message: VFileMessage): FindingPlace {
  return { file: message.file ?? '', line: message.line ?? 1, column: message.column ?? 1 }
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
  /**
   * Keys of the link targets (`checks/link-targets.ts`) the document's pairs hold as often in the translation as in the
   * reference: where a pair differs in one of them, the link moved to another clause, which link-order reports (and
   * url-mismatch does not). Absent: every difference is url-mismatch's.
   */
  movedLinks?: ReadonlySet<string> | undefined
}

/** A finding before its hash and places are filled in. */
export interface RawFinding {
  check: string
  message: string
  /** Which side the finding is about (both places are given when both exist). */
  side?: 'reference' | 'translation' | undefined
  /** A severity below the check's own, for a finding the check is less sure of (a signal rather than a certainty). */
  severity?: 'warning' | undefined
}

/** A check of aligned pairs, with its documentation and examples (which the tests run). */
export interface CheckDefinition {
  id: string
  severity: 'error' | 'warning'
  /** One line, for the README and SARIF. */
  summary: string
  /** An example in English and Dutch that the check reports, and one it accepts. */
  example: { reference: string; translation: string; ok: string }
  /**
   * Whether the check reads the language packs of both texts (their modal words, function words, grammatical
   * doublings): it is skipped for a pair where either language has no pack, and the result says so, rather than
   * guess and report false errors.
   */
  needsLanguage?: true | undefined
  /** Runs on every aligned pair of non-headings; structural checks have none (the comparison emits them). */
  pair?: ((context: PairContext) => RawFinding[]) | undefined
}

/** A finding as plain data (what the result cache stores): rebuilt by {@link findingFromData} as it was made. */
export interface FindingData {
  check: string
  severity: 'error' | 'warning'
  reason: string
  reference: FindingPlace | null
  translation: FindingPlace | null
  clause: string | null
  hash: string
}

/** A finding as plain data. */
export function findingData(found: Finding): FindingData {
  return { check: found.ruleId, severity: found.fatal ? 'error' : 'warning', reason: found.reason, reference: referencePlace(found), translation: translationPlace(found), clause: found.clause, hash: found.hash }
}

/** The finding `data` describes, as {@link finding} makes it. */
export function findingFromData(data: FindingData): Finding {
  return finding({ id: data.check, severity: data.severity }, data.reason, { reference: data.reference, translation: data.translation }, data.clause, data.hash)
}

/** Whether `value` is a list of findings as plain data (an entry of the result cache is checked before use). */
export function isFindingData(value: unknown): value is FindingData[] {
  const place = (p: unknown) => p === null || (typeof p === 'object' && typeof (p as FindingPlace).file === 'string' && Number.isInteger((p as FindingPlace).line) && Number.isInteger((p as FindingPlace).column))
  return (
    Array.isArray(value) &&
    value.every(
      (entry: Partial<FindingData> | null) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.check === 'string' &&
        (entry.severity === 'error' || entry.severity === 'warning') &&
        typeof entry.reason === 'string' &&
        place(entry.reference) &&
        place(entry.translation) &&
        (entry.reference !== null || entry.translation !== null) &&
        (entry.clause === null || typeof entry.clause === 'string') &&
        typeof entry.hash === 'string',
    )
  )
}
