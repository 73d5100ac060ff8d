// Parse Markdown (with `{#id}` markers) into a document: an optional H1 title, sections, paragraphs, nested items.
import { raw } from 'hast-util-raw'
import { toMdast } from 'hast-util-to-mdast'
import type { Data, Definition, Heading, Link as MdastLink, ListItem, Paragraph, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import { parseDocument } from 'yaml'
import { type VFile, fail, warn } from '../diagnostics/index.js'
import { LANGUAGES } from '../languages/index.js'
import { type Block, type Link, type ParsedDocument, collapseWhitespace } from '../text/document.js'
import { LIMITS } from '../util/limits.js'
import { parseHtmlBounded } from './html-depth.js'
import { type Attributes, leadingList, trailingList } from './markdown/attributes.js'
import { gfmWithoutAutolinks } from './markdown/gfm.js'

/** The form of an ID: lowercase words joined by `-`, sections of a clause ID joined by `.`. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinks)

/**
 * Constructs whose meaning crosses headings: link definitions and multi-line HTML blocks. A definition's label
 * holds no unescaped bracket, so its scan stops at the next unescaped `[`: each character is read from one line start at most.
 */
const GLOBAL_CONSTRUCTS = /^ {0,3}(?:\[(?:[^[\]\\]|\\.)+\]:|<(?:!--|script|pre|style|textarea|\?|![A-Z]))/im

/**
 * Parse Markdown text into an mdast tree. micromark's time grows faster than linearly in the
 * length of a document, so a long document is parsed section by section (split at ATX headings
 * outside fenced code) and the trees joined, positions shifted; documents with link definitions
 * or multi-line HTML are parsed whole, since their meaning may cross sections.
 */
export function parseMarkdownTree(text: string): Root {
  if (text.length < 20_000 || GLOBAL_CONSTRUCTS.test(text)) return parser.parse(text)
  const root: Root = { type: 'root', children: [] }
  let offset = 0
  let line = 0
  for (const chunk of splitAtHeadings(text)) {
    const tree = parser.parse(chunk)
    if (line > 0) shift(tree, line, offset)
    root.children.push(...tree.children)
    offset += chunk.length
    line += chunk.split('\n').length - 1
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: line + 1, column: 1, offset: text.length } }
  return root
}

/** Split before each ATX heading line that is not inside a fenced code block; chunks keep their newlines. */
function splitAtHeadings(text: string): string[] {
  const chunks: string[] = []
  let fence: string | undefined
  let start = 0
  let at = 0
  while (at < text.length) {
    const end = text.indexOf('\n', at)
    const next = end === -1 ? text.length : end + 1
    const lineText = text.slice(at, next)
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(lineText)
    if (fence === undefined && marker) fence = marker[1]![0]
    else if (fence !== undefined && marker && marker[1]![0] === fence) fence = undefined
    else if (fence === undefined && at > start && /^#{1,6}(?:[ \t]|$)/.test(lineText)) {
      chunks.push(text.slice(start, at))
      start = at
    }
    at = next
  }
  chunks.push(text.slice(start))
  return chunks
}

/** Move every position in a tree down by `lines` lines and `offset` characters. */
function shift(node: { position?: Position | undefined; children?: unknown[] }, lines: number, offset: number): void {
  if (node.position) {
    node.position.start.line += lines
    node.position.end.line += lines
    if (node.position.start.offset !== undefined) node.position.start.offset += offset
    if (node.position.end.offset !== undefined) node.position.end.offset += offset
  }
  if (node.children) for (const child of node.children) shift(child as typeof node, lines, offset)
}

/**
 * Parse Markdown (CommonMark, GFM, YAML front matter, attribute lists, HTML) into a document. A leading H1 is the
 * title; blocks before the first other heading are the preamble; every other heading starts a section at its level
 * (renumbered from 1); lists may nest; tables are one block a row; `{#id}` or `{: #id }` at the end of a block names it.
 */
export function parseMarkdown(text: string, file: string, collector?: VFile): ParsedDocument {
  if (/^\s*$/u.test(text)) fail('The text is empty', { file, ruleId: 'ingest/empty' })
  checkNesting(text, file)
  return blocksFromMdast(parseMarkdownTree(text), file, collector)
}

