// Deontic lexicons: the words that carry obligation, prohibition and permission, per language.
// The words live in the language packs (`src/languages/<code>.ts`); this module is the classifier's view of them.
import { LANGUAGES, type Lexicon } from '../languages/index.js'

export type { Lexicon }

/** The deontic force of a clause. */
export type Modality = 'obligation' | 'prohibition' | 'permission'

/** Lexicons by language code. A language without one classifies every clause as informative. */
export const LEXICONS: Readonly<Record<string, Lexicon>> = Object.fromEntries(
  Object.values(LANGUAGES).flatMap((pack) => (pack.modality ? [[pack.code, pack.modality] as const] : [])),
)
