// Report glossary terms used in one text of a pair without their counterpart in the other.
import { compounds, language } from '../../languages/index.js'
import type { CheckDefinition, RawFinding } from '../findings.js'
import type { Glossary } from '../glossary.js'


function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const patterns = new Map<string, RegExp>()

/** A compiled pattern, made once per source and flags. */
function pattern(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`
  let compiled = patterns.get(key)
  if (!compiled) patterns.set(key, (compiled = new RegExp(source, flags)))
  compiled.lastIndex = 0
  return compiled
}

/** Words of a text with their original case, split at anything that is not a letter or digit. */
function tokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
}

/**
 * Which glossary entries a text uses, for one language, matched word by word (no regular expression a form).
 * Longer forms are read first and their words taken out, so "Pinners" counts for "Pinner" and not again for
 * "Pin"; forms that contain a name kept as it is ("API-inloggegevens") come first, then the names themselves
 * (Pinterest) are taken out, so that "pin" is not read in "Pinterest". Each word of a form may take an ending of
 * its language (the pack's `inflections`: "tokens", "persoonlijke", "Schlüsseln"); in a compounding language the last
 * may start a longer word ("pin" in "pinplanners").
 */
export function termsUsed(text: string, locale: string, glossary: Glossary): Set<number> {
  const { keep, forms, compounding } = prepared(glossary, locale)
  // A word of a form may take the language's endings ("access tokens", "persoonlijke gegevens"); without a pack, "s".
  const inflections = language(locale)?.inflections ?? ['s']
  const words = tokens(text)
  const lower = words.map((word) => word.toLowerCase())
  const taken = new Uint8Array(words.length)
  const used = new Set<number>()
  const matchAt = (form: string[], at: number): boolean => {
    for (let k = 0; k < form.length; k++) {
      const index = at + k
      if (index >= words.length || taken[index]) return false
      const word = lower[index]!
      const wanted = form[k]!
      const inflected = word === wanted || inflections.some((ending) => word.length === wanted.length + ending.length && word.startsWith(wanted) && word.endsWith(ending))
      if (k < form.length - 1) {
        if (!inflected) return false
      } else if (!(inflected || (compounding && word.startsWith(wanted)))) return false
    }
    return true
  }
  const take = (form: string[]): boolean => {
    let found = false
    for (let at = 0; at + form.length <= words.length; at++) {
      if (matchAt(form, at)) {
        for (let k = 0; k < form.length; k++) taken[at + k] = 1
        found = true
      }
    }
    return found
  }
  for (const { words: form, index, hasKeep } of forms) if (hasKeep && take(form)) used.add(index)
  words.forEach((word, index) => {
    if (keep.has(word) || (word.endsWith('s') && keep.has(word.slice(0, -1)))) taken[index] = 1
  })
  for (const { words: form, index, hasKeep } of forms) if (!hasKeep && take(form)) used.add(index)
  return used
}

interface Prepared {
  keep: Set<string>
  compounding: boolean
  forms: Array<{ words: string[]; index: number; hasKeep: boolean }>
}

const preparedCache = new WeakMap<Glossary, Map<string, Prepared>>()

/** A glossary's forms for one language, split into words once: longer forms first. */
function prepared(glossary: Glossary, locale: string): Prepared {
  let byLocale = preparedCache.get(glossary)
  if (!byLocale) preparedCache.set(glossary, (byLocale = new Map()))
  let result = byLocale.get(locale)
  if (!result) {
    const keep = new Set(glossary.keep)
    const keepLower = new Set(glossary.keep.map((term) => term.toLowerCase()))
    result = {
      keep,
      // Compounding languages (a term may start a longer word) are named by the language packs.
      compounding: compounds(locale),
      forms: glossary.terms
        .flatMap((entry, index) => (entry[locale] ?? []).map((form) => ({ form, index })))
        .sort((a, b) => b.form.length - a.form.length)
        .map(({ form, index }) => {
          const words = tokens(form).map((word) => word.toLowerCase())
          return { words, index, hasKeep: words.some((word) => keepLower.has(word)) }
        }),
    }
    byLocale.set(locale, result)
  }
  return result
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
      const keep = pattern(`(?<![\\p{L}\\p{N}])${escape(term)}`, 'u')
      const left = referenceText.includes(term) && keep.test(referenceText)
      const right = translationText.includes(term) && keep.test(translationText)
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
