// A catalogue back to Markdown, one document a language. For readers (the default, what `render` writes): ordinary
// Markdown, without the `{#id}` attribute lists that Markdown renderers would show. With `ids`: the canonical form
// of the locale files, every block with its `{#id}`, so that importing it again gives the same catalogue. Sections
// nest by level (`##`, `###`…), numbers stand before their text, links are Markdown links again, table rows are GFM
// tables, and the preamble follows the title without a heading of its own.
import type { Data, Paragraph, PhrasingContent, Root, Text } from 'mdast'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Catalogue, Clause } from '../catalogue/types.js'
import { gfmWithoutAutolinks } from '../ingest/markdown/gfm.js'
import { toMarkdownTree } from '../ingest/to-markdown.js'
import type { Block, ParsedDocument } from '../text/document.js'
import { plainInline } from '../text/document.js'
import { type Piece, clausePieces, isMarkdownLink } from './links.js'
import { docsLabels, isPreamble, levelOf } from './sections.js'

/** The same options as the canonical locale files (`ingest/to-markdown.ts`). */
const stringifier = unified()
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', emphasis: '_', strong: '*', rule: '-', fences: true })
  .use(gfmWithoutAutolinks)

/** Inline content of pieces of text: links as link nodes (a bare URL, its own text, becomes an autolink), the rest text. */
function inlineOf(pieces: readonly Piece[]): PhrasingContent[] {
  const inline: PhrasingContent[] = []
  for (const piece of pieces) {
    if (piece.text === '') continue
    if (piece.url !== undefined && isMarkdownLink(piece.url)) {
      inline.push({ type: 'link', url: piece.url, children: [{ type: 'text', value: piece.text }] })
      continue
    }
    const last = inline.at(-1)
    if (last?.type === 'text') last.value += piece.text
    else inline.push({ type: 'text', value: piece.text })
  }
  return inline.length > 0 ? inline : plainInline('')
}

/** Inline content of a table row: its cells with the separators the canonical writer splits at. */
function rowInline(cells: readonly Piece[][]): PhrasingContent[] {
  return cells.flatMap((cell, index) => {
    const inline = inlineOf(cell)
    if (index === 0) return inline
    const separator: Text = { type: 'text', value: ' | ', data: { cellSeparator: true } as Data }
    return [separator, ...inline]
  })
}

/** The block of a clause in a language (undefined when it has no text in it). */
function clauseBlock(clause: Clause, locale: string, parent: number, header: boolean): Block | undefined {
  const pieces = clausePieces(clause, locale)
  if (pieces === undefined) return undefined
  const block: Block = { form: clause.form, text: clause.text[locale]!, inline: [], depth: clause.depth, parent, line: 0, column: 0 }
  if (clause.form === 'row') {
    // A row keeps its number in its first cell; the first row of a table is its header (GFM tables have one).
    block.inline = rowInline(pieces)
    block.cells = pieces.map((cell) => cell.map((piece) => piece.text).join(''))
    if (header) block.header = true
  } else {
    block.inline = inlineOf(pieces[0]!)
    if (clause.number !== undefined) block.number = clause.number
  }
  return block
}

/** The blocks and IDs of one language of a catalogue (clauses without a text in it are left out). */
export function catalogueDocument(catalogue: Catalogue, locale: string): { document: ParsedDocument; ids: string[] } {
  const blocks: Block[] = []
  const ids: string[] = []
  const indexOf = new Map<string, number>()
  for (const section of catalogue.sections) {
    const title = section.title[locale]
    if (title === undefined) continue
    // The preamble is the text between the title and the first heading: it has no heading of its own.
    if (!isPreamble(catalogue, section)) {
      const heading: Block = { form: 'heading', text: title, inline: plainInline(title), depth: 0, parent: -1, line: 0, column: 0, level: levelOf(section) }
      if (section.number !== undefined) heading.number = section.number
      blocks.push(heading)
      ids.push(section.id)
    }
    let previous: Block | undefined
    for (const clause of section.clauses) {
      const parent = clause.parent === null ? -1 : (indexOf.get(clause.parent) ?? -1)
      const block = clauseBlock(clause, locale, parent, previous?.form !== 'row')
      if (block === undefined) continue
      indexOf.set(clause.id, blocks.length)
      blocks.push(block)
      ids.push(clause.id)
      previous = block
    }
  }
  return { document: { file: `${locale}.md`, blocks }, ids }
}

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Keep every block's `{#id}`, as the canonical locale files do (default: false, Markdown for readers). */
  ids?: boolean | undefined
}

/** The attribute list `toMarkdownTree` ends a block with: ` {#id}`, or ` {: #id key="value" }`. */
const ATTRIBUTE_LIST = /\s*\{(?:#[^\s{}]+|: #[^{}]*)\}$/u

/** Drop the attribute list ending each block (headings, paragraphs, table cells). */
function withoutIds(tree: Root): void {
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'tableCell') return
    const last = node.children.at(-1)
    if (last?.type !== 'text' || !ATTRIBUTE_LIST.test(last.value)) return
    last.value = last.value.replace(ATTRIBUTE_LIST, '')
    if (last.value === '') node.children.pop()
  })
}

/**
 * One language of a catalogue as Markdown (remark-stringify), titled in that language, its effective date under the
 * title: for readers, or with `ids` in the canonical form of the locale files.
 */
export function renderMarkdown(catalogue: Catalogue, locale: string, options: MarkdownOptions = {}): string {
  const { document, ids } = catalogueDocument(catalogue, locale)
  const title = catalogue.title[locale]
  const tree = toMarkdownTree(document, ids, title)
  if (!options.ids) withoutIds(tree)
  const effective = catalogue.effective?.[locale]
  if (effective !== undefined) {
    const line: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `${docsLabels(locale).effective} ${effective}` }] }
    tree.children.splice(title ? 1 : 0, 0, line)
  }
  return stringifier.stringify(tree)
}
