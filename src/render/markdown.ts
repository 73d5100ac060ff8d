// A catalogue back to canonical Markdown, one document a language: importing it again gives the same catalogue.
import type { Catalogue } from '../catalogue/types.js'
import type { Block, ParsedDocument } from '../text/document.js'
import { plainInline } from '../text/document.js'
import { toMarkdown } from '../ingest/to-markdown.js'

/** The blocks and IDs of one language of a catalogue (clauses without a text in it are left out). */
export function catalogueDocument(catalogue: Catalogue, locale: string): { document: ParsedDocument; ids: string[] } {
  const blocks: Block[] = []
  const ids: string[] = []
  const indexOf = new Map<string, number>()
  for (const section of catalogue.sections) {
    const title = section.title[locale]
    if (title === undefined) continue
    blocks.push({ form: 'heading', text: title, inline: plainInline(title), depth: 0, parent: -1, line: 0, column: 0 })
    ids.push(section.id)
    for (const clause of section.clauses) {
      const text = clause.text[locale]
      if (text === undefined) continue
      indexOf.set(clause.id, blocks.length)
      blocks.push({ form: clause.form, text, inline: plainInline(text), depth: clause.depth, parent: clause.parent === null ? -1 : (indexOf.get(clause.parent) ?? -1), line: 0, column: 0 })
      ids.push(clause.id)
    }
  }
  return { document: { file: `${locale}.md`, blocks }, ids }
}

/** One language of a catalogue as Markdown (remark-stringify), titled in that language. */
export function renderMarkdown(catalogue: Catalogue, locale: string): string {
  const { document, ids } = catalogueDocument(catalogue, locale)
  return toMarkdown(document, ids, catalogue.title[locale])
}
