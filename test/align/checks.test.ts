// Every check's documented English/Dutch example: the check reports the first translation, and nothing the second.
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/align/checks/index.js'
import { updateReadme } from '../../src/align/checks/readme.js'
import { compareDocuments } from '../../src/align/compare.js'
import { readGlossary } from '../../src/align/glossary.js'
import { detectLanguage } from '../../src/align/language.js'
import { links, numbers } from '../../src/align/numbers.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT, readRepo } from '../helpers.js'

const glossary = await readGlossary(`${ROOT}/locales/glossary.json`, 'locales/glossary.json')
const compare = (referenceText: string, translationText: string) => {
  const reference = parseMarkdown(referenceText, 'en.md')
  const translation = parseMarkdown(translationText, 'nl.md')
  const useIds = [reference, translation].every((document) => document.blocks.every((block) => block.id !== undefined))
  return compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: 'nl', useIds, glossary })
}

describe('documented examples', () => {
  for (const check of CHECKS.filter((definition) => definition.example.reference !== '')) {
    it(`${check.id}: reports the example and accepts its correction`, () => {
      const findings = compare(check.example.reference, check.example.translation)
      expect(findings.map((finding) => [finding.ruleId, finding.fatal ? 'error' : 'warning'])).toEqual([[check.id, check.severity]])
      expect(compare(check.example.reference, check.example.ok)).toEqual([])
    })
  }

  it('the README shows exactly these checks and examples', async () => {
    const readme = await readRepo('README.md')
    expect(updateReadme(readme)).toBe(readme)
  })
})

describe('numbers, links and languages', () => {
  it('normalises numbers by language: 1,000.5 and 1.000,5 agree', () => {
    expect(numbers('Pay 1,000.5 or 13 or 2,000,000 by 2025', 'en')).toEqual(numbers('Betaal 1.000,5 of 13 of 2.000.000 in 2025', 'nl'))
    expect(numbers('a 1,5 b', 'nl')).toEqual(['1.5'])
    expect(numbers('a 1.5 b', 'en')).toEqual(['1.5'])
    expect(numbers('see https://www.pinterest.com/pin/424605071126047814/', 'en')).toEqual([])
  })

  it('reads URLs, domains and e-mail addresses', () => {
    expect(links('Go to https://www.pinterest.com/pin/42/, mail help@example.com or visit optout.aboutads.info.')).toEqual(['help@example.com', 'optout.aboutads.info', 'pinterest.com/pin/42'])
  })

  it('tells English from Dutch by function words, and says nothing for short texts', () => {
    expect(detectLanguage('Follow the instructions in our technical documentation and do not share them.', ['en', 'nl'])).toBe('en')
    expect(detectLanguage('Volg alle instructies in onze technische documentatie en deel ze niet met anderen.', ['en', 'nl'])).toBe('nl')
    expect(detectLanguage('Content publiceren', ['en', 'nl'])).toBeUndefined()
  })
})
