// Pathological texts against every locale diff check and the importer: each family of texts is run at n and 4n, and
// the time at 4n must stay within GROWTH_LIMIT of the time at n (linear work gives 4x, quadratic 16x). Under
// `npm run fuzz` (FUZZ_SCALE=full) random texts are also thrown at the importers and the checks, which must not throw.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/align/checks/index.js'
import { compareDocuments, kindsOf } from '../../src/align/compare.js'
import type { PairContext, Side } from '../../src/align/findings.js'
import { readGlossary } from '../../src/align/glossary.js'
import { isDiagnostic } from '../../src/diagnostics/index.js'
import type { ParsedDocument } from '../../src/text/document.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { parseText } from '../../src/ingest/parse-text.js'
import { toMarkdown } from '../../src/ingest/to-markdown.js'
import { generateIds } from '../../src/ingest/ids.js'
import { LIMITS } from '../../src/util/limits.js'
import { ROOT, put, run, tempProject } from '../helpers.js'
import { GROWTH_LIMIT, type Growth, growth, growthAsync, iterations, random, report, seed, timeOfAsync } from './scale.js'

const glossary = await readGlossary(join(ROOT, 'locales/glossary.json'), 'locales/glossary.json')

/** A family of pathological clause texts: `clause(n)` is about n units long (linear in n). */
interface Family {
  name: string
  /** The reference (English) and translation (Dutch) text of one clause, about n units long. */
  clause: (n: number) => [reference: string, translation: string]
  /** A size at which one comparison takes some milliseconds. */
  n: number
}

const repeat = (n: number, make: (index: number) => string, separator = ' ') => Array.from({ length: n }, (_, index) => make(index)).join(separator)

/** Families of one long clause; the texts are escaped so Markdown reads them as plain text where it matters. */
const CLAUSE_FAMILIES: Family[] = [
  { name: 'a repeated negation word', clause: (n) => [repeat(n, () => 'not'), repeat(n, () => 'niet')], n: 2_000 },
  { name: 'the same repeated negation word in both texts', clause: (n) => [repeat(n, () => 'niet'), repeat(n, () => 'niet')], n: 2_000 },
  { name: 'one huge word, the same in both texts', clause: (n) => ['a'.repeat(n), 'a'.repeat(n)], n: 20_000 },
  { name: '"ab." repeated', clause: (n) => ['ab.'.repeat(n), 'ab.'.repeat(n)], n: 4_000 },
  { name: '"ab." repeated then "@"', clause: (n) => ['ab.'.repeat(n) + '@', 'ab-'.repeat(n) + '@x'], n: 4_000 },
  { name: 'a long run of spaces', clause: (n) => [`Keep it${' '.repeat(n)}private.`, `Houd het${' '.repeat(n)}geheim.`], n: 20_000 },
  { name: 'many URLs', clause: (n) => [repeat(n, (i) => `https://x${i}.example.com/p`), repeat(n, (i) => `https://x${i}.example.com/q`)], n: 1_000 },
  { name: 'many numbers', clause: (n) => [repeat(n, (i) => String(i)), repeat(n, (i) => String(i + 7))], n: 4_000 },
  { name: 'many e-mail addresses', clause: (n) => [repeat(n, (i) => `user${i}@example.com`), repeat(n, (i) => `gebruiker${i}@example.nl`)], n: 2_000 },
  { name: 'many domains and dotted numbers', clause: (n) => [repeat(n, (i) => `www.a${i}.nl 1.${i}.2`), repeat(n, (i) => `a${i}.co.uk 1,${i},2`)], n: 1_000 },
  { name: 'a very long sentence of words', clause: (n) => [repeat(n, (i) => `word${i % 97}`), repeat(n, (i) => `woord${i % 89}`)], n: 2_000 },
  { name: 'punctuation only', clause: (n) => ['!?.,;:'.repeat(n), '!?.,;:'.repeat(n)], n: 4_000 },
  { name: 'mixed scripts', clause: (n) => [repeat(n, () => 'Latin Кириллица 漢字 العربية 😀'), repeat(n, () => 'Latijn Кириллица 漢字 العربية 😀')], n: 500 },
  { name: 'combining characters', clause: (n) => ['a' + '\u0301'.repeat(n), 'e\u0301'.repeat(n)], n: 10_000 },
  { name: 'relative pronouns and modals', clause: (n) => [repeat(n, () => 'that must not, which may only'), repeat(n, () => 'die moet niet, welke mag alleen')], n: 500 },
  { name: 'glossary terms', clause: (n) => [repeat(n, () => 'Pinterest API access token Pin'), repeat(n, () => 'Pinterest API-toegangstoken pin')], n: 500 },
  { name: 'repeated words of every kind', clause: (n) => [repeat(n, (i) => `w${i} w${i}`), repeat(n, (i) => `v${i} v${i}`)], n: 1_000 },
]

