// `diptych build`: (import the sources,) build the catalogue, check and compile the rules.
import { buildPolicy } from '../../usecases/build.js'
import { emit } from '../formats/index.js'
import { type CommandContext, inform } from '../io.js'

export async function runBuild(context: CommandContext): Promise<number> {
  const dryRun = Boolean(context.options['dry-run'])
  const would = (changed: boolean) => (changed ? (dryRun ? 'would change' : 'written') : 'unchanged')
  const result = await buildPolicy({
    root: context.root,
    policy: context.policy,
    fromSources: Boolean(context.options['from-sources']),
    dryRun,
    cwd: context.cwd,
    collector: context.collector,
    onImport: (imported) =>
      inform(
        context,
        `diptych import: ${imported.path} ${would(imported.changed)} (${imported.sections} sections, ${imported.clauses} clauses)` +
          `${imported.source ? `; fetched ${imported.source.url}, sha256 ${imported.source.sha256.slice(0, 12)}` : ''}\n`,
      ),
  })
  await emit(context.options['format'], 'build', result, context)
  return 0
}
