// Where a project's files are: the policy folder, its manifest, catalogue and locale files.
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fail } from '../diagnostics/index.js'
import { jsonLines, lineOf, syntaxErrorPlace } from '../util/json-lines.js'
import { schemaPath, validateAgainst } from './schema.js'
import type { PolicyManifest } from './types.js'

/** Paths of one policy inside a project root. */
export interface PolicyPaths {
  root: string
  policy: string
  folder: string
  manifest: string
  catalogue: string
  hints: string
  locale(locale: string): string
  /** A path relative to the root, with `/`, for messages and the catalogue. */
  display(path: string): string
}

/** Paths of `policy` under `root`. */
export function policyPaths(root: string, policy: string): PolicyPaths {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy)) {
    fail(`Invalid policy name \`${policy}\`, expected lowercase letters, digits and \`-\``, { file: '<arguments>', ruleId: 'cli/invalid-policy' })
  }
  const folder = join(root, 'policy', policy)
  return {
    root,
    policy,
    folder,
    manifest: join(folder, 'policy.json'),
    catalogue: join(folder, 'catalogue.json'),
    hints: join(folder, 'hints.json'),
    locale: (locale) => join(root, 'locales', locale, `${policy}.md`),
    display: (path) => relative(root, path).split(sep).join('/'),
  }
}

/** Read and validate a policy manifest; errors name the file, line and field. */
export async function readManifest(paths: PolicyPaths): Promise<PolicyManifest> {
  const file = paths.display(paths.manifest)
  let text: string
  try {
    text = await readFile(paths.manifest, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      fail(`No policy \`${paths.policy}\`: manifest not found`, { file, ruleId: 'policy/not-found', note: 'Create policy.json with id, title, reference, locales and version.' })
    }
    throw error
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    fail(`Invalid JSON: ${(error as Error).message}`, { file, ...syntaxErrorPlace(text, error as Error), ruleId: 'policy/invalid-json' })
  }
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
  return manifest
}
