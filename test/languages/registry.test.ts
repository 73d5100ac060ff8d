// The language packs: one file a language behind one registry, every pack complete, and the stages reading them.
import { describe, expect, it } from 'vitest'
import { ENGLISH, LANGUAGES, compounds, decimalSeparator, language } from '../../src/languages/index.js'
import { LEXICONS } from '../../src/modality/lexicon.js'
import { detectLanguage } from '../../src/align/language.js'
import { numbers } from '../../src/align/numbers.js'
import { pageTree, renderPage } from '../../src/render/html.js'
import type { Catalogue } from '../../src/catalogue/types.js'

describe('the language registry', () => {
  it('keys every pack by its own code and finds it through language()', () => {
    expect(Object.keys(LANGUAGES).sort()).toEqual(['de', 'en', 'fr', 'nl'])
    for (const [code, pack] of Object.entries(LANGUAGES)) {
      expect(pack.code).toBe(code)
      expect(language(code)).toBe(pack)
    }
    expect(language('xx')).toBeUndefined()
    // Not an inherited property of the registry object.
    expect(language('toString')).toBeUndefined()
    expect(language('__proto__')).toBeUndefined()
  })

  it('gives every pack its words and the same labels as English', () => {
    for (const pack of Object.values(LANGUAGES)) {
      expect(pack.name).not.toBe('')
      expect(pack.functionWords.size).toBeGreaterThan(20)
      expect(Object.keys(pack.report).sort()).toEqual(Object.keys(ENGLISH.report).sort())
      expect(Object.keys(pack.changelog).sort()).toEqual(Object.keys(ENGLISH.changelog).sort())
      for (const label of [...Object.values(pack.report), ...Object.values(pack.changelog)]) expect(label).not.toBe('')
      if (pack.modality) for (const words of [pack.modality.obligation, pack.modality.prohibition, pack.modality.permission]) expect(words.length).toBeGreaterThan(0)
      // The words of plain-text date lines and numbered headings (ingest/parse-text.ts), lowercase.
      expect([pack.dates.months.length, pack.dates.weekdays.length]).toEqual([12, 7])
      for (const words of [pack.dates.effective, pack.dates.version, pack.headingNumbers.named]) expect(words.length).toBeGreaterThan(0)
      for (const word of [...Object.values(pack.dates).flat(), ...Object.values(pack.headingNumbers).flat()]) expect(word).toBe(word.toLowerCase())
    }
  })

  it('is what the stages read: lexicons, function words, numbers, compounding', () => {
    expect(LEXICONS['nl']).toBe(LANGUAGES['nl']!.modality)
    expect(Object.keys(LEXICONS).sort()).toEqual(['de', 'en', 'fr', 'nl'])
    expect(detectLanguage('Volg alle instructies in onze documentatie en deel ze niet met anderen.', Object.keys(LANGUAGES))).toBe('nl')
    expect(numbers('1.000,5', 'nl')).toEqual(['1000.5'])
    // Languages without a pack keep their number format and compounding.
    expect(decimalSeparator('de')).toBe(',')
    expect(decimalSeparator('xx')).toBe('.')
    expect([compounds('nl'), compounds('de'), compounds('en'), compounds('xx')]).toEqual([true, true, false, false])
  })
})

describe('the bilingual page', () => {
  const catalogue: Catalogue = {
    id: 'acme',
    title: { en: 'Acme Partner Rules', nl: 'Acme-partnerregels' },
    version: '1.0.0',
    reference: 'en',
    locales: ['en', 'nl'],
    sections: [],
  }

  it('names the link to the published policy from its title, nothing policy-specific', () => {
    const html = renderPage({ catalogue, rules: [], url: 'https://example.com/rules' })
    expect(html).toContain('<a href="https://example.com/rules" rel="external">Acme Partner Rules as published</a>')
    expect(html).not.toMatch(/pinterest/i)
    expect(pageTree({ catalogue, rules: [] }).children.length).toBe(2)
  })
})