/**
 * Read an mdast tree into a document, as {@link parseMarkdown} reads the tree of a Markdown text: the one walk every
 * reader that produces mdast (Markdown, an HTML page through hast) ends in.
 */
export function blocksFromMdast(tree: Root, file: string, collector?: VFile): ParsedDocument {
  const reader = new MarkdownReader(file, collector, definitionsOf(tree))
  for (const node of tree.children) reader.block(node, { depth: 0, parent: -1 })
  const document = reader.document
  if (document.blocks.length === 0) {
    fail('No structure found: no heading, paragraph, item or table row', { file, line: 1, column: 1, ruleId: 'ingest/no-structure' })
  }
  renumberLevels(document.blocks)
  return document
}

/** Where a block stands: its list depth and the index of the enclosing list item (-1 at top level). */
interface Nesting {
  depth: number
  parent: number
}

/** A place in the source. */
interface At {
  line: number
  column: number
}

/** Reads mdast into blocks, one visit a node. */
class MarkdownReader {
  readonly document: ParsedDocument
  private readonly seen = new Map<string, number>()
  /** The line the current HTML fragment starts on (its nodes' positions count from 1). */
  private lineOffset = 0
  /** Whether the title came from a leading H1 (a later H1 is a section). */
  private titleFromHeading = false

  constructor(
    private readonly file: string,
    private readonly collector: VFile | undefined,
    private readonly definitions: ReadonlyMap<string, string>,
  ) {
    this.document = { file, blocks: [] }
  }

  private place(node: { position?: { start: { line: number; column: number } } | undefined }): At {
    return { line: (node.position?.start.line ?? 1) + this.lineOffset, column: node.position?.start.column ?? 1 }
  }

  /** Add a block from inline content; returns its index, or -1 when it is empty. */
  private add(form: Block['form'], inline: PhrasingContent[], nesting: Nesting, at: At, extra: Partial<Block> = {}): number {
    const { content, attributes } = takeAttributes(inline, this.file, at)
    const numbered = extra.number === undefined ? takeNumber(content, form) : { content, number: extra.number }
    const text = collapseWhitespace(plainText(numbered.content))
    if (text === '') {
      if (this.collector) warn(this.collector, `Empty ${form} ignored`, { file: this.file, ...at, ruleId: 'ingest/empty-block' })
      return -1
    }
    let id = attributes && idOf(attributes, this.file, at)
    // A section ID has no `.` (a clause ID is `section.words`).
    if (id !== undefined && form === 'heading' && attributes?.colon) id = id.replace(/\./g, '-')
    if (id !== undefined) {
      const previous = this.seen.get(id)
      if (previous !== undefined) fail(`Duplicate ID \`${id}\`, already used on line ${previous}`, { file: this.file, ...at, ruleId: 'ingest/duplicate-id' })
      this.seen.set(id, at.line)
    }
    const block: Block = { form, text, inline: numbered.content, depth: nesting.depth, parent: nesting.parent, ...at, id, ...extra }
    if (numbered.number !== undefined) block.number = numbered.number
    const links = linksOf(numbered.content, this.definitions)
    if (links.length > 0) block.links = links
    const other = attributes && Object.keys(attributes.attributes).length > 0 ? attributes.attributes : undefined
    if (other) {
      block.attributes = other
      this.noteDate(other, text)
    }
    this.document.blocks.push(block)
    return this.document.blocks.length - 1
  }

  /** A `datetime` attribute (the legal-docs form of an effective date) dates the document, once. */
  private noteDate(attributes: Record<string, string>, text: string): void {
    const date = attributes['datetime']
    if (date === undefined || this.document.meta?.effective !== undefined) return
    this.document.meta = { ...this.document.meta, effective: date, effectiveText: text }
  }

