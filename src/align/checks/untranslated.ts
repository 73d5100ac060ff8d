// Report translations that are the reference text itself, or written in the reference language.
import { normaliseText } from '../../ingest/document.js'
import type { CheckDefinition } from '../findings.js'
import { detectLanguage } from '../language.js'

export const untranslated: CheckDefinition = {
  id: 'untranslated',
  severity: 'error',
  summary: 'The translation is the reference text, or is written in the reference language.',
  example: {
    reference: '## Rules\n\n- Follow any instructions in our technical documentation.\n',
    translation: '## Regels\n\n- Follow the instructions in our technical documentation.\n',
    ok: '## Regels\n\n- Volg alle instructies in onze technische documentatie.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    if (reference.locale === translation.locale) return []
    const same = normaliseText(referenceText) === normaliseText(translationText) && /\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}/u.test(referenceText)
    if (same) return [{ check: 'untranslated', message: 'Untranslated: the translation is the reference text', side: 'translation' }]
    const language = detectLanguage(translationText, [reference.locale, translation.locale])
    if (language === reference.locale) {
      return [{ check: 'untranslated', message: `Untranslated: the translation reads as \`${reference.locale}\`, expected \`${translation.locale}\``, side: 'translation' }]
    }
    return []
  },
}