/** A one-clause Markdown document. */
const markdown = (title: string, clause: string) => `## ${title}\n\n- ${clause}\n`

function parsePair(reference: string, translation: string): [ParsedDocument, ParsedDocument] {
  return [parseMarkdown(markdown('Rules', reference), 'en.md'), parseMarkdown(markdown('Regels', translation), 'nl.md')]
}

/** What `diptych align` does with two parsed documents. */
function compare(reference: ParsedDocument, translation: ParsedDocument) {
  return compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: 'nl', useIds: false, glossary })
}

/** The context one check gets for the clause pair of two one-clause documents. */
function contextOf(reference: ParsedDocument, translation: ParsedDocument): PairContext {
  const side = (document: ParsedDocument, locale: string): Side => ({ file: document.file, locale, blocks: document.blocks, kinds: kindsOf(document.blocks, locale) })
  return {
    reference: side(reference, 'en'),
    translation: side(translation, 'nl'),
    pair: { reference: [1], translation: [1] },
    referenceText: reference.blocks[1]!.text,
    translationText: translation.blocks[1]!.text,
    glossary,
    ratio: { median: 0, mad: 0.1 },
  }
}

const expectLinear = (result: Growth, what: string) => {
  expect(result.ratio, `${what}: ${result.small.toFixed(1)} ms at n, ${result.large.toFixed(1)} ms at 4n`).toBeLessThanOrEqual(GROWTH_LIMIT)
}

describe('pathological clauses: align and check grow linearly', () => {
  for (const family of CLAUSE_FAMILIES) {
    it(`${family.name}: parse and compare`, () => {
      const result = growth((n) => {
        const [a, b] = family.clause(n)
        return () => {
          const [reference, translation] = parsePair(a, b)
          return compare(reference, translation)
        }
      }, family.n)
      expectLinear(result, family.name)
    })
  }
})

describe('pathological clauses: every check grows linearly', () => {
  for (const check of CHECKS.filter((definition) => definition.pair)) {
    it(`${check.id}: every family`, () => {
      for (const family of CLAUSE_FAMILIES) {
        const contexts = new Map<number, PairContext>()
        const result = growth((n) => {
          let context = contexts.get(n)
          if (!context) {
            const [a, b] = family.clause(n)
            contexts.set(n, (context = contextOf(...parsePair(a, b))))
          }
          return () => check.pair!(context)
        }, family.n)
        expectLinear(result, `${check.id} on ${family.name}`)
      }
    })
  }
})

