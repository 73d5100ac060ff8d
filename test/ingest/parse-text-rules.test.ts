// The rules of the plain-text reader for text copied from a web page: questions as headings, numbered headings, the
// effective-date line, headings ending in a colon, and the lines that look like headings but are not.
import { describe, expect, it } from 'vitest'
import type { ParsedDocument } from '../../src/text/document.js'
import { emptyHints } from '../../src/ingest/hints.js'
import { headingNumber, isHeadingCandidate, parseText, readDateLine } from '../../src/ingest/parse-text.js'
import { LANGUAGES } from '../../src/languages/index.js'
import { generateIds } from '../../src/ingest/ids.js'
import { GROWTH_LIMIT, growth } from '../attack/scale.js'

/** One line a block: `# [level number] text` for headings, `- text` for items, the text for paragraphs. */
const outline = (document: ParsedDocument) =>
  document.blocks.map((block) =>
    block.form === 'heading'
      ? `# [${block.level}${block.number === undefined ? '' : ` ${block.number}`}] ${block.text}`
      : `${'  '.repeat(block.depth)}${block.form === 'item' ? '- ' : ''}${block.text}`,
  )
const read = (text: string) => outline(parseText(text, 'x.txt'))

describe('questions as headings (FAQ-style policies)', () => {
  it('takes a short question before its answer as a heading', () => {
    const text = 'Privacy FAQ\n\nWhat information do we collect?\n\nYour name and e-mail address.\n\nHow do we use it?\n\nTo send you the newsletter.\n'
    expect(read(text)).toEqual([
      '# [1] Privacy FAQ',
      '# [1] What information do we collect?',
      'Your name and e-mail address.',
      '# [1] How do we use it?',
      'To send you the newsletter.',
    ])
  })

  it('reads a question that ends in a closing quote, and one whose answer follows on the next line', () => {
    expect(read('What do we mean by "personal information?"\n\nInformation that identifies you.\n')[0]).toBe('# [1] What do we mean by "personal information?"')
    expect(read('Wat verzamelen we?\nUw naam en uw e-mailadres.\n')).toEqual(['# [1] Wat verzamelen we?', 'Uw naam en uw e-mailadres.'])
  })

  it('does not take a short question inside a paragraph run', () => {
    const text = 'Retention\n\nWe keep your data for one year.\nWhy so long?\nThe law requires it.\n'
    expect(read(text)).toEqual(['# [1] Retention', 'We keep your data for one year. Why so long? The law requires it.'])
  })

  it('does not take a run of questions for headings, with or without blank lines between them', () => {
    const lead = 'Checks\n\nBefore you share data with anyone, ask yourself these questions.\n\n'
    expect(read(`${lead}Is it needed?\n\nIs it safe?\n\nIf not, do not share it.\n`)).toEqual([
      '# [1] Checks',
      'Before you share data with anyone, ask yourself these questions.',
      'Is it needed?',
      'Is it safe?',
      'If not, do not share it.',
    ])
    expect(read(`${lead}Is it needed?\nIs it safe?\nWho will see it?\n\nIf not, do not share it.\n`)).toEqual([
      '# [1] Checks',
      'Before you share data with anyone, ask yourself these questions.',
      'Is it needed?',
      'Is it safe?',
      'Who will see it?',
      'If not, do not share it.',
    ])
  })

  it('keeps a question longer than a heading as a paragraph', () => {
    const question = 'What if we change this privacy policy or any of our privacy notices?'
    expect(read(`Changes\n\n${question}\n\nWe will tell you.\n`)).toEqual(['# [1] Changes', question, 'We will tell you.'])
  })
})

