#!/usr/bin/env node
// The real corpus (test/fixtures/corpus: Mozilla's legal documents in en, nl, de, fr): documents read and refused per
// language, the blocks read against what the source holds (headings, paragraphs, list items and table rows, counted
// on the source's own syntax tree by remark with GFM, without diptych's reader), and the time to read each document.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { gfmWithoutAutolinks } from '../dist/ingest/markdown/gfm.js'
import { parseMarkdown } from '../dist/ingest/parse-markdown.js'

const CORPUS = fileURLToPath(new URL('../test/fixtures/corpus/mozilla-legal-docs/', import.meta.url))
const census = unified().use(remarkParse).use(gfmWithoutAutolinks)

/**
 * What the source's syntax tree holds: headings below the title, paragraphs (an item's first paragraph is the item's
 * text, not one more), list items (one that opens with a heading is a section), Markdown table rows. Rows of HTML
 * tables are not in this tree: the reader's rows may exceed these.
 */
function sourceCounts(text) {
  const counts = { headings: 0, paragraphs: 0, items: 0, rows: 0 }
  visit(census.parse(text), (node, index, parent) => {
    if (node.type === 'heading' && node.depth > 1) counts.headings++
    else if (node.type === 'paragraph' && !(parent?.type === 'listItem' && index === 0)) counts.paragraphs++
    else if (node.type === 'listItem' && node.children[0]?.type !== 'heading') counts.items++
    else if (node.type === 'tableRow' && node.children.some((cell) => cell.children.length > 0)) counts.rows++
  })
  return counts
}

export async function benchCorpus() {
  const documents = []
  for (const locale of (await readdir(CORPUS)).sort()) {
    for (const name of (await readdir(join(CORPUS, locale))).filter((file) => file.endsWith('.md')).sort()) {
      const text = await readFile(join(CORPUS, locale, name), 'utf8')
      let parsed
      let refused
      try {
        parsed = parseMarkdown(text, name)
      } catch (error) {
        refused = String(error.message ?? error)
      }
      const samples = []
      for (let round = 0; round < 7 && parsed; round++) {
        const start = performance.now()
        parseMarkdown(text, name)
        samples.push(performance.now() - start)
      }
      samples.sort((a, b) => a - b)
      const blocks = { headings: 0, paragraphs: 0, items: 0, rows: 0 }
      for (const block of parsed?.blocks ?? []) blocks[{ heading: 'headings', paragraph: 'paragraphs', item: 'items', row: 'rows' }[block.form]]++
      documents.push({ locale, document: name.replace(/\.md$/, ''), kilobytes: +(text.length / 1024).toFixed(1), refused: refused ?? null, source: sourceCounts(text), blocks, ms: samples.length ? +samples[3].toFixed(2) : null })
    }
  }
  const locales = [...new Set(documents.map((doc) => doc.locale))]
  const perLocale = Object.fromEntries(locales.map((locale) => {
    const mine = documents.filter((doc) => doc.locale === locale)
    return [locale, { read: mine.filter((doc) => !doc.refused).length, refused: mine.filter((doc) => doc.refused).length }]
  }))
  return { perLocale, documents }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { perLocale, documents } = await benchCorpus()
  console.log(JSON.stringify(perLocale))
  for (const doc of documents) console.log(`${doc.locale}/${doc.document}`.padEnd(42), JSON.stringify(doc.source), JSON.stringify(doc.blocks), `${doc.ms} ms`)
}
