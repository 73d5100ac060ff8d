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

/** How many differing items a message lists before it gives the rest as a count. */
export const LISTED_ITEMS = 20

/** Items, the first {@link LISTED_ITEMS} of them named and the rest counted. */
export function list(items: readonly string[]): string {
  if (items.length <= LISTED_ITEMS) return items.join(', ')
  return `${items.slice(0, LISTED_ITEMS).join(', ')} and ${items.length - LISTED_ITEMS} more`
}

/**
 * "Numbers differ: 13 missing from the translation; 16 not in the reference", or undefined when both agree; `show`
 * writes an item in the message (the item itself by default).
 */
export function differences(what: string, left: readonly string[], right: readonly string[], show: (item: string) => string = (item) => item): string | undefined {
  const missing = difference(left, right)
  const extra = difference(right, left)
  if (missing.length === 0 && extra.length === 0) return undefined
  const parts = []
  if (missing.length > 0) parts.push(`${list(missing.map(show))} missing from the translation`)
  if (extra.length > 0) parts.push(`${list(extra.map(show))} not in the reference`)
  return `${what} differ: ${parts.join('; ')}`
}

/** Items of `a` not matched in `b`, counting repeats (a multiset difference, in one pass over each). */
export function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>()
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1)
  const out: string[] = []
  for (const item of a) {
    const count = left.get(item) ?? 0
    if (count === 0) out.push(item)
    else left.set(item, count - 1)
  }
  return out
}
