// Read a source file as strict UTF-8 and normalise its line ends, BOM and tabs.
import { readBytes } from '../util/read-file.js'
import { decodeUtf8 } from '../util/utf8.js'

export { decodeUtf8, firstInvalidUtf8 } from '../util/utf8.js'

/** Tab stops used when a tab indents a line. */
export const TAB_WIDTH = 4

/**
 * Read `path` and return its text, normalised by {@link normaliseSource}.
 * Fails with a positioned diagnostic when the file is missing, a folder, unreadable or not UTF-8,
 * and, with `inside`, when its real path is outside that folder (a path from a manifest, a project file).
 */
export async function readSource(path: string, displayPath = path, options: { inside?: string | undefined } = {}): Promise<string> {
  const bytes = await readBytes(path, { file: displayPath, ruleId: 'ingest/unreadable', notFoundRuleId: 'ingest/file-not-found', inside: options.inside })
  return normaliseSource(decodeUtf8(bytes, displayPath))
}

/**
 * Normalise decoded text: drop a byte order mark, turn CRLF and CR into LF,
 * expand tabs in indentation to {@link TAB_WIDTH} columns, and compose to NFC.
 */
export function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]+/gm, (indent) => {
      let column = 0
      for (const char of indent) column = char === '\t' ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1
      return ' '.repeat(column)
    })
    .normalize('NFC')
}
