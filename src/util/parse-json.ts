// Parse JSON text from a file, failing with one positioned diagnostic (file, line, column) on a syntax error.
import { fail } from '../diagnostics/index.js'
import { syntaxErrorPlace } from './json-lines.js'

/** `JSON.parse`, or a fatal `Invalid JSON` diagnostic at the error's line and column of `file`. */
export function parseJson(text: string, file: string, ruleId: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    fail(`Invalid JSON: ${(error as Error).message}`, { file, ...syntaxErrorPlace(text, error as Error), ruleId })
  }
}
