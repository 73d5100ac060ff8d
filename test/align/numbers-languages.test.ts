// Numbers, dates, telephone numbers and number words read per language (src/align/numbers.ts), and number-mismatch on
// real pairs. The real sentences come from Mozilla's professional translations
// (test/fixtures/corpus/mozilla-legal-docs/{en,nl,de,fr}, © Mozilla and its contributors, CC BY-SA 3.0, see test/fixtures/corpus/README.md), whose files are line-aligned.
import { describe, expect, it } from 'vitest'
import { datesOf, numberWordValues, numbers } from '../../src/align/numbers.js'
import { GROWTH_LIMIT, growth } from '../attack/scale.js'
import { type Language, compare, corpusLine } from './corpus-pairs.js'

/** The number-mismatch findings of a pair of one-paragraph texts, as their messages. */
const mismatches = (reference: string, translation: string, language: Language, referenceLanguage: Language = 'en') =>
  compare(`${reference}\n`, `${translation}\n`, language, referenceLanguage)
    .filter((finding) => finding.ruleId === 'number-mismatch')
    .map((finding) => finding.reason)

describe('separators per language', () => {
  it('1,000.5 (en), 1.000,5 (nl, de) and 1 000,5 (fr) are one number', () => {
    expect(numbers('Pay 1,000.5 dollars.', 'en')).toEqual(['1000.5'])
    expect(numbers('Betaal 1.000,5 euro.', 'nl')).toEqual(['1000.5'])
    expect(numbers('Zahlen Sie 1.000,5 Euro.', 'de')).toEqual(['1000.5'])
    expect(numbers('Payez 1 000,5 euros.', 'fr')).toEqual(['1000.5'])
    expect(numbers('Payez 1\u00A0000,5 euros.', 'fr')).toEqual(['1000.5'])
    expect(numbers('Payez 1\u202F000,5 euros.', 'fr')).toEqual(['1000.5'])
  })

  it('"10 000" is ten thousand in French, with a space, a no-break space or a narrow one', () => {
    for (const written of ['10 000', '10\u00A0000', '10\u202F000']) expect(numbers(`Jusqu’à ${written} euros.`, 'fr')).toEqual(['10000'])
    expect(numbers('1 000 000 de personnes', 'fr')).toEqual(['1000000'])
    // English does not group with a plain space: two numbers, as written.
    expect(numbers('Up to 10 000 dollars.', 'en')).toEqual(['0', '10'])
    // A no-break space groups in every language.
    expect(numbers('Up to 10\u00A0000 dollars.', 'en')).toEqual(['10000'])
  })

  it('a decimal in each language stays a decimal: 0,5 / 0.5', () => {
    expect(numbers('0.5 %', 'en')).toEqual(numbers('0,5 %', 'nl'))
    expect(numbers('0,5 %', 'de')).toEqual(['0.5'])
    expect(numbers('0,5 %', 'fr')).toEqual(['0.5'])
    expect(numbers('0.5 %', 'en')).not.toEqual(numbers('5 %', 'nl'))
  })

  it('real amounts (pocket_tos.md:109): US$10,000 / US$ 10.000 / 10.000 US-Dollar / 10 000 (no-break space) in French', () => {
    // The sentence also holds telephone numbers, the address and the ZIP code; every language reads the same list.
    const read = (['en', 'nl', 'de', 'fr'] as const).map((language) => numbers(corpusLine(language, 'pocket_tos.md', 109), language))
    expect(read[0]).toContain('10000')
    expect(read[0]).toContain('94105')
    expect(read[0]).toContain('tel:18003525267')
    for (const other of read.slice(1)) expect(other).toEqual(read[0])
  })
})

