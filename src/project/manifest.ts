// The policy manifest, `policy/<id>/policy.json`: its type, and reading it with its errors placed on the field.
import { isAbsolute, normalize } from 'node:path'
import { fail } from '../diagnostics/index.js'
import { jsonLines, lineOf } from '../util/json-lines.js'
import { schemaPath, validateAgainst } from './schema.js'
import type { PolicyPaths } from './paths.js'
import { parseJson } from '../util/parse-json.js'
import { readTextIfExists } from '../util/read-file.js'

export { type PolicyPaths, policyPaths } from './paths.js'

/** A policy's manifest (language codes as keys), `policy/<id>/policy.json`. */
export interface PolicyManifest {
  id: string
  title: Record<string, string>
  reference: string
  locales: string[]
  version: string
  url?: string
  sources?: Record<string, string>
  /** Rule files, relative to the policy folder. */
  rules?: string[]
  /** JSON Schema of the subject the rules read, relative to the policy folder. */
  subject?: string
}

/** Read and validate a policy manifest; errors name the file, line and field. */
export async function readManifest(paths: PolicyPaths): Promise<PolicyManifest> {
  const file = paths.display(paths.manifest)
  const text = await readTextIfExists(paths.manifest, { file, ruleId: 'policy/unreadable', inside: paths.root })
  if (text === undefined) {
    fail(`No policy \`${paths.policy}\`: manifest not found`, { file, ruleId: 'policy/not-found', note: 'Create policy.json with id, title, reference, locales and version.' })
  }
  const data = parseJson(text, file, 'policy/invalid-json')
  const errors = validateAgainst(schemaPath('policy.schema.json'), data)
  if (errors.length > 0) {
    const lines = jsonLines(text)
    const first = errors[0]!
    const field = first.pointer === '' ? 'manifest' : `field \`${first.pointer.slice(1).replace(/\//g, '.')}\``
    fail(`Invalid manifest: ${field} ${first.message}`, { file, line: lineOf(lines, first.pointer), ruleId: 'policy/invalid-manifest' })
  }
  const manifest = data as PolicyManifest
  const lines = jsonLines(text)
  if (manifest.id !== paths.policy) {
    fail(`Invalid manifest: field \`id\` is \`${manifest.id}\`, expected \`${paths.policy}\` (the folder's name)`, { file, line: lineOf(lines, '/id'), ruleId: 'policy/invalid-manifest' })
  }
  if (!manifest.locales.includes(manifest.reference)) {
    fail(`Invalid manifest: field \`reference\` \`${manifest.reference}\` is not in \`locales\``, { file, line: lineOf(lines, '/reference'), ruleId: 'policy/invalid-manifest' })
  }
  for (const locale of manifest.locales) {
    if (manifest.title[locale] === undefined) {
      fail(`Invalid manifest: field \`title\` has no \`${locale}\` title`, { file, line: lineOf(lines, '/title'), ruleId: 'policy/invalid-manifest' })
    }
  }
  for (const [locale, source] of Object.entries(manifest.sources ?? {})) {
    if (isAbsolute(source) || normalize(source).split(/[\\/]/)[0] === '..') {
      fail(`Invalid manifest: the \`${locale}\` source \`${source}\` is outside the policy folder`, { file, line: lineOf(lines, `/sources/${locale}`), ruleId: 'policy/invalid-manifest' })
    }
  }
  for (const name of [...(manifest.rules ?? []), ...(manifest.subject ? [manifest.subject] : [])]) {
    if (isAbsolute(name) || normalize(name).split(/[\\/]/)[0] === '..') {
      fail(`Invalid manifest: \`${name}\` is outside the policy folder`, { file, line: lineOf(lines, '/rules') ?? lineOf(lines, '/subject'), ruleId: 'policy/invalid-manifest' })
    }
  }
  return manifest
}
