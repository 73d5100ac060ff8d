// untranslated: a text the same in both languages is untranslated only where it holds words of the reference language
// (src/align/language.ts `ownWords`); names and addresses stay as they are. Real texts come from Mozilla's professional
// translations (test/fixtures/corpus/mozilla-legal-docs/{en,nl,de,fr}, © Mozilla and its contributors, CC BY-SA 3.0, see test/fixtures/corpus/README.md), whose files are line-aligned.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareDocuments } from '../../src/align/compare.js'
import { NO_GLOSSARY } from '../../src/align/glossary.js'
import type { Finding } from '../../src/align/findings.js'
import { detectLanguage, ownWords } from '../../src/align/language.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT } from '../helpers.js'
import { type Language, compare, corpus } from './corpus-pairs.js'

const lineOf = (language: Language, file: string, line: number) => corpus(language, file).split('\n')[line - 1]!

/** The findings of each clean corpus pair (English reference), compared once. */
const cleanPairs = new Map<string, Finding[]>()
function clean(language: Language, file: string): Finding[] {
  const key = `${language}/${file}`
  let findings = cleanPairs.get(key)
  if (findings === undefined) cleanPairs.set(key, (findings = compare(corpus('en', file), corpus(language, file), language)))
  return findings
}

/** The untranslated findings, as the translation's lines. */
const untranslatedLines = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === 'untranslated').map((finding) => finding.line)

/** A corpus file with lines replaced (1-based line → new text), after checking each replacement changes its line. */
function withLines(language: Language, file: string, replacements: Record<number, string>): string {
  const lines = corpus(language, file).split('\n')
  for (const [line, text] of Object.entries(replacements)) {
    expect(lines[Number(line) - 1], `${language}/${file}:${line}`).not.toBe(text)
    lines[Number(line) - 1] = text
  }
  return lines.join('\n')
}

/** A file of one block, blank lines before it so that it keeps its line number `line`. */
const at = (line: number, text: string) => `${'\n'.repeat(line - 1)}${text}\n`

// firefox_terms_of_use.md:82-86, the same in en, nl and de (de adds ", USA" to its last line).
const ADDRESS = 'Mozilla Corporation <br>\nAttn: Mozilla – Legal Notices <br>\n149 New Montgomery Street <br>\n4th Floor <br>\nSan Francisco, CA 94105'

describe('names and addresses the same in both languages are not untranslated', () => {
  it('the corpus address "Mozilla Corporation Attn: … 149 New Montgomery Street" is written alike in en and nl', () => {
    expect(corpus('en', 'firefox_terms_of_use.md')).toContain(ADDRESS)
    expect(corpus('nl', 'firefox_terms_of_use.md')).toContain(ADDRESS)
    expect(corpus('de', 'firefox_terms_of_use.md')).toContain(ADDRESS.replace('94105', '94105, USA'))
  })

  it.each<Language>(['nl', 'de', 'fr'])('it has no word of English that %s lacks', (language) => {
    expect(ownWords(ADDRESS, 'en', language)).toBe(0)
    expect(detectLanguage(ADDRESS, ['en', language])).toBeUndefined()
  })

  it.each<Language>(['nl', 'de', 'fr'])('compared alone, the address against itself is no finding (en → %s)', (language) => {
    expect(compare(at(82, ADDRESS), at(82, ADDRESS), language)).toEqual([])
  })

  it.each<[Language, string]>([
    ['nl', 'firefox_terms_of_use.md'],
    ['de', 'subscription_services_tos.md'],
    ['fr', 'subscription_services_tos.md'],
    ['nl', 'mdn_plus_terms.md'],
    ['de', 'firefox_terms_of_use.md'],
    ['fr', 'firefox_terms_of_use.md'],
  ])('in the whole real pair (en → %s, %s): no untranslated finding at all', (language, file) => {
    // The addresses of these files are written as in English (the street line exactly); the rest is translated.
    const street = corpus('en', file).split('\n').findIndex((line) => line.startsWith('149 New Montgomery'))
    expect(street).toBeGreaterThan(0)
    expect(lineOf(language, file, street + 1)).toBe(lineOf('en', file, street + 1))
    expect(untranslatedLines(clean(language, file))).toEqual([])
  })

  it('the e-mail address and the product name alone are not untranslated either', () => {
    for (const language of ['nl', 'de', 'fr'] as const) {
      expect(compare(at(3, 'legal-notices@mozilla.com'), at(3, 'legal-notices@mozilla.com'), language)).toEqual([])
      expect(compare(at(3, 'Mozilla VPN'), at(3, 'Mozilla VPN'), language)).toEqual([])
    }
  })
})

