// Recover the structure of a plain text (as copied from a web page): headings, paragraphs, nested list items.
import { fail } from '../diagnostics/index.js'
import { LIMITS } from '../util/limits.js'
import { type Block, type ParsedDocument, collapseWhitespace, normaliseText, plainInline } from '../text/document.js'
import { type Hints, emptyHints } from './hints.js'

/** Bullet markers recognised at the start of a line, after its indentation. */
const BULLET = /^(?:[•◦▪▫‣⁃●○■□∙·–—*+-]|\d{1,3}[.)])[ \t\u00A0]+(?=\S)/u
/** A line with nothing visible: empty, spaces, tabs or no-break spaces only. */
const BLANK = /^\s*$/u
/** End punctuation that marks a sentence, never a heading (closing quotes and brackets skipped). */
const END_PUNCTUATION = /[.:;!?,…]["'”’)\]]*$/u

/** Limits of a heading: a short line without end punctuation that starts with a capital or digit. */
export const HEADING_MAX_WORDS = 10
export const HEADING_MAX_CHARS = 80

interface RawBlock {
  bullet: boolean
  indent: number
  text: string
  line: number
  column: number
  lines: number
}

/** Whether `text` could be a heading by its shape alone. */
export function isHeadingCandidate(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= HEADING_MAX_CHARS &&
    text.split(' ').length <= HEADING_MAX_WORDS &&
    !END_PUNCTUATION.test(text) &&
    /^[\p{Lu}\p{N}]/u.test(text)
  )
}

/** Split normalised text into raw blocks: one per bullet line, hard-wrapped lines joined. */
function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = []
  let current: RawBlock | undefined
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (BLANK.test(line)) {
      current = undefined
      continue
    }
    const indent = /^\s*/u.exec(line)![0].length
    const rest = line.slice(indent)
    const bullet = BULLET.exec(rest)
    if (bullet) {
      current = {
        bullet: true,
        indent,
        text: collapseWhitespace(rest.slice(bullet[0].length)),
        line: index + 1,
        column: indent + 1,
        lines: 1,
      }
      blocks.push(current)
      continue
    }
    const body = collapseWhitespace(rest)
    // A line right under a one-line heading-shaped line starts a new block (the heading's text),
    // unless it goes on in lowercase: then the short line was the start of a hard-wrapped sentence.
    const joinable =
      current && !(current.lines === 1 && !current.bullet && isHeadingCandidate(current.text) && !/^\p{Ll}/u.test(body))
    if (current && joinable) {
      current.text += ' ' + body
      current.lines++
    } else {
      current = { bullet: false, indent, text: body, line: index + 1, column: indent + 1, lines: 1 }
      blocks.push(current)
    }
  }
  return blocks
}

/** Decide which raw blocks are headings, by shape and context, unless the hints say otherwise. */
function isHeading(blocks: RawBlock[], index: number, hints: Hints): boolean {
  const block = blocks[index]!
  const key = normaliseText(block.text)
  if (hints.headings.has(key)) return true
  if (hints.paragraphs.has(key)) return false
  if (block.lines > 1 || !isHeadingCandidate(block.text)) return false
  const next = blocks[index + 1]
  if (!next) return false
  // A bulleted line is a heading only when a paragraph, not another item, follows it.
  return block.bullet ? !next.bullet : true
}

/**
 * Parse a raw text into a document. Headings may be plain, indented or bulleted lines;
 * list nesting follows indentation, whatever the indentation step.
 */
export function parseText(text: string, file: string, hints: Hints = emptyHints()): ParsedDocument {
  if (BLANK.test(text)) fail('The text is empty', { file, ruleId: 'ingest/empty' })
  const raws = splitBlocks(text)
  const headings = raws.map((_, index) => isHeading(raws, index, hints))
  if (!headings.includes(true)) {
    fail('No structure found: no line reads as a heading', {
      file,
      line: 1,
      column: 1,
      ruleId: 'ingest/no-structure',
      note: 'A heading is a short line without end punctuation followed by text; name headings in the policy’s hints.json if they are not found.',
    })
  }
  const blocks: Block[] = []
  let stack: Array<{ indent: number; index: number }> = []
  raws.forEach((raw, index) => {
    const base = { text: raw.text, inline: plainInline(raw.text), line: raw.line, column: raw.column }
    if (headings[index]) {
      blocks.push({ ...base, form: 'heading', depth: 0, parent: -1 })
      stack = []
      return
    }
    if (blocks.length === 0) {
      fail('Unexpected text before the first heading, expected a heading', {
        file,
        line: raw.line,
        column: raw.column,
        ruleId: 'ingest/text-before-heading',
        note: 'List the heading in the policy’s hints.json (`headings`) if it was not recognised.',
      })
    }
    if (!raw.bullet) {
      blocks.push({ ...base, form: 'paragraph', depth: 0, parent: -1 })
      stack = []
      return
    }
    while (stack.length > 0 && raw.indent < stack.at(-1)!.indent) stack.pop()
    if (stack.length > 0 && raw.indent === stack.at(-1)!.indent) stack.pop()
    const parent = stack.at(-1)?.index ?? -1
    if (stack.length >= LIMITS.textNesting) {
      fail(`List nested too deep: more than ${LIMITS.textNesting} levels`, { file, line: raw.line, column: raw.column, ruleId: 'ingest/too-deep' })
    }
    blocks.push({ ...base, form: 'item', depth: stack.length, parent })
    stack.push({ indent: raw.indent, index: blocks.length - 1 })
  })
  if (!blocks.some((block) => block.form !== 'heading')) {
    fail('No structure found: headings but no paragraphs or items', { file, line: 1, column: 1, ruleId: 'ingest/no-structure' })
  }
  return { file, blocks }
}