  block(node: RootContent, nesting: Nesting): void {
    switch (node.type) {
      case 'yaml':
        this.frontMatter(node.value, this.place(node))
        return
      case 'heading': {
        const inline = this.inline(node.children, node)
        // A leading H1 is the title (it wins over a front matter `title`, which only stands in for a missing one).
        if (node.depth === 1 && this.document.blocks.length === 0 && !this.titleFromHeading) {
          this.titleFromHeading = true
          const { content, attributes } = takeAttributes(inline, this.file, this.place(node))
          this.document.title = { text: collapseWhitespace(plainText(content)), line: this.place(node).line }
          if (attributes) this.noteDate(attributes.attributes, this.document.title.text)
        } else this.add('heading', inline, { depth: 0, parent: -1 }, this.place(node), { level: node.depth })
        return
      }
      case 'paragraph':
        this.add('paragraph', this.inline(node.children, node), nesting, this.place(node))
        return
      case 'list':
        node.children.forEach((item, index) => this.item(item, nesting, node.ordered ? String((node.start ?? 1) + index) : undefined))
        return
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) this.block(child, nesting)
        return
      case 'table':
        node.children.forEach((row, index) => this.row(row, nesting, index === 0 && isHeaderRow(row)))
        return
      case 'html':
        this.html(node.value, node)
        return
      case 'thematicBreak':
      case 'definition':
        return
      default: {
        // Content diptych does not model (code) is kept as a paragraph of its text.
        const value = 'value' in node && typeof node.value === 'string' ? node.value : toString(node)
        if (this.collector) warn(this.collector, `Unsupported Markdown \`${node.type}\` kept as a paragraph`, { file: this.file, ...this.place(node), ruleId: 'ingest/unsupported-markdown' })
        this.add('paragraph', [{ type: 'text', value }], nesting, this.place(node))
      }
    }
  }

  /**
   * A list item: its first paragraph is the item; a heading first (`1. #### Introduction`) makes it a numbered section
   * instead, whose other blocks follow at the top; further paragraphs are paragraphs of the item; nested lists nest.
   */
  private item(item: ListItem, nesting: Nesting, ordinal: string | undefined): void {
    const [first, ...rest] = item.children
    if (first?.type === 'heading') {
      this.add('heading', this.inline(first.children, first), { depth: 0, parent: -1 }, this.place(first), { level: first.depth, number: ordinal })
      for (const child of rest) this.block(child, { depth: 0, parent: -1 })
      return
    }
    const extra: Partial<Block> = ordinal === undefined ? {} : { number: ordinal }
    const index = first?.type === 'paragraph' ? this.add('item', this.inline(first.children, first), nesting, this.place(item), extra) : -1
    const inner: Nesting = index === -1 ? nesting : { depth: nesting.depth + 1, parent: index }
    for (const child of first?.type === 'paragraph' ? rest : item.children) {
      if (child.type === 'list') this.block(child, inner)
      else if (child.type === 'paragraph') this.add('paragraph', this.inline(child.children, child), inner, this.place(child))
      else this.block(child, inner)
    }
  }

  /** A table row: one block, its cells kept; the text is the cells joined. A row of empty cells (a blank header) is none. */
  private row(row: TableRow, nesting: Nesting, header: boolean): void {
    // A cell is one line: breaks and line ends in it (a list inside an HTML cell) become spaces.
    const cells = row.children.map((cell) => oneLine(this.inline(cell.children, cell)))
    const texts = cells.map((cell) => collapseWhitespace(plainText(takeAttributes(cell, this.file, this.place(row)).content)))
    if (texts.every((text) => text === '')) return
    const inline: PhrasingContent[] = []
    cells.forEach((cell, index) => {
      if (index > 0) inline.push({ type: 'text', value: ' | ', data: { cellSeparator: true } as Data })
      inline.push(...cell)
    })
    this.add('row', inline, nesting, this.place(row), { cells: texts, ...(header ? { header: true } : {}) })
  }

  /** Inline content with any raw HTML in it parsed (hast) and turned into Markdown nodes. */
  private inline(children: PhrasingContent[], parent: Paragraph | Heading | TableCell): PhrasingContent[] {
    if (!children.some(hasHtml)) return children
    const hast = raw(toHast({ ...parent, children } as Paragraph, { allowDangerousHtml: true }) as Parameters<typeof raw>[0])
    const mdast = toMdast(hast) as Root
    dropAnchors(mdast)
    const found = mdast.children.find((node): node is Paragraph | Heading => node.type === 'paragraph' || node.type === 'heading')
    return found ? found.children : (mdast.children.filter((node) => node.type !== 'paragraph') as PhrasingContent[])
  }

  /** A block of raw HTML: comments dropped; anything else parsed and read as Markdown (tables as rows, `<br>` as breaks). */
  private html(value: string, node: { position?: Position | undefined }): void {
    if (/^<!--[\s\S]*-->$/.test(value.trim())) return
    const fragment = toMdast(parseHtmlBounded(value, this.file, { fragment: true, line: node.position?.start.line ?? 1 })) as Root
    dropAnchors(fragment)
    const offset = this.lineOffset
    this.lineOffset = offset + (node.position?.start.line ?? 1) - 1
    try {
      for (const child of fragment.children) this.block(child, { depth: 0, parent: -1 })
    } finally {
      this.lineOffset = offset
    }
  }

  /** YAML front matter: its `title` and effective date (`effective`, `date`, `last_updated`, …). */
  private frontMatter(value: string, at: At): void {
    const parsed = parseDocument(value, { uniqueKeys: false })
    const error = parsed.errors[0]
    if (error) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1]
      fail(`Invalid front matter: ${error.message.split('\n')[0]}`, { file: this.file, line: at.line + line, column, ruleId: 'ingest/invalid-front-matter' })
    }
    const data = parsed.toJS() as unknown
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return
    const fields = data as Record<string, unknown>
    if (typeof fields['title'] === 'string' && !this.document.title) this.document.title = { text: collapseWhitespace(fields['title']), line: at.line }
    for (const key of ['effective', 'effective_date', 'effectiveDate', 'date', 'last_updated', 'lastUpdated', 'updated']) {
      const date = fields[key]
      const text = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' ? date : undefined
      if (text !== undefined) {
        // `stated` is the date line as the text wrote it, which a canonical file keeps beside the date.
        const stated = typeof fields['stated'] === 'string' ? fields['stated'] : undefined
        this.document.meta = { ...this.document.meta, effective: text, ...(stated === undefined ? {} : { effectiveText: stated }) }
        break
      }
    }
  }
}