describe('numbered headings', () => {
  it('takes a short numbered line before a paragraph as a heading, the number apart', () => {
    const text = 'Terms\n\n1. About us\n\nWe make browsers.\n\n2. Your rights\n\nYou may stop at any time.\n'
    const document = parseText(text, 'x.txt')
    expect(outline(document)).toEqual(['# [1] Terms', '# [1 1] About us', 'We make browsers.', '# [1 2] Your rights', 'You may stop at any time.'])
    expect(document.blocks[1]).toMatchObject({ form: 'heading', text: 'About us', number: '1', inline: [{ type: 'text', value: 'About us' }], line: 3, column: 1 })
  })

  it('gives dotted numbers their depth as the level', () => {
    const text = '2. Rights\n\nYou have rights.\n\n2.1 Access\n\nAsk for a copy.\n\n2.2. Deletion\n\nAsk us to delete it.\n\n2.2.1 Exceptions\n\nThe law may say otherwise.\n'
    expect(read(text)).toEqual([
      '# [1 2] Rights',
      'You have rights.',
      '# [2 2.1] Access',
      'Ask for a copy.',
      '# [2 2.2] Deletion',
      'Ask us to delete it.',
      '# [3 2.2.1] Exceptions',
      'The law may say otherwise.',
    ])
  })

  it('renumbers the levels so that the highest is 1', () => {
    expect(read('1.1 Scope\n\nThese rules apply.\n\n1.2 Terms\n\nThey mean this.\n')).toEqual(['# [1 1.1] Scope', 'These rules apply.', '# [1 1.2] Terms', 'They mean this.'])
  })

  it('reads "Article 3 – Scope", "Artikel 3 Toepassing" and "Section 4." with the words of the language packs', () => {
    expect(read('Article 3 – Scope\n\nThese terms apply to you.\n')[0]).toBe('# [1 Article 3] Scope')
    expect(read('Artikel 3 Toepassing\n\nDeze voorwaarden gelden voor u.\n')[0]).toBe('# [1 Artikel 3] Toepassing')
    expect(read('Artikel 3: Toepassing\n\nDeze voorwaarden gelden voor u.\n')[0]).toBe('# [1 Artikel 3] Toepassing')
    expect(read('Section 4. Definitions\n\nWords mean this.\n')[0]).toBe('# [1 4] Definitions')
    expect(read('Hoofdstuk 2 Begrippen\n\nWoorden betekenen dit.\n')[0]).toBe('# [1 2] Begrippen')
  })

  it('joins a number alone on its line with the title on the next, and keeps a number without a title as written', () => {
    expect(read('Artikel 3\nToepassing\n\nDeze voorwaarden gelden voor u.\n')).toEqual(['# [1 Artikel 3] Toepassing', 'Deze voorwaarden gelden voor u.'])
    expect(read('Section 4.\n\nWords mean what they say.\n')).toEqual(['# [1 4] Section 4.', 'Words mean what they say.'])
  })

  it('keeps a run of numbered sentences, or of short numbered lines, as list items', () => {
    expect(read('Steps\n\n1. Sign up.\n2. Log in.\n\nThat is all.\n')).toEqual(['# [1] Steps', '- Sign up.', '- Log in.', 'That is all.'])
    expect(read('Steps\n\n1. Sign up\n2. Log in\n3. Enjoy\n\nThat is all.\n')).toEqual(['# [1] Steps', '- Sign up', '- Log in', '- Enjoy', 'That is all.'])
  })

  it('needs a dot or a known word: an address line or a number in a sentence is no heading number', () => {
    expect(headingNumber('149 New Montgomery Street')).toBeUndefined()
    expect(headingNumber('Chapter and verse')).toBeUndefined()
    expect(headingNumber('Paragraph 3 Scope')).toBeUndefined()
    expect(read('Storage\n\n1.5 GB of storage is included.\n\nMore costs extra.\n')).toEqual(['# [1] Storage', '1.5 GB of storage is included.', 'More costs extra.'])
  })
})