describe('section and version numbers are kept apart from decimals and thousands', () => {
  it.each<Language>(['en', 'nl', 'de', 'fr'])('%s: "1.2" is 1.2, never 12; "2.3.1" stays as written', (language) => {
    expect(numbers('Version 1.2', language)).toEqual(['1.2'])
    expect(numbers('Version 1.2', language)).not.toEqual(['12'])
    expect(numbers('§ 2.3.1', language)).toEqual(['2.3.1'])
  })

  it('real headers (mdn_plus_privacy.md:3): "Version 1.2, Effective November 1, 2023" in four languages', () => {
    // en "Version 1.2, Effective November 1, 2023", de "Version 1.2, gültig ab Mittwoch, 1. November 2023",
    // fr "Version 1.2 - Date d’effet : mercredi 1er novembre 2023".
    for (const language of ['en', 'nl', 'de', 'fr'] as const) {
      expect(numbers(corpusLine(language, 'mdn_plus_privacy.md', 3), language), language).toEqual(['1.2', '2023-11-01'])
    }
  })

  it('a section number that changed is found; one only written differently is not', () => {
    expect(mismatches('See section 1.2 of these terms.', 'Zie artikel 1.2 van deze voorwaarden.', 'nl')).toEqual([])
    expect(mismatches('See section 1.2 of these terms.', 'Zie artikel 12 van deze voorwaarden.', 'nl')).toEqual(['Numbers differ: 1.2 missing from the translation; 12 not in the reference'])
    expect(mismatches('Siehe Abschnitt 1.2 dieser Bedingungen.', 'Voir la section 1.3 des présentes conditions.', 'fr', 'de')).toEqual(['Numbers differ: 1.2 missing from the translation; 1.3 not in the reference'])
  })
})

describe('dates compared as dates', () => {
  it('"11 September 2020", "11 september 2020", "2020-09-11", "11. September 2020" and "11 septembre 2020" are one date', () => {
    expect(datesOf('Effective 11 September 2020', 'en').dates).toEqual(['2020-09-11'])
    expect(datesOf('Van kracht op 11 september 2020', 'nl').dates).toEqual(['2020-09-11'])
    expect(datesOf('Gültig ab 11. September 2020', 'de').dates).toEqual(['2020-09-11'])
    expect(datesOf('En vigueur le 11 septembre 2020', 'fr').dates).toEqual(['2020-09-11'])
    expect(datesOf('2020-09-11', 'nl').dates).toEqual(['2020-09-11'])
    expect(datesOf('September 11, 2020', 'en').dates).toEqual(['2020-09-11'])
  })

  it('"1er novembre 2023", "1. November 2023" and "November 1, 2023" are one date, the ordinal read', () => {
    expect(numbers('1er novembre 2023', 'fr')).toEqual(['2023-11-01'])
    expect(numbers('1. November 2023', 'de')).toEqual(['2023-11-01'])
    expect(numbers('November 1, 2023', 'en')).toEqual(['2023-11-01'])
    expect(numbers('1 november 2023', 'nl')).toEqual(['2023-11-01'])
    expect(numbers('November 1st, 2023', 'en')).toEqual(['2023-11-01'])
  })

  it('the day, month and year are not read as three numbers', () => {
    for (const [text, language] of [['11 September 2020', 'en'], ['11 september 2020', 'nl'], ['11. September 2020', 'de'], ['11 septembre 2020', 'fr']] as const) {
      expect(numbers(text, language)).toEqual(['2020-09-11'])
    }
  })

  it('real headers: en "September 9, 2020" and de "Mittwoch, 9. September 2020" (mozilla_privacy_policy.md:3) agree; a changed day does not', () => {
    const en = corpusLine('en', 'mozilla_privacy_policy.md', 3)
    expect(en).toBe('September 9, 2020')
    for (const language of ['nl', 'de', 'fr'] as const) {
      const translation = corpusLine(language, 'mozilla_privacy_policy.md', 3)
      expect(mismatches(en, translation, language), language).toEqual([])
      const changed = translation.replace(/\b9\b/, '19')
      expect(changed, language).not.toBe(translation)
      expect(mismatches(en, changed, language), language).toEqual(['Numbers differ: 2020-09-09 missing from the translation; 2020-09-19 not in the reference'])
    }
  })

  it('a French date against its English counterpart in a clause (fr mdn_plus_terms.md:3 "mercredi 1er novembre 2023")', () => {
    const en = corpusLine('en', 'mdn_plus_terms.md', 3)
    const fr = corpusLine('fr', 'mdn_plus_terms.md', 3)
    expect(fr).toContain('1er novembre 2023')
    expect(mismatches(en, fr, 'fr')).toEqual([])
    expect(mismatches(en, fr.replace('novembre', 'décembre'), 'fr')).toEqual(['Numbers differ: 2023-11-01 missing from the translation; 2023-12-01 not in the reference'])
  })
})

