// The schemas of diptych's own artefacts are compiled at build time into one module of standalone validators
// (scripts/compile-schemas.js → dist/schemas/validators.cjs), found by a hash of the schema, so that `check` and
// `build` neither load ajv's compiler nor compile at start-up. A precompiled validator must judge exactly as ajv
// compiling the schema at run time does, on the real files of the bundled policy and on broken copies of them.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ValidateFunction } from 'ajv'
import { describe, expect, it } from 'vitest'
import * as artefacts from '../../src/project/artefacts.js'
import { MESSAGE_KEYWORD, precompiledSource, schemaKey, SCHEMA_DIR, validatorOf } from '../../src/project/schema.js'
import { ROOT } from '../helpers.js'

const require = createRequire(import.meta.url)

/** Every schema the build compiles: the published ones, then each artefact's own (as project/json-file.ts uses it). */
async function schemas(): Promise<Array<{ name: string; schema: object }>> {
  const out: Array<{ name: string; schema: object }> = []
  for (const name of ['catalogue.schema.json', 'policy.schema.json']) out.push({ name, schema: JSON.parse(await readFile(join(SCHEMA_DIR, name), 'utf8')) as object })
  for (const [name, artefact] of Object.entries(artefacts)) {
    const schema = (artefact as { schema?: { published?: string; plain?: object } } | undefined)?.schema
    if (schema === undefined || typeof schema.published === 'string') continue
    out.push({ name, schema: schema.plain ?? schema })
  }
  return out
}

/** ajv compiling `schema` at run time, set up as src/project/schema.ts sets it up. */
function compiledNow(schema: object): ValidateFunction {
  const Ajv2020 = require('ajv/dist/2020.js') as new (options: object) => { addKeyword(definition: object): void; compile(schema: object): ValidateFunction }
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  ajv.addKeyword({ keyword: MESSAGE_KEYWORD, schemaType: 'string' })
  return ajv.compile(schema)
}

/** A verdict and its errors, as the readers use them. */
function verdict(validate: ValidateFunction, data: unknown) {
  const valid = validate(data)
  return { valid, errors: (validate.errors ?? []).map(({ instancePath, keyword, schemaPath, params }) => ({ instancePath, keyword, schemaPath, params })) }
}

/** A deep copy of `value` with `edit` applied. */
function edited<T>(value: T, edit: (copy: any) => void): unknown {
  const copy = structuredClone(value)
  edit(copy)
  return copy
}

describe('validators compiled at build time', () => {
  it('the build wrote one for every schema of the project\'s artefacts, under the hash of that schema', async () => {
    const built = require(join(ROOT, 'dist/schemas/validators.cjs')) as Record<string, unknown>
    const all = await schemas()
    expect(all.length).toBeGreaterThanOrEqual(8)
    for (const { name, schema } of all) expect(typeof built[schemaKey(schema)], name).toBe('function')
  })

  it('judge the bundled policy\'s files and broken copies of them exactly as ajv compiling at run time', async () => {
    // Inside the project, so that the module finds ajv's run-time helpers as the built one does.
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true })
    const folder = await mkdtemp(join(ROOT, 'node_modules/.cache/diptych-schemas-'))
    const file = join(folder, 'validators.cjs')
    const all = await schemas()
    await writeFile(file, precompiledSource(all.map(({ schema }) => schema)))
    const module = require(file) as Record<string, ValidateFunction>
    await rm(folder, { recursive: true, force: true })
    const schemaOf = (name: string) => all.find((entry) => entry.name === name)!.schema
    const read = async (path: string) => JSON.parse(await readFile(join(ROOT, path), 'utf8')) as Record<string, any>
    const manifest = await read('policy/pinterest/policy.json')
    const catalogue = await read('policy/pinterest/catalogue.json')
    const cases: Array<[string, unknown]> = [
      ['policy.schema.json', manifest],
      ['policy.schema.json', edited(manifest, (copy) => delete copy.reference)],
      ['policy.schema.json', edited(manifest, (copy) => (copy.unknownField = 1))],
      ['policy.schema.json', edited(manifest, (copy) => (copy.locales = 'en'))],
      ['catalogue.schema.json', catalogue],
      ['catalogue.schema.json', await read('policy/pinterest/releases/1.0.0/catalogue.json')],
      ['catalogue.schema.json', edited(catalogue, (copy) => (copy.sections[0].clauses[0].kind = 'advice'))],
      ['catalogue.schema.json', edited(catalogue, (copy) => delete copy.sections[0].clauses[0].id)],
      ['RELEASE_INDEX', await read('policy/pinterest/releases/index.json')],
      ['RELEASE_RECORD', await read('policy/pinterest/releases/1.0.0/release.json')],
      ['RELEASE_RECORD', edited(await read('policy/pinterest/releases/1.0.0/release.json'), (copy) => (copy.version = 1))],
      ['GLOSSARY', await read('locales/glossary.json')],
      ['GLOSSARY', []],
      ['BASELINE', await read('policy/pinterest/check-baseline.json')],
      ['RULE_TEST', { profile: {}, expect: 'all' }],
    ]
    const outcomes = new Set<boolean>()
    for (const [name, data] of cases) {
      const schema = schemaOf(name)
      const now = verdict(compiledNow(schema), data)
      expect(verdict(module[schemaKey(schema)]!, data), name).toEqual(now)
      outcomes.add(now.valid)
    }
    // The cases hold files that pass and copies that fail.
    expect([...outcomes].sort()).toEqual([false, true])
  })

  it('a schema changed since the build is compiled at run time, not judged by another\'s validator', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'number' } } }
    const changed = { ...schema, required: ['a', 'b'] }
    expect(schemaKey(changed)).not.toBe(schemaKey(schema))
    const validate = validatorOf(changed)
    expect(validate({ a: 'x' })).toBe(false)
    expect(validate({ a: 'x', b: 1 })).toBe(true)
  })
})
