// Release: check that the languages agree, then store a new version with its changelog entry.
import { policyPaths } from '../project/manifest.js'
import { type ReleaseOptions, type ReleaseResult, assertReleasesIntact, release } from '../release/release.js'
import { type CheckResult, checkPolicy } from './check.js'

/** What {@link releasePolicy} did: released (or found nothing to release), or refused by the locale diff check. */
export type ReleasePolicyResult = ({ status: 'released' } & ReleaseResult) | ({ status: 'check-failed' } & CheckResult)

/**
 * Release a policy: an interrupted release is finished first, stored releases that are not intact stop everything,
 * and the locale diff check must pass (a release promises that the languages say the same thing).
 */
export async function releasePolicy(options: ReleaseOptions): Promise<ReleasePolicyResult> {
  const paths = policyPaths(options.root, options.policy)
  // The stored releases first: a broken one stops everything, before the languages are compared.
  await assertReleasesIntact(paths)
  const checked = await checkPolicy({ root: options.root, policy: options.policy })
  if (checked.errors > 0) return { status: 'check-failed', ...checked }
  return { status: 'released', ...(await release(options)) }
}
export type { Bump } from '../release/semver.js'
