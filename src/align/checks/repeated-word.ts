// Report a word written twice in a row ("the the", "de de") in either text.
import { language } from '../../languages/index.js'
import type { CheckDefinition, RawFinding } from '../findings.js'

const REPEATED = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu

/** How many distinct repeated words a finding names. */
const LISTED_WORDS = 10

export const repeatedWord: CheckDefinition = {
  id: 'repeated-word',
  needsLanguage: true,
  severity: 'warning',
  summary: 'A word is written twice in a row in either text.',
  example: {
    reference: '## Rules\n\n- Follow the instructions in our documentation.\n',
    translation: '## Regels\n\n- Volg de de instructies in onze documentatie.\n',
    ok: '## Regels\n\n- Volg de instructies in onze documentatie.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const found: RawFinding[] = []
    for (const [text, side, locale] of [[referenceText, 'reference', reference.locale], [translationText, 'translation', translation.locale]] as const) {
      // One finding a side: a clause of "niet niet niet …" is one mistake, not thousands.
      const words = new Map<string, string>()
      let count = 0
      for (const match of text.matchAll(REPEATED)) {
        const lower = match[1]!.toLowerCase()
        // Doubles that are grammatical ("that that", Dutch "moet je je houden aan") are in the language pack.
        if (language(locale)?.allowedRepeats.has(lower)) continue
        count++
        if (!words.has(lower)) words.set(lower, match[1]!)
      }
      if (count === 0) continue
      const named = [...words.values()].slice(0, LISTED_WORDS).map((word) => `“${word}”`)
      const more = words.size > LISTED_WORDS ? ` and ${words.size - LISTED_WORDS} more` : ''
      const times = count > 1 ? ` (${count} times)` : ''
      const message = words.size === 1 ? `Repeated word ${named[0]} in the ${side}${times}` : `Repeated words ${named.join(', ')}${more} in the ${side}${times}`
      found.push({ check: 'repeated-word', message, side })
    }
    return found
  },
}
