// The structured document every importer produces: sections of blocks with their nesting.
import type { PhrasingContent } from 'mdast'

/** The form of a block: a section heading, a paragraph, a list item, or a row of a table. */
export type BlockForm = 'heading' | 'paragraph' | 'item' | 'row'

/** A link of a block: its visible text and its target as written. */
export interface Link {
  text: string
  url: string
}

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
  /** ID given in the source (`{#id}`, `{: #id }`), if any. */
  id?: string | undefined
  /**
   * Level of a heading: 1 for a top section, 2 for its subsections, and so on (the document's own heading levels,
   * renumbered so that its highest section level is 1). Undefined for other blocks.
   */
  level?: number | undefined
  /** Clause number as written in the source (`1.1`, `(a)`, `Article 3`), removed from `text`. */
  number?: string | undefined
  /** Links of the block, in order (`text` keeps only their visible text). */
  links?: Link[] | undefined
  /** Cells of a table row, in order (`text` is the cells joined with ` | `). */
  cells?: string[] | undefined
  /** Whether a table row is its table's header row. */
  header?: boolean | undefined
  /** Attributes of an attribute list other than the ID (`{: datetime="2026-05-04" }`). */
  attributes?: Record<string, string> | undefined
}

/** What a document says of itself, beside its blocks. */
export interface DocumentMeta {
  /** Effective date: ISO `YYYY-MM-DD` when it can be read as a date (from front matter, a `datetime`, or a date line). */
  effective?: string | undefined
  /** The line that gave the effective date, as written (`Effective May 4, 2026`). */
  effectiveText?: string | undefined
}

/**
 * A parsed document: an optional title, then blocks in order. Blocks before the first heading (an effective date, an
 * introduction) are the document's opening section, its preamble.
 */
export interface ParsedDocument {
  /** Path of the source, for diagnostics. */
  file: string
  /** Document title (a Markdown H1), if present. */
  title?: { text: string; line: number } | undefined
  blocks: Block[]
  /** Effective date and other facts the document states of itself. */
  meta?: DocumentMeta | undefined
}

/** The ID of a document's opening section (the blocks before its first heading). */
export const PREAMBLE_ID = 'preamble'

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
