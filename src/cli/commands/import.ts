// `diptych import <file> --locale <code>`.
import { fail } from '../../diagnostics/index.js'
import { importDocument } from '../../usecases/import.js'
import { type CommandContext, inform } from '../io.js'

export async function runImport(context: CommandContext): Promise<number> {
  const locale = context.options['locale']
  if (typeof locale !== 'string') {
    fail('Missing option --locale <code>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych import <file> --locale <code>' })
  }
  const dryRun = Boolean(context.options['dry-run'])
  const format = context.options['format'] as 'text' | 'markdown' | undefined
  const result = await importDocument({ root: context.root, policy: context.policy, locale, file: context.positionals[0]!, cwd: context.cwd, format, dryRun, collector: context.collector })
  const { explicit, kept, aligned, generated } = result.ids
  const state = dryRun ? (result.changed ? 'would change' : 'unchanged') : result.changed ? 'written' : 'unchanged'
  inform(
    context,
    `diptych import: ${result.path} ${state}: ${result.sections} sections, ${result.clauses} clauses; ` +
      `IDs: ${kept} kept, ${aligned} aligned, ${explicit} given, ${generated} new\n`,
  )
  if (result.source) {
    inform(context, `  fetched ${result.source.url}: sha256 ${result.source.sha256}${result.source.changed ? ' (the page changed since the last import)' : ''}\n`)
  }
  const changes = result.changes
  if (changes) {
    const list = (ids: string[]) => (ids.length === 0 ? '' : ` (${ids.join(', ')})`)
    inform(
      context,
      `  since the previous import: ${changes.kept} kept, ${changes.reworded.length} reworded${list(changes.reworded)}, ` +
        `${changes.moved.length} moved${list(changes.moved)}, ${changes.added.length} added${list(changes.added)}, ` +
        `${changes.removed.length} removed${list(changes.removed)}${changes.uncertain.length ? `; ${changes.uncertain.length} uncertain, see the warnings` : ''}\n`,
    )
  }
  return 0
}
