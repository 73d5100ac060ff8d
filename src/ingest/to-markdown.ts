// Serialise a document with its IDs to canonical Markdown (remark-stringify): `## Title {#id}`, paragraphs, tight `-` lists.
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import type { ParsedDocument } from '../text/document.js'

const stringifier = unified().use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
})

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

function withId(inline: PhrasingContent[], id: string): PhrasingContent[] {
  const children = linkBareUrls(structuredClone(inline))
  const last = children.at(-1)
  if (last && last.type === 'text') last.value = last.value.trimEnd() + ` {#${id}}`
  else children.push({ type: 'text', value: ` {#${id}}` })
  return children
}

/** Build the canonical mdast tree of a document; `ids[i]` is the ID of block `i`. */
export function toMarkdownTree(document: ParsedDocument, ids: readonly string[], title?: string): Root {
  const root: Root = { type: 'root', children: [] }
  if (title) root.children.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] })
  // Open list items by depth, so nested items land under their parent.
  const listItems = new Map<number, ListItem>()
  let topList: List | undefined
  document.blocks.forEach((block, index) => {
    const children = withId(block.inline, ids[index]!)
    if (block.form !== 'item') {
      const node: RootContent =
        block.form === 'heading'
          ? { type: 'heading', depth: 2, children }
          : { type: 'paragraph', children }
      root.children.push(node)
      topList = undefined
      return
    }
    const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }
    const parent = block.parent === -1 ? undefined : listItems.get(block.parent)
    if (parent) {
      let list = parent.children.find((child): child is List => child.type === 'list')
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [] }
        parent.children.push(list)
      }
      list.children.push(item)
    } else {
      if (!topList) {
        topList = { type: 'list', ordered: false, spread: false, children: [] }
        root.children.push(topList)
      }
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
