// Report translations that are the reference text itself, or written in the reference language.
import { normaliseText } from '../../text/document.js'
import type { CheckDefinition } from '../findings.js'
import { detectLanguage, ownWords } from '../language.js'

/** Words of the reference language's own a text must hold to be called the untranslated reference text. */
const MIN_OWN_WORDS = 1

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
    // Names, addresses and product names stay as they are: a text the same in both is untranslated only where it has
    // words of the reference language that the translation's does not share ("Effective July 31, 2025", "Adding a
    // content warning"), not in "Mozilla Corporation Attn: Legal Notices 149 New Montgomery Street".
    const same = normaliseText(referenceText) === normaliseText(translationText) && ownWords(referenceText, reference.locale, translation.locale) >= MIN_OWN_WORDS
    if (same) return [{ check: 'untranslated', message: 'Untranslated: the translation is the reference text', side: 'translation' }]
    const language = detectLanguage(translationText, [reference.locale, translation.locale])
    if (language === reference.locale) {
      return [{ check: 'untranslated', message: `Untranslated: the translation reads as \`${reference.locale}\`, expected \`${translation.locale}\``, side: 'translation' }]
    }
    return []
  },
}