describe('flooded clauses give one finding, not thousands', () => {
  it('a clause of "niet" repeated 25,000 times in both texts gives one repeated-word finding a side', () => {
    const text = repeat(25_000, () => 'niet')
    const findings = compare(...parsePair(text, text))
    const repeated = findings.filter((finding) => finding.ruleId === 'repeated-word')
    expect(repeated.map((finding) => finding.message)).toEqual(['Repeated word “niet” in the reference (12500 times)', 'Repeated word “niet” in the translation (12500 times)'])
    expect(findings.length).toBeLessThanOrEqual(4)
  })

  it('50,000 numbers, 1,000 of them differing, give one finding that names 20 and counts the rest', () => {
    const a = repeat(50_000, (i) => String(i))
    const b = repeat(50_000, (i) => String(i + 1_000))
    const findings = compare(...parsePair(a, b)).filter((finding) => finding.ruleId === 'number-mismatch')
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toMatch(/^Numbers differ: (?:\d+, ){19}\d+ and 980 more missing from the translation; (?:\d+, ){19}\d+ and 980 more not in the reference$/)
  })
})

/**
 * A seeded shuffle of 0 … n-1, within runs of `run` (moves are local; a shuffle of the whole document leaves the
 * aligner an optimal path as far from the diagonal as the document is long, which no band can bound).
 */
function shuffled(n: number, run = n): number[] {
  const order = Array.from({ length: n }, (_, index) => index)
  let state = 7
  for (let from = 0; from < n; from += run) {
    const to = Math.min(n, from + run)
    for (let index = to - 1; index > from; index--) {
      state = (state * 16_807) % 2_147_483_647
      const other = from + (state % (index - from + 1))
      ;[order[index], order[other]] = [order[other]!, order[index]!]
    }
  }
  return order
}

