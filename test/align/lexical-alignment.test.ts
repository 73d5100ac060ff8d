// Alignment that knows words (issue 15, item 4), on Mozilla's professional translations: two adjacent list items
// swapped are one moved clause at its line, a dropped short item is a missing clause (not a merge of its neighbours), an
// unrelated paragraph inserted is an extra clause (not a split), in Dutch, German and French; and the clean pairs give
// no structural finding at all.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareDocuments } from '../../src/align/compare.js'
import { NO_GLOSSARY } from '../../src/align/glossary.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { ROOT } from '../helpers.js'

const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')
const STRUCTURAL = new Set(['missing-clause', 'extra-clause', 'merged-clauses', 'split-clause', 'moved-clause'])
const MARKER = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)/

type Change = (lines: string[]) => void

/** Swap the texts of the list items at lines `line` and `line + 1` (1-based), each keeping its marker. */
const swap =
  (line: number): Change =>
  (lines) => {
    const [a, b] = [lines[line - 1]!, lines[line]!]
    const [markerA, markerB] = [MARKER.exec(a)![0], MARKER.exec(b)![0]]
    lines[line - 1] = markerA + b.slice(markerB.length)
    lines[line] = markerB + a.slice(markerA.length)
  }
const drop =
  (line: number): Change =>
  (lines) =>
    void lines.splice(line - 1, 1)
/** Join the list item at line `line + 1` (1-based) to the one at `line`. */
const merge =
  (line: number): Change =>
  (lines) => {
    lines[line - 1] = `${lines[line - 1]!} ${lines[line]!.replace(MARKER, '')}`
    lines.splice(line, 1)
  }
/** Insert `text` as a paragraph after line `line`. */
const insert =
  (line: number, text: string): Change =>
  (lines) =>
    void lines.splice(line, 0, '', text, '')

/** The structural findings of a document of the corpus after `change`: check, line, and the reference's line. */
async function structural(locale: string, document: string, change?: Change): Promise<[string, number | null, number | null][]> {
  const reference = parseMarkdown(await readFile(join(CORPUS, 'en', `${document}.md`), 'utf8'), `en/${document}.md`)
  const lines = (await readFile(join(CORPUS, locale, `${document}.md`), 'utf8')).split('\n')
  change?.(lines)
  const translation = parseMarkdown(lines.join('\n'), `${locale}/${document}.md`)
  const findings = compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: locale, useIds: false, glossary: NO_GLOSSARY })
  return findings.filter((finding) => STRUCTURAL.has(finding.ruleId)).map((finding) => [finding.ruleId, finding.line ?? null, (finding.cause as { line?: number } | undefined)?.line ?? null])
}

/** The paragraph at `line` of another document of the same language: a clause the reference has nowhere. */
async function foreign(locale: string, document: string, line: number): Promise<string> {
  return (await readFile(join(CORPUS, locale, `${document}.md`), 'utf8')).split('\n')[line - 1]!
}

