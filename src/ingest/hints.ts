// The optional per-policy hints file: where the text is ambiguous, it says which reading is right.
import { HINTS } from '../project/artefacts.js'
import { readJson } from '../project/json-file.js'
import { normaliseText } from '../text/document.js'

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
  const file = await readJson(path, HINTS, { display: displayPath, inside, optional: true })
  const hints = emptyHints()
  for (const key of ['headings', 'paragraphs'] as const) for (const entry of file?.[key] ?? []) hints[key].add(normaliseText(entry))
  return hints
}
