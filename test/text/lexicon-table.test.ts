// The translation table the aligner learns from the two documents themselves: words linked by their co-occurrence in
// the sure pairs, words spelled alike, glossary terms; and the similarities it gives, on the document's own scale.
import { describe, expect, it } from 'vitest'
import { Lexicon, wordsOf } from '../../src/text/lexicon-table.js'
import { align, alignWithLexicon, type AlignUnit } from '../../src/text/align.js'

const unit = (text: string): AlignUnit => ({ form: 'item', depth: 0, text })

// Six clauses of a data policy and their Dutch translation, each pair twice so that every word meets its counterpart
// in two pairs.
const english = ['Keep your data private.', 'Do not sell our data.', 'Share the report with partners.', 'Delete the account after 30 days.', 'Send the invoice to Mozilla.', 'Store the backup safely.']
const dutch = ['Houd uw gegevens geheim.', 'Verkoop onze gegevens niet.', 'Deel het rapport met partners.', 'Verwijder het account na 30 dagen.', 'Stuur de factuur naar Mozilla.', 'Bewaar de reservekopie veilig.']
const reference = [...english, ...english].map(unit)
const translation = [...dutch, ...dutch].map(unit)
const pairs = reference.map((_, index) => [index, index] as const)

describe('wordsOf', () => {
  it('lowercases, folds diacritics, cuts words to their stem and keeps numbers whole', () => {
    expect(wordsOf('Übertragung der Données, 2024-09-11 Inhalts')).toEqual(['ubert', 'der', 'donne', '2024', '09', '11', 'inhal'])
  })
})

describe('Lexicon.learn', () => {
  const lexicon = Lexicon.learn(reference, translation, pairs)
  const entry = (word: string) => lexicon.entries().find((found) => found.reference === word)

  it('links the words that occur together in the pairs, and the words spelled alike', () => {
    // “data” is in two clauses, “gegevens” in their two translations: the pair no other word of them makes.
    expect(entry('data')).toMatchObject({ translation: 'gegev', source: 'together' })
    expect(entry('invoi')).toMatchObject({ translation: 'factu', source: 'together' })
    expect(entry('mozil')).toMatchObject({ translation: 'mozil', source: 'same' })
    expect(entry('30')).toMatchObject({ translation: '30', source: 'same' })
    expect(lexicon.learntFrom).toBe(12)
  })

  it('finds each clause most like its own translation, far above chance', () => {
    for (let i = 0; i < english.length; i++) {
      const own = lexicon.similarity(i, i)
      for (let j = 0; j < dutch.length; j++) if (j !== i) expect(lexicon.similarity(i, j), `${english[i]} / ${dutch[j]}`).toBeLessThan(own)
    }
    expect(lexicon.typical).toBeGreaterThan(0.8)
    expect(lexicon.chance).toBeLessThan(0.3)
    expect(lexicon.scaled(lexicon.typical)).toBe(1)
  })

  it('measures how much of each part of a merge the merged clause supports', () => {
    // “Keep your data private.” and “Do not sell our data.” against the first only: the second has little support.
    const [keep] = lexicon.support(0, 0)
    const [sell] = lexicon.support(1, 0)
    expect(keep).toBe(1)
    expect(sell).toBeLessThan(0.5)
  })

  it('makes a glossary term a concept of its own, matched as a run of words', () => {
    const terms = [[['privacy notice'], ['privacyverklaring']]] as const
    const withTerm = Lexicon.learn([unit('Read the privacy notice.')], [unit('Lees de privacyverklaring.')], [], terms)
    const without = Lexicon.learn([unit('Read the privacy notice.')], [unit('Lees de privacyverklaring.')], [])
    expect(withTerm.similarity(0, 0)).toBeGreaterThan(without.similarity(0, 0))
    expect(withTerm.entries()).toContainEqual({ reference: 'privacy notice', translation: 'privacyverklaring', source: 'term', score: 1 })
  })

  it('learns from a bounded sample of the pairs, however long the documents', () => {
    const many = Array.from({ length: 6_000 }, (_, index) => [index % 12, index % 12] as const)
    expect(Lexicon.learn(reference, translation, many).learntFrom).toBe(1_500)
  })
})

describe('alignWithLexicon', () => {
  it('reads two adjacent clauses swapped as one moved pair, where lengths alone pair them straight', () => {
    // The third and fourth Dutch clauses swapped.
    const swapped = [...translation]
    ;[swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!]
    const { beads, lexicon } = alignWithLexicon(reference, swapped)
    expect(lexicon).toBeDefined()
    const moved = beads.filter((bead) => bead.moved)
    expect(moved.map((bead) => [bead.reference, bead.translation])).toEqual([[[2], [3]]])
    expect(beads).toContainEqual(expect.objectContaining({ reference: [3], translation: [2] }))
    // The first pass alone leaves one of them without a counterpart on each side.
    const first = align(reference, swapped, { lexical: false })
    expect(first).toContainEqual(expect.objectContaining({ reference: [2], translation: [] }))
    expect(first).toContainEqual(expect.objectContaining({ reference: [], translation: [3] }))
  })

  it('has no second pass for documents too short to learn from', () => {
    const { lexicon } = alignWithLexicon(reference.slice(0, 3), translation.slice(0, 3))
    expect(lexicon).toBeUndefined()
  })
})