describe('two adjacent list items swapped: one moved clause, at the moved item', () => {
  it.each([
    // Paired crosswise by the aligner itself.
    // “An identification of the copyrighted work(s)” and “A description of the nature and location” of a DMCA notice.
    ['nl', 'report_infringement', 12, [['moved-clause', 12, 13]]],
    ['de', 'report_infringement', 12, [['moved-clause', 13, 12]]],
    ['fr', 'report_infringement', 12, [['moved-clause', 13, 12]]],
    // Two kinds of data Mozilla receives; the reasons to process personal data.
    ['de', 'mozilla_privacy_policy', 22, [['moved-clause', 22, 23]]],
    ['fr', 'mozilla_privacy_policy', 36, [['moved-clause', 37, 36]]],
    // Where the aligner keeps one pair and leaves a unit alone each side of it.
    // The footprint of a swap: the aligner pairs one of the two items with its counterpart across the other, and leaves
    // the other item of each side alone (an extra clause and a missing clause on adjacent lines). The two units left
    // alone, crosswise around that one pair, are one clause moved when the table finds their words alike beyond chance,
    // or their link targets pair them (a table of contents, whose short entries the table saw only once).
    // “Mozilla may update these terms …” and “These terms are governed by the laws of the state of California, U.S.A.”
    // (“USA” in German is an anchor the English “U.S.A.” is not: the pair costs more than a moved clause elsewhere may).
    ['de', 'firefox_about_rights', 20, [['moved-clause', 20, 21]]],
    // A DMCA notice: “Your name, address and telephone number …” and “A statement that you consent to the jurisdiction …”.
    ['de', 'report_infringement', 51, [['moved-clause', 51, 52]]],
    // Entries of a table of contents: “[Haftungsfreistellung](#indemnification)”, “[Rechtsstreitigkeiten](#disputes)”,
    // “[Anwendbares Recht](#governinglaw)”: words seen once, the link targets say which is which.
    ['de', 'pocket_tos', 18, [['moved-clause', 18, 19]]],
    ['de', 'pocket_tos', 19, [['moved-clause', 19, 20]]],
    // Rights of a list: “Request portability of your data” / “Request correction of any data …”, and “In some cases,
    // restrict or object …” / “Complain to your relevant data protection authority …” (the item “in bestimmten Fällen”
    // is also like its neighbour “unter bestimmten Umständen”: not each the other's best match, yet the swap's footprint).
    ['de', 'focus_privacy_notice', 59, [['moved-clause', 60, 59]]],
    ['de', 'focus_privacy_notice', 62, [['moved-clause', 63, 62]]],
    // Where the aligner pairs both straight: judged by a table that leaves the two pairs out.
    // The aligner pairs the two swapped items straight; the table relearnt from its pairs learnt from those very pairs,
    // linked their words wrongly and found them alike straight. Judged by a table whose counts leave the two pairs out,
    // they match crosswise.
    // Moderation actions: “removing the content, or” and “suspending the account.”; “adding a content warning,” and
    // “removing the content, or”.
    ['nl', 'content_moderation_practices', 27, [['moved-clause', 28, 27]]],
    ['fr', 'content_moderation_practices', 26, [['moved-clause', 27, 26]]],
    // The same three actions in German (“Hinzufügen einer Inhaltswarnung”, “Entfernen des Inhalts”, “Sperren des
    // Kontos”): leaving the two pairs out is not enough where the table linked “account” to “Entfernen” because of them;
    // their words are linked again, competitively, from the counts without them (“removing” to “Entfernen”, “account” to
    // “Konto”), as the rest of the document says. And the third in French (“suspendant le compte”).
    ['de', 'content_moderation_practices', 26, [['moved-clause', 27, 26]]],
    ['de', 'content_moderation_practices', 27, [['moved-clause', 28, 27]]],
    ['fr', 'content_moderation_practices', 27, [['moved-clause', 28, 27]]],
    // Rights of a list: “Have personal data we hold about you deleted (in certain circumstances)” and “In some cases,
    // restrict or object to how we use your personal data”.
    ['nl', 'focus_privacy_notice', 61, [['moved-clause', 62, 61]]],
    ['de', 'focus_privacy_notice', 61, [['moved-clause', 62, 61]]],
    // What Mozilla may do: “Use the information you have provided to us …” and “To perform scans of publicly known data
    // breaches …”.
    ['de', 'subscription_services_tos', 93, [['moved-clause', 94, 93]]],
  ] as const)('%s %s, items at line %i', async (locale, document, line, expected) => {
    expect(await structural(locale, document, swap(line))).toEqual(expected)
  })
})

describe('a short list item dropped', () => {
  it.each([
    // “Request a copy of the data we have about you”: between two items alike (“Request …”), not merged into one.
    ['nl', 'focus_privacy_notice', 58, [['missing-clause', 58, null]]],
    ['fr', 'focus_privacy_notice', 59, [['missing-clause', 59, null]]],
    // A feature item of the Firefox rights notice, a link of a list of privacy notices, an entry of a table of contents.
    ['de', 'firefox_about_rights', 7, [['missing-clause', 7, null]]],
    ['de', 'mozilla_accounts_privacy_notice', 33, [['missing-clause', 33, null]]],
    ['de', 'pocket_tos', 12, [['missing-clause', 12, null]]],
  ] as const)('%s %s, the item at line %i: a missing clause at its reference line', async (locale, document, line, expected) => {
    expect(await structural(locale, document, drop(line))).toEqual(expected)
  })
})

