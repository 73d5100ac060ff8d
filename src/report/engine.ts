// The compliance engine: a policy's catalogue, checked rules and compiled predicates, ready to judge profiles.
import type { PolicyPaths } from '../project/manifest.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import type { Catalogue, Clause, PolicyManifest } from '../catalogue/types.js'
import { generateModule } from '../dsl/compile/generate.js'
import { type CompiledModule, importGenerated, importIfCurrent } from '../dsl/compile/load-module.js'
import { type LoadedRules, loadRules } from '../dsl/load.js'
import { compileSubjectSchema } from '../catalogue/subject-schema.js'
import { readCatalogue } from './read-catalogue.js'
import { describeErrors } from './profile-errors.js'

/** Everything needed to evaluate profiles against a policy. */
export interface Engine {
  paths: PolicyPaths
  manifest: PolicyManifest
  catalogue: Catalogue
  clauses: ReadonlyMap<string, Clause>
  /** The checked rules (with everything the parser produced, when loaded from source). */
  rules: Pick<LoadedRules, 'program' | 'sourceHash'> & Partial<LoadedRules>
  compiled: CompiledModule
  /** Whether the compiled module on disk was current (false: compiled in memory). */
  fromDisk: boolean
  /** Validate a profile against the subject schema: errors as JSON pointers and messages. */
  validate(profile: unknown): Array<{ pointer: string; message: string }>
}

/** Path of the compiled predicates module of a policy. */
export function predicatesPath(paths: PolicyPaths): string {
  return paths.predicates
}

/** Read the built catalogue of a policy (its shape checked; one line at the first wrong field). */
export { readCatalogue }

/** Compile a policy's loaded rules to module source. */
export function compileRules(rules: Pick<LoadedRules, 'program' | 'sourceHash'>, catalogue: Catalogue): string {
  return generateModule(rules.program, { policy: catalogue.id, version: catalogue.version, sourceHash: rules.sourceHash })
}

/** Load the engine of a policy: catalogue, rules (parsed and checked) and compiled predicates. */
export async function loadEngine(root: string, policy: string): Promise<Engine> {
  const paths = policyPaths(root, policy)
  const manifest = await readManifest(paths)
  const catalogue = await readCatalogue(paths)
  const rules = await loadRules(paths, manifest, catalogue)
  const modulePath = predicatesPath(paths)
  let compiled = await importIfCurrent(modulePath, rules.sourceHash, paths.root, paths.display(modulePath))
  const fromDisk = compiled !== undefined
  compiled ??= await importGenerated(compileRules(rules, catalogue))
  const clauses = new Map(catalogue.sections.flatMap((section) => section.clauses.map((clause) => [clause.id, clause] as const)))
  // The subject schema as loadRules read and checked it, compiled with the setup of the standalone validator.
  const validator = compileSubjectSchema(rules.subjectSchema)
  const validate = (profile: unknown) => (validator(profile) ? [] : describeErrors(validator.errors ?? []))
  return { paths, manifest, catalogue, clauses, rules, compiled, fromDisk, validate }
}
