// The policy manifest, `policy/<id>/policy.json`: its type, and reading it with its errors placed on the field.
import { fail } from '../diagnostics/index.js'
import { type PolicyManifest, manifestArtefact } from './artefacts.js'
import { readJson } from './json-file.js'
import type { PolicyPaths } from './paths.js'

export type { PolicyManifest } from './artefacts.js'
export { type PolicyPaths, policyPaths } from './paths.js'

/** Read and validate a policy manifest; errors name the file, line, column and field. */
export async function readManifest(paths: PolicyPaths): Promise<PolicyManifest> {
  const display = paths.display(paths.manifest)
  const manifest = await readJson(paths.manifest, manifestArtefact(paths.policy), { display, inside: paths.root, optional: true })
  if (manifest === undefined) {
    fail(`No policy \`${paths.policy}\`: manifest not found`, { file: display, ruleId: 'policy/not-found', note: 'Create policy.json with id, title, reference, locales and version.' })
  }
  return manifest
}
