// Report numbers that differ between the two texts of a pair, after reading each with its language's separators.
import { numbers } from '../numbers.js'
import type { CheckDefinition } from '../findings.js'

export const numberMismatch: CheckDefinition = {
  id: 'number-mismatch',
  severity: 'error',
  summary: 'A number in one text is missing or different in the other (1,000.5 and 1.000,5 agree).',
  example: {
    reference: '## Apps\n\n- Apps for children under 13 are not permitted.\n',
    translation: '## Apps\n\n- Apps voor kinderen jonger dan 16 zijn niet toegestaan.\n',
    ok: '## Apps\n\n- Apps voor kinderen jonger dan 13 zijn niet toegestaan.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const message = differences('Numbers', numbers(referenceText, reference.locale), numbers(translationText, translation.locale))
    return message ? [{ check: 'number-mismatch', message }] : []
  },
}

/** "Numbers differ: 13 missing from the translation; 16 not in the reference", or undefined when both agree. */
export function differences(what: string, left: readonly string[], right: readonly string[]): string | undefined {
  const missing = difference(left, right)
  const extra = difference(right, left)
  if (missing.length === 0 && extra.length === 0) return undefined
  const parts = []
  if (missing.length > 0) parts.push(`${missing.join(', ')} missing from the translation`)
  if (extra.length > 0) parts.push(`${extra.join(', ')} not in the reference`)
  return `${what} differ: ${parts.join('; ')}`
}

/** Items of `a` not matched in `b`, counting repeats. */
export function difference(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b]
  const out: string[] = []
  for (const item of a) {
    const index = rest.indexOf(item)
    if (index === -1) out.push(item)
    else rest.splice(index, 1)
  }
  return out
}
