// Read a built catalogue for `eval` and `render`, checking its shape without ajv (which would cost `eval` its quick
// start): a catalogue that is `{}`, `null` or edited by hand gets one line at the first field that is wrong.
import type { PolicyPaths } from '../project/paths.js'
import type { Catalogue } from '../catalogue/types.js'
import { fail } from '../diagnostics/index.js'
import { jsonPlaces, placeOf } from '../util/json-lines.js'
import { parseJson } from '../util/parse-json.js'
import { readTextIfExists } from '../util/read-file.js'

/** Why a value is not what a catalogue needs, and where (a JSON pointer). */
interface ShapeError {
  pointer: string
  message: string
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const own = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined)

/**
 * The first way `value` falls short of the catalogue's shape (the fields every reader of a catalogue relies on, as
 * `policy/schema/catalogue.schema.json` requires them), or undefined.
 */
export function catalogueShapeError(value: unknown): ShapeError | undefined {
  if (!isObject(value)) return { pointer: '', message: 'must be an object' }
  for (const key of ['id', 'version', 'reference'] as const) {
    if (typeof own(value, key) !== 'string') return { pointer: `/${key}`, message: own(value, key) === undefined ? 'is missing' : 'must be a string' }
  }
  const locales = own(value, 'locales')
  if (!Array.isArray(locales) || locales.length === 0 || !locales.every((locale) => typeof locale === 'string')) {
    return { pointer: '/locales', message: 'must be a non-empty array of language codes' }
  }
  if (!locales.includes(own(value, 'reference') as string)) return { pointer: '/reference', message: 'must be one of `locales`' }
  const texts = (text: unknown, pointer: string): ShapeError | undefined =>
    isObject(text) && Object.values(text).every((item) => typeof item === 'string') ? undefined : { pointer, message: 'must be an object of texts by language' }
  const title = texts(own(value, 'title'), '/title')
  if (title) return title
  const sections = own(value, 'sections')
  if (!Array.isArray(sections)) return { pointer: '/sections', message: 'must be an array' }
  for (const [s, section] of sections.entries()) {
    const at = `/sections/${s}`
    if (!isObject(section)) return { pointer: at, message: 'must be an object' }
    if (typeof own(section, 'id') !== 'string') return { pointer: `${at}/id`, message: 'must be a string' }
    const sectionTitle = texts(own(section, 'title'), `${at}/title`)
    if (sectionTitle) return sectionTitle
    const clauses = own(section, 'clauses')
    if (!Array.isArray(clauses)) return { pointer: `${at}/clauses`, message: 'must be an array' }
    for (const [c, clause] of clauses.entries()) {
      const here = `${at}/clauses/${c}`
      if (!isObject(clause)) return { pointer: here, message: 'must be an object' }
      for (const key of ['id', 'form', 'kind'] as const) {
        if (typeof own(clause, key) !== 'string') return { pointer: `${here}/${key}`, message: 'must be a string' }
      }
      for (const key of ['parent', 'leadIn'] as const) {
        const link = own(clause, key)
        if (link !== null && typeof link !== 'string') return { pointer: `${here}/${key}`, message: 'must be a clause ID or null' }
      }
      if (!Number.isInteger(own(clause, 'depth'))) return { pointer: `${here}/depth`, message: 'must be an integer' }
      const text = texts(own(clause, 'text'), `${here}/text`)
      if (text) return text
    }
  }
  return undefined
}

/** Read the built catalogue of a policy: one line (file, line, column) when it is missing, not JSON, or not a catalogue. */
export async function readCatalogue(paths: PolicyPaths): Promise<Catalogue> {
  const file = paths.display(paths.catalogue)
  const text = await readTextIfExists(paths.catalogue, { file, inside: paths.root, note: 'Run `diptych build` first.' })
  if (text === undefined) fail('No catalogue: file not found', { file, ruleId: 'input/file-not-found', note: 'Run `diptych build` first.' })
  const catalogue = parseJson(text, file, 'input/invalid-json')
  const error = catalogueShapeError(catalogue)
  if (error) {
    const place = placeOf(jsonPlaces(text), error.pointer)
    const field = error.pointer === '' ? 'the catalogue' : `field \`${error.pointer.slice(1).replace(/\//g, '.')}\``
    fail(`Invalid catalogue: ${field} ${error.message}`, { file, line: place?.line ?? 1, column: place?.column ?? 1, ruleId: 'catalogue/invalid', note: 'Run `diptych build` to write it again.' })
  }
  return catalogue as Catalogue
}
