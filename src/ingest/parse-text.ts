// Recover the structure of a plain text (as copied from a web page): headings (plain, bulleted, numbered, questions),
// paragraphs, nested list items, and the effective-date line, read into the document's meta.
import { fail } from '../diagnostics/index.js'
import { LANGUAGES } from '../languages/index.js'
import { LIMITS } from '../util/limits.js'
import { type Block, type DocumentMeta, type ParsedDocument, collapseWhitespace, normaliseText, plainInline } from '../text/document.js'
import { type Hints, emptyHints } from './hints.js'

/** Bullet markers recognised at the start of a line, after its indentation. */
const BULLET = /^(?:[•◦▪▫‣⁃●○■□∙·–—*+-]|\d{1,3}[.)])[ \t\u00A0]+(?=\S)/u
/** A numbered bullet marker (`1.`, `2)`): the number of a heading when the line is one. */
const NUMBERED_MARKER = /^(\d{1,3})[.)]$/u
/** A line with nothing visible: empty, spaces, tabs or no-break spaces only. */
const BLANK = /^\s*$/u
/** End punctuation that marks a sentence, never a heading (closing quotes and brackets skipped). */
const END_PUNCTUATION = /[.:;!?,…]["'”’)\]]*$/u
/** A question mark at the end (closing quotes and brackets skipped): an FAQ heading may end so. */
const QUESTION = /\?["'”’)\]]*$/u
/** A colon at the end: a lead-in before a list, or a heading before a paragraph ("Contact Mozilla:"). */
const COLON = /:["'”’)\]]*$/u

/** Limits of a heading: a short line without end punctuation (but "?") that starts with a capital or digit. */
export const HEADING_MAX_WORDS = 10
export const HEADING_MAX_CHARS = 80
/** Longest line read as a date line ("Versie 1.2, van kracht vanaf woensdag 1 november 2023" is 53). */
const DATE_LINE_MAX_CHARS = 120
/** The date line that gives the effective date stands among the first blocks (or is the last one, a footer). */
const DATE_LINE_OPENING = 5
/** A date without introducing words ("September 9, 2020") is the effective date only among the first blocks. */
const BARE_DATE_OPENING = 3

interface RawBlock {
  bullet: boolean
  /** The bullet marker as written (`•`, `1.`), or '' without one. */
  marker: string
  indent: number
  text: string
  line: number
  column: number
  lines: number
  /** Whether a blank line (or the start of the text) comes before the block. */
  gap: boolean
  /** A line with tabs after its first word: a table row copied from a page, never a heading. */
  row: boolean
  /** How many short lines stand together, without blank lines, where the block starts (an address has three or more). */
  stretch: number
  /** The line reads as a date line ("Effective May 4, 2026"): never a heading. */
  date: boolean
}

// ---------------------------------------------------------------------------------------------------------------------
// Words from the language packs (the text's language may be unknown: the words of every pack are read).

/** Words of dates and numbered headings, from every registered language pack. */
interface Words {
  /** Month names and their prefixes of three letters or more → month (1–12), or 0 when two months share it. */
  months: Map<string, number>
  weekdays: Set<string>
  /** Phrases introducing an effective date, as word lists, longest first. */
  effective: string[][]
  version: Set<string>
  /** Words before a heading number kept in the number ("article") and left out of it ("section"). */
  named: Set<string>
  plain: Set<string>
}

function packWords(): Words {
  const words: Words = { months: new Map(), weekdays: new Set(), effective: [], version: new Set(), named: new Set(), plain: new Set() }
  for (const pack of Object.values(LANGUAGES)) {
    pack.dates.months.forEach((name, index) => {
      for (let length = 3; length <= name.length; length++) {
        const prefix = name.slice(0, length)
        const known = words.months.get(prefix)
        words.months.set(prefix, known === undefined || known === index + 1 ? index + 1 : 0)
      }
    })
    for (const day of pack.dates.weekdays) words.weekdays.add(day)
    for (const phrase of pack.dates.effective) words.effective.push(phrase.split(' '))
    for (const word of pack.dates.version) words.version.add(word)
    for (const word of pack.headingNumbers.named) words.named.add(word)
    for (const word of pack.headingNumbers.plain) words.plain.add(word)
  }
  words.effective.sort((a, b) => b.length - a.length)
  return words
}

const WORDS = packWords()

// ---------------------------------------------------------------------------------------------------------------------
// Date lines.

/** Words of a short line: letters and digits, joined by inner `.`, `/` or `-` (`1.2`, `2026-05-04`, `4/5/2026`). */
const TOKEN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu
const DAY = /^(\d{1,2})(?:st|nd|rd|th|e|ste|de|er)?$/u
const YEAR = /^\d{4}$/u
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u
const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/u
const VERSION_NUMBER = /^v?\d{1,4}(?:\.\d{1,4}){0,4}$/u

/** A date line: the ISO date when it can be told, and whether words introduce it ("Effective", "Versie"). */
export interface DateLine {
  effective?: string | undefined
  introduced: boolean
}

/** The ISO date of year, month and day, or undefined when there is no such day. */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  if (day > days) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const monthOf = (token: string) => WORDS.months.get(token) || undefined
const dayOf = (token: string) => {
  const match = DAY.exec(token)
  return match ? Number(match[1]) : undefined
}

/**
 * Read the tokens from `from` to the end as a date: "May 4 2026", "4 May 2026", "2026-05-04", "04/05/2026" (the ISO date
 * only when day and month can be told apart), "January 2025" (a date without a day). A date that has the shape but no
 * such day ("February 30, 2026") is a date without an ISO date. Undefined when the tokens are no date.
 */
function readDate(tokens: string[], from: number): { effective?: string | undefined } | undefined {
  const rest = tokens.length - from
  const [a, b, c] = [tokens[from] ?? '', tokens[from + 1] ?? '', tokens[from + 2] ?? '']
  if (rest === 1) {
    const iso = ISO_DATE.exec(a)
    if (iso) return { effective: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) }
    const numeric = NUMERIC_DATE.exec(a)
    if (!numeric) return undefined
    const [first, second, year] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])]
    if (first > 12 && second > 12) return undefined
    // Day first or month first: told only when one of them cannot be a month, or both are the same.
    const [month, day] = first > 12 ? [second, first] : second > 12 || first === second ? [first, second] : [0, 0]
    return month === 0 ? {} : { effective: isoDate(year, month, day) }
  }
  if (rest === 2) return monthOf(a) !== undefined && YEAR.test(b) ? {} : undefined
  if (rest !== 3 || !YEAR.test(c)) return undefined
  const [month, day] = monthOf(a) !== undefined ? [monthOf(a)!, dayOf(b)] : [monthOf(b), dayOf(a)]
  if (month === undefined || day === undefined) return undefined
  return { effective: isoDate(Number(c), month, day) }
}

