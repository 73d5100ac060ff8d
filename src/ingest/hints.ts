// The optional per-policy hints file: where the text is ambiguous, it says which reading is right.
import { fail } from '../diagnostics/index.js'
import { normaliseText } from '../text/document.js'
import { parseJson } from '../util/parse-json.js'
import { readTextIfExists } from '../util/read-file.js'

/** Hints for reading a raw text: lines to take as headings, and lines to take as paragraphs. */
export interface Hints {
  /** Texts (normalised) that are headings whatever they look like. */
  headings: Set<string>
  /** Texts (normalised) that are never headings. */
  paragraphs: Set<string>
}

/** No hints. */
export function emptyHints(): Hints {
  return { headings: new Set(), paragraphs: new Set() }
}

/**
 * Read a hints file (`{"headings": [...], "paragraphs": [...]}`); a missing file means no hints.
 * With `inside`, the file must resolve (real path) inside that folder.
 */
export async function readHints(path: string, displayPath = path, inside?: string): Promise<Hints> {
  const text = await readTextIfExists(path, { file: displayPath, ruleId: 'ingest/hints', inside })
  if (text === undefined) return emptyHints()
  const data = parseJson(text, displayPath, 'ingest/hints')
  const hints = emptyHints()
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail('Expected an object with `headings` and `paragraphs` lists', { file: displayPath, ruleId: 'ingest/hints' })
  }
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'headings' && key !== 'paragraphs') {
      fail(`Unexpected field \`${key}\`, expected \`headings\` or \`paragraphs\``, { file: displayPath, ruleId: 'ingest/hints' })
    }
    if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
      fail(`Field \`${key}\` must be a list of strings`, { file: displayPath, ruleId: 'ingest/hints' })
    }
    for (const entry of value as string[]) hints[key].add(normaliseText(entry))
  }
  return hints
}
