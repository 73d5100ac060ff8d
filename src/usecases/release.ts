// Release: check that the languages agree, then store a new version with its changelog entry.
import { fail } from '../diagnostics/index.js'
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
  assertComplete(checked)
  if (checked.errors > 0) return { status: 'check-failed', ...checked }
  return { status: 'released', ...(await release(options)) }
}
export type { Bump } from '../release/semver.js'

/**
 * The checks whose findings no baseline can release: a clause without its text in a language (either way), and a
 * translation of an older reference text. A released catalogue and changelog hold every clause in every language.
 */
const INCOMPLETE: Record<string, string> = {
  'missing-clause': 'has no text in',
  'extra-clause': 'has no reference text for',
  'stale-translation': 'has a stale translation in',
}

/** Fail (one line) while a clause lacks a text in a language or a translation is stale, baselined or not. */
function assertComplete(checked: CheckResult): void {
  const incomplete = checked.all.filter(({ finding }) => finding.ruleId in INCOMPLETE)
  if (incomplete.length === 0) return
  const [{ locale, finding }] = incomplete as [(typeof incomplete)[number]]
  const more = incomplete.length > 1 ? ` (and ${incomplete.length - 1} more)` : ''
  const what = finding.ruleId === 'stale-translation' ? 'import its new translation or `diptych confirm` it' : 'import the missing text'
  fail(`Not released: clause \`${finding.clause ?? '?'}\` ${INCOMPLETE[finding.ruleId]} \`${locale}\` (${finding.ruleId})${more}; a release holds every clause in every language, whatever the baseline says`, {
    file: finding.file,
    line: finding.line ?? undefined,
    column: finding.column ?? undefined,
    ruleId: 'release/incomplete',
    note: `${what}, then release again (\`diptych check\` lists them all).`,
  })
}