/** The number of tokens from `from` that an effective-date phrase takes (the longest), or 0. */
function phraseAt(tokens: string[], from: number): number {
  for (const phrase of WORDS.effective) if (phrase.every((word, offset) => tokens[from + offset] === word)) return phrase.length
  return 0
}

/**
 * Read a line as a date line: introducing words from the language packs (a version number, "effective", "last
 * updated", "van kracht vanaf", chained), an optional weekday, then a date that ends the line. Undefined otherwise.
 */
export function readDateLine(text: string): DateLine | undefined {
  if (text.length > DATE_LINE_MAX_CHARS) return undefined
  const tokens = text.toLowerCase().match(TOKEN) ?? []
  let introduced = false
  let index = 0
  while (index < tokens.length) {
    const date = readDate(tokens, index)
    if (date) return { ...date, introduced }
    const token = tokens[index]!
    if (WORDS.version.has(token)) {
      introduced = true
      index++
      if (index < tokens.length && VERSION_NUMBER.test(tokens[index]!) && !readDate(tokens, index)) index++
      continue
    }
    const phrase = phraseAt(tokens, index)
    if (phrase > 0) introduced = true
    else if (!WORDS.weekdays.has(token)) return undefined
    index += Math.max(phrase, 1)
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------------------
// Heading shapes and numbers.

/** "Article 3 – Scope", "Artikel 3 Toepassing", "Section 4.": a word, a number (digits or Roman), then the title. */
const NAMED_NUMBER = /^(\p{L}{2,12}) (\d{1,3}[a-z]?(?:\.\d{1,3}){0,5}|[IVXLCDM]{1,7})\.?(?=$|[ :–—-])/u
/** "2.3 Your rights", "2.3. Your rights", "4. Scope": a dotted number before a space. */
const DOTTED_NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.?) (?=\S)/u
/** What stands between a named number and its title. */
const NUMBER_SEPARATOR = /^ ?[:.–—-]? ?/u

/** The number of a heading as written in its text, its depth, and the title after it. */
interface HeadingNumber {
  number: string
  depth: number
  title: string
}

/** Read a leading heading number from a (collapsed) line; undefined when it has none. */
export function headingNumber(text: string): HeadingNumber | undefined {
  if (text.length > HEADING_MAX_CHARS * 2) return undefined
  const named = NAMED_NUMBER.exec(text)
  if (named) {
    const word = named[1]!.toLowerCase()
    if (WORDS.named.has(word) || WORDS.plain.has(word)) {
      const digits = named[2]!
      return {
        number: WORDS.named.has(word) ? `${named[1]} ${digits}` : digits,
        depth: digits.split('.').length,
        title: text.slice(named[0].length).replace(NUMBER_SEPARATOR, ''),
      }
    }
  }
  const dotted = DOTTED_NUMBER.exec(text)
  // A dot is needed: "149 New Montgomery Street" is an address line, not a numbered heading.
  if (dotted && (dotted[1]!.includes('.') || dotted[2] === '.')) {
    return { number: dotted[1]!, depth: dotted[1]!.split('.').length, title: text.slice(dotted[0].length) }
  }
  return undefined
}

/**
 * Whether `title` has the shape of a heading's title: short, capital or digit first, no end punctuation but "?" (and
 * ":" with `colon`).
 */
function isTitle(title: string, colon = false): boolean {
  return (
    title.length > 0 &&
    title.length <= HEADING_MAX_CHARS &&
    title.split(' ').length <= HEADING_MAX_WORDS &&
    (!END_PUNCTUATION.test(title) || QUESTION.test(title) || (colon && COLON.test(title))) &&
    /^[\p{Lu}\p{N}]/u.test(title)
  )
}

/**
 * Whether `text` could be a heading by its shape alone: a short line without end punctuation (a question mark aside)
 * that starts with a capital or digit, after its number if it has one ("2.3 Your rights"), or a number alone
 * ("Article 3", whose title may follow on the next line).
 */
export function isHeadingCandidate(text: string): boolean {
  if (text.length === 0 || text.length > HEADING_MAX_CHARS * 2) return false
  const numbered = headingNumber(text)
  if (numbered) return numbered.title === '' || isTitle(numbered.title)
  return isTitle(text)
}

/**
 * What a raw block would be as a heading: its title, number and depth, whether it has the shape, and whether it is a
 * question or ends in a colon (a heading only before a paragraph).
 */
interface Shape {
  candidate: boolean
  question: boolean
  colon: boolean
  title: string
  number?: string | undefined
  depth: number
}

function shapeOf(raw: RawBlock): Shape {
  const none: Shape = { candidate: false, question: false, colon: false, title: raw.text, depth: 1 }
  if (raw.lines > 1 || raw.row || raw.date || raw.text.length > HEADING_MAX_CHARS * 2) return none
  const marker = NUMBERED_MARKER.exec(raw.marker)
  const numbered = marker ? { number: marker[1]!, depth: 1, title: raw.text } : raw.bullet ? undefined : headingNumber(raw.text)
  // A number alone ("Section 4.") is the whole heading when no title follows it.
  const title = numbered && numbered.title !== '' ? numbered.title : raw.text
  const candidate = numbered?.title === '' || isTitle(title, true)
  return {
    candidate,
    question: candidate && QUESTION.test(title),
    colon: candidate && COLON.test(title),
    title,
    number: numbered?.number,
    depth: numbered?.depth ?? 1,
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Blocks.

/** Whether a one-line block ends where it stands: a heading-shaped line or a date line (unless text goes on in lowercase). */
function standsAlone(block: RawBlock): boolean {
  return block.lines === 1 && !block.bullet && !block.row && (isHeadingCandidate(block.text) || readDateLine(block.text) !== undefined)
}

/** Whether a line is short as a heading is, bullets aside (an address line, a heading, a short list entry). */
function isShortLine(line: string): boolean {
  const body = line.trim()
  return body.length > 0 && body.length <= HEADING_MAX_CHARS && !BULLET.test(body) && body.split(/\s+/u).length <= HEADING_MAX_WORDS
}

/** For each line, how many short lines stand together with it without blank lines between them (0 for other lines). */
function shortStretches(lines: string[]): number[] {
  const stretches = lines.map(() => 0)
  let start = 0
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && isShortLine(lines[index]!)) continue
    for (let inside = start; inside < index; inside++) stretches[inside] = index - start
    start = index + 1
  }
  return stretches
}

/** Split normalised text into raw blocks: one per bullet line or table row, hard-wrapped lines joined. */
function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = []
  let current: RawBlock | undefined
  let gap = true
  const lines = text.split('\n')
  const stretches = shortStretches(lines)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (BLANK.test(line)) {
      current = undefined
      gap = true
      continue
    }
    const indent = /^\s*/u.exec(line)![0].length
    const rest = line.slice(indent)
    const row = rest.includes('\t')
    const bullet = BULLET.exec(rest)
    const start = { indent, line: index + 1, column: indent + 1, lines: 1, gap, row, stretch: stretches[index]!, date: false }
    gap = false
    if (bullet) {
      current = { ...start, bullet: true, marker: bullet[0].trimEnd(), text: collapseWhitespace(rest.slice(bullet[0].length)) }
      blocks.push(current)
      continue
    }
    const body = collapseWhitespace(rest)
    // A line right under a one-line heading-shaped line starts a new block (the heading's text),
    // unless it goes on in lowercase: then the short line was the start of a hard-wrapped sentence.
    // A table row stands alone.
    const joinable = current && !row && !current.row && !(standsAlone(current) && !/^\p{Ll}/u.test(body))
    if (current && joinable) {
      current.text += ' ' + body
      current.lines++
    } else {
      current = { ...start, bullet: false, marker: '', text: body }
      blocks.push(current)
    }
  }
  return blocks
}

