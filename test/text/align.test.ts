import { describe, expect, it } from 'vitest'
import { type AlignUnit, align, lengthCost } from '../../src/text/align.js'
import { anchors } from '../../src/text/anchors.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { readRepo } from '../helpers.js'

const pairs = (reference: AlignUnit[], translation: AlignUnit[]) =>
  align(reference, translation).map((bead) => [bead.reference[0] ?? null, bead.translation[0] ?? null])

describe('align', () => {
  it('pairs the English and Dutch guidelines one to one', async () => {
    const en = parseMarkdown(await readRepo('locales/en/pinterest.md'), 'en.md').blocks
    const nl = parseMarkdown(await readRepo('locales/nl/pinterest.md'), 'nl.md').blocks
    expect(pairs(en, nl)).toEqual(en.map((_, index) => [index, index]))
  })

  it('finds a dropped block and an added block', async () => {
    const en = parseMarkdown(await readRepo('locales/en/pinterest.md'), 'en.md').blocks
    const nl = parseMarkdown(await readRepo('locales/nl/pinterest.md'), 'nl.md').blocks
    const dropped = nl.filter((_, index) => index !== 20)
    const result = pairs(en, dropped)
    expect(result).toContainEqual([20, null])
    expect(result.filter(([r, t]) => r !== null && t !== null)).toHaveLength(62)
    const added = [...nl.slice(0, 5), { form: 'item' as const, depth: 0, text: 'Een extra regel die er in het Engels niet staat, met 2 getallen: 42 en 7.' }, ...nl.slice(5)]
    expect(pairs(en, added)).toContainEqual([null, 5])
  })

  it('never pairs a heading with a paragraph when skipping is cheaper', () => {
    const reference: AlignUnit[] = [
      { form: 'heading', depth: 0, text: 'Rules' },
      { form: 'paragraph', depth: 0, text: 'You must follow these rules at all times.' },
    ]
    const translation: AlignUnit[] = [{ form: 'paragraph', depth: 0, text: 'Je moet deze regels altijd volgen.' }]
    expect(pairs(reference, translation)).toEqual([[0, null], [1, 0]])
  })

  it('costs little for lengths in the expected ratio and much for outliers', () => {
    expect(lengthCost(100, 110, 1.1)).toBeLessThan(0.1)
    expect(lengthCost(100, 20, 1.1)).toBeGreaterThan(5)
  })
})

describe('anchors', () => {
  it('finds URLs, domains, numbers and acronyms', () => {
    expect([...anchors('See https://www.pinterest.com/pin/42/ or optout.aboutads.info; 13 CPM and CPC, 1,000.5 APIs')].sort()).toEqual(
      ['acr:API', 'acr:CPC', 'acr:CPM', 'num:10005', 'num:13', 'url:optout.aboutads.info', 'url:www.pinterest.com/pin/42'].sort(),
    )
  })
})
