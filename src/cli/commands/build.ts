// `diptych build`: (import the sources,) build the catalogue, check and compile the rules.
import { resolve } from 'node:path'
import { applyClassifications, assembleCatalogue, writeCatalogue } from '../../catalogue/build.js'
import { policyPaths, readManifest } from '../../project/manifest.js'
import { hasRules } from '../../project/paths.js'
import { type PredicatesResult, predicateFiles, preparePredicates } from '../../dsl/compile/write.js'
import { commitFiles } from '../../util/transaction.js'
import { importDocument } from '../../ingest/import.js'
import { resolveInside } from '../../util/contained.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

export async function runBuild(context: CommandContext): Promise<number> {
  const { root, policy, collector } = context
  const dryRun = Boolean(context.options['dry-run'])
  const paths = policyPaths(root, policy)
  const manifest = await readManifest(paths)
  const would = (changed: boolean) => (changed ? (dryRun ? 'would change' : 'written') : 'unchanged')
  if (context.options['from-sources']) {
    // The reference first: translations take their IDs from it.
    for (const locale of [manifest.reference, ...manifest.locales.filter((locale) => locale !== manifest.reference)]) {
      const source = manifest.sources?.[locale]
      if (!source) continue
      // The manifest names the source: it must stay inside the policy folder, symbolic links included.
      const file = await resolveInside(paths.folder, source, paths.display(resolve(paths.folder, source)))
      const result = await importDocument({ root, policy, locale, file, cwd: context.cwd, dryRun, collector })
      context.stderr.write(`diptych import: ${result.path} ${would(result.changed)} (${result.sections} sections, ${result.clauses} clauses)\n`)
    }
  }
  const catalogue_ = await assembleCatalogue({ root, policy, collector })
  const withRules = hasRules(paths, manifest)
  // The rules are checked against the catalogue, and their `classify` lines refine its kinds.
  const predicates: PredicatesResult | undefined = withRules ? await preparePredicates(paths, manifest, catalogue_) : undefined
  if (predicates) applyClassifications(catalogue_, predicates.rules.program.classifications)
  const result = await writeCatalogue(catalogue_, { root, policy, collector, dryRun, deferWrite: true })
  // The catalogue, the predicates and the profile validator as one transaction: an interrupted build leaves the
  // previous three or the new three, never a catalogue beside predicates compiled from another.
  const files = [...(result.changed ? [result.file] : []), ...(predicates ? await predicateFiles(paths, predicates) : [])]
  if (!dryRun && files.length > 0) await commitFiles(paths.folder, files, paths.display)
  const { summary, catalogue } = result
  const counts = predicates && { path: predicates.path, changed: predicates.changed, counts: predicates.counts }
  await emit(context.options['format'], 'build', { path: result.path, changed: result.changed, dryRun, id: catalogue.id, version: catalogue.version, summary, predicates: counts }, context)
  return 0
}
