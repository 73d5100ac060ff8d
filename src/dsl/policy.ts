// The policy as built now: its catalogue, refined by the `classify` lines of its rules, and the compiled rules.
import { applyClassifications, assembleCatalogue } from '../catalogue/build.js'
import type { Catalogue, PolicyManifest } from '../catalogue/types.js'
import type { VFile } from '../diagnostics/index.js'
import { type PolicyPaths, readManifest } from '../project/manifest.js'
import { hasRules } from '../project/paths.js'
import { type PredicatesResult, preparePredicates } from './compile/write.js'

/** A policy assembled from its locale files and rules, nothing written. */
export interface AssembledPolicy {
  manifest: PolicyManifest
  catalogue: Catalogue
  /** The checked and compiled rules; undefined for a policy without rules. */
  predicates: PredicatesResult | undefined
}

/**
 * Assemble the catalogue from the locale files and, when the policy has rules, check and compile them against it
 * (their `classify` lines refine its kinds). The one sequence `build`, `release` and `diff current` share.
 */
export async function assemblePolicy(paths: PolicyPaths, collector: VFile): Promise<AssembledPolicy> {
  const manifest = await readManifest(paths)
  const catalogue = await assembleCatalogue({ root: paths.root, policy: paths.policy, collector })
  const predicates = hasRules(paths, manifest) ? await preparePredicates(paths, manifest, catalogue) : undefined
  if (predicates) applyClassifications(catalogue, predicates.rules.program.classifications)
  if (predicates) collector.messages.push(...predicates.rules.warnings)
  return { manifest, catalogue, predicates }
}
