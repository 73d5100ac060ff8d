// The one did-you-mean of diptych: an edit distance, for commands, options, clause and rule IDs, facts and values.

/** Levenshtein distance (case-insensitive), for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), Math.max(a.length, b.length))
}

/**
 * Levenshtein distance of two (lowercased) strings when it is at most `bound`, else a number above `bound`: only the
 * band of width 2·bound+1 around the diagonal is computed, and it stops as soon as a row exceeds the bound.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  const big = bound + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j <= bound ? j : big
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound)
    const to = Math.min(b.length, i + bound)
    current[0] = i <= bound ? i : big
    if (from > 1) current[from - 1] = big
    let rowMin = current[0]!
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, big)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) current[to + 1] = big
    if (rowMin > bound) return big
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}

/** Candidates a did-you-mean looks at, at most: beyond them (thousands of definitions) it gives up rather than slow the check. */
const SUGGEST_CANDIDATES = 5_000
/** Candidates whose distance a did-you-mean computes, at most (those of a near length). */
const SUGGEST_DISTANCES = 500

/**
 * The candidate nearest to `name`, if near enough to be a likely typo: within a third of its length (at least 2) and
 * shorter than it. Bounded work: only candidates of a near length are measured, by a banded distance that stops at the
 * best so far, and at most {@link SUGGEST_CANDIDATES} candidates are looked at.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase()
  // A suggestion must be nearer than this.
  let limit = Math.min(Math.max(2, Math.floor(name.length / 3)), name.length - 1) + 1
  let best: string | undefined
  let seen = 0
  let measured = 0
  for (const candidate of candidates) {
    if (++seen > SUGGEST_CANDIDATES) break
    if (Math.abs(candidate.length - name.length) >= limit) continue
    if (++measured > SUGGEST_DISTANCES) break
    const distance = boundedDistance(lower, candidate.toLowerCase(), limit - 1)
    if (distance < limit) {
      best = candidate
      limit = distance
    }
  }
  return best
}

/**
 * The did-you-mean of a dotted ID (`basics.keep-api-access`): the nearest whole ID, else the ID whose last part is
 * nearest to the name's last part, for an ID given without its section or under another one (`keep-api-access`).
 */
export function didYouMeanId(name: string, ids: Iterable<string>): string | undefined {
  const all = [...ids]
  const whole = didYouMean(name, all)
  if (whole !== undefined) return whole
  const last = (id: string) => id.slice(id.lastIndexOf('.') + 1)
  const byLast = new Map<string, string>()
  for (const id of all) if (!byLast.has(last(id))) byLast.set(last(id), id)
  const near = didYouMean(last(name), byLast.keys())
  return near === undefined ? undefined : byLast.get(near)
}

/** The note of an unknown name: "Did you mean `x`?", or undefined when no candidate is near. */
export function didYouMeanNote(near: string | undefined): string | undefined {
  return near === undefined ? undefined : `Did you mean \`${near}\`?`
}
