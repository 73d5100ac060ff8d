// Validate JSON documents against JSON Schemas (2020-12) with ajv: the project's published schemas (policy/schema/)
// and the schemas of the artefacts read through project/json-file.ts. ajv is loaded, and each schema compiled, on
// first use only: a command that validates nothing (`eval` on built artefacts) never loads it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type _Ajv2020 from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'

type Ajv = InstanceType<typeof _Ajv2020.default>
type AjvClass = typeof _Ajv2020.default

/** Folder of the published schemas, in the package (not in the user's project). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../policy/schema/', import.meta.url))

/** The published schemas, by file name. */
export type PublishedSchemaName = 'catalogue.schema.json' | 'policy.schema.json'

/**
 * The annotation keyword an artefact's schema may put on a subschema to word its errors (`"x-message": "must be a
 * sha256"`): the message of any keyword of that subschema that fails, after the field's name.
 */
export const MESSAGE_KEYWORD = 'x-message'

let ajvClass: AjvClass | undefined
let shared: Ajv | undefined
const cache = new Map<string, ValidateFunction>()
const compiled = new WeakMap<object, ValidateFunction>()

/** ajv's 2020-12 class, required on first use (ajv is CommonJS: `module.exports` is the class itself). */
function Ajv2020(): AjvClass {
  ajvClass ??= createRequire(import.meta.url)('ajv/dist/2020.js') as AjvClass
  return ajvClass
}

/** The one ajv instance of the project's schemas (strict, every error), created on first use. */
function ajv(): Ajv {
  if (!shared) {
    shared = new (Ajv2020())({ allErrors: true, strict: true })
    shared.addKeyword({ keyword: MESSAGE_KEYWORD, schemaType: 'string' })
  }
  return shared
}

/** A compiled validator for the schema file at `path` (compiled once per process). */
export function validatorFor(path: string): ValidateFunction {
  let validate = cache.get(path)
  if (!validate) {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id?: string }
    // A schema passed by a caller may reuse the $id of a published one; compile it on its own.
    validate = schema.$id && ajv().getSchema(schema.$id) ? new (Ajv2020())({ allErrors: true, strict: true }).compile(schema) : ajv().compile(schema)
    cache.set(path, validate)
  }
  return validate
}

/** A compiled validator for a schema given as an object (compiled once per process, by identity). */
export function validatorOf(schema: object): ValidateFunction {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv().compile(schema)
    compiled.set(schema, validate)
  }
  return validate
}

/** Path of a published schema by file name. */
export function schemaPath(name: PublishedSchemaName): string {
  return SCHEMA_DIR + name
}

/** One schema error: the JSON pointer of the field and a message. */
export interface SchemaError {
  pointer: string
  message: string
  /** Where the error is best shown, when not at `pointer` (an unknown field: the field itself). */
  at?: string
}

/** Validate `data` against the schema file at `path`; returns the errors, empty when valid. */
export function validateAgainst(path: string, data: unknown): SchemaError[] {
  const validate = validatorFor(path)
  if (validate(data)) return []
  return (validate.errors ?? []).map((error) => describe(error))
}

/** Validate `data` against a schema object (see {@link validatorOf}); the errors, empty when valid. */
export function validateWith(schema: object, data: unknown): SchemaError[] {
  const validate = validatorOf(schema)
  if (validate(data)) return []
  return (validate.errors ?? []).map((error) => describe(error, schema))
}

function describe(error: ErrorObject, schema?: object): SchemaError {
  let message = error.message ?? 'is invalid'
  let at: string | undefined
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params['additionalProperty'])
    message = `has unknown field \`${field}\``
    at = `${error.instancePath}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`
  } else if (error.keyword === 'required') message = `is missing field \`${String(error.params['missingProperty'])}\``
  else if (error.keyword === 'enum') message = `${message}: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
  const worded = schema === undefined || error.keyword === 'additionalProperties' || error.keyword === 'required' ? undefined : wording(schema, error.schemaPath)
  return { pointer: error.instancePath, message: worded ?? message, ...(at === undefined ? {} : { at }) }
}

/** The {@link MESSAGE_KEYWORD} of the subschema holding the keyword at `schemaPath` (`#/properties/a/pattern`), if any. */
function wording(schema: object, schemaPath: string): string | undefined {
  if (!schemaPath.startsWith('#/')) return undefined
  const segments = schemaPath.slice(2).split('/').slice(0, -1)
  let node: unknown = schema
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  const message = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[MESSAGE_KEYWORD] : undefined
  return typeof message === 'string' ? message : undefined
}
