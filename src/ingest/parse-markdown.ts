// Parse Markdown (with `{#id}` markers) into a document: an optional H1 title, sections, paragraphs, nested items.
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Position } from 'unist'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { type VFile, fail, warn } from '../diagnostics/index.js'
import { LIMITS } from '../util/limits.js'
import { type Block, type ParsedDocument, collapseWhitespace } from '../text/document.js'

/** The form of an ID: lowercase words joined by `-`, sections of a clause ID joined by `.`. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/

/**
 * A trailing `{#id}` marker, as legal-docs and Pandoc write anchors: what `[ \t]*\{#([^{}]*)\}[ \t]*$` matches, read
 * from the end of the text (that pattern, tried at every space of a long run of spaces, takes quadratic time).
 */
function idMarker(value: string): { index: number; id: string } | undefined {
  let end = value.length
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--
  if (value[end - 1] !== '}') return undefined
  const open = value.lastIndexOf('{', end - 2)
  if (open === -1 || value[open + 1] !== '#') return undefined
  const id = value.slice(open + 2, end - 1)
  if (id.includes('}')) return undefined
  let index = open
  while (index > 0 && (value[index - 1] === ' ' || value[index - 1] === '\t')) index--
  return { index, id }
}

const parser = unified().use(remarkParse)

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
 * Parse Markdown into a document. Every heading but a leading H1 starts a section
 * (deeper headings are flattened); lists may nest; `{#id}` at the end of a block names it.
 */
export function parseMarkdown(text: string, file: string, collector?: VFile): ParsedDocument {
  if (/^\s*$/u.test(text)) fail('The text is empty', { file, ruleId: 'ingest/empty' })
  checkNesting(text, file)
  const tree = parseMarkdownTree(text)
  const document: ParsedDocument = { file, blocks: [] }
  const seen = new Map<string, number>()

  const place = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  })

  const add = (form: Block['form'], inline: PhrasingContent[], depth: number, parent: number, at: { line: number; column: number }) => {
    const { content, id } = takeId(inline, file, at)
    const text = collapseWhitespace(toString({ type: 'paragraph', children: content }))
    if (text === '') {
      if (collector) warn(collector, `Empty ${form} ignored`, { file, ...at, ruleId: 'ingest/empty-block' })
      return -1
    }
    if (id !== undefined) {
      const previous = seen.get(id)
      if (previous !== undefined) {
        fail(`Duplicate ID \`${id}\`, already used on line ${previous}`, { file, ...at, ruleId: 'ingest/duplicate-id' })
      }
      seen.set(id, at.line)
    }
    if (form !== 'heading' && document.blocks.length === 0) {
      fail('Unexpected text before the first section heading, expected a heading', { file, ...at, ruleId: 'ingest/text-before-heading' })
    }
    document.blocks.push({ form, text, inline: content, depth, parent, ...at, id })
    return document.blocks.length - 1
  }

  const visitList = (list: List, depth: number, parent: number) => {
    for (const item of list.children) visitItem(item, depth, parent)
  }

  const visitItem = (item: ListItem, depth: number, parent: number) => {
    const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph')
    const inline: PhrasingContent[] = []
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) inline.push({ type: 'text', value: ' ' })
      inline.push(...paragraph.children)
    })
    if (paragraphs.length > 1 && collector) {
      warn(collector, 'List item with several paragraphs joined into one clause', { file, ...place(item), ruleId: 'ingest/joined-paragraphs' })
    }
    const index = add('item', inline, depth, parent, place(item))
    for (const child of item.children) {
      if (child.type === 'list') visitList(child, depth + 1, index === -1 ? parent : index)
      else if (child.type !== 'paragraph') visitOther(child)
    }
  }

  const visitOther = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        if (node.depth === 1 && document.blocks.length === 0 && !document.title) {
          const { content } = takeId(node.children, file, place(node))
          document.title = { text: collapseWhitespace(toString({ type: 'paragraph', children: content })), line: place(node).line }
        } else add('heading', node.children, 0, -1, place(node))
        return
      case 'paragraph':
        add('paragraph', node.children, 0, -1, place(node))
        return
      case 'list':
        visitList(node, 0, -1)
        return
      case 'blockquote':
        for (const child of node.children) visitOther(child)
        return
      case 'thematicBreak':
      case 'definition':
        return
      case 'html':
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return
        break
      default:
        break
    }
    // Content diptych does not model (code, tables, raw HTML) is kept as a paragraph of its text.
    const value = 'value' in node && typeof node.value === 'string' ? node.value : toString(node)
    if (collector) warn(collector, `Unsupported Markdown \`${node.type}\` kept as a paragraph`, { file, ...place(node), ruleId: 'ingest/unsupported-markdown' })
    add('paragraph', [{ type: 'text', value }], 0, -1, place(node))
  }

  for (const node of tree.children) visitOther(node)
  if (!document.blocks.some((block) => block.form === 'heading')) {
    fail('No structure found: no section heading', { file, line: 1, column: 1, ruleId: 'ingest/no-structure' })
  }
  return document
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

/** Remove a trailing `{#id}` marker from inline content and return the ID. */
function takeId(
  inline: PhrasingContent[],
  file: string,
  at: { line: number; column: number },
): { content: PhrasingContent[]; id?: string } {
  const last = inline.at(-1)
  if (!last || last.type !== 'text') return { content: inline }
  const match = idMarker(last.value)
  if (!match) return { content: inline }
  const id = match.id
  if (!ID_PATTERN.test(id)) {
    fail(`Invalid ID \`${id}\`, expected lowercase letters and digits joined by \`-\` or \`.\``, {
      file,
      line: last.position?.start.line ?? at.line,
      column: at.column,
      ruleId: 'ingest/invalid-id',
    })
  }
  const value = last.value.slice(0, match.index)
  const content = inline.slice(0, -1)
  if (value !== '') content.push({ ...last, value })
  return { content, id }
}
