// Report translations that are the reference text itself, or written in the reference language.
import { normaliseText } from '../../text/document.js'
import type { CheckDefinition } from '../findings.js'
import { detectLanguage } from '../language.js'

const ENDS_IN_TWO_LETTERS = /\p{L}{2}$/u
const ALL_LETTERS = /^\p{L}{2,}$/u
const STARTS_WITH_TWO_LETTERS = /^\p{L}{2}/u

/**
 * Whether the text has three words of two letters or more in a row, as `\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}` would
 * find (a text of one or two words is too short to call untranslated). Read token by token: the regular expression
 * takes quadratic time on one long word.
 */
export function hasThreeWords(text: string): boolean {
  const tokens = text.split(/\s+/u)
  for (let index = 1; index + 1 < tokens.length; index++) {
    if (ALL_LETTERS.test(tokens[index]!) && ENDS_IN_TWO_LETTERS.test(tokens[index - 1]!) && STARTS_WITH_TWO_LETTERS.test(tokens[index + 1]!)) return true
  }
  return false
}

export const untranslated: CheckDefinition = {
  id: 'untranslated',
  needsLanguage: true,
  severity: 'error',
  summary: 'The translation is the reference text, or is written in the reference language.',
  example: {
    reference: '## Rules\n\n- Follow any instructions in our technical documentation.\n',
    translation: '## Regels\n\n- Follow the instructions in our technical documentation.\n',
    ok: '## Regels\n\n- Volg alle instructies in onze technische documentatie.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    if (reference.locale === translation.locale) return []
    const same = normaliseText(referenceText) === normaliseText(translationText) && hasThreeWords(referenceText)
    if (same) return [{ check: 'untranslated', message: 'Untranslated: the translation is the reference text', side: 'translation' }]
    const language = detectLanguage(translationText, [reference.locale, translation.locale])
    if (language === reference.locale) {
      return [{ check: 'untranslated', message: `Untranslated: the translation reads as \`${reference.locale}\`, expected \`${translation.locale}\``, side: 'translation' }]
    }
    return []
  },
}
