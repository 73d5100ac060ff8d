// Report glossary terms used in one text of a pair without their counterpart in the other.
import type { CheckDefinition, RawFinding } from '../findings.js'
import type { Glossary } from '../glossary.js'

/** Languages that write compounds as one word, so a term may start a longer word ("pin" in "pinplanners"). */
const COMPOUNDING = new Set(['nl', 'de', 'sv', 'da', 'no', 'fi'])

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Which glossary entries a text uses, for one language. Longer forms are read first and their
 * words taken out, so "Pinners" counts for "Pinner" and not again for "Pin"; names kept as they
 * are (Pinterest) are taken out before any term is read.
 */
export function termsUsed(text: string, locale: string, glossary: Glossary): Set<number> {
  let rest = text
  for (const term of glossary.keep) rest = rest.replace(new RegExp(`(?<![\\p{L}])${escape(term)}(?:s|'s|’s)?(?![\\p{L}])`, 'gu'), ' ')
  const compounding = COMPOUNDING.has(locale)
  const forms = glossary.terms
    .flatMap((entry, index) => (entry[locale] ?? []).map((form) => ({ form, index })))
    .sort((a, b) => b.form.length - a.form.length)
  const used = new Set<number>()
  for (const { form, index } of forms) {
    const tail = compounding ? '\\p{L}*' : "(?:s|'s|’s)?"
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form).replace(/\s+/g, '\\s+')}${tail}(?![\\p{L}\\p{N}])`, 'giu')
    if (pattern.test(rest)) {
      used.add(index)
      rest = rest.replace(pattern, ' ')
    }
  }
  return used
}

export const termMismatch: CheckDefinition = {
  id: 'term-mismatch',
  severity: 'error',
  summary: 'A glossary term (locales/glossary.json) in one text lacks its counterpart in the other, or a term kept as it is (Pinterest, API, CPM) was changed.',
  example: {
    reference: '## Access\n\n- Only access accounts with an access token.\n',
    translation: '## Toegang\n\n- Gebruik accounts alleen met een wachtwoord.\n',
    ok: '## Toegang\n\n- Gebruik accounts alleen met een toegangstoken.\n',
  },
  pair: ({ referenceText, translationText, reference, translation, glossary }) => {
    const found: RawFinding[] = []
    for (const term of glossary.keep) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}`, 'u')
      const left = pattern.test(referenceText)
      const right = pattern.test(translationText)
      if (left !== right) {
        found.push({ check: 'term-mismatch', message: `Term “${term}” is in the ${left ? 'reference' : 'translation'} only; it stays as it is in every language` })
      }
    }
    const left = termsUsed(referenceText, reference.locale, glossary)
    const right = termsUsed(translationText, translation.locale, glossary)
    glossary.terms.forEach((entry, index) => {
      const from = entry[reference.locale]
      const to = entry[translation.locale]
      if (!from || !to || left.has(index) === right.has(index)) return
      found.push(
        left.has(index)
          ? { check: 'term-mismatch', message: `Term “${from[0]}” is not translated as “${to.join('” or “')}”` }
          : { check: 'term-mismatch', message: `Term “${to[0]}” has no “${from.join('” or “')}” in the reference` },
      )
    })
    return found
  },
}
