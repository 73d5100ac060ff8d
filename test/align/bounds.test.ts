// Numbers bound from above or below ("up to 25 months" / "niet langer dan 25 maanden"): a limit turned around is a
// lost negation where no negative word is left to count. Real sentences from Mozilla's professional translations
// (test/fixtures/corpus/mozilla-legal-docs/{en,nl,de,fr}, © Mozilla and its contributors, CC BY-SA 3.0, see
// test/fixtures/corpus/README.md), line-aligned across languages.
import { describe, expect, it } from 'vitest'
import { bounds, reversedBounds } from '../../src/align/bounds.js'
import { compare, corpus } from './corpus-pairs.js'

const line = (language: 'en' | 'nl' | 'de' | 'fr', file: string, number: number) => corpus(language, file).split('\n')[number - 1]!

describe('bounds, read per language', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['en', 'we generally maintain this data for up to 25 months', [['25', 'atMost']]],
    ['en', 'This data is retained for no more than 25 months', [['25', 'atMost']]],
    ['en', 'for more than 1,000 users and at least 13 years of age', [['1000', 'atLeast'], ['13', 'atLeast']]],
    ['nl', 'bewaren we uw gegevens niet langer dan 25 maanden', [['25', 'atMost']]],
    ['nl', 'bewaren we uw gegevens langer dan 25 maanden', [['25', 'atLeast']]],
    ['nl', 'voor meer dan 1.000 gebruikers', [['1000', 'atLeast']]],
    ['de', 'Diese Daten werden nicht länger als 25\u00A0Monate gespeichert', [['25', 'atMost']]],
    ['de', 'mindestens 13 Jahre alt', [['13', 'atLeast']]],
    ['fr', 'vous pouvez créer jusqu’à 50 alias', [['50', 'atMost']]],
    ['fr', "vous pouvez créer jusqu'à 50 alias", [['50', 'atMost']]],
  ])('%s: “%s”', (language, text, expected) => {
    expect(bounds(text, language).map((bound) => [bound.value, bound.direction])).toEqual(expected)
  })

  it('a bound after a negation in its sentence is left out: which way it points is not in the phrase', () => {
    expect(bounds('We do not keep it more than 25 months.', 'en')).toEqual([])
    expect(bounds('Wij bewaren geen gegevens langer dan 25 maanden.', 'nl')).toEqual([])
    // The negation of another sentence does not count.
    expect(bounds('We do not sell it. We keep it more than 25 months.', 'en').map((bound) => bound.direction)).toEqual(['atLeast'])
  })

  it('a language without bounds in its pack reads none', () => {
    expect(bounds('opptil 25 måneder', 'nb')).toEqual([])
  })

  it('a limit said one way on one side only is no difference; the same way on both is none either', () => {
    expect(reversedBounds('for up to 25 months', 'en', 'gedurende 25 maanden', 'nl')).toEqual([])
    expect(reversedBounds('for up to 25 months', 'en', 'maximaal 25 maanden', 'nl')).toEqual([])
    expect(reversedBounds('for up to 25 months', 'en', 'langer dan 26 maanden', 'nl')).toEqual([])
    expect(reversedBounds('for up to 25 months', 'en', 'langer dan 25 maanden', 'nl').map(({ reference, translation }) => [reference.written, translation.written])).toEqual([['up to 25', 'langer dan 25']])
  })

  it('reads a long text once: 20,000 bounds in one sentence after a negation, and 20,000 after full stops', () => {
    const negated = `We do not ${'keep it more than 25 months and '.repeat(20_000)}`
    const stops = 'We keep it more than 25 months. '.repeat(20_000)
    const start = performance.now()
    expect(bounds(negated, 'en')).toEqual([])
    expect(bounds(stops, 'en')).toHaveLength(20_000)
    expect(performance.now() - start).toBeLessThan(5_000)
  })
})

describe('a limit turned around, in the real corpus', () => {
  // en/mozilla_accounts_privacy_notice.md:83 "we generally maintain this data for up to 25 months"; the Dutch says
  // "bewaren we uw gegevens niet langer dan 25 maanden": the issue's own example, in the words a translator used.
  it('nl: mozilla_accounts_privacy_notice.md:83, "niet langer dan 25 maanden" become "langer dan 25 maanden"', () => {
    expect(line('en', 'mozilla_accounts_privacy_notice.md', 83)).toContain('for up to 25 months')
    const file = 'mozilla_accounts_privacy_notice.md'
    const clean = compare(corpus('en', file), corpus('nl', file), 'nl')
    expect(clean.filter((finding) => finding.ruleId === 'polarity-mismatch' && finding.line === 83)).toEqual([])
    const lines = corpus('nl', file).split('\n')
    lines[82] = lines[82]!.replace('niet langer dan 25', 'langer dan 25')
    const found = compare(corpus('en', file), lines.join('\n'), 'nl').filter((finding) => finding.ruleId === 'polarity-mismatch' && finding.line === 83)
    expect(found.map((finding) => [finding.fatal, finding.reason])).toEqual([
      [false, 'A limit is turned around: the reference bounds 25 from above (“up to 25”), the translation from below (“langer dan 25”); check that no “not” was lost'],
    ])
  })

  it('the clean corpus has no limit turned around, in any language', () => {
    for (const language of ['nl', 'de', 'fr'] as const) {
      for (const file of ['mozilla_accounts_privacy_notice.md', 'focus_privacy_notice.md', 'subscription_services_tos.md']) {
        const found = compare(corpus('en', file), corpus(language, file), language).filter((finding) => finding.reason.startsWith('A limit is turned around'))
        expect(found, `${language}/${file}`).toEqual([])
      }
    }
  })
})
