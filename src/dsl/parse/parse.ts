// Parse a rules file with the parser generated from grammar/dip.peggy; syntax errors become positioned diagnostics.
import { type VFileMessage, diagnostic } from '../../diagnostics/index.js'
import { LIMITS } from '../../util/limits.js'
import { type Program, type Span, topExpressions, unexpectedNode } from '../ast.js'
import { visitor } from '../visitor.js'
// Typed by the .d.ts peggy writes beside it (`--dts`, with the start rule's return type in grammar/peggy.config.json).
import { type Expectation, SyntaxError as PeggySyntaxError, parse } from './parser.generated.js'

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
  // Parentheses nested past the limit would exhaust the parser's stack: found first, with their place.
  const deepParen = parenthesesTooDeep(source.text)
  if (deepParen) {
    return { ok: false, error: diagnostic(`Unexpected nesting, expected at most ${MAX_DEPTH} levels`, { file: source.file, line: deepParen.line, column: deepParen.column, ruleId: 'dsl/too-deep', fatal: true }) }
  }
  if (Buffer.byteLength(source.text, 'utf8') > LIMITS.rulesFileBytes) {
    return { ok: false, error: diagnostic(`Unexpected size: the rules file is larger than ${LIMITS.rulesFileBytes / 1024 / 1024} MB`, { file: source.file, ruleId: 'dsl/too-large', fatal: true, note: 'Split the rules into several files (`rules` in policy.json).' }) }
  }
  let program: Program
  try {
    program = parse(source.text, { grammarSource: source.file, maxDepth: MAX_DEPTH, maxIdentifier: LIMITS.dslIdentifierLength })
  } catch (error) {
    if (error instanceof RangeError) {
      // The parser recurses once a level of nesting: a pathological input exhausts the stack.
      return { ok: false, error: diagnostic(`Unexpected nesting, expected at most ${MAX_DEPTH} levels`, { file: source.file, line: 1, column: 1, ruleId: 'dsl/too-deep', fatal: true }) }
    }
    if (!(error instanceof PeggySyntaxError)) throw error
    // Limits the grammar enforces while parsing stop it with their rule ID as the message (see grammar/dip.peggy).
    const place = { file: source.file, line: error.location.start.line, column: error.location.start.column, fatal: true }
    if (error.message === 'dsl/too-deep') return { ok: false, error: diagnostic(`Unexpected nesting, expected at most ${MAX_DEPTH} levels`, { ...place, ruleId: 'dsl/too-deep' }) }
    if (error.message === 'dsl/too-long') {
      return { ok: false, error: diagnostic(`Unexpected long name, expected at most ${LIMITS.dslIdentifierLength} characters`, { ...place, ruleId: 'dsl/too-long' }) }
    }
    return { ok: false, error: syntaxDiagnostic(error, source.file) }
  }
  const deep = tooDeep(program)
  if (deep) {
    return {
      ok: false,
      error: diagnostic(`Unexpected nesting, expected at most ${MAX_DEPTH} levels`, { file: source.file, line: deep.start.line, column: deep.start.column, ruleId: 'dsl/too-deep', fatal: true }),
    }
  }
  return { ok: true, program }
}

/** Deepest nesting of expressions the later stages (which recurse) accept. */
export const MAX_DEPTH = LIMITS.dslNesting

/** The span of the first expression nested deeper than {@link MAX_DEPTH} (the visitor walks without recursion). */
function tooDeep(program: Program): Span | undefined {
  let found: Span | undefined
  visitor.build<number>({
    default(node, depth, walk) {
      if (depth > MAX_DEPTH) {
        found = node.loc
        walk.stop()
      } else walk.children(depth + 1)
    },
  })(topExpressions(program), 1)
  return found
}

/** Turn peggy's syntax error into "Unexpected X, expected Y". */
function syntaxDiagnostic(error: PeggySyntaxError, file: string): VFileMessage {
  const found = error.found === null ? 'end of file' : error.found === '\n' ? 'end of line' : `\`${error.found}\``
  const descriptions = [
    ...new Set(
      // An `error()` of the grammar (a limit) has no expectations, whatever the type says.
      ((error.expected as Expectation[] | null) ?? [])
        .map(describe)
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

/** How an expectation reads in "expected …". */
function describe(expectation: Expectation): string {
  switch (expectation.type) {
    case 'literal':
      return `\`${expectation.text}\``
    case 'end':
      return 'end of file'
    case 'other':
      return expectation.description
    case 'class':
    case 'any':
      return expectation.type
    default:
      return unexpectedNode(expectation)
  }
}

/** The place of the first parenthesis nested deeper than {@link MAX_DEPTH} (outside strings and comments), if any. */
function parenthesesTooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0
  let line = 1
  let lineStart = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\n') {
      line++
      lineStart = index + 1
    } else if (char === '"') {
      for (index++; index < text.length && text[index] !== '"' && text[index] !== '\n'; index++) if (text[index] === '\\') index++
    } else if (char === '#' || (char === '/' && text[index + 1] === '/')) {
      while (index + 1 < text.length && text[index + 1] !== '\n') index++
    } else if (char === '(' || char === '[') {
      if (++depth > MAX_DEPTH) return { line, column: index - lineStart + 1 }
    } else if (char === ')' || char === ']') depth = Math.max(0, depth - 1)
  }
  return undefined
}
