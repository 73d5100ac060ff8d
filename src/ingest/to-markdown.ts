// Serialise a document with its IDs to canonical Markdown (remark-stringify, GFM): `## Title {#id}` with the section's
// level, paragraphs, tight `-` lists (`1.` when numbered), paragraphs of an item inside it, table rows as GFM tables.
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { stringify as stringifyYaml } from 'yaml'
import { gfmWithoutAutolinks } from './markdown/gfm.js'
import type { Block, ParsedDocument } from '../text/document.js'

const stringifier = unified()
  .use(remarkStringify, {
    bullet: '-',
    listItemIndent: 'one',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
  })
  .use(gfmWithoutAutolinks)
  .use(remarkFrontmatter, ['yaml'])

/** A bare http(s) URL in running text (closing punctuation and brackets left out). */
const BARE_URL = /https?:\/\/[^\s<>"'“”‘’]*[^\s<>"'“”‘’.,;:!?)\]]/gu

/** Turn bare URLs in text nodes into links, which remark-stringify writes as `<https://…>` autolinks. */
export function linkBareUrls(inline: readonly PhrasingContent[]): PhrasingContent[] {
  return inline.flatMap((node): PhrasingContent[] => {
    if (node.type !== 'text') return [node]
    const parts: PhrasingContent[] = []
    let last = 0
    for (const match of node.value.matchAll(BARE_URL)) {
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
      parts.push({ type: 'link', url: match[0], children: [{ type: 'text', value: match[0] }] })
      last = match.index + match[0].length
    }
    if (last === 0) return [node]
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
    return parts
  })
}

/**
 * The attribute list ending a block: `{#id}`, or `{: #id key="value" }` when the block has other attributes (a
 * `datetime`), so that the canonical file keeps what the source said.
 */
function attributeList(id: string, attributes: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(attributes ?? {}).flatMap(([key, value]) => {
    if (!/^[A-Za-z_][\w:.-]*$/.test(key)) return []
    if (!value.includes('"')) return [`${key}="${value}"`]
    return value.includes("'") ? [] : [`${key}='${value}'`]
  })
  return pairs.length === 0 ? `{#${id}}` : `{: #${id} ${pairs.join(' ')} }`
}

function withId(inline: readonly PhrasingContent[], id: string, attributes?: Readonly<Record<string, string>>): PhrasingContent[] {
  const children = linkBareUrls(structuredClone(inline as PhrasingContent[]))
  const list = attributeList(id, attributes)
  const last = children.at(-1)
  if (last && last.type === 'text') last.value = last.value.trimEnd() + ` ${list}`
  else children.push({ type: 'text', value: ` ${list}` })
  return children
}

/** A clause number written before the text (`1.1 `, `Article 3 `), when it is not a list's own numbering. */
function numbered(block: Block, children: PhrasingContent[]): PhrasingContent[] {
  if (block.number === undefined || (block.form === 'item' && /^\d+$/.test(block.number))) return children
  const prefix = block.form === 'heading' && /^\d+$/.test(block.number) ? `${block.number}. ` : `${block.number} `
  const first = children[0]
  if (first?.type === 'text') return [{ ...first, value: prefix + first.value }, ...children.slice(1)]
  return [{ type: 'text', value: prefix }, ...children]
}

/** The cells of a row's inline content, split at the separators the reader put between them. */
function cellsOf(inline: readonly PhrasingContent[], count: number): PhrasingContent[][] {
  const cells: PhrasingContent[][] = [[]]
  for (const node of inline) {
    if (node.type === 'text' && (node.data as { cellSeparator?: boolean } | undefined)?.cellSeparator) cells.push([])
    else cells.at(-1)!.push(node)
  }
  while (cells.length < count) cells.push([])
  return cells
}

/** Build the canonical mdast tree of a document; `ids[i]` is the ID of block `i`. */
export function toMarkdownTree(document: ParsedDocument, ids: readonly string[], title?: string): Root {
  const root: Root = { type: 'root', children: [] }
  // An effective date no block carries (front matter, a plain text's date line) is kept as front matter.
  const effective = document.meta?.effective
  if (effective !== undefined && !document.blocks.some((block) => block.attributes?.['datetime'] !== undefined)) {
    root.children.push({ type: 'yaml', value: stringifyYaml({ effective, ...(document.meta?.effectiveText ? { stated: document.meta.effectiveText } : {}) }).trimEnd() })
  }
  if (title) root.children.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] })
  // Open list items by index, so nested items and an item's paragraphs land under it.
  const listItems = new Map<number, ListItem>()
  let topList: List | undefined
  let table: Table | undefined
  document.blocks.forEach((block, index) => {
    const children = numbered(block, withId(block.inline, ids[index]!, block.attributes))
    if (block.form === 'row') {
      const cells = cellsOf(children, block.cells?.length ?? 1)
      const row: TableRow = { type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: cell })) }
      if (!table) {
        root.children.push((table = { type: 'table', align: [], children: [] }))
        // GFM tables start with a header row: a table whose first row is data gets a blank one (read as no block).
        if (!block.header) table.children.push({ type: 'tableRow', children: cells.map(() => ({ type: 'tableCell', children: [] })) })
      }
      table.children.push(row)
      topList = undefined
      return
    }
    table = undefined
    const parent = block.parent === -1 ? undefined : listItems.get(block.parent)
    if (block.form === 'paragraph' && parent) {
      // A further paragraph of a list item stays in it (the list becomes loose).
      const paragraph: Paragraph = { type: 'paragraph', children }
      parent.children.push(paragraph)
      parent.spread = true
      return
    }
    if (block.form !== 'item') {
      const node: RootContent =
        block.form === 'heading'
          ? { type: 'heading', depth: Math.min(6, (block.level ?? 1) + 1) as 1 | 2 | 3 | 4 | 5 | 6, children }
          : { type: 'paragraph', children }
      root.children.push(node)
      topList = undefined
      return
    }
    const ordered = block.number !== undefined && /^\d+$/.test(block.number)
    const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }
    const newList = (): List => ({ type: 'list', ordered, ...(ordered ? { start: Number(block.number) } : {}), spread: false, children: [] })
    if (parent) {
      let list = parent.children.findLast((child): child is List => child.type === 'list')
      if (!list || list.ordered !== ordered) parent.children.push((list = newList()))
      list.children.push(item)
    } else {
      if (!topList || topList.ordered !== ordered) root.children.push((topList = newList()))
      topList.children.push(item)
    }
    listItems.set(index, item)
  })
  return root
}

/** Serialise a document with its IDs to canonical Markdown text. */
export function toMarkdown(document: ParsedDocument, ids: readonly string[], title?: string): string {
  return stringifier.stringify(toMarkdownTree(document, ids, title))
}