/** Whether the first row of a table is a header: always in GFM; in HTML, when its cells are `<th>`. */
function isHeaderRow(row: TableRow): boolean {
  return (row.data as { header?: boolean } | undefined)?.header !== false
}

/** The kinds of inline (phrasing) nodes. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'break', 'image', 'imageReference', 'footnoteReference', 'html'])

/**
 * Inline content on one line: breaks and line ends become spaces, and blocks an HTML cell may hold (paragraphs, a
 * list) become their inline content, list items joined with `; `.
 */
function oneLine(nodes: readonly (PhrasingContent | RootContent)[], separator = ' '): PhrasingContent[] {
  const result: PhrasingContent[] = []
  nodes.forEach((node, index) => {
    if (index > 0 && !PHRASING.has(node.type)) result.push({ type: 'text', value: separator })
    if (node.type === 'break') result.push({ type: 'text', value: ' ' })
    else if (node.type === 'text') result.push(node.value.includes('\n') ? { ...node, value: node.value.replace(/\s*\n\s*/g, ' ') } : node)
    else if (PHRASING.has(node.type)) result.push('children' in node ? ({ ...node, children: oneLine(node.children as PhrasingContent[]) } as PhrasingContent) : (node as PhrasingContent))
    else if ('children' in node) result.push(...oneLine(node.children as RootContent[], node.type === 'list' ? '; ' : ' '))
  })
  return result
}

/** Remove the empty links HTML anchors (`<a id="…"></a>`) become: they mark a place, they are not links. */
function dropAnchors(tree: Root): void {
  visit(tree, 'link', (node: MdastLink, index, parent) => {
    if (node.url !== '' || parent === undefined || index === undefined) return undefined
    parent.children.splice(index, 1, ...node.children)
    return index
  })
}

/** Whether inline content holds raw HTML. */
function hasHtml(node: PhrasingContent): boolean {
  return node.type === 'html' || ('children' in node && (node.children as PhrasingContent[]).some(hasHtml))
}

