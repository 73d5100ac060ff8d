// Report a word written twice in a row ("the the", "de de") in either text.
import type { CheckDefinition, RawFinding } from '../findings.js'

const REPEATED = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu

/** Doubles that are grammatical: Dutch reflexives ("moet je je houden aan"), "that that", "had had". */
const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['that', 'had']),
  nl: new Set(['je', 'ze', 'die', 'dat', 'er']),
}

export const repeatedWord: CheckDefinition = {
  id: 'repeated-word',
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
      for (const match of text.matchAll(REPEATED)) {
        if (ALLOWED[locale]?.has(match[1]!.toLowerCase())) continue
        found.push({ check: 'repeated-word', message: `Repeated word “${match[1]}” in the ${side}`, side })
      }
    }
    return found
  },
}