/**
 * Take the effective-date line out of the blocks, into the meta: the first date line among the opening blocks (or the
 * last block, a footer); a date alone ("September 9, 2020") only among the first blocks. Every date line is marked, so
 * none is a heading.
 */
function takeDateLine(raws: RawBlock[], hints: Hints): { raws: RawBlock[]; meta?: DocumentMeta } {
  let taken = -1
  let meta: DocumentMeta | undefined
  raws.forEach((raw, index) => {
    if (raw.lines > 1 || raw.bullet || raw.row) return
    const date = readDateLine(raw.text)
    if (!date) return
    raw.date = true
    const key = normaliseText(raw.text)
    if (taken >= 0 || hints.headings.has(key) || hints.paragraphs.has(key)) return
    const opening = date.introduced ? index < DATE_LINE_OPENING || index === raws.length - 1 : index < BARE_DATE_OPENING
    if (!opening) return
    taken = index
    meta = date.effective ? { effective: date.effective, effectiveText: raw.text } : { effectiveText: raw.text }
  })
  if (taken < 0) return { raws }
  return { raws: raws.filter((_, index) => index !== taken), ...(meta ? { meta } : {}) }
}

/** Join a number alone on its line ("Artikel 3") with the title on the next ("Toepassing"), when a block follows. */
function joinNumbers(raws: RawBlock[]): RawBlock[] {
  const joined: RawBlock[] = []
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!
    const next = raws[index + 1]
    if (
      next &&
      index + 2 < raws.length &&
      raw.lines === 1 &&
      !raw.bullet &&
      !raw.row &&
      next.lines === 1 &&
      !next.bullet &&
      !next.row &&
      !next.date &&
      headingNumber(raw.text)?.title === '' &&
      isTitle(next.text)
    ) {
      joined.push({ ...raw, text: `${raw.text} ${next.text}` })
      index++
      continue
    }
    joined.push(raw)
  }
  return joined
}

