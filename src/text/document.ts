// The structured document every importer produces: sections of blocks with their nesting.
import type { PhrasingContent } from 'mdast'

/** The form of a block: a section heading, a paragraph, or a list item. */
export type BlockForm = 'heading' | 'paragraph' | 'item'

/** One block of a document: a heading, a paragraph or a list item. */
export interface Block {
  form: BlockForm
  /** Plain text, whitespace collapsed and trimmed. */
  text: string
  /** Inline Markdown content (links, emphasis) when the source was Markdown; plain text otherwise. */
  inline: PhrasingContent[]
  /** Nesting depth of a list item (0 at top level); 0 for headings and paragraphs. */
  depth: number
  /** Index in {@link ParsedDocument.blocks} of the enclosing list item, or -1. */
  parent: number
  /** 1-based line and column of the block in the source. */
  line: number
  column: number
  /** ID given in the source (`{#id}`), if any. */
  id?: string | undefined
}

/** A parsed document: an optional title, then blocks in order, the first of which is a heading. */
export interface ParsedDocument {
  /** Path of the source, for diagnostics. */
  file: string
  /** Document title (a Markdown H1), if present. */
  title?: { text: string; line: number } | undefined
  blocks: Block[]
}

/** Collapse runs of white space (including no-break spaces) into one space and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/**
 * Normalise text for comparison and hashing: NFC, straight quotes, collapsed white space.
 * Two texts that differ only in quotes or spacing are the same clause text.
 */
export function normaliseText(text: string): string {
  return collapseWhitespace(
    text
      .normalize('NFC')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"'),
  )
}

/** A plain text inline node list for `text`. */
export function plainInline(text: string): PhrasingContent[] {
  return [{ type: 'text', value: text }]
}
