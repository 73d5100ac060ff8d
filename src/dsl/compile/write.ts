// Write a policy's compiled predicates as a standalone ES module, with its TypeScript declarations, beside its catalogue.
import { dirname, join } from 'node:path'
import type { PolicyPaths } from '../../project/manifest.js'
import { ARTEFACT } from '../../project/paths.js'
import type { Catalogue, PolicyManifest } from '../../catalogue/types.js'
import type { TransactionFile } from '../../util/transaction.js'
import { readTextIfExists } from '../../util/read-file.js'
import { type LoadedRules, loadRules } from '../load.js'
import { generateDeclarations } from './declarations.js'
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

/** Load, check and compile the rules of a policy into the source of `predicates.js`; {@link predicateFiles} gives what to write. */
export async function preparePredicates(paths: PolicyPaths, manifest: PolicyManifest, catalogue: Catalogue): Promise<PredicatesResult> {
  const rules = await loadRules(paths, manifest, catalogue)
  const source = generateModule(rules.program, { policy: catalogue.id, version: catalogue.version, sourceHash: rules.sourceHash })
  const path = paths.predicates
  // Unreadable (a folder, a pipe, a link out of the project) counts as changed: the write then says why it cannot.
  const previous = await readTextIfExists(path, { file: paths.display(path), inside: paths.root }).catch(() => undefined)
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

/** Path of the declarations of a policy's compiled module (`predicates.d.ts`, beside `predicates.js`). */
export function declarationsPath(paths: PolicyPaths): string {
  return join(dirname(paths.predicates), ARTEFACT.predicateTypes)
}

/**
 * The compiled module, its declarations and the profile validator, those that differ from the files on disk (to write
 * in one transaction).
 */
export async function predicateFiles(paths: PolicyPaths, result: PredicatesResult): Promise<TransactionFile[]> {
  const files: TransactionFile[] = []
  if (result.changed) files.push({ path: paths.predicates, data: result.source })
  // Unreadable counts as changed, as for predicates.js: the write then says why it cannot.
  const unlessCurrent = async (path: string, data: string): Promise<void> => {
    const previous = await readTextIfExists(path, { file: paths.display(path), inside: paths.root }).catch(() => undefined)
    if (previous !== data) files.push({ path, data })
  }
  await unlessCurrent(declarationsPath(paths), generateDeclarations(result.rules.program, paths.policy))
  await unlessCurrent(paths.validator, standaloneValidator(result.rules.subjectSchema, result.rules.subjectHash))
  return files
}
