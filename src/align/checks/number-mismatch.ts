// Report numbers that differ between the two texts of a pair, after reading each with its language's separators.
import { numberWordValues, numbers } from '../numbers.js'
import type { CheckDefinition } from '../findings.js'

export const numberMismatch: CheckDefinition = {
  id: 'number-mismatch',
  severity: 'error',
  summary:
    'A number or date in one text is missing or different in the other. Numbers are read with each language’s separators (1,000.5, 1.000,5 and 1 000,5 agree; the section number 1.2 is not 12), number words match digits (five / vijf / 5), and dates are compared as dates (11 September 2020, 11 september 2020, 2020-09-11).',
  example: {
    reference: '## Apps\n\n- Apps for children under 13 are not permitted.\n',
    translation: '## Apps\n\n- Apps voor kinderen jonger dan 16 zijn niet toegestaan.\n',
    ok: '## Apps\n\n- Apps voor kinderen jonger dan 13 zijn niet toegestaan.\n',
  },
  pair: ({ referenceText, translationText, reference, translation }) => {
    const left = numbers(referenceText, reference.locale)
    const right = numbers(translationText, translation.locale)
    // A number one side writes in digits and the other in words is the same number.
    const missing = difference(difference(left, right), numberWordValues(translationText, translation.locale))
    const extra = difference(difference(right, left), numberWordValues(referenceText, reference.locale))
    const message = described('Numbers', missing, extra)
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
  return described(what, difference(left, right), difference(right, left), show)
}

/** "Numbers differ: … missing from the translation; … not in the reference", from the items each side lacks. */
export function described(what: string, missing: readonly string[], extra: readonly string[], show: (item: string) => string = (item) => item): string | undefined {
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
