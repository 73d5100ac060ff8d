import { describe, expect, it } from 'vitest'
import { classifyClause, firstMarker } from '../../src/modality/classify.js'

const en = (text: string, leadIn?: 'obligation' | 'prohibition' | 'permission') => classifyClause(text, { language: 'en', leadIn, item: true })

describe('classifyClause (English)', () => {
  it('takes an explicit modal in the main clause of the first sentence', () => {
    expect(en('You must have a privacy policy.')).toBe('obligation')
    expect(en('Except for analytics, you may not store any information.')).toBe('prohibition')
    expect(en('End users may request API access credentials.')).toBe('permission')
    expect(en("Don't share or sell information from our API with a third party. (It's okay to share it with its owner.)")).toBe('prohibition')
    expect(en('Apps intended for children under the age of 13 are not permitted.')).toBe('prohibition')
  })

  it('prefers the longest marker at a place: "must not" over "must", "may not" over "may"', () => {
    expect(firstMarker('the application must not solicit passwords', 'en')).toBe('prohibition')
    expect(firstMarker('you may not store', 'en')).toBe('prohibition')
    expect(firstMarker("you can't store", 'en')).toBe('prohibition')
  })

  it('does not match a marker inside a longer word', () => {
    expect(firstMarker('Unacceptable uses include:', 'en')).toBe('prohibition')
    expect(firstMarker('Acceptable uses include:', 'en')).toBe('permission')
    expect(firstMarker('The mayor said so', 'en')).toBeUndefined()
  })

  it('inherits the lead-in, a leading "Not" turning an obligation into a prohibition', () => {
    expect(en('Follow any instructions in our technical documentation.', 'obligation')).toBe('obligation')
    expect(en('Not cover or obscure content from Pinterest.', 'obligation')).toBe('prohibition')
    expect(en('Creating an app for the purpose of violating policies.', 'prohibition')).toBe('prohibition')
  })

  it('ignores modals in relative clauses, exceptions and coordinated second clauses', () => {
    expect(en('Not create new content from Pins that can be distributed on your app.', 'obligation')).toBe('prohibition')
    expect(en('Using any automated means to access information, except as expressly permitted by Pinterest.', 'prohibition')).toBe('prohibition')
    expect(en("Clearly and separately show the fees you charge, and don't combine your fees with ours.", 'obligation')).toBe('obligation')
  })

  it('falls back to a later marker for items, and to informative for paragraphs', () => {
    expect(en("Put simply, end users are responsible for their actions, and we want them genuine—so don't build automations.")).toBe('prohibition')
    expect(classifyClause('At Pinterest, our mission is inspiration. You can play a role.', { language: 'en', item: false })).toBe('informative')
    expect(classifyClause('You must comply.', { language: 'xx', item: false })).toBe('informative')
  })
})

describe('classifyClause (Dutch)', () => {
  it('reads Dutch modals', () => {
    const nl = (text: string) => classifyClause(text, { language: 'nl', item: true })
    expect(nl('Je mag geen gegevens opslaan die je via Pinterest hebt verkregen.')).toBe('prohibition')
    expect(nl('Je privacybeleid moet voldoen aan de toepasselijke wetgeving.')).toBe('obligation')
    expect(nl('Eindgebruikers kunnen API-inloggegevens aanvragen.')).toBe('permission')
  })
})

describe('modality on long runs of white space', () => {
  it('firstMarker and mainClause read 100,000 spaces once, not once a space', async () => {
    const { mainClause } = await import('../../src/modality/classify.js')
    const { LEXICONS } = await import('../../src/modality/lexicon.js')
    const spaces = ' '.repeat(100_000)
    const start = performance.now()
    expect(firstMarker(`Apps${spaces}that${spaces}must store data`, 'en')).toBeUndefined()
    expect(firstMarker(`Apps${spaces}must${spaces}not store data`, 'en')).toBe('prohibition')
    expect(mainClause(`Keep data${spaces}private${spaces}except${spaces}logs`, LEXICONS['en']!)).toBe('Keep data' + spaces + 'private')
    expect(mainClause(`Keep it${spaces}— or not`, LEXICONS['en']!)).toBe('Keep it')
    expect(performance.now() - start).toBeLessThan(1_000)
  })
})
