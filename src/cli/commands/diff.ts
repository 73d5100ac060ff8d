// `diptych diff <old> <new>`: what changed between two versions of a policy.
import { diffPolicy } from '../../usecases/diff.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

export async function runDiff(context: CommandContext): Promise<number> {
  const [from, to] = context.positionals as [string, string]
  const diff = await diffPolicy({ root: context.root, policy: context.policy, from, to, cwd: context.cwd, collector: context.collector })
  // The diff goes to stdout: coloured only when stdout is a terminal too (never in a file it is piped to).
  await emit(context.options['format'], 'diff', diff, { ...context, color: context.color && context.stdout.isTTY === true })
  return 0
}
