// Write a policy's compiled predicates as a standalone ES module beside its catalogue.
import { readFile } from 'node:fs/promises'
import type { PolicyPaths } from '../../project/manifest.js'
import type { Catalogue, PolicyManifest } from '../../catalogue/types.js'
import { writeFileAtomic } from '../../util/atomic-write.js'
import { type LoadedRules, loadRules } from '../load.js'
import { generateModule } from './generate.js'
import { standaloneValidator } from '../../catalogue/standalone-validator.js'

/** What compiling the rules produced. */
export interface PredicatesResult {
  path: string
  /** The module's source text. */
  source: string
  changed: boolean
  rules: LoadedRules
  counts: { rules: number; predicates: number; attestations: number; permissions: number; clausesCovered: number; normative: number }
}

/** Load, check and compile the rules of a policy into the source of `predicates.js`; {@link writePredicates} writes it. */
export async function preparePredicates(paths: PolicyPaths, manifest: PolicyManifest, catalogue: Catalogue): Promise<PredicatesResult> {
  const rules = await loadRules(paths, manifest, catalogue)
  const source = generateModule(rules.program, { policy: catalogue.id, version: catalogue.version, sourceHash: rules.sourceHash })
  const path = paths.predicates
  const previous = await readFile(path, 'utf8').catch(() => undefined)
  const changed = previous !== source
  const all = rules.program.rules
  const covered = new Set(all.flatMap((rule) => rule.clauses))
  const leadIns = new Set(catalogue.sections.flatMap((section) => section.clauses.flatMap((clause) => (clause.leadIn ? [clause.leadIn] : []))))
  const normative = catalogue.sections
    .flatMap((section) => section.clauses)
    .filter((clause) => (rules.program.classifications.get(clause.id) ?? clause.kind) !== 'informative' && !leadIns.has(clause.id))
  return {
    path: paths.display(path),
    source,
    changed,
    rules,
    counts: {
      rules: all.length,
      predicates: all.filter((rule) => rule.modality === 'must' || rule.modality === 'must-not').length,
      attestations: all.filter((rule) => rule.modality === 'attest').length,
      permissions: all.filter((rule) => rule.modality === 'may').length,
      clausesCovered: normative.filter((clause) => covered.has(clause.id)).length,
      normative: normative.length,
    },
  }
}

/** Write the compiled module and the profile validator (atomically, and only when they changed). */
export async function writePredicates(paths: PolicyPaths, result: PredicatesResult): Promise<void> {
  if (result.changed) await writeFileAtomic(paths.predicates, result.source)
  const validatorPath = paths.validator
  const validator = standaloneValidator(result.rules.subjectSchema, result.rules.subjectHash)
  if ((await readFile(validatorPath, 'utf8').catch(() => undefined)) !== validator) await writeFileAtomic(validatorPath, validator)
}
