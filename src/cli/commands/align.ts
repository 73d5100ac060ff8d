// `diptych align <reference> <translation>`: align any two documents and run the locale diff checks on them.
import { basename, relative, resolve, sep } from 'node:path'
import { compareDocuments } from '../../align/compare.js'
import { readGlossary } from '../../align/glossary.js'
import { summarise } from '../../align/report.js'
import { fail, warn } from '../../diagnostics/index.js'
import { LEXICONS } from '../../modality/lexicon.js'
import { glossaryPath } from '../../project/paths.js'
import type { ParsedDocument } from '../../text/document.js'
import { parseMarkdown } from '../../ingest/parse-markdown.js'
import { parseText } from '../../ingest/parse-text.js'
import { readSource } from '../../ingest/read-source.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

/** A language code in a file's name or folders: `en.txt`, `guidelines.nl.md`, `locales/nl/x.md`. */
export function localeOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/)
  const name = basename(path).split('.')
  for (const candidate of [...name.slice(0, -1).reverse(), ...parts.slice(0, -1).reverse()]) {
    if (/^[a-z]{2}(?:-[A-Z]{2})?$/.test(candidate)) return candidate
  }
  return undefined
}

async function readDocument(path: string, display: string, context: CommandContext): Promise<ParsedDocument> {
  const text = await readSource(path, display)
  return /\.(md|markdown)$/i.test(path) ? parseMarkdown(text, display, context.collector) : parseText(text, display)
}

export async function runAlign(context: CommandContext): Promise<number> {
  const [referenceArg, translationArg] = context.positionals as [string, string]
  const display = (path: string) => {
    const rel = relative(context.cwd, path)
    return rel.startsWith('..') ? path : rel.split(sep).join('/')
  }
  const referencePath = resolve(context.cwd, referenceArg)
  const translationPath = resolve(context.cwd, translationArg)
  const reference = await readDocument(referencePath, display(referencePath), context)
  const translation = await readDocument(translationPath, display(translationPath), context)
  const from = (context.options['from'] as string | undefined) ?? localeOf(referenceArg)
  const to = (context.options['to'] as string | undefined) ?? localeOf(translationArg)
  if (!from || !to) {
    fail(`Cannot tell the language of ${from ? 'the translation' : 'the reference'} from its file name`, { file: '<arguments>', ruleId: 'cli/usage', note: 'Give it with --from <code> and --to <code>.' })
  }
  if (from === to) fail(`The reference and the translation are both \`${from}\`, expected two languages`, { file: '<arguments>', ruleId: 'cli/usage', note: 'Give the languages with --from and --to.' })
  for (const locale of [from, to]) {
    if (!LEXICONS[locale]) {
      warn(context.collector, `No lexicon for \`${locale}\`: its modality is not read, so modality-mismatch cannot fire on it`, { file: '<arguments>', ruleId: 'align/no-lexicon' })
    }
  }
  const glossaryOption = context.options['glossary'] as string | undefined
  const defaultGlossary = glossaryPath(context.root)
  const glossary = glossaryOption
    ? await readGlossary(resolve(context.cwd, glossaryOption), glossaryOption, true)
    : await readGlossary(defaultGlossary, display(defaultGlossary), false, context.root)
  const useIds = [reference, translation].every((document) => document.blocks.length > 0 && document.blocks.every((block) => block.id !== undefined))
  const findings = compareDocuments({ reference, referenceLocale: from, translation, translationLocale: to, useIds, glossary })
  const result = { findings, from, to, referenceBlocks: reference.blocks.length, translationBlocks: translation.blocks.length, useIds }
  await emit(context.options['format'], 'align', result, context)
  return summarise(findings).errors > 0 ? 1 : 0
}
