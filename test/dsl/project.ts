// A tiny policy `t` on disk (two clauses, en and nl, the test schema of helpers.ts), for end-to-end rule tests.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { put } from '../helpers.js'
import { CATALOGUE, SCHEMA } from './helpers.js'

/** Write policy `t` with the given rule files (name → text, in manifest order); returns the project root. */
export async function tinyPolicy(rules: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'diptych-dsl-'))
  const manifest = { id: 't', title: { en: 'T', nl: 'T' }, reference: 'en', locales: ['en', 'nl'], version: '1.0.0', rules: Object.keys(rules), subject: 'subject.schema.json' }
  await put(root, 'policy/t/policy.json', JSON.stringify(manifest, null, 2))
  await put(root, 'policy/t/subject.schema.json', JSON.stringify(SCHEMA, null, 2))
  await put(root, 'policy/t/catalogue.json', JSON.stringify({ ...CATALOGUE, id: 't' }, null, 2))
  for (const [name, text] of Object.entries(rules)) await put(root, `policy/t/${name}`, text)
  return root
}
