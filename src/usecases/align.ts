// Align: any two documents, paired block by block (by ID when both have them), and the locale diff checks on them.
import { basename } from 'node:path'
import { type CheckCoverage, checkCoverage, skippedChecks } from '../align/checks/index.js'
import type { Finding } from '../align/findings.js'
import { NO_GLOSSARY, readGlossary } from '../align/glossary.js'
import { summarise } from '../align/report.js'
import { compareCached, type SourceText } from './compare-cached.js'
import { type VFile, fail } from '../diagnostics/index.js'
import { parseHtmlPage } from '../ingest/html-page.js'
import { parseMarkdown } from '../ingest/parse-markdown.js'
import { parseText } from '../ingest/parse-text.js'
import { readSource, sourceFormat } from '../ingest/read-source.js'
import type { ParsedDocument } from '../text/document.js'

/** A language code in a file's name or folders: `en.txt`, `guidelines.nl.md`, `locales/nl/x.md`. */
export function localeOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/)
  const name = basename(path).split('.')
  for (const candidate of [...name.slice(0, -1).reverse(), ...parts.slice(0, -1).reverse()]) {
    if (/^[a-z]{2}(?:-[A-Z]{2})?$/.test(candidate)) return candidate
  }
  return undefined
}

/** One document to align: its absolute path and how it is shown. */
export interface AlignInput {
  path: string
  display: string
}

/** Options of {@link alignDocuments}. */
export interface AlignOptions {
  reference: AlignInput
  translation: AlignInput
  /** Languages; by default read from the file names. */
  from?: string | undefined
  to?: string | undefined
  /** A glossary file the user named (must exist); none otherwise. */
  glossary?: AlignInput | undefined
  collector: VFile
}

/** What {@link alignDocuments} found. */
export interface AlignResult {
  findings: Finding[]
  from: string
  to: string
  referenceBlocks: number
  translationBlocks: number
  /** Whether the blocks were paired by their IDs (both documents have one on every block). */
  useIds: boolean
  errors: number
  /** The checks not run for a language without a language pack (never guessed, never silent). */
  skipped: Array<{ locale: string; checks: string[] }>
  /** Which checks ran on the pair, and which did not. */
  checks: CheckCoverage[]
}

/** Read a document as its name or content says: Markdown, an HTML page, or plain text. */
async function readDocument(input: AlignInput, collector: VFile): Promise<{ source: SourceText; document: ParsedDocument }> {
  const text = await readSource(input.path, input.display)
  const format = sourceFormat(input.path, text)
  const document = format === 'markdown' ? parseMarkdown(text, input.display, collector) : format === 'html' ? parseHtmlPage(text, input.display, collector) : parseText(text, input.display)
  return { source: { display: input.display, format, text }, document }
}

/** Align two documents and run the locale diff checks on them. */
export async function alignDocuments(options: AlignOptions): Promise<AlignResult> {
  const { source: referenceSource, document: reference } = await readDocument(options.reference, options.collector)
  const { source: translationSource, document: translation } = await readDocument(options.translation, options.collector)
  const from = options.from ?? localeOf(options.reference.display)
  const to = options.to ?? localeOf(options.translation.display)
  if (!from || !to) {
    fail(`Cannot tell the language of ${from ? 'the translation' : 'the reference'} from its file name`, { file: '<arguments>', ruleId: 'cli/usage', note: 'Give it with --from <code> and --to <code>.' })
  }
  if (from === to) fail(`The reference and the translation are both \`${from}\`, expected two languages`, { file: '<arguments>', ruleId: 'cli/usage', note: 'Give the languages with --from and --to.' })
  // Two arbitrary files are compared with no glossary unless one is named: a project's glossary belongs to its
  // policies (`diptych check`), and applied to every document it reported terms those documents never promised.
  const glossary = options.glossary ? await readGlossary(options.glossary.path, options.glossary.display, true) : NO_GLOSSARY
  const useIds = [reference, translation].every((document) => document.blocks.length > 0 && document.blocks.every((block) => block.id !== undefined))
  const inputs = { referenceLocale: from, translationLocale: to, useIds, glossary }
  const findings = await compareCached({ ...inputs, reference: referenceSource, translation: translationSource }, async () => (await import('../align/compare.js')).compareDocuments({ ...inputs, reference, translation }))
  return { findings, from, to, referenceBlocks: reference.blocks.length, translationBlocks: translation.blocks.length, useIds, errors: summarise(findings).errors, skipped: skippedChecks([from, to]), checks: checkCoverage(from, [to]) }
}