describe('telephone numbers', () => {
  it('"1-800-352-5267", "1 800 352 5267" and "+1 800 352 5267" are one number, not four', () => {
    expect(numbers('call 1-800-352-5267', 'en')).toEqual(['tel:18003525267'])
    expect(numbers('au 1 800 352 5267', 'fr')).toEqual(['tel:18003525267'])
    expect(numbers('über die Rufnummer +1 800 352 5267', 'de')).toEqual(['tel:18003525267'])
    expect(numbers('+1 650-903-0800', 'nl')).toEqual(['tel:16509030800'])
  })

  it('real pairs (pocket_tos.md:109, report_infringement.md:28) agree; a changed digit is found', () => {
    for (const language of ['nl', 'de', 'fr'] as const) {
      for (const [file, line] of [['pocket_tos.md', 109], ['report_infringement.md', 28]] as const) {
        expect(mismatches(corpusLine('en', file, line), corpusLine(language, file, line), language), `${language}/${file}`).toEqual([])
      }
    }
    // fr writes "1 800 352 5267" (with no-break spaces) where en writes "1-800-352-5267".
    const fr = corpusLine('fr', 'pocket_tos.md', 109)
    expect(fr).toContain('1\u00A0800\u00A0352\u00A05267')
    expect(mismatches(corpusLine('en', 'pocket_tos.md', 109), fr.replace('352\u00A05267', '352\u00A05268'), 'fr')).toEqual(['Numbers differ: tel:18003525267 missing from the translation; tel:18003525268 not in the reference'])
  })
})

describe('number words match digits', () => {
  it.each<[Language, string, string[]]>([
    ['nl', 'op vijf apparaten', ['5']],
    ['de', 'Zwei-Faktor-Authentifizierung', ['2']],
    ['fr', 'dix-sept ans', ['17']],
    ['fr', 'quatre-vingt-dix jours', ['90']],
    ['fr', 'soixante-dix jours', ['70']],
    ['en', 'two-factor authentication', ['2']],
    ['en', 'twenty days', ['20']],
    ['nl', 'twintig dagen', ['20']],
    ['de', 'zwanzig Tage', ['20']],
    ['de', 'dreißig Tage', ['30']],
    ['nl', 'veertig dagen', ['40']],
  ])('%s: “%s”', (language, text, expected) => {
    expect(numberWordValues(text, language)).toEqual(expected)
  })

  it('a word that only looks like one is not read ("twee" is not "tween"; "ten" is not "tent")', () => {
    expect(numberWordValues('tween tent often', 'en')).toEqual([])
    expect(numberWordValues('zesde tiental', 'nl')).toEqual([])
  })

  it('"vijf apparaten" and "5 devices" agree; "6 devices" does not', () => {
    expect(mismatches('You can use it on 5 devices.', 'Je kunt het op vijf apparaten gebruiken.', 'nl')).toEqual([])
    expect(mismatches('You can use it on five devices.', 'Je kunt het op 5 apparaten gebruiken.', 'nl')).toEqual([])
    expect(mismatches('You can use it on 6 devices.', 'Je kunt het op vijf apparaten gebruiken.', 'nl')).toEqual(['Numbers differ: 6 missing from the translation'])
  })

  it('real: "two-factor authentication" / "Zwei-Faktor-Authentifizierung" (firefox_cloud_services_tos.md:35) written "2-Faktor" is no finding', () => {
    const en = corpusLine('en', 'firefox_cloud_services_tos.md', 35)
    const de = corpusLine('de', 'firefox_cloud_services_tos.md', 35)
    expect(de).toContain('Zwei-Faktor-Authentifizierung')
    expect(mismatches(en, de.replace('Zwei-Faktor', '2-Faktor'), 'de')).toEqual([])
    expect(mismatches(en, de.replace('Zwei-Faktor', '3-Faktor'), 'de')).toEqual(['Numbers differ: 3 not in the reference'])
  })

  it('real: "more than two years" (mozilla_accounts_privacy_notice.md:81) written in digits is no finding, another number is', () => {
    const en = corpusLine('en', 'mozilla_accounts_privacy_notice.md', 81)
    for (const [language, word, digit] of [['nl', 'twee jaar', '2 jaar'], ['de', 'zwei Jahren', '2 Jahren'], ['fr', 'deux ans', '2 ans']] as const) {
      const translation = corpusLine(language, 'mozilla_accounts_privacy_notice.md', 81)
      expect(translation, language).toContain(word)
      expect(mismatches(en, translation, language), language).toEqual([])
      expect(mismatches(en, translation.replace(word, digit), language), language).toEqual([])
      expect(mismatches(en, translation.replace(word, digit.replace('2', '3')), language), language).toEqual(['Numbers differ: 3 not in the reference'])
    }
  })
})