/** Link definitions of a tree, by normalised label: reference-style links resolve through them. */
function definitionsOf(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>()
  visit(tree, 'definition', (node: Definition) => {
    const label = normaliseLabel(node.identifier)
    if (!definitions.has(label)) definitions.set(label, node.url)
  })
  return definitions
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The links of inline content, in order: inline, autolinks and reference-style (resolved). */
function linksOf(inline: readonly PhrasingContent[], definitions: ReadonlyMap<string, string>): Link[] {
  const links: Link[] = []
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'link') links.push({ text: collapseWhitespace(plainText(node.children)), url: node.url })
      else if (node.type === 'linkReference') {
        const url = definitions.get(normaliseLabel(node.identifier))
        if (url !== undefined) links.push({ text: collapseWhitespace(plainText(node.children)), url })
      }
      if ('children' in node) walk(node.children as PhrasingContent[])
    }
  }
  walk(inline)
  return links
}

/** The plain text of inline content: a line break is a space, an image its alternative text, a footnote mark nothing. */
export function plainText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value
        break
      case 'break':
        text += ' '
        break
      case 'image':
        text += node.alt ?? ''
        break
      case 'html':
      case 'footnoteReference':
      case 'imageReference':
        break
      default:
        if ('children' in node) text += plainText(node.children as PhrasingContent[])
    }
  }
  return text
}

/** Renumber heading levels so that the document's highest section level is 1. */
function renumberLevels(blocks: Block[]): void {
  let top = Infinity
  for (const block of blocks) if (block.level !== undefined && block.level < top) top = block.level
  for (const block of blocks) if (block.level !== undefined) block.level = block.level - top + 1
}

/** Escape a word for a regular expression. */
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A clause number at the start of a block: `1.1`, `1.2.3`, `3.` (headings), `§ 4`, or a numbering word of any
 * registered language followed by a number (`Article 3`, `Artikel 3` keep their word, as the plain-text reader does;
 * `Section 4` is `4`). The words come from the language packs (`headingNumbers`).
 */
const CLAUSE_NUMBER = (() => {
  const named = new Set<string>()
  const plain = new Set<string>()
  for (const pack of Object.values(LANGUAGES)) {
    for (const word of pack.headingNumbers.named) named.add(escape(word))
    for (const word of pack.headingNumbers.plain) plain.add(escape(word))
  }
  const number = '\\d+(?:\\.\\d+)*[a-z]?'
  return new RegExp(`^(?:((?:${[...named].join('|')})\\s+${number})|(?:${[...plain].join('|')}|§)\\s*(${number})|(\\d+(?:\\.\\d+)+)\\.?|(\\d+)\\.(?=\\s))(?=[\\s:.–—-])`, 'iu')
})()

/**
 * Take a clause number off the start of a block: a bold number (`**1.1**`), or a number the text starts with. Only
 * dotted numbers (`1.1`) count in paragraphs; a heading may also start with `3.` or `Article 3`.
 */
function takeNumber(content: PhrasingContent[], form: Block['form']): { content: PhrasingContent[]; number?: string } {
  const first = content[0]
  if (!first) return { content }
  if (first.type === 'strong' && first.children.length === 1 && first.children[0]!.type === 'text' && /^\s*\d+(?:\.\d+)*\.?\s*$/.test(first.children[0]!.value)) {
    const rest = content.slice(1)
    const next = rest[0]
    if (next?.type === 'text') rest[0] = { ...next, value: next.value.replace(/^[\s.:–—-]+/, '') }
    return { content: rest, number: first.children[0]!.value.trim().replace(/\.$/, '') }
  }
  if (first.type !== 'text') return { content }
  const match = CLAUSE_NUMBER.exec(first.value.trimStart())
  if (!match) return { content }
  const number = (match[1] ?? match[2] ?? match[3] ?? match[4]!).trim()
  // `3.` alone numbers a heading only; in a paragraph it is as likely a sentence (`2. Then …` in a list is a list).
  if (form !== 'heading' && /^\d+$/.test(number)) return { content }
  const value = first.value.trimStart().slice(match[0].length).replace(/^[\s:.–—-]+/, '')
  if (value === '' && content.length === 1) return { content }
  // A paragraph that starts with a decimal (`2.5 million users`) is not numbered: a clause's text after its number
  // starts with a capital.
  if (form !== 'heading' && !/^\p{Lu}/u.test(value)) return { content }
  return { content: [{ ...first, value }, ...content.slice(1)], number }
}

