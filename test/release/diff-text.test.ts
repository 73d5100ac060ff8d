// `diptych diff` as text: each reworded clause as a word diff in each language that changed, added and removed
// clauses in full, and why the bump is what it is; the JSON keeps its shape and gains the old texts and the next version.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Catalogue, Clause } from '../../src/catalogue/types.js'
import { type WordChange, diffSnapshots, formatWordDiff, renderDiff, wordDiff } from '../../src/release/diff.js'
import { hashText } from '../../src/text/hash.js'
import { readRepo } from '../helpers.js'

const released = JSON.parse(await readRepo('policy/pinterest/catalogue.json')) as Catalogue

/** The released catalogue changed by `change` (a deep copy), its hashes kept in step with its texts. */
function changed(change: (catalogue: Catalogue, clause: (id: string) => Clause) => void, version = released.version): Catalogue {
  const copy = structuredClone(released)
  copy.version = version
  const clause = (id: string) => copy.sections.flatMap((section) => section.clauses).find((item) => item.id === id)!
  change(copy, clause)
  for (const item of copy.sections.flatMap((section) => section.clauses)) item.hash = Object.fromEntries(Object.entries(item.text).map(([locale, text]) => [locale, hashText(text)]))
  return copy
}

/** The two sides a word diff stands for: the text in common with the removed text, and with the added text. */
const sides = (changes: readonly WordChange[]) => ({
  before: changes.filter((change) => change.kind !== 'added').map((change) => change.text).join(''),
  after: changes.filter((change) => change.kind !== 'removed').map((change) => change.text).join(''),
})

describe('word diff', () => {
  it('marks the words that changed, a run of changed words as one change', () => {
    const show = (a: string, b: string) => formatWordDiff(wordDiff(a, b))
    expect(show('Keep your API access credentials private.', 'Keep your API access credentials secret and safe.')).toBe('Keep your API access credentials [-private-]{+secret and safe+}.')
    expect(show('Do not store information from the API.', 'Do not store or cache information from the API for a day.')).toBe('Do not store {+or cache +}information from the API{+ for a day+}.')
    expect(show('You must keep your password secret.', 'You may keep your password secret.')).toBe('You [-must-]{+may+} keep your password secret.')
    expect(show('a b c d', 'a x y d')).toBe('a [-b c-]{+x y+} d')
    expect(show('Houd je API-inloggegevens geheim.', 'Houd je API-inloggegevens geheim en veilig.')).toBe('Houd je API-inloggegevens geheim{+ en veilig+}.')
    expect(show('same', 'same')).toBe('same')
    expect(formatWordDiff(wordDiff('keep it private', 'keep it secret'), true)).toBe('keep it \u001b[31m[-private-]\u001b[39m\u001b[32m{+secret+}\u001b[39m')
  })

  it('always stands for both texts: what is kept and removed is the old text, what is kept and added the new', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'word', 'woord', ' ', '  ', '.', ',', '\n', 'é', '’'), { maxLength: 30 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = wordDiff(before, after)
        expect(sides(changes)).toEqual({ before, after })
        // Alternating: never two pieces of one kind in a row, and a change's removed text before its added text.
        changes.forEach((change, index) => {
          const next = changes[index + 1]
          if (next) expect(next.kind === change.kind || (change.kind === 'added' && next.kind === 'removed')).toBe(false)
        })
      }),
      { numRuns: 2000, seed: 16 },
    )
  })
})

describe('diff text', () => {
  const now = changed((catalogue, clause) => {
    const keep = clause('basics.keep-api-access')
    keep.text['en'] = keep.text['en']!.replace('private.', 'secret and safe.')
    keep.text['nl'] = keep.text['nl']!.replace('geheim.', 'geheim en veilig.')
    const basics = catalogue.sections.find((section) => section.id === 'basics')!
    basics.clauses = basics.clauses.filter((item) => item.id !== 'basics.follow-instructions-technical')
  })
  const diff = diffSnapshots({ label: '1.0.0', catalogue: released, rules: undefined }, { label: 'current', catalogue: now, rules: undefined })
  const text = renderDiff(diff)
  const original = (id: string) => released.sections.flatMap((section) => section.clauses).find((item) => item.id === id)!

  it('shows a reworded clause as a word diff in each language, in full', () => {
    expect(text).toContain(
      [
        'reworded (1)',
        '  ~ basics.keep-api-access [en, nl]',
        '      en: Keep your API access credentials [-private-]{+secret and safe+}. Do not use someone else’s API credentials, and do not allow anyone else to use yours.',
        '      nl: Houd je API-inloggegevens geheim{+ en veilig+}. Maak geen gebruik van de API-inloggegevens van iemand anders, en sta niet toe dat iemand anders de jouwe gebruikt.',
        '',
      ].join('\n'),
    )
  })

  it('shows a removed clause in full in each language', () => {
    const removed = original('basics.follow-instructions-technical')
    expect(text).toContain(['removed (1)', '  - basics.follow-instructions-technical (basics)', `      en: ${removed.text['en']}`, `      nl: ${removed.text['nl']}`, ''].join('\n'))
  })

  it('says why the bump is what it is, largest reason first, and the version it leads to', () => {
    expect(text.endsWith(['semver: major (1.0.0 → 2.0.0), because:', '  major: clause basics.follow-instructions-technical removed', '  patch: clause basics.keep-api-access reworded (en, nl)', ''].join('\n'))).toBe(true)
    expect(renderDiff(diffSnapshots({ label: 'a', catalogue: released }, { label: 'b', catalogue: released }))).toMatch(/\nno changes\n$/)
  })

  it('keeps the JSON shape, adding the old texts and the next version', () => {
    const json = JSON.parse(JSON.stringify(diff)) as typeof diff
    expect(Object.keys(json)).toEqual(['from', 'to', 'reference', 'locales', 'clauses', 'sections', 'rules', 'bump', 'reasons', 'next'])
    expect(json.clauses.reworded).toEqual([
      {
        id: 'basics.keep-api-access',
        locales: ['en', 'nl'],
        stale: [],
        text: now.sections[1]!.clauses.find((item) => item.id === 'basics.keep-api-access')!.text,
        before: original('basics.keep-api-access').text,
      },
    ])
    expect(json.next).toBe('2.0.0')
  })

  it('gives the release a pre-release leads to', () => {
    const candidate = changed(() => {}, '3.0.0-rc.1')
    const reworded = changed((_, clause) => (clause('basics.keep-api-access').text['en'] = 'Keep your API access credentials secret.'), '3.0.0-rc.1')
    const after = diffSnapshots({ label: '3.0.0-rc.1', catalogue: candidate }, { label: 'current', catalogue: reworded })
    expect([after.bump, after.next]).toEqual(['patch', '3.0.0'])
    expect(renderDiff(after)).toContain('semver: patch (3.0.0-rc.1 → 3.0.0), because:\n  patch: clause basics.keep-api-access reworded (en)\n')
    // The Dutch was left as it was: stale, and said so.
    expect(renderDiff(after)).toContain('  ~ basics.keep-api-access [en] (stale: nl)\n      en: Keep your API access credentials [-private. Do not use someone else’s API credentials, and do not allow anyone else to use yours-]{+secret+}.\n')
  })
})
