// Semantic versions: parse, compare, bump.

/** A bump, from the largest to none. */
export type Bump = 'major' | 'minor' | 'patch' | 'none'

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 }

/** Whether bump `a` is at least bump `b`. */
export function atLeast(a: Bump, b: Bump): boolean {
  return RANK[a] >= RANK[b]
}

/** The larger of two bumps. */
export function larger(a: Bump, b: Bump): Bump {
  return RANK[a] >= RANK[b] ? a : b
}

/** Parse `1.2.3` (a pre-release or build suffix is dropped). */
export function parse(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version)
  if (!match) throw new Error(`Not a semantic version: ${version}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** Compare two versions: negative, zero or positive. */
export function compare(a: string, b: string): number {
  const x = parse(a)
  const y = parse(b)
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
}

/** The version after `version` for a bump. */
export function bumpVersion(version: string, bump: Exclude<Bump, 'none'>): string {
  const [major, minor, patch] = parse(version)
  if (bump === 'major') return `${major + 1}.0.0`
  if (bump === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
}
