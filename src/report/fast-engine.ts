// The engine from the artefacts `diptych build` wrote (compiled predicates with their rules as data, a standalone
// profile validator), when they are current: no parser, checker or ajv to load, so `diptych eval` starts quickly.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTEFACT, type PolicyPaths, policyPaths, ruleFiles } from '../project/paths.js'
import { manifestArtefact } from '../project/artefacts.js'
import { inspectJson } from '../project/json-file.js'
import { VALIDATOR_FORMAT } from '../catalogue/validator-format.js'
import { deserialiseProgram } from '../dsl/compile/generate.js'
import type { CompiledModule } from '../dsl/compile/load-module.js'
import { rulesSourceHash, textHash } from '../dsl/source-hash.js'
import { readBytes, readTextIfExists } from '../util/read-file.js'
import type { Engine } from './engine.js'
import { readCatalogue } from './read-catalogue.js'
import { describeErrors } from './profile-errors.js'

type Validator = ((data: unknown) => boolean) & { errors?: Parameters<typeof describeErrors>[0] | null }

/**
 * The text of a built artefact of the policy folder (code that `eval` runs), read once by its real path; undefined
 * when there is none or a folder stands there (stale: built again from source). One that is a symbolic link out of
 * the project, a named pipe or unreadable fails with one line before anything is imported.
 */
async function builtArtefact(paths: PolicyPaths, name: string): Promise<string | undefined> {
  const path = join(paths.folder, name)
  const stats = await stat(path).catch(() => undefined)
  if (stats === undefined || stats.isDirectory()) return undefined
  return (await readBytes(path, { file: paths.display(path), inside: paths.root })).toString('utf8')
}

/** Import generated module text from memory (the bytes read above, never the path again). */
async function importText<T>(text: string): Promise<T> {
  return (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as T
}

/** The engine from built artefacts, or undefined when any is missing or stale (the caller then loads from source). */
export async function loadFastEngine(root: string, policy: string): Promise<Engine | undefined> {
  const paths = policyPaths(root, policy)
  // Outside the fallback: the slow path reads predicates.js too, and must never meet one that is refused here.
  const predicatesText = await builtArtefact(paths, ARTEFACT.predicates)
  const validatorText = await builtArtefact(paths, ARTEFACT.validator)
  if (predicatesText === undefined || validatorText === undefined) return undefined
  let found: Omit<Engine, 'catalogue' | 'clauses'> | undefined
  try {
    // Any problem with the sources is left to the slow path, which reports it in its own words.
    const read = (path: string, inside: string) => readTextIfExists(path, { file: paths.display(path), inside })
    const manifestText = await read(paths.manifest, paths.root)
    if (manifestText === undefined) return undefined
    // Checked without ajv (the fields read here, and the ID); anything else wrong is the slow path's to report.
    const manifest = inspectJson(manifestText, paths.display(paths.manifest), manifestArtefact(policy), { quick: true }).value
    if (manifest?.subject === undefined) return undefined
    const subjectText = await read(join(paths.folder, manifest.subject), paths.root)
    if (subjectText === undefined) return undefined
    const names = ruleFiles(manifest)
    const files = await Promise.all(names.map(async (name) => ({ name, text: await read(join(paths.folder, name), paths.folder) })))
    if (files.some((file) => file.text === undefined)) return undefined
    const sourceHash = rulesSourceHash(subjectText, files as Array<{ name: string; text: string }>)
    // Only a module compiled from these very sources is run.
    if (!predicatesText.includes(`export const sourceHash = ${JSON.stringify(sourceHash)};`)) return undefined
    const compiled = await importText<CompiledModule & { program?: Parameters<typeof deserialiseProgram>[0] }>(predicatesText)
    if (compiled.sourceHash !== sourceHash || !compiled.program) return undefined
    const schemaHash = textHash(subjectText)
    if (!validatorText.includes(`export const schemaHash = ${JSON.stringify(schemaHash)};`)) return undefined
    const validatorModule = await importText<{ validate: Validator; schemaHash: string; format?: number }>(validatorText)
    // A validator of the same schema written by an older generator is stale too.
    if (validatorModule.schemaHash !== schemaHash || validatorModule.format !== VALIDATOR_FORMAT) return undefined
    const validate = (profile: unknown) => (validatorModule.validate(profile) ? [] : describeErrors(validatorModule.validate.errors ?? []))
    found = { paths, manifest, rules: { program: deserialiseProgram(compiled.program), sourceHash }, compiled, fromDisk: true, validate }
  } catch {
    return undefined
  }
  // Outside the fallback: a catalogue that is missing or malformed is the user's to fix, one line, whichever engine loads.
  const catalogue = await readCatalogue(paths)
  const clauses = new Map(catalogue.sections.flatMap((section) => section.clauses.map((clause) => [clause.id, clause] as const)))
  return { ...found, catalogue, clauses }
}
