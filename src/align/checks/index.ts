// Every check of the locale diff, in report order, as data: ID, default severity, summary, example, and pair function.
import { language } from '../../languages/index.js'
import type { CheckDefinition } from '../findings.js'
import { lengthRatio } from './length-ratio.js'
import { linkOrder } from './link-order.js'
import { localizedLink } from './localized-link.js'
import { modalityMismatch } from './modality-mismatch.js'
import { numberMismatch } from './number-mismatch.js'
import { polarityMismatch } from './polarity-mismatch.js'
import { repeatedWord } from './repeated-word.js'
import { extraClause, headingMismatch, mergedClauses, missingClause, movedClause, releaseIntegrity, splitClause, staleTranslation } from './structure.js'
import { termMismatch } from './term-mismatch.js'
import { untranslated } from './untranslated.js'
import { urlMismatch } from './url-mismatch.js'

export const CHECKS: readonly CheckDefinition[] = [
  missingClause,
  extraClause,
  mergedClauses,
  splitClause,
  movedClause,
  headingMismatch,
  numberMismatch,
  urlMismatch,
  localizedLink,
  linkOrder,
  termMismatch,
  modalityMismatch,
  polarityMismatch,
  untranslated,
  lengthRatio,
  repeatedWord,
  staleTranslation,
  releaseIntegrity,
]

/** A check by ID. */
export const CHECK_BY_ID: ReadonlyMap<string, CheckDefinition> = new Map(CHECKS.map((check) => [check.id, check]))

/** What was not checked for want of a language pack: for each language of `locales` without one, the checks skipped. */
export function skippedChecks(locales: readonly string[]): Array<{ locale: string; checks: string[] }> {
  const needing = CHECKS.filter((check) => check.needsLanguage).map((check) => check.id)
  return [...new Set(locales)].filter((locale) => language(locale) === undefined).map((locale) => ({ locale, checks: needing }))
}

/** Which checks ran on a pair of languages, and which did not for want of a language pack. */
export interface CheckCoverage {
  reference: string
  translation: string
  /** The checks that ran, in report order. */
  ran: string[]
  /** The checks that read a language's words and were not run, because a language of the pair has no pack. */
  skipped: string[]
  /** The languages of the pair without a pack. */
  unread: string[]
}

/** For each translation of `reference`, which checks ran and which were skipped (never a silent loss). */
export function checkCoverage(reference: string, translations: readonly string[]): CheckCoverage[] {
  return [...new Set(translations)].map((translation) => {
    const unread = [reference, translation].filter((locale) => language(locale) === undefined)
    const skipped = unread.length > 0 ? CHECKS.filter((check) => check.needsLanguage).map((check) => check.id) : []
    return { reference, translation, ran: CHECKS.filter((check) => !skipped.includes(check.id)).map((check) => check.id), skipped, unread }
  })
}
