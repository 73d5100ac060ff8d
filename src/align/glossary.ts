// The glossary: term pairs between languages, and terms kept as they are (names, acronyms).
import { fail } from '../diagnostics/index.js'
import { jsonLines, lineOf } from '../util/json-lines.js'
import { parseJson } from '../util/parse-json.js'
import { readTextIfExists } from '../util/read-file.js'

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
  const text = await readTextIfExists(path, { file: display, ruleId: 'glossary/unreadable', inside })
  if (text === undefined && required) fail('File not found', { file: display, ruleId: 'glossary/not-found' })
  if (text === undefined) return NO_GLOSSARY
  const data = parseJson(text, display, 'glossary/invalid-json')
  const lines = jsonLines(text)
  const object = data as Partial<Glossary> & Record<string, unknown>
  const bad = (pointer: string, reason: string): never => fail(`Invalid glossary: ${reason}`, { file: display, line: lineOf(lines, pointer), ruleId: 'glossary/invalid' })
  if (typeof object !== 'object' || object === null || Array.isArray(object)) bad('', 'expected an object with `terms` and `keep`')
  for (const key of Object.keys(object)) if (key !== 'terms' && key !== 'keep' && key !== '$comment') bad(`/${key}`, `unexpected field \`${key}\`, expected \`terms\` or \`keep\``)
  const terms = object.terms ?? []
  const keep = object.keep ?? []
  if (!Array.isArray(terms)) bad('/terms', '`terms` must be a list')
  if (!Array.isArray(keep) || !keep.every((term) => typeof term === 'string' && term.trim() !== '')) bad('/keep', '`keep` must be a list of terms')
  terms.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) bad(`/terms/${index}`, 'each term must be an object of forms per language')
    if (Object.keys(entry).length < 2) bad(`/terms/${index}`, 'a term must give its forms in at least two languages')
    for (const [language, forms] of Object.entries(entry)) {
      if (!Array.isArray(forms) || forms.length === 0 || !forms.every((form) => typeof form === 'string' && form.trim() !== '')) {
        bad(`/terms/${index}/${language}`, `forms of \`${language}\` must be a non-empty list of strings`)
      }
    }
  })
  return { terms: terms as Glossary['terms'], keep: keep as string[] }
}