describe('the effective-date line', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Effective May 4, 2026', '2026-05-04'],
    ['Effective: 4 May 2026', '2026-05-04'],
    ['Last updated: January 2, 2025', '2025-01-02'],
    ['Last Updated June 10, 2025', '2025-06-10'],
    ['Version 1.2, effective March 3, 2024', '2024-03-03'],
    ['Effective as of Sept. 4th, 2026', '2026-09-04'],
    ['Effective 2026-05-04', '2026-05-04'],
    ['Effective 25/05/2026', '2026-05-25'],
    ['Versie 11 september 2020', '2020-09-11'],
    ['Ingangsdatum: 1 januari 2024', '2024-01-01'],
    ['Laatst bijgewerkt op 3 maart 2025', '2025-03-03'],
    ['Laatst bij gewerkt op dinsdag 10 juni 2025', '2025-06-10'],
    ['Versie 1.2, van kracht vanaf woensdag 1 november 2023', '2023-11-01'],
    // A date line whose day cannot be told: the line as written, no ISO date.
    ['Last updated: January 2025', undefined],
    ['Effective 04/05/2026', undefined],
    ['Effective February 30, 2026', undefined],
  ]

  it('reads every form into the meta, the ISO date when the day can be told, the line as written', () => {
    for (const [line, effective] of cases) {
      const document = parseText(`Privacy Notice\n\n${line}\n\nWe respect your privacy.\n`, 'x.txt')
      expect(document.meta, line).toEqual(effective === undefined ? { effectiveText: line } : { effective, effectiveText: line })
      expect(outline(document), line).toEqual(['# [1] Privacy Notice', 'We respect your privacy.'])
    }
  })

  it('reads a date alone under the title, even starting in lowercase ("woensdag 9 september 2020")', () => {
    expect(parseText('Mozilla Privacy Policy\n\nSeptember 9, 2020\n\nYour privacy matters.\n', 'x.txt').meta).toEqual({ effective: '2020-09-09', effectiveText: 'September 9, 2020' })
    const nl = parseText('Mozilla-privacybeleid\n\nwoensdag 9 september 2020\n\nUw privacy is belangrijk.\n', 'x.txt')
    expect(nl.meta).toEqual({ effective: '2020-09-09', effectiveText: 'woensdag 9 september 2020' })
    expect(outline(nl)).toEqual(['# [1] Mozilla-privacybeleid', 'Uw privacy is belangrijk.'])
  })

  it('reads a date line right under the title line, and a footer date line', () => {
    expect(read('Terms of Use\nEffective May 4, 2026\n\nThese terms apply.\n')).toEqual(['# [1] Terms of Use', 'These terms apply.'])
    const footer = parseText('Terms\n\nThese terms apply.\n\nMore\n\nAnd these too.\n\nStill more\n\nAnd more.\n\nLast updated: January 2, 2025\n', 'x.txt')
    expect(footer.meta).toEqual({ effective: '2025-01-02', effectiveText: 'Last updated: January 2, 2025' })
  })

  it('takes the first date line only; a later one in the text stays a paragraph, never a heading', () => {
    const text = 'Terms\n\nEffective May 4, 2026\n\nThese apply.\n\nHistory\n\nOld terms.\n\nOlder terms.\n\nEffective March 3, 2024\n\nThe first version.\n'
    const document = parseText(text, 'x.txt')
    expect(document.meta?.effective).toBe('2026-05-04')
    expect(outline(document)).toEqual(['# [1] Terms', 'These apply.', '# [1] History', 'Old terms.', 'Older terms.', 'Effective March 3, 2024', 'The first version.'])
  })

  it('is no date line without a date, or with more words after it', () => {
    for (const line of ['Effective immediately', 'Updated terms', 'May we contact you?', 'Our rules 2024', 'Version 2 of the rules', 'Effective May 4, 2026 for new users'])
      expect(readDateLine(line), line).toBeUndefined()
    expect(readDateLine(`Effective ${'very '.repeat(30)}May 4, 2026`)).toBeUndefined()
  })

  it('is read with the words of every language pack (the text’s language is not known yet)', () => {
    for (const pack of Object.values(LANGUAGES)) {
      expect(pack.dates.months).toHaveLength(12)
      expect(readDateLine(`${pack.dates.effective[0]} 1 ${pack.dates.months[4]} 2024`)).toEqual({ effective: '2024-05-01', introduced: true })
    }
  })

  it('leaves a date line named as a paragraph in the hints in the text', () => {
    const hints = emptyHints()
    hints.paragraphs.add('Effective May 4, 2026')
    const document = parseText('Terms\n\nEffective May 4, 2026\n\nThese apply.\n', 'x.txt', hints)
    expect(document.meta).toBeUndefined()
    expect(outline(document)).toEqual(['# [1] Terms', 'Effective May 4, 2026', 'These apply.'])
  })
})

describe('headings ending in a colon', () => {
  it('takes a short line ending in a colon before a paragraph as a heading, before a list as a lead-in', () => {
    expect(read('Contact Mozilla:\n\nMozilla Corporation\nAttn: Legal Notices\n149 New Montgomery St.\n\nThank you.\n')[0]).toBe('# [1] Contact Mozilla:')
    expect(read('Rules\n\nYou must:\n\n- Be kind.\n- Be honest.\n')).toEqual(['# [1] Rules', 'You must:', '- Be kind.', '- Be honest.'])
    expect(isHeadingCandidate('What not to do:')).toBe(false)
  })
})

