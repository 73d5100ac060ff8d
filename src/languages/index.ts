// The registry of languages: adding a language is one file (`<code>.ts`, a `LanguagePack`) and one line here.
import { de } from './de.js'
import { en } from './en.js'
import { fr } from './fr.js'
import { nl } from './nl.js'
import type { LanguagePack } from './types.js'

export type { ChangelogLabels, LanguagePack, Lexicon, PageLabels, ReportLabels, ReportPageLabels, StatusLabels } from './types.js'

/** Every language with a pack, by code. */
export const LANGUAGES: Readonly<Record<string, LanguagePack>> = { en, nl, de, fr }

/** The pack of language `code`, or undefined for a language without one. */
export function language(code: string): LanguagePack | undefined {
  return Object.hasOwn(LANGUAGES, code) ? LANGUAGES[code] : undefined
}

/** The fallback of labels and of what has no language: English. */
export const ENGLISH = en

/** Languages without a pack that write a decimal comma (numbers are still compared right in them). */
const DECIMAL_COMMA = new Set(['de', 'fr', 'es', 'it', 'pt'])

/** The decimal separator of numbers in language `code` (`.` when unknown). */
export function decimalSeparator(code: string): '.' | ',' {
  return language(code)?.decimal ?? (DECIMAL_COMMA.has(code) ? ',' : '.')
}

/** Languages without a pack that write compounds as one word. */
const COMPOUNDING = new Set(['de', 'sv', 'da', 'no', 'fi'])

/** Whether language `code` writes compounds as one word (false when unknown). */
export function compounds(code: string): boolean {
  return language(code)?.compounding ?? COMPOUNDING.has(code)
}