describe('a list item dropped where the first pass shifts the list and merges two items to make up the count', () => {
  it.each([
    // A list of rights: “Have personal data we hold about you deleted”, “Request correction of any data …”. The first
    // pass paired the items after the gap one off and merged the last two; the table it learnt then knew the shifted
    // pairs' words. Aligned again around the merge by a table learnt away from it, the dropped item is missing.
    ['nl', 'focus_privacy_notice', 61, [['missing-clause', 61, null]]],
    ['nl', 'focus_privacy_notice', 60, [['missing-clause', 60, null]]],
    // The last of three moderation actions (“Sperren des Kontos”), after a lead-in that ends with a colon.
    ['de', 'content_moderation_practices', 28, [['missing-clause', 28, null]]],
    // “All information you provided will be accurate and truthful”, after a paragraph that introduces the list.
    ['de', 'subscription_services_tos', 98, [['missing-clause', 98, null]]],
  ] as const)('%s %s, the item at line %i: a missing clause at its reference line, not a merge', async (locale, document, line, expected) => {
    expect(await structural(locale, document, drop(line))).toEqual(expected)
  })

  it('a lead-in ending with a colon is not merged with its first item into a clause that ends with a colon', async () => {
    // de content_moderation_practices: “Mögliche Maßnahmen sind:” then “Hinzufügen einer Inhaltswarnung”, dropped. A merge
    // of the lead-in with the item would end where the item ends, not with the lead-in's colon: an item is missing in
    // the list (which of the two items that both speak of “Inhalt”, the words do not tell: the one next to it).
    const found = await structural('de', 'content_moderation_practices', drop(26))
    expect(found).toHaveLength(1)
    expect(found[0]![0]).toBe('missing-clause')
    expect(Math.abs(found[0]![1]! - 26)).toBeLessThanOrEqual(1)
  })
})

describe('two items of a table of contents merged', () => {
  it.each([
    ['de', 'pocket_tos', 13],
    ['nl', 'pocket_tos', 9],
  ] as const)('%s %s, the items at lines %i and the next: one merge, since the merged item holds both links', async (locale, document, line) => {
    // “[Urheberrechtsverstöße](#copyright) [Websites, Software und Dienste von Drittanbietern](#thirdparty)”: the words of a
    // short entry may say little, but its link target is in the merged one, so it is not missing.
    expect(await structural(locale, document, merge(line))).toEqual([['merged-clauses', line, line]])
  })
})

describe('an unrelated paragraph inserted', () => {
  it.each(['nl', 'de', 'fr'])('%s: the opening of the MDN Plus notice inside the Firefox terms is an extra clause, not a split', async (locale) => {
    const text = await foreign(locale, 'mdn_plus_privacy', 8)
    expect(await structural(locale, 'firefox_terms_of_use', insert(22, text))).toEqual([['extra-clause', 24, null]])
  })
})

describe('the clean translations', () => {
  it.each(['nl', 'de', 'fr'])('%s: no structural finding on any document of the corpus', async (locale) => {
    const documents = ['content_moderation_practices', 'firefox_about_rights', 'firefox_cloud_services_tos', 'firefox_terms_of_use', 'focus_privacy_notice', 'focus_terms_of_use', 'mdn_plus_privacy', 'mdn_plus_terms', 'mozilla_accounts_privacy_notice', 'mozilla_privacy_policy', 'pocket_tos', 'report_infringement', 'subscription_services_tos']
    const found: string[] = []
    for (const document of documents) for (const [check, line] of await structural(locale, document)) found.push(`${document}:${line} ${check}`)
    expect(found).toEqual([])
  })
})