describe('lines that look like headings but are not', () => {
  it('reads an address (three short lines or more without blank lines) as text', () => {
    const text = 'Contact\n\nWrite to us.\n\nMozilla Corporation\nAttn: Legal Notices\n149 New Montgomery Street\n4th Floor\nSan Francisco, CA 94105\n\nWe answer within a week.\n'
    expect(read(text).filter((line) => line.startsWith('#'))).toEqual(['# [1] Contact'])
  })

  it('keeps a heading and its subheading on two lines without a blank line', () => {
    expect(read('Other Things You Should Know\nChoice of Law\n\nCalifornia law applies.\n')).toEqual([
      '# [1] Other Things You Should Know',
      '# [1] Choice of Law',
      'California law applies.',
    ])
  })

  it('takes only the first of a run of short lines with blank lines between them (links one a line)', () => {
    expect(read('Privacy notices of search providers\n\nGoogle\n\nDuckDuckGo\n\nWikipedia\n\nEach has its own rules.\n')).toEqual([
      '# [1] Privacy notices of search providers',
      'Google',
      'DuckDuckGo',
      'Wikipedia',
      'Each has its own rules.',
    ])
  })

  it('reads a line with tabs between its cells as a table row, never a heading', () => {
    expect(read('Data we keep\n\nData Type\tDescription\n\nLocation\tYour country.\n')).toEqual(['# [1] Data we keep', 'Data Type Description', 'Location Your country.'])
  })

  it('keeps the last of a run of short items an item', () => {
    expect(read('Services\n\nThese services use it:\n\n• MDN Plus\n• Thunderbird\n\nIf one of them crashes, we are told.\n')).toEqual([
      '# [1] Services',
      'These services use it:',
      '- MDN Plus',
      '- Thunderbird',
      'If one of them crashes, we are told.',
    ])
  })
})

describe('IDs of the new headings', () => {
  it('are made from the title, not the number or the date line', () => {
    const document = parseText('Terms\n\nEffective May 4, 2026\n\nIntro.\n\n1. About us\n\nWe make browsers.\n', 'x.txt')
    const ids = generateIds(document.blocks, document.blocks.map(() => undefined), new Set())
    expect(ids).toContain('about-us')
    expect(ids.join(' ')).not.toMatch(/effective|may-4/)
  })
})

describe('parseText stays linear on long texts of the new shapes', () => {
  const repeat = (n: number, make: (index: number) => string, separator: string) => Array.from({ length: n }, (_, index) => make(index)).join(separator)
  const families: Array<[string, (n: number) => string, number]> = [
    ['questions and answers', (n) => repeat(n, (i) => `What is rule ${i}?\n\nIt says ${i}.`, '\n\n'), 2_000],
    ['a long run of questions', (n) => repeat(n, (i) => `Is it ${i}?`, '\n\n') + '\n\nEnd.', 4_000],
    ['numbered headings', (n) => repeat(n, (i) => `${Math.floor(i / 100) + 1}.${(i % 100) + 1} Rule ${i}\n\nIt says ${i}.`, '\n\n'), 2_000],
    ['date lines', (n) => repeat(n, (i) => `Effective May ${(i % 28) + 1}, 2026`, '\n\n') + '\n\nEnd.', 1_000],
    ['one long address', (n) => `Contact\n\n${repeat(n, (i) => `Street ${i}`, '\n')}\n\nEnd.`, 1_000],
    ['a long line of question marks and dots', (n) => `Rules\n\n${'?.'.repeat(n)}\n`, 20_000],
    ['a long line of numbers', (n) => `Rules\n\n${repeat(n, (i) => `${i}.${i}`, ' ')} Effective May 4, 2026\n`, 5_000],
  ]
  for (const [name, make, n] of families) {
    it(name, () => {
      const result = growth((size) => {
        const text = make(size)
        return () => parseText(text, 'x.txt')
      }, n)
      expect(result.ratio, `${name}: ${JSON.stringify(result)}`).toBeLessThan(GROWTH_LIMIT)
    })
  }
})
