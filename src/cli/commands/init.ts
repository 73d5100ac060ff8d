// `diptych init <id> --reference <code> --locales <code,…>`: scaffold a new policy.
import { fail } from '../../diagnostics/index.js'
import { initPolicy } from '../../usecases/init.js'
import { type CommandContext, inform } from '../io.js'

export async function runInit(context: CommandContext): Promise<number> {
  const usage = 'Usage: diptych init <id> --reference <code> --locales <code,code…>'
  const [id] = context.positionals
  const reference = context.options['reference']
  const locales = context.options['locales']
  if (id === undefined) fail('Missing the policy ID', { file: '<arguments>', ruleId: 'cli/usage', note: usage })
  if (typeof reference !== 'string') fail('Missing option --reference <code>', { file: '<arguments>', ruleId: 'cli/usage', note: usage })
  if (typeof locales !== 'string') fail('Missing option --locales <code,code…>', { file: '<arguments>', ruleId: 'cli/usage', note: usage })
  const result = await initPolicy({ root: context.root, id, reference, locales: locales.split(',').map((code) => code.trim()).filter((code) => code !== '') })
  inform(context, `diptych init: policy ${id} (${result.files.length} files)${result.config ? '; diptych.config.json names it the default policy' : `; give --policy ${id} to each command`}\n`)
  inform(context, `  next: diptych import <file> --locale ${reference}, then each translation, then diptych build\n`)
  return 0
}
