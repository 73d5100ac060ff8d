// The glossary: term pairs between languages, and terms kept as they are (names, acronyms).
import { fail } from '../diagnostics/index.js'
import { GLOSSARY } from '../project/artefacts.js'
import { readJson } from '../project/json-file.js'

/** A glossary: each entry lists a term's forms per language; `keep` terms stay the same in every language. */
export interface Glossary {
  terms: Array<Record<string, string[]>>
  keep: string[]
}

/** An empty glossary. */
export const NO_GLOSSARY: Glossary = { terms: [], keep: [] }

/**
 * Read `locales/glossary.json`; a missing file is an empty glossary, unless `required`.
 * With `inside`, it must resolve (real path) inside that folder.
 */
export async function readGlossary(path: string, display: string, required = false, inside?: string): Promise<Glossary> {
  const file = await readJson(path, GLOSSARY, { display, inside, optional: true })
  if (file === undefined && required) fail('File not found', { file: display, ruleId: 'glossary/not-found' })
  if (file === undefined) return NO_GLOSSARY
  return { terms: file.terms ?? [], keep: file.keep ?? [] }
}