describe('English left in a translation is untranslated', () => {
  it.each<Language>(['nl', 'de', 'fr'])('"Effective July 31, 2025" the same in en and %s', (language) => {
    expect(ownWords('Effective July 31, 2025', 'en', language)).toBeGreaterThan(0)
    const findings = compare(at(3, 'Effective July 31, 2025'), at(3, 'Effective July 31, 2025'), language)
    const untranslated = findings.filter((finding) => finding.ruleId === 'untranslated')
    expect(untranslated.map((finding) => [finding.fatal ? 'error' : 'warning', finding.line, finding.reason])).toEqual([['error', 3, 'Untranslated: the translation is the reference text']])
  })

  it.each<Language>(['nl', 'de', 'fr'])('the real date line "Effective June 10, 2025" (firefox_terms_of_use.md:3) left in %s', (language) => {
    const english = lineOf('en', 'firefox_terms_of_use.md', 3)
    expect(english).toBe('Effective June 10, 2025')
    const findings = compare(corpus('en', 'firefox_terms_of_use.md'), withLines(language, 'firefox_terms_of_use.md', { 3: english }), language)
    expect(untranslatedLines(findings)).toEqual([3])
  })

  it.each<[Language, number]>([
    ['nl', 6],
    ['de', 6],
    ['fr', 6],
    ['nl', 54],
    ['de', 54],
    ['fr', 54],
  ])('a real English sentence left in the %s file (firefox_terms_of_use.md:%i)', (language, line) => {
    // :6 "Firefox is free and open source web browser software, built by a community of thousands from all over the
    // world."; :54 "You agree that you will not use Firefox to infringe anyone’s rights or violate any applicable laws
    // or regulations."
    const english = lineOf('en', 'firefox_terms_of_use.md', line)
    expect(untranslatedLines(clean(language, 'firefox_terms_of_use.md'))).toEqual([])
    const findings = compare(corpus('en', 'firefox_terms_of_use.md'), withLines(language, 'firefox_terms_of_use.md', { [line]: english }), language)
    expect(untranslatedLines(findings)).toEqual([line])
    expect(findings.find((finding) => finding.ruleId === 'untranslated')!.fatal).toBe(true)
  })

  it('a real Dutch sentence left in the English translation of a Dutch reference (nl → en, firefox_terms_of_use.md:54)', () => {
    const dutch = lineOf('nl', 'firefox_terms_of_use.md', 54)
    const findings = compare(corpus('nl', 'firefox_terms_of_use.md'), withLines('en', 'firefox_terms_of_use.md', { 54: dutch }), 'en', 'nl')
    expect(untranslatedLines(findings)).toEqual([54])
  })

  it('the Pinterest pair: an English clause left in the Dutch file is untranslated, the real Dutch is not', () => {
    const en = readFileSync(join(ROOT, 'locales/en/pinterest.md'), 'utf8')
    const nl = readFileSync(join(ROOT, 'locales/nl/pinterest.md'), 'utf8')
    const useIds = true
    const run = (translation: string) =>
      compareDocuments({ reference: parseMarkdown(en, 'en.md'), referenceLocale: 'en', translation: parseMarkdown(translation, 'nl.md'), translationLocale: 'nl', useIds, glossary: NO_GLOSSARY })
    expect(untranslatedLines(run(nl))).toEqual([])
    const lines = nl.split('\n')
    const index = lines.findIndex((line) => line.startsWith('- Houd je API-inloggegevens geheim.'))
    expect(index).toBeGreaterThan(0)
    const english = en.split('\n').find((line) => line.startsWith('- Keep your API access credentials private.'))!
    lines[index] = english
    expect(untranslatedLines(run(lines.join('\n')))).toEqual([index + 1])
  })
})
