// Parse a rules file with the parser generated from grammar/dip.peggy; syntax errors become positioned diagnostics.
import { type VFileMessage, diagnostic } from '../../diagnostics/index.js'
import type { Program } from '../ast.js'
import * as generated from './parser.generated.js'

interface PeggySyntaxError extends Error {
  expected: Array<{ type: string; description?: string; text?: string }> | null
  found: string | null
  location: { start: { line: number; column: number; offset: number } }
}

const parser = generated as unknown as {
  parse(text: string, options?: { grammarSource?: string }): Program
  SyntaxError: new (...args: never[]) => PeggySyntaxError
}

/** A rules source file. */
export interface RulesSource {
  /** Path relative to the project root, for messages. */
  file: string
  text: string
}

/** The result of parsing one file: the program, or the syntax error. */
export type ParseResult = { ok: true; program: Program } | { ok: false; error: VFileMessage }

/** Parse one rules file. Never throws for bad input: a syntax error comes back as a diagnostic. */
export function parseRules(source: RulesSource): ParseResult {
  try {
    return { ok: true, program: parser.parse(source.text, { grammarSource: source.file }) }
  } catch (error) {
    if (!(error instanceof parser.SyntaxError)) throw error
    return { ok: false, error: syntaxDiagnostic(error, source.file) }
  }
}

/** Turn peggy's syntax error into "Unexpected X, expected Y". */
function syntaxDiagnostic(error: PeggySyntaxError, file: string): VFileMessage {
  const found = error.found === null ? 'end of file' : error.found === '\n' ? 'end of line' : `\`${error.found}\``
  const descriptions = [
    ...new Set(
      (error.expected ?? [])
        .map((entry) => (entry.type === 'literal' ? `\`${entry.text}\`` : entry.type === 'end' ? 'end of file' : entry.description ?? entry.type))
        .filter((description) => description !== 'white space' && description !== 'a comment'),
    ),
  ].sort()
  const expected =
    descriptions.length === 0 ? '' : `, expected ${descriptions.length === 1 ? descriptions[0] : `${descriptions.slice(0, -1).join(', ')} or ${descriptions.at(-1)}`}`
  return diagnostic(`Unexpected ${found}${expected}`, {
    file,
    line: error.location.start.line,
    column: error.location.start.column,
    ruleId: 'dsl/syntax',
    fatal: true,
  })
}
