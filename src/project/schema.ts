// Validate JSON documents against the project's published JSON Schemas (2020-12) with ajv.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import _Ajv2020 from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'

// ajv is CommonJS: under Node's ESM interop the default import is `module.exports`, the class itself.
const Ajv2020 = _Ajv2020 as unknown as typeof _Ajv2020.default

/** Folder of the published schemas, in the package (not in the user's project). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../policy/schema/', import.meta.url))

const ajv = new Ajv2020({ allErrors: true, strict: true })
const cache = new Map<string, ValidateFunction>()

/** A compiled validator for the schema file at `path` (compiled once per process). */
export function validatorFor(path: string): ValidateFunction {
  let validate = cache.get(path)
  if (!validate) {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id?: string }
    // A schema passed by a caller may reuse the $id of a published one; compile it on its own.
    validate = schema.$id && ajv.getSchema(schema.$id) ? new Ajv2020({ allErrors: true, strict: true }).compile(schema) : ajv.compile(schema)
    cache.set(path, validate)
  }
  return validate
}

/** Path of a published schema by file name. */
export function schemaPath(name: 'catalogue.schema.json' | 'policy.schema.json'): string {
  return SCHEMA_DIR + name
}

/** One schema error: the JSON pointer of the field and a message. */
export interface SchemaError {
  pointer: string
  message: string
}

/** Validate `data`; returns the errors, empty when valid. */
export function validateAgainst(path: string, data: unknown): SchemaError[] {
  const validate = validatorFor(path)
  if (validate(data)) return []
  return (validate.errors ?? []).map(describe)
}

function describe(error: ErrorObject): SchemaError {
  let message = error.message ?? 'is invalid'
  if (error.keyword === 'additionalProperties') message = `has unknown field \`${String(error.params['additionalProperty'])}\``
  else if (error.keyword === 'required') message = `is missing field \`${String(error.params['missingProperty'])}\``
  else if (error.keyword === 'enum') message = `${message}: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
  return { pointer: error.instancePath, message }
}
