// Semantic versions, pre-releases included (`3.0.0-rc.1`): parse, compare and bump with the `semver` package.
import semver from 'semver'

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

/**
 * Whether `version` is a version a policy is released under: semantic versioning's `X.Y.Z`, with or without a
 * pre-release (`3.0.0-rc.1`), written exactly (no `v`, no spaces, no build metadata, which semver ignores in order
 * and so could not tell two releases apart).
 */
export function isVersion(version: string): boolean {
  return semver.valid(version) === version
}

/** Parse a version: its major, minor and patch numbers (a pre-release is read, and left out of the triple). */
export function parse(version: string): [number, number, number] {
  const parsed = semver.parse(version)
  if (!parsed) throw new Error(`Not a semantic version: ${version}`)
  return [parsed.major, parsed.minor, parsed.patch]
}

/** Compare two versions by semver precedence (`3.0.0-rc.1` < `3.0.0-rc.2` < `3.0.0`): negative, zero or positive. */
export function compare(a: string, b: string): number {
  return semver.compare(a, b)
}

/**
 * The version after `version` for a bump: `1.2.3` → `2.0.0`, `1.3.0`, `1.2.4`. After a pre-release, the release it
 * leads to when that is large enough (`3.0.0-rc.1` → `3.0.0` for any bump; `3.1.0-rc.1` → `4.0.0` for a major one).
 */
export function bumpVersion(version: string, bump: Exclude<Bump, 'none'>): string {
  const next = semver.inc(version, bump)
  if (next === null) throw new Error(`Not a semantic version: ${version}`)
  return next
}

/**
 * The largest bump that `version` is after `previous`, `none` when it is not later. A version is a bump when its
 * release (the pre-release left out) is at least the one that bump leads to: after `2.0.0`, `3.0.0-rc.1` is a major
 * release and `2.0.1` a patch; after `3.0.0-rc.1`, `3.0.0-rc.2` and `3.0.0` are the major release it prepares.
 */
export function bumpTo(previous: string, version: string): Bump {
  if (semver.compare(version, previous) <= 0) return 'none'
  const release = `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`
  for (const bump of ['major', 'minor', 'patch'] as const) {
    if (semver.gte(release, bumpVersion(previous, bump))) return bump
  }
  return 'patch'
}

/** Whether a version is a pre-release (`3.0.0-rc.1`). */
export function isPrerelease(version: string): boolean {
  return semver.prerelease(version) !== null
}
