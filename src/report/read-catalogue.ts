// Read a built catalogue for `eval` and `render`, checking its shape without ajv (which would cost `eval` its quick
// start): a catalogue that is `{}`, `null` or edited by hand gets one line at the first field that is wrong.
import type { PolicyPaths } from '../project/paths.js'
import type { Catalogue } from '../catalogue/types.js'
import { fail } from '../diagnostics/index.js'
import { CATALOGUE } from '../project/artefacts.js'
import { readJson } from '../project/json-file.js'

/** Read the built catalogue of a policy: one line (file, line, column) when it is missing, not JSON, or not a catalogue. */
export async function readCatalogue(paths: PolicyPaths): Promise<Catalogue> {
  const display = paths.display(paths.catalogue)
  const catalogue = await readJson(paths.catalogue, CATALOGUE, { display, inside: paths.root, optional: true, quick: true, note: 'Run `diptych build` to write it again.' })
  if (catalogue === undefined) fail('No catalogue: file not found', { file: display, ruleId: 'input/file-not-found', note: 'Run `diptych build` first.' })
  // The quick check holds every field readers use; the rest (clause kinds) is what `diptych build` wrote.
  return catalogue as Catalogue
}