/** A container marker at the start of a line's rest: a block quote `>`, or a list marker followed by a space or the end. */
const CONTAINER = /^(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/

/** A thematic break (`- - - -`, `* * *`): markers that open nothing. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/

/**
 * Refuse Markdown whose lists and block quotes nest deeper than {@link LIMITS.textNesting}, before parsing it: the
 * parser's time grows with the square of the nesting, and a deep enough tree overflows the stack. A line's depth is
 * its block-quote markers (a quote goes on only with its `>` repeated) and the list items open at it: those of its own
 * markers and of earlier lines whose markers stand left of its first one, as a nested item's marker stands right of
 * its parent's. Odd layouts can make the estimate larger than the parser's nesting, not smaller.
 */
function checkNesting(text: string, file: string): void {
  const items: number[] = []
  let line = 0
  for (let at = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    let index = at
    let column = 0
    let quotes = 0
    const markers: number[] = []
    for (;;) {
      while (index < end && (text[index] === ' ' || text[index] === '\t')) {
        column = text[index] === '\t' ? column + 4 - (column % 4) : column + 1
        index++
      }
      const marker = CONTAINER.exec(text.slice(index, Math.min(end, index + 11)))
      if (!marker) break
      if (marker[0] === '>') quotes++
      else markers.push(column)
      index += marker[0].length
      column += marker[0].length
    }
    if (markers.length > 0) {
      while (items.length > 0 && items.at(-1)! >= markers[0]!) items.pop()
      items.push(...markers)
    }
    const depth = quotes + (markers.length > 0 ? items.length : 0)
    if (depth > LIMITS.textNesting && !THEMATIC_BREAK.test(text.slice(at, end))) {
      fail(`Lists or block quotes nested too deep: more than ${LIMITS.textNesting} levels`, { file, line: line + 1, column: column + 1, ruleId: 'ingest/too-deep' })
    }
    at = end + 1
  }
}

/** Remove a trailing attribute list (`{#id}`, `{: #id datetime="…" }`) from inline content, and any list right after an inline element. */
function takeAttributes(inline: PhrasingContent[], file: string, at: At): { content: PhrasingContent[]; attributes?: Attributes } {
  let content = inline
  // Lists glued after inline elements (`[text](url){: .class }`) are dropped: they style, they do not say.
  if (content.some((node, index) => index > 0 && node.type === 'text' && node.value.startsWith('{') && content[index - 1]!.type !== 'text')) {
    content = content.flatMap((node, index): PhrasingContent[] => {
      if (index === 0 || node.type !== 'text' || content[index - 1]!.type === 'text') return [node]
      const leading = leadingList(node.value)
      if (!leading) return [node]
      const value = node.value.slice(leading.length)
      return value === '' ? [] : [{ ...node, value }]
    })
  }
  const last = content.at(-1)
  if (!last || last.type !== 'text') return { content }
  const match = trailingList(last.value)
  if (!match) return { content }
  void file
  void at
  const value = last.value.slice(0, match.index).trimEnd()
  const rest = content.slice(0, -1)
  if (value !== '') rest.push({ ...last, value })
  return { content: rest, attributes: match.attributes }
}

/**
 * The ID an attribute list gives a block. diptych's own `{#id}` must already be an ID; a Python-Markdown or kramdown
 * anchor (`{: #InfoWeCollect }`) is folded into one (`infowecollect`), so a policy that has anchors keeps them.
 */
function idOf(attributes: Attributes, file: string, at: At): string | undefined {
  const id = attributes.id
  if (id === undefined) return undefined
  if (ID_PATTERN.test(id)) return id
  if (!attributes.colon) {
    fail(`Invalid ID \`${id}\`, expected lowercase letters and digits joined by \`-\` or \`.\``, { file, ...at, ruleId: 'ingest/invalid-id' })
  }
  const folded = id.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').replace(/([-.])[-.]+/g, '$1')
  if (!ID_PATTERN.test(folded)) fail(`Invalid anchor \`${id}\`: it has no letter or digit to make an ID of`, { file, ...at, ruleId: 'ingest/invalid-id' })
  return folded
}
