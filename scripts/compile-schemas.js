#!/usr/bin/env node
// The schemas of diptych's own artefacts (the published policy/schema/*.json and those of artefacts.ts: lock,
// baseline, glossary, releases, rule tests …) compiled once, at build time, into one module of standalone validators,
// dist/schemas/validators.cjs (`npm run build:ts` runs this after tsc). src/project/schema.ts finds each validator by
// a hash of its schema, so a schema changed since the build is compiled at run time instead, never judged by a stale
// validator. Written to a temporary name and renamed.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = `${ROOT}dist/schemas/validators.cjs`

export async function compileSchemas() {
  const { precompiledSource, SCHEMA_DIR } = await import('../dist/project/schema.js')
  const artefacts = await import('../dist/project/artefacts.js')
  const schemas = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')))
  // Each artefact's schema as project/json-file.ts validates with it: a published one is read above.
  for (const artefact of Object.values(artefacts)) {
    const schema = artefact !== null && typeof artefact === 'object' ? artefact.schema : undefined
    if (schema === undefined || typeof schema.published === 'string') continue
    schemas.push(schema.plain ?? schema)
  }
  await mkdir(`${ROOT}dist/schemas`, { recursive: true })
  await writeFile(`${OUT}.tmp`, precompiledSource(schemas))
  await rename(`${OUT}.tmp`, OUT)
  return schemas.length
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await compileSchemas()
