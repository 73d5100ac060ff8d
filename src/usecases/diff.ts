// Diff: what changed between two versions of a policy (a catalogue file, a released version, a git revision, or now).
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type VFile, fail, isDiagnostic, ruleIdOf } from '../diagnostics/index.js'
import { policyPaths } from '../project/manifest.js'
import { type PolicyDiff, diffSnapshots } from '../release/diff.js'
import { currentSnapshot } from '../release/release.js'
import { releasedVersions } from '../release/verify.js'
import { type Snapshot, loadSnapshot } from '../release/snapshot.js'
import { didYouMean } from '../util/suggest.js'

/** Options of {@link diffPolicy}. */
export interface DiffOptions {
  root: string
  policy: string
  /** The older side and the newer side: `current`, a catalogue file, a released version or a git revision. */
  from: string
  to: string
  /** The folder file sides are resolved from. */
  cwd: string
  collector: VFile
}

/** The differences between two versions of a policy, with the semver bump they call for. */
export async function diffPolicy(options: DiffOptions): Promise<PolicyDiff> {
  const paths = policyPaths(options.root, options.policy)
  const side = async (spec: string): Promise<Snapshot> => {
    if (spec === 'current') return { ...(await currentSnapshot(paths, options.collector)).snapshot, label: 'current' }
    // A side the user names as a path must be a file: a folder is neither a catalogue nor a revision.
    if ((await stat(resolve(options.cwd, spec)).catch(() => undefined))?.isDirectory()) {
      fail('Expected a catalogue file, a released version or a git revision, found a folder', { file: spec, ruleId: 'diff/unknown-side' })
    }
    try {
      return await loadSnapshot(spec, paths, options.cwd)
    } catch (error) {
      // A mistyped side (`curent`, `1.0.1` for `1.0.0`): the nearest of `current` and the released versions.
      if (isDiagnostic(error) && ruleIdOf(error) === 'diff/unknown-side') {
        const near = didYouMean(spec, ['current', ...(await releasedVersions(paths))])
        if (near !== undefined) error.note = `Did you mean \`${near}\`?`
      }
      throw error
    }
  }
  return diffSnapshots(await side(options.from), await side(options.to))
}
