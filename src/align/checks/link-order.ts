// The document's links in order, as Mozilla's l10n linter reads them (legal-docs `lint_documents.py`: a translation's
// list of link targets must equal the reference's, order included): what url-mismatch, one clause at a time, cannot
// see. The comparison emits these findings (like the structural checks); this file holds the check's definition and
// the comparison of the two lists.
//
// The lists are the targets of the aligned clauses, clause by clause in the reference's order (a clause moved as a
// whole is moved-clause's finding, not a link out of order), each target by its strict key (link-targets.ts: a link in
// another language is the same link, `http://` and `https://` are not). A localized link is thus never a reordering:
// localized-link warns of it in its clause, and a localized link that also moved is one moved link here (its message
// shows the targets as written, languages included). Targets whose count differs between the two
// documents are url-mismatch's (changed, dropped, added) and left out here. What is left is the same multiset on both
// sides; where the two lists differ, a run of differences starts, and it ends where the links read so far are again
// the same multiset (two swapped links are one run; `http://` for `https://` a run of one). Each run is one finding,
// at the first clause where the lists differ. One pass over each list: linear in the number of links.
import type { AlignedPair, CheckDefinition, Side } from '../findings.js'
import { type Target, balancedKeys, targetsOfPairs } from './link-targets.js'
import { list } from './number-mismatch.js'

export const linkOrder: CheckDefinition = {
  id: 'link-order',
  severity: 'error',
  summary:
    'The links of the translation, read in order, are not the reference’s: a link moved to another clause, two links swapped, or a target written with `http://` where the reference has `https://`.',
  example: {
    reference: '## Your data\n\n- Read our [privacy notice](https://www.mozilla.org/privacy/) first.\n- Then read the [terms of use](https://www.mozilla.org/about/legal/terms/).\n',
    translation: '## Je gegevens\n\n- Lees eerst onze [privacyverklaring](https://www.mozilla.org/about/legal/terms/).\n- Lees daarna de [gebruiksvoorwaarden](https://www.mozilla.org/privacy/).\n',
    ok: '## Je gegevens\n\n- Lees eerst onze [privacyverklaring](https://www.mozilla.org/privacy/).\n- Lees daarna de [gebruiksvoorwaarden](https://www.mozilla.org/about/legal/terms/).\n',
  },
}

/** A finding of link-order before the comparison emits it: its message and the pair it is at. */
export interface LinkOrderFinding {
  pair: AlignedPair
  message: string
}

/** A target of one of the two lists, with the position of its pair in the reference's order. */
interface Placed extends Target {
  at: number
}

/**
 * Compare the ordered link targets of the aligned pairs. Returns the keys of the targets that only moved (which
 * url-mismatch leaves to this check, through `PairContext.movedLinks`) and the findings.
 */
export function compareLinkOrder(reference: Side, translation: Side, pairs: readonly AlignedPair[]): { movedLinks: Set<string>; findings: LinkOrderFinding[] } {
  const ordered = [...pairs].sort((a, b) => a.reference[0]! - b.reference[0]!)
  const targets = targetsOfPairs(reference, translation, ordered)
  const movedLinks = balancedKeys(targets.reference, targets.translation)
  const placed = (lists: Target[][]): Placed[] => lists.flatMap((list, at) => list.filter((target) => movedLinks.has(target.key)).map((target) => ({ ...target, at })))
  const left = placed(targets.reference)
  const right = placed(targets.translation)
  const findings: LinkOrderFinding[] = []
  // Keys read in the open run: the reference's count minus the translation's, and how many are not zero.
  const balance = new Map<string, number>()
  let uneven = 0
  const count = (key: string, by: number) => {
    const before = balance.get(key) ?? 0
    const after = before + by
    if (before === 0) uneven++
    if (after === 0) uneven--
    if (after === 0) balance.delete(key)
    else balance.set(key, after)
  }
  let start = -1
  // Both lists hold the same keys as often (a multiset), so they are as long and every run ends by their end.
  for (let index = 0; index < left.length; index++) {
    const a = left[index]!
    const b = right[index]!
    if (start === -1) {
      if (a.strict === b.strict) continue
      start = index
    }
    count(a.key, 1)
    count(b.key, -1)
    if (uneven > 0) continue
    const first = Math.min(left[start]!.at, right[start]!.at)
    findings.push({ pair: ordered[first]!, message: runMessage(left.slice(start, index + 1), right.slice(start, index + 1)) })
    start = -1
  }
  return { movedLinks, findings }
}

/** The message of one run of differences: the translation's links and the reference's, from where they differ. */
function runMessage(reference: readonly Target[], translation: readonly Target[]): string {
  const show = (targets: readonly Target[]) => list(targets.map((target) => `<${target.written}>`))
  if (reference.length === 1) return `Link target ${show(translation)} where the reference has ${show(reference)}`
  return `Links in another order than in the reference: ${show(translation)} where the reference has ${show(reference)}`
}