/** A short heading-shaped line, not a lead-in ending in a colon. */
const isShort = (shape: Shape | undefined) => shape !== undefined && shape.candidate && !shape.colon

/**
 * Runs of short lines: consecutive one-line heading-shaped blocks without bullets, blank lines between them or not
 * (links one a line, a table of contents): where each block's run starts, and the length of the run starting at an index.
 */
interface Runs {
  start: number[]
  length: number[]
}

function findRuns(raws: RawBlock[], shapes: Shape[]): Runs {
  const runs: Runs = { start: [], length: raws.map(() => 0) }
  raws.forEach((raw, index) => {
    const joins = index > 0 && !raw.bullet && isShort(shapes[index]) && !raws[index - 1]!.bullet && isShort(shapes[index - 1])
    runs.start.push(joins ? runs.start[index - 1]! : index)
    runs.length[runs.start[index]!]!++
  })
  return runs
}

/** Decide which raw blocks are headings, by shape and context, unless the hints say otherwise. */
function isHeading(raws: RawBlock[], shapes: Shape[], runs: Runs, index: number, hints: Hints): boolean {
  const block = raws[index]!
  const shape = shapes[index]!
  const key = normaliseText(block.text)
  if (hints.headings.has(key)) return true
  if (hints.paragraphs.has(key)) return false
  if (!shape.candidate) return false
  const next = raws[index + 1]
  if (!next) return false
  const previous = index > 0 ? raws[index - 1] : undefined
  const nextShape = shapes[index + 1]!
  const previousShape = index > 0 ? shapes[index - 1] : undefined
  // A line ending in a colon is a lead-in before a list, a heading before a paragraph.
  if (shape.colon && next.bullet) return false
  // A question is a heading before its answer, not in a run of short lines or questions ("Is it needed?" "Is it safe?").
  if (shape.question && ((!next.bullet && isShort(nextShape)) || previousShape?.question)) return false
  if (block.bullet) {
    // A bulleted line is a heading only when a paragraph, not another item, follows it,
    // and not when it ends a run of short items.
    if (next.bullet) return false
    return !(previous?.bullet && !block.gap && previous.indent === block.indent && isShort(previousShape))
  }
  // Three short lines or more without blank lines between them (an address, a list copied without bullets): no
  // headings (two may be a heading and its subheading). Lines right under a table row: its cells.
  if (block.stretch >= 3 || (previous?.row && !block.gap)) return false
  // A run of short lines with blank lines between them (links one a line, a table of contents): only the first may be a
  // heading.
  const start = runs.start[index]!
  return !(index > start && runs.length[start]! >= 3)
}