/** Families of whole document pairs for the aligner and the structural checks: [reference, translation] Markdown. */
const PAIR_FAMILIES: Array<{ name: string; pair: (n: number) => [string, string]; n: number; useIds?: boolean }> = [
  { name: 'no block has a counterpart (items against headings)', pair: (n) => [`## R\n\n${repeat(n, (i) => `- Keep record ${i} private.`, '\n')}\n`, `## R\n\n${repeat(n, (i) => `## Kop ${i}`, '\n\n')}\n`], n: 300 },
  { name: 'the same words at other depths (no pairs, every block alike)', pair: (n) => [`## R\n\n${repeat(n, () => '- Keep your records private.', '\n')}\n`, `## R\n\n- Top\n${repeat(n, () => '                  - Keep your records private.', '\n')}\n`], n: 300 },
  { name: 'every clause moved (IDs shuffled within runs of 16)', pair: (n) => { const order = shuffled(n, 16); return [`## R {#r}\n\n${repeat(n, (i) => `- Keep ${i}. {#r.k${i}}`, '\n')}\n`, `## R {#r}\n\n${repeat(n, (i) => `- Houd ${order[i]}. {#r.k${order[i]}}`, '\n')}\n`] }, n: 300, useIds: true },
  { name: 'every clause moved (shuffled, no IDs)', pair: (n) => { const order = shuffled(n); return [`## R\n\n${repeat(n, (i) => `- Keep record${i} private always${i}.`, '\n')}\n`, `## R\n\n${repeat(n, (i) => `- Keep record${order[i]} private always${order[i]}.`, '\n')}\n`] }, n: 300 },
  { name: 'many identical tiny clauses', pair: (n) => [`## R\n\n${repeat(n, () => '- Do it now.', '\n')}\n`, `## R\n\n${repeat(n, () => '- Doe het nu.', '\n')}\n`], n: 500 },
  { name: 'many headings', pair: (n) => [repeat(n, (i) => `## Heading ${i}\n\n- Clause ${i}.`, '\n\n'), repeat(n, (i) => `## Kop ${i}\n\n- Clausule ${i}.`, '\n\n')], n: 300 },
  { name: 'every other clause merged', pair: (n) => [`## R\n\n${repeat(n, (i) => `- Keep record${i} safe.\n- Sell record${i} never.`, '\n')}\n`, `## R\n\n${repeat(n, (i) => `- Bewaar record${i} veilig en verkoop record${i} nooit.`, '\n')}\n`], n: 300 },
]

describe('pathological document pairs: the aligner and the structural checks grow linearly', () => {
  for (const family of PAIR_FAMILIES) {
    it(family.name, () => {
      const result = growth((n) => {
        const [a, b] = family.pair(n)
        const reference = parseMarkdown(a, 'en.md')
        const translation = parseMarkdown(b, 'nl.md')
        return () => compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: 'nl', useIds: family.useIds === true, glossary })
      }, family.n)
      expectLinear(result, family.name)
    })
  }
})

/** Families of whole documents, for the importer (raw text) and the Markdown parser. */
interface DocumentFamily {
  name: string
  /** A raw text of about n units. */
  text: (n: number) => string
  n: number
}

/** Deep nesting, in a sawtooth so the text stays linear in n: down to the deepest level allowed, back up, again. */
function sawtooth(n: number, indent: (depth: number) => string, bullet: string): string {
  const lines: string[] = []
  for (let index = 0; index < n; index++) {
    const depth = index % LIMITS.textNesting
    lines.push(`${indent(depth)}${bullet} Item ${index} at depth ${depth}:`)
  }
  return lines.join('\n')
}

const DOCUMENT_FAMILIES: DocumentFamily[] = [
  { name: 'deep bullet nesting', text: (n) => `Rules\n\nKeep to these:\n${sawtooth(n, (depth) => ' '.repeat(depth), '•')}\n`, n: 500 },
  { name: 'many headings', text: (n) => repeat(n, (i) => `Heading number ${i}\n\nThe clause of heading ${i} says something.`, '\n\n') + '\n', n: 500 },
  { name: 'many tiny clauses', text: (n) => `Rules\n\n${repeat(n, () => '• Do it.', '\n')}\n`, n: 1_000 },
  { name: 'many different tiny clauses', text: (n) => `Rules\n\n${repeat(n, (i) => `• Do ${i}.`, '\n')}\n`, n: 1_000 },
  { name: 'a very long line', text: (n) => `Rules\n\n${repeat(n, (i) => `word${i}`)}.\n`, n: 10_000 },
  { name: 'a very long hard-wrapped paragraph', text: (n) => `Rules\n\n${repeat(n, (i) => `word${i} and`, '\n')}.\n`, n: 5_000 },
  { name: 'long runs of spaces', text: (n) => `Rules\n\nKeep it${' '.repeat(n)}private${'\u00a0'.repeat(n)}always.\n`, n: 50_000 },
  { name: 'blank lines of spaces', text: (n) => `Rules\n\n${repeat(n, (i) => `Clause ${i}.`, `\n${' '.repeat(50)}\n`)}\n`, n: 1_000 },
  { name: 'punctuation-only lines', text: (n) => `Rules\n\n${repeat(n, () => '!?.,;:', '\n\n')}\n`, n: 1_000 },
  { name: 'mixed scripts and combining characters', text: (n) => `Rules\n\n${repeat(n, () => 'Кириллица 漢字 e\u0301 a\u0301\u0301\u0301 😀.', '\n\n')}\n`, n: 500 },
  { name: 'numbered items', text: (n) => `Rules\n\n${repeat(n, (i) => `${(i % 999) + 1}. Item ${i}.`, '\n')}\n`, n: 1_000 },
]

describe('pathological documents: the importer grows linearly', () => {
  for (const family of DOCUMENT_FAMILIES) {
    it(`${family.name}: parse the raw text, give IDs, write and parse the Markdown`, () => {
      const result = growth((n) => {
        const text = family.text(n)
        return () => {
          const document = parseText(text, 'en.txt')
          const ids = generateIds(document.blocks, document.blocks.map(() => undefined), new Set())
          const written = toMarkdown(document, ids, 'Title')
          return parseMarkdown(written, 'en.md')
        }
      }, family.n)
      expectLinear(result, family.name)
    })
  }

  it('a long run of spaces inside a Markdown clause', () => {
    const result = growth((n) => {
      const text = markdown('Rules', `Keep it${' '.repeat(n)}private. {#rules.keep}`)
      return () => parseMarkdown(text, 'en.md')
    }, 50_000)
    expectLinear(result, 'spaces in Markdown')
  })

  it('many lines opening with "[" (link definition look-alikes) in a long Markdown document', () => {
    const result = growth((n) => {
      const text = `## Rules\n\n${repeat(n, (i) => `[not a definition ${i}`, '\n')}\n\n## More\n\n- Text.\n`
      return () => parseMarkdown(text, 'en.md')
    }, 2_000)
    expectLinear(result, 'bracket lines')
  })

  it('diptych import of many tiny clauses, through the command', async () => {
    const root = await tempProject()
    const result = await growthAsync((n) => async () => {
      const file = await put(root, `in-${n}.txt`, `Rules\n\n${repeat(n, () => '• Do it.', '\n')}\n`)
      const { code, stderr } = await run(['import', file, '--locale', 'en', '--root', root, '--dry-run'], root)
      expect(code, stderr).toBe(0)
    }, 500)
    expectLinear(result, 'import')
  })
})

describe('diptych align on pathological files', () => {
  it('"ab." × 20,000, one 40 KB word, "niet" × 25,000 and 100,000 spaces each finish within seconds, with few findings', async () => {
    const root = await tempProject()
    const cases: Array<[string, string]> = [
      ['ab.'.repeat(20_000), 'ab.'.repeat(20_000)],
      ['a'.repeat(40_000), 'a'.repeat(40_000)],
      [repeat(25_000, () => 'niet'), repeat(25_000, () => 'niet')],
      [`Keep it${' '.repeat(100_000)}private.`, `Houd het${' '.repeat(100_000)}geheim.`],
    ]
    for (const [index, [a, b]] of cases.entries()) {
      const en = await put(root, `case${index}/en.md`, markdown('Rules', a))
      const nl = await put(root, `case${index}/nl.md`, markdown('Regels', b))
      let result: Awaited<ReturnType<typeof run>> | undefined
      // CPU time (other processes on a shared machine do not count); before the fixes these took 3 to 97 s.
      const elapsed = await timeOfAsync(async () => (result = await run(['align', en, nl, '--format', 'json', '--root', root], root)))
      const { code, stdout, stderr } = result!
      expect([0, 1], stderr).toContain(code)
      expect(JSON.parse(stdout).findings.length).toBeLessThanOrEqual(4)
      expect(elapsed).toBeLessThan(3_000)
    }
  })
})

describe('diptych align and import on nesting past the limit', () => {
  it('10,000 nested list markers or block quotes are one line, exit 2, not a stack overflow', async () => {
    const root = await tempProject()
    for (const [index, body] of [`${'- '.repeat(10_000)}x`, `${'>'.repeat(10_000)} x`].entries()) {
      const en = await put(root, `deep${index}/en.md`, `## Rules\n\n${body}\n`)
      const nl = await put(root, `deep${index}/nl.md`, '## Regels\n\n- Tekst.\n')
      const { code, stderr } = await run(['align', en, nl, '--root', root], root)
      expect(code).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(/en\.md:3:\d+: Lists or block quotes nested too deep: more than 32 levels \(ingest\/too-deep\)/)
    }
    const lines = Array.from({ length: 100 }, (_, depth) => `${' '.repeat(depth)}• Item ${depth}`).join('\n')
    const file = await put(root, 'deep.txt', `Rules\n\nKeep to these:\n${lines}\n`)
    const { code, stderr } = await run(['import', file, '--locale', 'en', '--root', root, '--dry-run'], root)
    expect(code).toBe(2)
    expect(stderr).toMatch(/deep\.txt:36:33: List nested too deep: more than 32 levels \(ingest\/too-deep\)/)
  })
})

describe('diptych check on a pathological translation', () => {
  it('a Dutch clause of 100,000 spaces and "niet" × 25,000 is checked within seconds, with one finding a check', async () => {
    const root = await tempProject({ locales: true })
    const path = join(root, 'locales/nl/pinterest.md')
    const text = await readFile(path, 'utf8')
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('- ') && candidate.includes('{#'))
    const lines = text.split('\n')
    lines[line] = lines[line]!.replace(/^- (\S+) /, `- $1${' '.repeat(100_000)}${repeat(25_000, () => 'niet')} `)
    await writeFile(path, lines.join('\n'))
    const start = performance.now()
    const { code, stdout, stderr } = await run(['check', '--root', root, '--format', 'json'], root)
    const elapsed = performance.now() - start
    const json = JSON.parse(stdout) as { findings: Array<{ check: string }>; summary: { errors: number } }
    expect(code, stderr).toBe(json.summary.errors > 0 ? 1 : 0)
    const checks = json.findings.map((finding) => finding.check)
    // The clause says nothing modal in either language ("Wees transparant …"), so its 25,000 negations are read by the
    // counting checks only: one repeated word, one length outlier.
    expect(checks.filter((check) => check === 'repeated-word')).toHaveLength(1)
    expect(checks.filter((check) => check === 'length-ratio')).toHaveLength(1)
    expect(new Set(checks).size).toBe(checks.length)
    expect(elapsed).toBeLessThan(10_000)
  })
})

const PIECES = [
  'Rules', 'Regels', 'The basics', 'must', 'must not', 'moet', 'mag niet', 'niet', 'geen', 'only', 'alleen', 'that', 'die', 'except',
  'Pinterest', 'API', 'pin', 'ab.', 'www.', 'https://', 'x@y.com', '1,000.5', '13', '.', ':', ',', '!', '?', '•', '-', '*', '1.', '2)',
  ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\u00a0', '#', '## ', '{#a.b}', '{#', '}', '[', ']', '(', ')', '<', '>', '`', '```',
  '"', '’', '“', 'é', 'e\u0301', '\u0301', 'Кириллица', '漢字', 'العربية', '😀', '\ud800', '\u2028', '\u0000', '|', '>', '_', '**',
]

function randomText(next: () => number, length: number): string {
  let text = ''
  for (let index = 0; index < length; index++) text += PIECES[Math.floor(next() * PIECES.length)]
  return text
}

describe('random texts', () => {
  it('parse, import and compare without an exception other than a diagnostic', () => {
    const start = seed(4_242)
    const next = random(start)
    const counts = { texts: 0, parsed: 0, diagnostics: 0, compared: 0, findings: 0, crashes: 0, 'over 2 s': 0, 'slowest ms': 0 }
    const total = iterations(300, 100_000)
    const attempt = <T>(make: () => T): T | undefined => {
      try {
        return make()
      } catch (error) {
        if (isDiagnostic(error)) {
          counts.diagnostics++
          return undefined
        }
        counts.crashes++
        throw new Error(`seed ${start}: ${String(error)}`, { cause: error })
      }
    }
    for (let index = 0; index < total; index++) {
      const started = performance.now()
      counts.texts++
      const a = randomText(next, 5 + Math.floor(next() * 120))
      const b = randomText(next, 5 + Math.floor(next() * 120))
      const raw = attempt(() => parseText(a, 'en.txt'))
      if (raw) {
        counts.parsed++
        const ids = generateIds(raw.blocks, raw.blocks.map(() => undefined), new Set())
        attempt(() => parseMarkdown(toMarkdown(raw, ids), 'en.md'))
      }
      const reference = attempt(() => parseMarkdown(`## Rules\n\n${a}`, 'en.md'))
      const translation = attempt(() => parseMarkdown(`## Regels\n\n${b}`, 'nl.md'))
      if (reference && translation) {
        counts.parsed += 2
        counts.findings += compare(reference, translation).length
        counts.compared++
      }
      const elapsed = performance.now() - started
      if (elapsed > 2_000) counts['over 2 s']++
      counts['slowest ms'] = Math.max(counts['slowest ms'], Math.round(elapsed))
    }
    report('text', counts)
    expect(counts.crashes).toBe(0)
    expect(counts['over 2 s']).toBe(0)
    expect(counts.compared).toBeGreaterThan(0)
  })
})
