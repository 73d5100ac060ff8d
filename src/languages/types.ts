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
  /**
   * The modal verbs among the markers ("must", "may", "moet", "darf", "doit"): a disagreement between two of them is
   * certain; one read from a verb or adverb ("agree to", "only", "erlaubt") is a signal, reported as a warning.
   */
  modalVerbs: string[]
  /**
   * Relative pronouns that open a relative clause right after a comma, or after a comma and a preposition
   * (", die …,", ", über die …,", ", which …,"): the deontic reader leaves the clause out up to the next comma. German
   * articles are among them, so they count only there.
   */
  relativePronouns: string[]
  /** Conjunctions that, after a comma, join a second main clause (", and", ", maar"): each is read on its own. */
  conjunctions: string[]
  /**
   * Subordinators that open a sentence with a subordinate clause up to its comma ("If you disagree …, you can …",
   * "Um … nutzen zu können, müssen Sie …"): its modals and negations are not the main clause's.
   */
  subordinators: string[]
  /**
   * Beginnings of words that make a sentence a statement of fact, liability or warranty, not a duty: "will not be
   * liable", "we cannot guarantee", "shall be deemed". A modal in such a sentence is not deontic.
   */
  statements: string[]
  /**
   * Obligations whose negation lifts the duty rather than forbids ("need not", "don't have to", "müssen nicht", "niet
   * verplicht", "pas obligé"): negated, they permit not to. "must not", "moet niet", "ne doit pas" forbid.
   */
  liftable: string[]
  /**
   * Negative determiners and pronouns ("no", "geen", "keine", "aucun"): the deontic reader reads them as negating the
   * nearest modal ("you can create no masks", "Nothing … shall"), as a signal only, since they may negate an object
   * rather than the modal ("50 masks and no phone masks"). English lists them here alone: its `negation` (read by the
   * catalogue's classifier too) holds only "not", "never" and "don't".
   */
  determiners: string[]
  /** Negation words that stand before the modal they negate (French "ne" in "vous ne pouvez pas"); others follow it. */
  negationBefore: string[]
  /** Prepositions before which "that", "dat", "die" point ("in that case", "in dat geval") rather than subordinate. */
  prepositions: string[]
  /**
   * Markers that are a duty only where they open a main clause, as an imperative: "Do not share" forbids, "We do not
   * share" and "we will never sell" state a fact (a negation word next to a modal still negates it: "must never").
   */
  imperative: string[]
  /** Phrases that make a modal a possibility, not a permission or a duty ("may need to", "möglicherweise"). */
  epistemic: string[]
  /**
   * Every negative word, as the polarity check counts them: "not", "never", "without", "unless", and the restrictives
   * ("only"), as "Don't use … except to …" is "Use … only to …"; contrasts that negate ("rather than", "in plaats
   * van"). French counts the first part of "ne … pas". A phrase that starts with a negation word ("not just", "niet
   * enkel") counts twice, as "not only" does: the negation and the restriction it lifts.
   */
  negatives: string[]
  /** Beginnings of words that negate them, counted as negatives ("non-exclusive", "niet-persoonlijke", "nichtexklusiv"). */
  negativePrefixes: string[]
  /**
   * Beginnings of words whose meaning holds a negation ("unsure", "invalid", "disagree" / "onzeker", "ongeldig" /
   * "unsicher", "ungültig" / "illégal", "inexact"), counted as negatives: a translation may say them with a "not"
   * ("niet zeker", "nicht sicher", "pas sûr"), and that "not" must not go uncounted against the reference. Chosen word
   * by word, never a bare prefix ("un-" begins "unter", "on-" begins "onze").
   */
  negativeWords: string[]
  /**
   * Phrases whose negative word negates nothing ("without limitation", "not limited to"): not counted. A phrase that
   * ends with "." is an idiom only where the clause ends after it ("… the recipients or not." but not "invalid or not
   * enforceable"). Written without its inner negative word ("but limited to", "maar beperkt tot", three words or more
   * left) or its final one ("… the recipients or."), an idiom is broken: a lost negation where the reference has an
   * idiom. Also nouns that hold no negation in their translations ("solely responsible": "als enige verantwoordelijk").
   */
  negativeIdioms: string[]
  /**
   * Coordinating conjunctions, for a negation over a choice: "do not monitor or store" negates both verbs, which a
   * translation says with a negation on each side of its "and" ("controleren … niet en slaan … niet op", "ne
   * surveillons pas ni ne stockons"). `or` joins the choice a negation before it covers; `and` joins two sides that
   * must then both be negated; `nor` is an "and" that negates the side after it ("ni", "noch"). A negation repeated
   * right after one of them ("niet begrijpen of niet bedoeld") counts once, as the reference's one negation does. A
   * language without them compares negations by count alone.
   */
  coordination?: { and: string[]; or: string[]; nor: string[] }
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

/** Number words, to match a number written out with one written in digits ("five" and "5", "twee" and "2"). */
export interface NumberWords {
  /** Two to twenty, in order (19 words). "One" is left out: it is also an article or a pronoun ("een", "un"). */
  units: string[]
  /** Thirty to ninety by tens (7 words). */
  tens: string[]
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
  /** Endings a word may take and still be the glossary's term (plural, case, agreement: "tokens", "Schlüsseln", "données"). */
  inflections: string[]
  /** Whether a number's period can be an ordinal inside a sentence ("das 13. Lebensjahr"), not a sentence's end. */
  ordinalPeriod: boolean
  /** Whether the language writes compounds as one word, so a glossary term may start a longer word ("pin" in "pinplanners"). */
  compounding: boolean
  /** Decimal separator of numbers; the other of `.` and `,` groups thousands. */
  decimal: '.' | ','
  /** Whether a space also groups thousands ("10 000"); a no-break space always does. */
  thousandsSpace: boolean
  /** Number words, matched to digits. */
  numberWords: NumberWords
  /**
   * Phrases that bound the number after them ("up to 25 months", "niet langer dan 25 maanden", "mindestens 13"), from
   * above (`atMost`) or below (`atLeast`), negated ones first where the language says them so ("not more than"): a
   * number bound one way in the reference and the other way in the translation has lost or gained a negation. Only
   * phrases with one reading ("plus de" is also the "no more" of "ne … plus de"); a language without them compares none.
   */
  bounds?: { atMost: string[]; atLeast: string[] }
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
  /** The starter text `diptych init` writes in this language (a language without it gets the English one). */
  starter?: StarterLabels | undefined
}

/** The starter text of a new policy: one section with one informative clause, replaced by the first import. */
export interface StarterLabels {
  section: string
  clause: string
}
