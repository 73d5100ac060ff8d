// `diptych confirm <clause> --locale <code>`: the translation of a clause is still right for the reference as it is now.
import { fail } from '../../diagnostics/index.js'
import { confirmTranslation } from '../../usecases/confirm.js'
import { type CommandContext, inform } from '../io.js'

export async function runConfirm(context: CommandContext): Promise<number> {
  const locale = context.options['locale']
  if (typeof locale !== 'string') fail('Missing option --locale <code>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych confirm <clause-id> --locale <code>' })
  const clause = context.positionals[0]!
  const { changed } = await confirmTranslation({ root: context.root, policy: context.policy, clause, locale })
  inform(context, `diptych confirm: ${clause} (${locale}) ${changed ? 'confirmed against the current reference text' : 'was already current'}\n`)
  return 0
}
