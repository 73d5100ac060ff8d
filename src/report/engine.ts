// The compliance engine: a policy's catalogue, checked rules and compiled predicates, ready to judge profiles.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PolicyPaths } from '../catalogue/project.js'
import { policyPaths, readManifest } from '../catalogue/project.js'
import type { Catalogue, Clause, PolicyManifest } from '../catalogue/types.js'
import { fail } from '../diagnostics/index.js'
import { generateModule } from '../dsl/compile/generate.js'
import { type CompiledModule, importGenerated, importIfCurrent } from '../dsl/compile/load-module.js'
import { type LoadedRules, loadRules, readJsonFile } from '../dsl/load.js'
import { validatorFor } from '../catalogue/schema.js'
import { describeErrors } from './evaluate.js'

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
  return join(paths.folder, 'predicates.js')
}

/** Read the built catalogue of a policy. */
export async function readCatalogue(paths: PolicyPaths): Promise<Catalogue> {
  const text = await readFile(paths.catalogue, 'utf8').catch(() => undefined)
  if (text === undefined) fail('No catalogue: file not found', { file: paths.display(paths.catalogue), ruleId: 'input/file-not-found', note: 'Run `diptych build` first.' })
  return (await readJsonFile(paths.catalogue, paths.display(paths.catalogue))) as Catalogue
}

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
  let compiled = await importIfCurrent(predicatesPath(paths), rules.sourceHash)
  const fromDisk = compiled !== undefined
  compiled ??= await importGenerated(compileRules(rules, catalogue))
  const clauses = new Map(catalogue.sections.flatMap((section) => section.clauses.map((clause) => [clause.id, clause] as const)))
  const validator = validatorFor(join(paths.folder, manifest.subject ?? 'subject.schema.json'))
  const validate = (profile: unknown) => (validator(profile) ? [] : describeErrors(validator.errors ?? []))
  return { paths, manifest, catalogue, clauses, rules, compiled, fromDisk, validate }
}
