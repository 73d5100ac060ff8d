// The engine from the artefacts `diptych build` wrote (compiled predicates with their rules as data, a standalone
// profile validator), when they are current: no parser, checker or ajv to load, so `diptych eval` starts quickly.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { policyPaths } from '../catalogue/paths.js'
import type { Catalogue, PolicyManifest } from '../catalogue/types.js'
import { deserialiseProgram } from '../dsl/compile/generate.js'
import type { CompiledModule } from '../dsl/compile/load-module.js'
import { rulesSourceHash, textHash } from '../dsl/source-hash.js'
import type { Engine } from './engine.js'
import { describeErrors } from './evaluate.js'

type Validator = ((data: unknown) => boolean) & { errors?: Parameters<typeof describeErrors>[0] | null }

/** The engine from built artefacts, or undefined when any is missing or stale (the caller then loads from source). */
export async function loadFastEngine(root: string, policy: string): Promise<Engine | undefined> {
  try {
    const paths = policyPaths(root, policy)
    const manifest = JSON.parse(await readFile(paths.manifest, 'utf8')) as PolicyManifest
    if (typeof manifest !== 'object' || manifest === null || typeof manifest.subject !== 'string' || manifest.id !== policy) return undefined
    const predicates = join(paths.folder, 'predicates.js')
    const validatorFile = join(paths.folder, 'profile-validator.js')
    if (!existsSync(predicates) || !existsSync(validatorFile)) return undefined
    const subjectText = await readFile(join(paths.folder, manifest.subject), 'utf8')
    const names = manifest.rules ?? ['rules.dip']
    const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(paths.folder, name), 'utf8') })))
    const sourceHash = rulesSourceHash(subjectText, files)
    const compiled = (await import(pathToFileURL(predicates).href)) as CompiledModule & { program?: Parameters<typeof deserialiseProgram>[0] }
    if (compiled.sourceHash !== sourceHash || !compiled.program) return undefined
    const validatorModule = (await import(pathToFileURL(validatorFile).href)) as { validate: Validator; schemaHash: string }
    if (validatorModule.schemaHash !== textHash(subjectText)) return undefined
    const catalogue = JSON.parse(await readFile(paths.catalogue, 'utf8')) as Catalogue
    const clauses = new Map(catalogue.sections.flatMap((section) => section.clauses.map((clause) => [clause.id, clause] as const)))
    const validate = (profile: unknown) => (validatorModule.validate(profile) ? [] : describeErrors(validatorModule.validate.errors ?? []))
    return { paths, manifest, catalogue, clauses, rules: { program: deserialiseProgram(compiled.program), sourceHash }, compiled, fromDisk: true, validate }
  } catch {
    return undefined
  }
}
