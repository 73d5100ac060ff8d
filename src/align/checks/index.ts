// Every check of the locale diff, in report order, as data: ID, default severity, summary, example, and pair function.
import { language } from '../../languages/index.js'
import type { CheckDefinition } from '../findings.js'
import { lengthRatio } from './length-ratio.js'
import { linkOrder } from './link-order.js'
import { modalityMismatch } from './modality-mismatch.js'
import { numberMismatch } from './number-mismatch.js'
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
  linkOrder,
  termMismatch,
  modalityMismatch,
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
