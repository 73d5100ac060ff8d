// `diptych diff <old> <new>`: what changed between two versions of a policy.
import { policyPaths } from '../../project/manifest.js'
import { diffSnapshots } from '../../release/diff.js'
import { currentSnapshot } from '../../release/release.js'
import { type Snapshot, loadSnapshot } from '../../release/snapshot.js'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fail } from '../../diagnostics/index.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

export async function runDiff(context: CommandContext): Promise<number> {
  const paths = policyPaths(context.root, context.policy)
  const side = async (spec: string): Promise<Snapshot> => {
    if (spec === 'current') return { ...(await currentSnapshot(paths, context.collector)).snapshot, label: 'current' }
    // A side the user names as a path must be a file: a folder is neither a catalogue nor a revision.
    if ((await stat(resolve(context.cwd, spec)).catch(() => undefined))?.isDirectory()) {
      fail('Expected a catalogue file, a released version or a git revision, found a folder', { file: spec, ruleId: 'diff/unknown-side' })
    }
    return loadSnapshot(spec, paths, context.cwd)
  }
  const [from, to] = context.positionals as [string, string]
  const diff = diffSnapshots(await side(from), await side(to))
  await emit(context.options['format'], 'diff', diff, context)
  return 0
}
