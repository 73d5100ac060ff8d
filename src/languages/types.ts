// What differs by language, as plain data: one `LanguagePack` a language (`en.ts`, `nl.ts`), found through `index.ts`.
// The algorithms that read it stay in their stages (modality, align, ingest, report, render, release).

/** A language's markers of each modality, as phrases (lowercase, straight apostrophes). */
export interface Lexicon {
  prohibition: string[]
  obligation: string[]
  permission: string[]
  /** Words that, at the start of an item under an obligation lead-in, turn it into a prohibition. */
  negationStart: string[]
  /** Relative pronouns and subordinators: from one to the next comma is a subordinate clause, whose modals do not count. */
  relative: string[]
  /** Negation words that, in the main clause, turn an obligation into a prohibition (Dutch "Voeg … niet samen"). */
  negation: string[]
  /** Words that open an exception ("except as permitted"): the rest of the clause is not its main modality. */
  exception: string[]
}

/** The statuses of a verdict, as the labels name them (the same union as `Status` in `dsl/semantics.ts`). */
export type StatusLabels = Record<'violated' | 'unknown' | 'attest' | 'satisfied' | 'not-applicable', string>

/** Labels of the text compliance report (`report/render-text.ts`). */
export interface ReportLabels extends StatusLabels {
  summary: string
  because: string
  missing: string
  answer: string
  rules: string
}

/** Labels of a changelog entry (`release/changelog.ts`). */
export interface ChangelogLabels {
  added: string
  reworded: string
  moved: string
  removed: string
  kind: string
  rules: string
  first: string
  from: string
  to: string
  sections: string
  clauses: string
  ruleCount: string
}

/** Labels of the rendered docs (`render/markdown.ts`, `render/html.ts`). */
export interface DocsLabels {
  /** Before the effective date: "Effective:". */
  effective: string
  /** The table of contents. */
  contents: string
}

/** Labels of the bilingual page (`render/html.ts`). */
export interface PageLabels {
  version: string
  released: string
  unreleased: string
  /** Text of the link to where the policy is published, from the policy's title (in the manifest). */
  source: (title: string) => string
  /** "Checked by" before "rule" or "attestation" and the rule's ID. */
  rules: string
  rule: string
  attest: string
  kinds: Record<'obligation' | 'prohibition' | 'permission' | 'informative', string>
  generated: string
}

/** Labels of the compliance report page (`render/report-html.ts`). */
export interface ReportPageLabels {
  statuses: StatusLabels
  title: string
  missing: string
  because: string
  rules: string
}

/**
 * The words of dates and of numbered headings, to read a plain text as copied from a web page: its effective-date line
 * ("Effective May 4, 2026", "Versie 1.2, van kracht vanaf woensdag 1 november 2023") and its numbered headings
 * ("Article 3 – Scope", "Section 4."). All lowercase. The text's language may be unknown when it is read, so the
 * reader uses the words of every registered pack.
 */
export interface DateWords {
  /** Month names, January first (12). Abbreviations of three letters or more ("Sept.", "jan") are read too. */
  months: string[]
  /** Weekday names, Monday first (7): read and skipped before a date ("dinsdag 10 juni 2025"). */
  weekdays: string[]
  /** Phrases that introduce an effective date ("effective", "last updated on"); a line may chain them. */
  effective: string[]
  /** Words that introduce a version number before the date ("Version 1.2, effective …"). */
  version: string[]
}

/** Words before the number of a numbered heading. */
export interface HeadingNumberWords {
  /** Words kept in the clause number, as a clause is cited ("Article 3" gives the number `Article 3`). */
  named: string[]
  /** Words left out of it ("Section 4" gives the number `4`). */
  plain: string[]
}

/** Everything that differs by language. */
export interface LanguagePack {
  /** Language code, such as `en`. */
  code: string
  /** The language's name in itself, as the changelog heads its part. */
  name: string
  /** Deontic lexicon of the modality classifier; without one, every clause is informative. */
  modality?: Lexicon | undefined
  /** Function words, to tell which language a text is written in (`align/language.ts`). */
  functionWords: ReadonlySet<string>
  /** Words written twice in a row that are grammatical ("that that", Dutch "je je"). */
  allowedRepeats: ReadonlySet<string>
  /** Whether the language writes compounds as one word, so a glossary term may start a longer word ("pin" in "pinplanners"). */
  compounding: boolean
  /** Decimal separator of numbers; the other of `.` and `,` groups thousands. */
  decimal: '.' | ','
  /** Slugs of IDs: words left out of clause IDs, and leading words dropped from a section title. */
  slug?: { stopwords: ReadonlySet<string>; leading: ReadonlySet<string> } | undefined
  /** Dates and the phrases that introduce an effective date, to read a date line of a plain text. */
  dates: DateWords
  /** Words that introduce the number of a numbered heading in a plain text ("Article", "Section"). */
  headingNumbers: HeadingNumberWords
  report: ReportLabels
  changelog: ChangelogLabels
  /** Labels of the pages; a language without them gets the English ones. */
  page?: PageLabels | undefined
  /** Labels of the rendered docs (Markdown and page): before the effective date, and the table of contents. */
  docs?: DocsLabels | undefined
  reportPage?: ReportPageLabels | undefined
}
