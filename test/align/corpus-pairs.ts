// Shared by the locale-check tests on the real corpus (test/fixtures/corpus/mozilla-legal-docs: Mozilla's legal
// documents in English, Dutch, German and French, © Mozilla and its contributors, CC BY-SA 3.0, see its README).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareDocuments } from '../../src/align/compare.js'
import type { Finding } from '../../src/align/findings.js'
import { NO_GLOSSARY } from '../../src/align/glossary.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT } from '../helpers.js'

export type Language = 'en' | 'nl' | 'de' | 'fr'

export const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')

const texts = new Map<string, string>()

/** A corpus file's text, read once. */
export function corpus(language: Language, file: string): string {
  const key = `${language}/${file}`
  let text = texts.get(key)
  if (text === undefined) texts.set(key, (text = readFileSync(join(CORPUS, key), 'utf8')))
  return text
}

/** Line `line` (1-based) of a corpus file. */
export const corpusLine = (language: Language, file: string, line: number): string => corpus(language, file).split('\n')[line - 1]!

/** The locale checks' findings on two Markdown texts, paired by position (no glossary). */
export function compare(referenceText: string, translationText: string, translationLocale: Language, referenceLocale: Language = 'en'): Finding[] {
  return compareDocuments({
    reference: parseMarkdown(referenceText, `${referenceLocale}.md`),
    referenceLocale,
    translation: parseMarkdown(translationText, `${translationLocale}.md`),
    translationLocale,
    useIds: false,
    glossary: NO_GLOSSARY,
  })
}
