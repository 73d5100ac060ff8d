// `diptych check`: compare every language of a policy with its reference, clause by clause through the shared IDs.
import { acceptFindings, checkPolicy } from '../../usecases/check.js'
import { emit } from '../formats/index.js'
import { type CommandContext, inform } from '../io.js'

export async function runCheck(context: CommandContext): Promise<number> {
  const options = { root: context.root, policy: context.policy }
  const result = await checkPolicy(options)
  if (context.options['update-baseline']) {
    const written = await acceptFindings(result, options)
    inform(context, `diptych check: ${written.path} written with ${written.accepted} accepted findings; give each new one its reason\n`)
    return 0
  }
  const { open, accepted, unused, translations, reference, skipped, checks } = result
  await emit(context.options['format'], 'check', { open, accepted, unused, translations, reference, skipped, checks }, context)
  return result.errors > 0 ? 1 : 0
}