describe('a changed number is still found, in every language', () => {
  it.each<[Language, string, string]>([
    ['nl', 'US$ 10.000', 'US$ 20.000'],
    ['de', '10.000\u00A0US-Dollar', '20.000\u00A0US-Dollar'],
    ['fr', '10\u00A0000', '20\u00A0000'],
  ])('%s: pocket_tos.md:109 with "%s" become "%s"', (language, from, to) => {
    const en = corpusLine('en', 'pocket_tos.md', 109)
    const translation = corpusLine(language, 'pocket_tos.md', 109)
    expect(translation).toContain(from)
    expect(mismatches(en, translation.replace(from, to), language)).toEqual(['Numbers differ: 10000 missing from the translation; 20000 not in the reference'])
  })

  it('en as the translation: "US$10,000" become "US$100,000" against the Dutch', () => {
    const nl = corpusLine('nl', 'pocket_tos.md', 109)
    const en = corpusLine('en', 'pocket_tos.md', 109)
    expect(mismatches(nl, en.replace('US$10,000', 'US$100,000'), 'en', 'nl')).toEqual(['Numbers differ: 10000 missing from the translation; 100000 not in the reference'])
  })
})

describe('linear in the length of the text', () => {
  const expectLinear = (make: (n: number) => string, language: Language, n = 400) => {
    const result = growth((size) => {
      const text = make(size)
      return () => {
        numbers(text, language)
        numberWordValues(text, language)
      }
    }, n)
    expect(result.ratio, `${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
  }

  it('a long clause of amounts, dates, telephone and section numbers', () => {
    expectLinear((n) => Array.from({ length: n }, (_, index) => `Betaal ${index}.000,5 op 11 september 2020, bel 1-800-352-${String(index % 10_000).padStart(4, '0')} (artikel 1.${index}, vijf keer).`).join(' '), 'nl')
  })

  it('long runs that a telephone or grouped-number pattern could backtrack on', () => {
    expectLinear((n) => '123 '.repeat(n * 10), 'fr')
    expectLinear((n) => '1 '.repeat(n * 10), 'fr')
    expectLinear((n) => '(12) '.repeat(n * 10), 'en')
    expectLinear((n) => '1.'.repeat(n * 10), 'de')
  })

  it('day and month names without a year, over and over', () => {
    expectLinear((n) => '1 September '.repeat(n * 5), 'en')
    expectLinear((n) => '1er novembre '.repeat(n * 5), 'fr')
  })
})

describe('found in review, and fixed', () => {
  it('compound number words are their sum ("twenty-two", "vingt-deux"), the number that opens a compound is itself', () => {
    expect(numberWordValues('twenty-two days', 'en')).toEqual(['22'])
    expect(numberWordValues('vingt-deux jours', 'fr')).toEqual(['22'])
    expect(numberWordValues('Zwei-Faktor-Authentifizierung', 'de')).toEqual(['2'])
  })

  it('a date left in the reference language is still one date ("Effective July 31, 2025" in a Dutch file)', () => {
    expect(numbers('Effective July 31, 2025', 'nl')).toEqual(['2025-07-31'])
    expect(numbers('Effective July 31, 2025', 'en')).toEqual(['2025-07-31'])
  })
})