/**
 * Parse a raw text into a document. Headings may be plain, indented, bulleted or numbered lines, or questions; list
 * nesting follows indentation, whatever the indentation step. Blocks before the first heading are the document's
 * opening section (its preamble); the effective-date line goes into `meta`, not into the blocks.
 */
export function parseText(text: string, file: string, hints: Hints = emptyHints()): ParsedDocument {
  if (BLANK.test(text)) fail('The text is empty', { file, ruleId: 'ingest/empty' })
  const dated = takeDateLine(splitBlocks(text), hints)
  const raws = joinNumbers(dated.raws)
  if (raws.length === 0) {
    fail('No structure found: the text has an effective date and nothing else', { file, line: 1, column: 1, ruleId: 'ingest/no-structure' })
  }
  const shapes = raws.map(shapeOf)
  const runs = findRuns(raws, shapes)
  const headings = raws.map((_, index) => isHeading(raws, shapes, runs, index, hints))
  // Heading levels from dotted numbers (2.3 → 2), renumbered so the highest level is 1.
  let top = Infinity
  raws.forEach((_, index) => {
    if (headings[index]) top = Math.min(top, shapes[index]!.depth)
  })
  const blocks: Block[] = []
  let stack: Array<{ indent: number; index: number }> = []
  raws.forEach((raw, index) => {
    const base = { text: raw.text, inline: plainInline(raw.text), line: raw.line, column: raw.column }
    if (headings[index]) {
      const shape = shapes[index]!
      const heading: Block = { ...base, text: shape.title, inline: plainInline(shape.title), form: 'heading', depth: 0, parent: -1, level: shape.depth - top + 1 }
      if (shape.number !== undefined) heading.number = shape.number
      blocks.push(heading)
      stack = []
      return
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
  return dated.meta ? { file, blocks, meta: dated.meta } : { file, blocks }
}
