// polarity-mismatch: a negation of the reference that the translation lost, in a sentence with or without a modal
// verb, counted per language ("ne … pas" is one, "without limitation" none). Real sentences come from Mozilla's
// professional translations (test/fixtures/corpus/mozilla-legal-docs/{en,nl,de,fr}, © Mozilla and its contributors, CC BY-SA 3.0, see test/fixtures/corpus/README.md), whose files are
// line-aligned: line n of en/x.md is translated by line n of nl/x.md, de/x.md and fr/x.md.
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/align/findings.js'
import { negativeSentences } from '../../src/modality/deontic.js'
import { type Language, compare, corpus } from './corpus-pairs.js'

/** The findings of one check, as [check, severity, translation line]; at one line of the translation if given. */
const of = (findings: Finding[], check: string, line?: number) =>
  findings.filter((finding) => finding.ruleId === check && (line === undefined || finding.line === line)).map((finding) => [finding.ruleId, finding.fatal ? 'error' : 'warning', finding.line])

/** The findings of `mutated` that `clean` lacks, as [check, severity, translation line]. */
function added(clean: Finding[], mutated: Finding[]): Array<[string, string, number | undefined]> {
  const key = (finding: Finding) => `${finding.ruleId}@${finding.line}`
  const before = new Set(clean.map(key))
  return mutated.filter((finding) => !before.has(key(finding))).map((finding) => [finding.ruleId, finding.fatal ? 'error' : 'warning', finding.line])
}

/** `text` with every line but `line` blank, or `text` itself. */
function only(text: string, line: number | undefined): string {
  return line === undefined ? text : text.split('\n').map((content, index) => (index === line - 1 ? content : '')).join('\n')
}

/** The findings of each clean pair, compared once. */
const cleanPairs = new Map<string, Finding[]>()

/** A real corpus pair, clean and with line `line` of the translation rewritten: what the rewrite adds. */
function mutation(language: Language, file: string, line: number, from: string, to: string, options: { referenceLanguage?: Language; alone?: boolean } = {}) {
  const { referenceLanguage = 'en', alone = false } = options
  const reference = only(corpus(referenceLanguage, file), alone ? line : undefined)
  const key = `${referenceLanguage}>${language}/${file}${alone ? `:${line}` : ''}`
  let clean = cleanPairs.get(key)
  if (clean === undefined) cleanPairs.set(key, (clean = compare(reference, only(corpus(language, file), alone ? line : undefined), language, referenceLanguage)))
  // The clean pair has nothing of this check at this line (it may have signals elsewhere).
  expect(of(clean, 'polarity-mismatch', line), `${language}/${file}:${line} clean`).toEqual([])
  return added(clean, compare(reference, mutated(language, file, line, from, to, alone), language, referenceLanguage))
}

/** The reasons of the polarity findings at `line` of a corpus pair with that line rewritten that the clean pair lacks. */
function newReasons(language: Language, file: string, line: number, from: string, to: string): string[] {
  const reasons = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === 'polarity-mismatch' && finding.line === line).map((finding) => finding.reason)
  const clean = new Set(reasons(compare(corpus('en', file), corpus(language, file), language)))
  return reasons(compare(corpus('en', file), mutated(language, file, line, from, to), language)).filter((reason) => !clean.has(reason))
}

/** The negative words of a text, every sentence's. */
const negatives = (text: string, language: Language) => negativeSentences(text, language)!.flatMap((sentence) => sentence.negatives)

/**
 * A corpus file with line `line` (1-based) rewritten, after checking the rewrite changed it. With `alone`, every other
 * line is blanked (lines keep their numbers): the paragraph compared by itself, for a file of long tables.
 */
function mutated(language: Language, file: string, line: number, from: string, to: string, alone = false): string {
  const lines = only(corpus(language, file), alone ? line : undefined).split('\n')
  const before = lines[line - 1]!
  lines[line - 1] = before.replace(from, to)
  expect(lines[line - 1], `${language}/${file}:${line} holds “${from}”`).not.toBe(before)
  return lines.join('\n')
}

describe('the issue\'s example: "bewaren niet langer dan 25 maanden" become "bewaren langer dan 25 maanden"', () => {
  const reference = '## Retention\n\nWe keep your data for no longer than 25 months.\n'
  const translation = '## Bewaren\n\nWe bewaren je gegevens niet langer dan 25 maanden.\n'

  it('is found, as a warning at the translation\'s line, naming the lost words', () => {
    expect(compare(reference, translation, 'nl')).toEqual([])
    const findings = compare(reference, translation.replace('niet langer', 'langer'), 'nl')
    expect(of(findings, 'polarity-mismatch')).toEqual([['polarity-mismatch', 'warning', 3]])
    expect(findings.map((finding) => finding.ruleId)).toEqual(['polarity-mismatch'])
    expect(findings[0]!.reason).toMatch(/1 in the reference \(“no”\), 0 in the translation/)
  })

  it('the same sentence with a modal verb ("mogen … niet") is a modality finding instead, not both', () => {
    const withModal = compare('## Retention\n\nWe may not keep your data for longer than 25 months.\n', '## Bewaren\n\nWe mogen je gegevens langer dan 25 maanden bewaren.\n', 'nl')
    expect(withModal.map((finding) => finding.ruleId)).toEqual(['modality-mismatch'])
  })

  it('in real text (en/de/fr focus_privacy_notice.md:34): "nicht länger als 25 Monate" and "ne sont pas conservées plus de 25 mois"', () => {
    expect(corpus('en', 'focus_privacy_notice.md').split('\n')[33]).toContain('This data is retained for no more than 25 months')
    for (const [language, from, to] of [
      // (The corpus writes "25\u00A0Monate" and "25\u00A0mois" with a no-break space.)
      ['de', 'Diese Daten werden nicht länger als', 'Diese Daten werden länger als'],
      ['fr', 'Ces données ne sont pas conservées plus de', 'Ces données sont conservées plus de'],
    ] as const) {
      expect(mutation(language, 'focus_privacy_notice.md', 34, from, to, { alone: true }), language).toEqual([['polarity-mismatch', 'warning', 34]])
    }
  })
})

describe('a removed negation in a real sentence without a modal, in each language', () => {
  // en/firefox_terms_of_use.md:54 "You agree that you will not use Firefox to infringe anyone’s rights or violate any
  // applicable laws or regulations." and its translations: one negation each, no modal verb.
  it.each<[Language, string, string]>([
    ['nl', 'U stemt ermee in dat u Firefox niet zult gebruiken', 'U stemt ermee in dat u Firefox zult gebruiken'],
    ['de', 'Firefox nicht zu nutzen, um die Rechte Dritter zu verletzen', 'Firefox zu nutzen, um die Rechte Dritter zu verletzen'],
    ['fr', 'Vous acceptez de ne pas utiliser Firefox', 'Vous acceptez d’utiliser Firefox'],
  ])('%s: firefox_terms_of_use.md:54', (language, from, to) => {
    expect(mutation(language, 'firefox_terms_of_use.md', 54, from, to, { alone: true })).toEqual([['polarity-mismatch', 'warning', 54]])
  })

  // en/content_moderation_practices.md:22 "… content does not violate our policies, … will take no action against the
  // content." Two negations each side; losing one of them is found, in the whole document.
  it.each<[Language, string, string]>([
    ['nl', 'wordt er geen actie ondernomen', 'wordt er actie ondernomen'],
    ['de', 'keine Maßnahmen ergreifen', 'Maßnahmen ergreifen'],
    ['fr', 'ne prenons aucune mesure', 'prenons des mesures'],
  ])('%s: content_moderation_practices.md:22, one of two negations lost', (language, from, to) => {
    expect(mutation(language, 'content_moderation_practices.md', 22, from, to)).toEqual([['polarity-mismatch', 'warning', 22]])
  })

  it('en as the translation: a Dutch reference whose English lost its "not" (firefox_terms_of_use.md:54)', () => {
    expect(mutation('en', 'firefox_terms_of_use.md', 54, 'you will not use Firefox', 'you will use Firefox', { referenceLanguage: 'nl', alone: true })).toEqual([['polarity-mismatch', 'warning', 54]])
  })
})

describe('words whose meaning holds a negation ("unsure", "disagree", "invalid") count as one', () => {
  it.each<[Language, string, string[]]>([
    ['en', 'If you disagree with the outcome of our internal appeals process', ['disagree']],
    ['en', 'if you are unsure whether your material was removed', ['unsure']],
    ['en', 'If any portion of these Terms is held to be invalid or unenforceable', ['invalid', 'unenforceable']],
    ['nl', 'Als een gedeelte van deze voorwaarden ongeldig of onafdwingbaar wordt verklaard', ['ongeldig', 'onafdwingbaar']],
    ['de', 'Sollte eine dieser Bedingungen für ungültig oder nicht durchsetzbar erklärt werden', ['ungültig', 'nicht']],
    ['fr', 'Si une partie de ces modalités est invalidée ou ne peut pas être appliquée', ['invalidée', 'ne']],
    // Chosen word by word: words that merely begin like one are not negations.
    ['en', 'Under United States law, until the unique information is included', []],
    ['nl', 'Onze voorwaarden: onder meer ontvangen wij onderdelen', []],
    ['de', 'Unternehmen unter uns und unseren Partnern', []],
    ['fr', 'Les informations incluses dans un index', []],
  ])('%s: “%s”', (language, text, expected) => {
    expect(negatives(text, language)).toEqual(expected)
  })

  // en/report_infringement.md:34 "Consult an attorney … if you are unsure whether …": the translations say it with a
  // negation ("niet zeker weet", "nicht sicher sind", "n’êtes pas sûr"), whose loss is found.
  it.each<[Language, string, string]>([
    ['nl', 'als u niet zeker weet of', 'als u zeker weet of'],
    ['de', 'wenn Sie sich nicht sicher sind', 'wenn Sie sich sicher sind'],
    ['fr', 'si vous n’êtes pas sûr que vos droits', 'si vous êtes sûr que vos droits'],
  ])('%s: report_infringement.md:34, the negation that says "unsure" lost', (language, from, to) => {
    expect(mutation(language, 'report_infringement.md', 34, from, to)).toEqual([['polarity-mismatch', 'warning', 34]])
  })

  it('nl: content_moderation_practices.md:49, "niet eens bent" for "disagree" become "eens bent"', () => {
    expect(mutation('nl', 'content_moderation_practices.md', 49, 'het niet eens bent', 'het eens bent')).toEqual([['polarity-mismatch', 'warning', 49]])
  })
})

describe('negations are compared sentence by sentence', () => {
  // nl/firefox_about_rights.md:18 has a negation the reference lacks ("zonder enige garantie" for "as-is") and two in
  // its last sentence, as the reference has: over the whole clause, 3 against 2 would hide the loss.
  it('a "niet" lost in one sentence is found though another sentence has one more than the reference', () => {
    const findings = mutation('nl', 'firefox_about_rights.md', 18, 'garanties niet toe', 'garanties toe')
    expect(findings).toEqual([['polarity-mismatch', 'warning', 18]])
    const clean = compare(corpus('en', 'firefox_about_rights.md'), mutated('nl', 'firefox_about_rights.md', 18, 'garanties niet toe', 'garanties toe'), 'nl')
    const reason = clean.find((finding) => finding.ruleId === 'polarity-mismatch' && finding.line === 18)!.reason
    expect(reason).toMatch(/^Negations differ in “Sommige wetgevingen staan uitsluitingen .*”: 2 in the reference \(“not”\), 1 in the translation \(“niet”\)/)
  })
})

describe('idioms that negate nothing are not counted', () => {
  it.each<[Language, string]>([
    // en/firefox_cloud_services_tos.md:88 and its translations.
    ['en', 'INCLUDING WITHOUT LIMITATION DIRECT AND INDIRECT DAMAGES FOR LOSS OF GOODWILL'],
    ['en', 'including, but not limited to, your name'],
    ['en', 'whether or not they are the intended recipients'],
    ['en', 'no later than 30 days after the notice'],
    ['nl', 'WAARONDER, MAAR NIET BEPERKT TOT, GARANTIES DAT DE SERVICES VRIJ ZIJN VAN MANKEMENTEN'],
    ['nl', 'al dan niet de bedoelde ontvangers'],
    ['nl', 'zonder beperking uw naam'],
    ['de', 'einschließlich, aber nicht beschränkt auf Ihren Namen'],
    ['de', 'ohne Einschränkung Ihren Namen'],
    // "oder nicht" at the end of its clause (de/pocket_tos.md:69); "ungültig oder nicht durchsetzbar" is counted above.
    ['de', 'ganz gleich, ob sie die beabsichtigten Empfänger sind oder nicht.'],
    ['en', 'whether they are the intended recipients or not.'],
    ['fr', 'y compris, sans s’y limiter, une injonction'],
    ['fr', "y compris, sans s'y limiter, une injonction"],
    ['fr', 'au plus tard 30 jours après la notification'],
  ])('%s: “%s”', (language, text) => {
    expect(negatives(text, language)).toEqual([])
  })

  it('the idiom is not counted but a real negation beside it is', () => {
    expect(negatives('We do not sell your data, including without limitation your name.', 'en')).toEqual(['not'])
    expect(negatives('We verkopen uw gegevens niet, met inbegrip van, maar niet beperkt tot, uw naam.', 'nl')).toEqual(['niet'])
    expect(negatives('Wir verkaufen Ihre Daten nicht, ohne Einschränkung Ihres Namens.', 'de')).toEqual(['nicht'])
    expect(negatives('Nous ne vendons pas vos données, y compris, sans s’y limiter, votre nom.', 'fr')).toEqual(['ne'])
  })

  it('a translation that drops an idiom the reference has is no finding (firefox_cloud_services_tos.md:88)', () => {
    const reference = '## Liability\n\nMozilla will not be liable for any damages, including without limitation damages for loss of data.\n'
    const translation = '## Aansprakelijkheid\n\nMozilla is niet aansprakelijk voor schade, waaronder schade door verlies van gegevens.\n'
    expect(of(compare(reference, translation, 'nl'), 'polarity-mismatch')).toEqual([])
    expect(of(compare(reference, translation.replace('is niet aansprakelijk', 'is aansprakelijk'), 'nl'), 'polarity-mismatch')).toEqual([['polarity-mismatch', 'warning', 3]])
  })
})

describe('an idiom written without its negation is a lost negation ("but limited to")', () => {
  // The reference says "including without limitation"; the translators wrote "maar niet beperkt tot" / "aber nicht
  // beschränkt auf": without the "not", the list becomes a limit.
  it.each<[Language, string, number, string, string]>([
    ['nl', 'firefox_about_rights.md', 18, 'maar niet beperkt tot', 'maar beperkt tot'],
    ['nl', 'pocket_tos.md', 101, 'maar niet beperkt tot', 'maar beperkt tot'],
    ['de', 'firefox_about_rights.md', 6, 'aber nicht beschränkt auf', 'aber beschränkt auf'],
  ])('%s: %s:%i', (language, file, line, from, to) => {
    expect(mutation(language, file, line, from, to)).toEqual([['polarity-mismatch', 'warning', line]])
    const findings = compare(corpus('en', file), mutated(language, file, line, from, to), language)
    expect(findings.find((finding) => finding.ruleId === 'polarity-mismatch' && finding.line === line)!.reason).toMatch(/^A fixed phrase lost its negation.*: the translation says “.*beschränkt auf|beperkt tot” where the reference says “/)
  })

  it('"whether or not" cut to "… oder ." at the end of a sentence (de/pocket_tos.md:69), though the clause also has a modality difference', () => {
    // The clean pair already has a signal at this paragraph ("Weder … noch" counted once): the loss is a finding of its own.
    expect(newReasons('de', 'pocket_tos.md', 69, 'Empfänger sind oder nicht.', 'Empfänger sind oder .')).toEqual([expect.stringMatching(/^A fixed phrase lost its negation.*“oder” where the reference says “whether or not”/)])
  })

  it('"maar beperkt tot" where the reference has no idiom is the translator\'s own phrase, not a loss', () => {
    const reference = '## Use\n\nYou may use the service, up to twice a day.\n'
    const translation = '## Gebruik\n\nJe mag de dienst gebruiken, maar beperkt tot twee keer per dag.\n'
    expect(of(compare(reference, translation, 'nl'), 'polarity-mismatch')).toEqual([])
    expect(negativeSentences('Je mag de dienst gebruiken, maar beperkt tot twee keer per dag.', 'nl')![0]!.broken).toEqual(['maar beperkt tot'])
  })

  it('"oder" ending a sentence is broken only there: "ob … oder (…)" inside a sentence is not', () => {
    expect(negativeSentences('Ob Sie zustimmen oder (wie im Fall …) ablehnen.', 'de')![0]!.broken).toEqual([])
    expect(negativeSentences('Ob Sie die Empfänger sind oder.', 'de')![0]!.broken).toEqual(['oder'])
  })
})

describe('negations the reference says in other words', () => {
  it.each<[Language, string, number, string, string]>([
    // "not just this summary" / "niet alleen" / "nicht nur": the negation of a restrictive counts as two.
    ['nl', 'firefox_cloud_services_tos.md', 8, 'en niet alleen met', 'en alleen met'],
    ['de', 'firefox_cloud_services_tos.md', 8, 'nicht nur die Zusammenfassung', 'nur die Zusammenfassung'],
    // "rather than reviewing … separately" / "Elke melding wordt dus niet opnieuw afzonderlijk gecontroleerd".
    ['nl', 'content_moderation_practices.md', 18, 'wordt dus niet opnieuw', 'wordt dus opnieuw'],
    // "will not be liable in any way for any inability to use" / "onmogelijkheid", "Nichtverwendbarkeit", "incapacité".
    ['nl', 'focus_terms_of_use.md', 64, 'Mozilla niet aansprakelijk', 'Mozilla aansprakelijk'],
    ['de', 'mdn_plus_terms.md', 47, 'Mozilla in keiner Weise', 'Mozilla in Weise'],
    ['fr', 'firefox_cloud_services_tos.md', 88, 'NE SERONT PAS TENUS', 'SERONT TENUS'],
    // "this disclaimer may not apply" / "cette clause de non-garantie peut ne pas s'appliquer": the French noun for
    // "disclaimer" negates nothing.
    ['fr', 'firefox_about_rights.md', 18, 'peut ne pas s’appliquer', 'peut s’appliquer'],
  ])('%s: %s:%i', (language, file, line, from, to) => {
    expect(mutation(language, file, line, from, to)).toEqual([['polarity-mismatch', 'warning', line]])
  })
})

describe('a negation over a choice ("do not monitor or store")', () => {
  // en/subscription_services_tos.md:69 "We do not monitor or store the content of phone calls": the translators negate
  // each verb ("controleren … niet en slaan … niet op", "ne surveillons pas ni ne stockons"); one lost leaves the other.
  it.each<[Language, string, string]>([
    ['nl', 'Relay voert niet en slaan', 'Relay voert en slaan'],
    ['nl', 'inhoud ervan niet op', 'inhoud ervan op'],
    ['fr', 'Nous ne surveillons pas ni ne stockons', 'Nous surveillons ni ne stockons'],
  ])('%s: subscription_services_tos.md:69, “%s” become “%s”', (language, from, to) => {
    expect(mutation(language, 'subscription_services_tos.md', 69, from, to)).toEqual([['polarity-mismatch', 'warning', 69]])
    expect(newReasons(language, 'subscription_services_tos.md', 69, from, to)).toEqual([
      expect.stringMatching(/^A negated choice lost a negation in “.*”: the reference negates both sides of “not monitor or store”, the translation only one side of “.*(en|ni).*”/),
    ])
  })

  it('a negation at the end that covers both verbs is no finding ("Wir überwachen und speichern den Inhalt … nicht")', () => {
    expect(corpus('de', 'subscription_services_tos.md').split('\n')[68]).toContain('Wir überwachen und speichern den Inhalt')
    expect(of(compare(corpus('en', 'subscription_services_tos.md'), corpus('de', 'subscription_services_tos.md'), 'de'), 'polarity-mismatch', 69)).toEqual([])
  })

  it('sides negated by a determiner or not at all, under no negated choice of the reference, are no finding', () => {
    // "Some jurisdictions do not allow the exclusion or limitation …, so this exclusion and limitation may not apply":
    // three words between "not" and "or" is no choice of two verbs; nouns joined by "en" are not its sides.
    for (const language of ['nl', 'de', 'fr'] as const) expect(of(compare(corpus('en', 'firefox_about_rights.md'), corpus(language, 'firefox_about_rights.md'), language), 'polarity-mismatch', 19)).toEqual([])
    expect(negativeSentences('Some jurisdictions do not allow the exclusion or limitation of certain damages.', 'en')![0]!.choices).toEqual([])
  })

  it('a negation repeated over the choice counts once against the reference\'s one (Pinterest: "didn\'t understand or intend")', () => {
    const en = "so don't build automations that could lessen the authenticity of engagement on Pinterest or lead end users to perform an action that they didn't understand or intend."
    const nl = 'en we willen dus niet dat je automatiseringen ontwikkelt die afbreuk doen aan de authenticiteit of betrokkenheid op Pinterest, of die ertoe leiden dat eindgebruikers een handeling stellen die ze niet begrijpen of niet bedoeld hadden.'
    // "don't … or lead": the "or" is followed by a negation of its own; "didn't understand or intend" covers a choice.
    expect(negativeSentences(en, 'en')![0]).toMatchObject({ negatives: ["don't", "didn't"], choices: ["didn't understand or intend"], covers: 1 })
    expect(negativeSentences(nl, 'nl')![0]).toMatchObject({ negatives: ['niet', 'niet', 'niet'], repeats: 1 })
    const page = (text: string) => `## Automation\n\n- ${text}\n`
    expect(of(compare(page(en), page(nl), 'nl'), 'polarity-mismatch')).toEqual([])
    expect(of(compare(page(en), page(nl.replace('willen dus niet dat', 'willen dus dat')), 'nl'), 'polarity-mismatch')).toEqual([['polarity-mismatch', 'warning', 3]])
  })

  it('"ni" needs a negation before it, unless it opens "ni … ni"', () => {
    expect(negativeSentences('Ni le client ni Mozilla ne sont responsables.', 'fr')![0]!.halves).toEqual([])
    expect(negativeSentences('Nous ne vendons ni ne louons vos données.', 'fr')![0]!.halves).toEqual([])
    expect(negativeSentences('Nous vendons ni ne louons vos données.', 'fr')![0]!.halves).toEqual(['Nous vendons ni ne louons vos données'])
  })
})

describe('the sentence alignment\'s slack', () => {
  // en/focus_privacy_notice.md:16 is one sentence ("… only accessed from your device … — it is not sent to Mozilla's
  // servers."), nl/…:16 three: a length alignment puts "niet naar servers" beside the next reference sentence.
  it('a negation moved across a sentence the translator split is no finding, and losing it is', () => {
    const clean = compare(corpus('en', 'focus_privacy_notice.md'), corpus('nl', 'focus_privacy_notice.md'), 'nl')
    expect(of(clean, 'polarity-mismatch', 16)).toEqual([])
    expect(mutation('nl', 'focus_privacy_notice.md', 16, 'worden niet naar servers', 'worden naar servers')).toEqual([['polarity-mismatch', 'warning', 16]])
  })

  // de/firefox_about_rights.md:19: the first sentence has a "nicht" more than the reference ("Soweit durch Gesetz nicht
  // anderweitig bestimmt" for "Except as required by law"); between sentences one for one, it hides no loss next door.
  it('an extra negation in one sentence of a one-for-one alignment does not cover a loss in the next', () => {
    expect(mutation('de', 'firefox_about_rights.md', 19, 'Dollar) nicht überschreiten', 'Dollar) überschreiten')).toEqual([['polarity-mismatch', 'warning', 19]])
  })

  // de/pocket_tos.md:81 has a modality difference in another sentence of the clause: it no longer hides the loss.
  it('a modality difference in one sentence does not hide a lost negation in another', () => {
    expect(newReasons('de', 'pocket_tos.md', 81, 'Ferner sind wir nicht verantwortlich', 'Ferner sind wir verantwortlich')).toEqual([
      expect.stringMatching(/^Negations differ in “Ferner sind wir verantwortlich .*”: 1 in the reference \(“not”\), 0 in the translation/),
    ])
  })
})

describe('counting negations in all four languages', () => {
  it.each<[Language, string, string[]]>([
    ['en', 'We never sell your data and do not share it.', ['never', 'not']],
    ['en', 'You cannot share it, and you can’t sell it.', ['cannot', "can't"]],
    ['en', 'Non-personal data is kept without your name.', ['Non-personal', 'without']],
    ['nl', 'We verkopen je gegevens nooit en delen geen gegevens.', ['nooit', 'geen']],
    ['nl', 'De niet-persoonlijke gegevens worden zonder uw naam bewaard.', ['niet-persoonlijke', 'zonder']],
    ['de', 'Wir verkaufen Ihre Daten niemals und geben keine Daten weiter.', ['niemals', 'keine']],
    // de/pocket_tos.md:75 "für Ihren persönlichen, nichtkommerziellen Gebrauch": a negative compound.
    ['de', 'für Ihren persönlichen, nichtkommerziellen Gebrauch', ['nichtkommerziellen']],
    // French: each "ne" (or "n’") is one negation, whatever closes it.
    ['fr', 'Nous ne vendons pas vos données.', ['ne']],
    ['fr', 'Nous ne vendons jamais vos données.', ['ne']],
    ['fr', 'Nous n’utilisons pas vos données.', ['n']],
    ['fr', "Nous n'utilisons pas vos données.", ['n']],
    // "ne … que": the restrictive "only", as "only" is counted in English.
    ['fr', 'Vous ne pouvez répondre qu’au dernier SMS.', ['ne']],
    ['en', 'You can only reply to the last text message.', ['only']],
    ['fr', 'Vous ne pouvez pas céder le présent Accord sans notre consentement.', ['ne', 'sans']],
    ['fr', 'Les données non personnelles.', ['non']],
    // Said in other words: a negated restrictive twice, contrasts, compounds; "solely responsible" not at all.
    ['en', 'accept all of the terms, not just this summary', ['not just', 'not just']],
    ['nl', 'met alle voorwaarden instemt en niet alleen met dit overzicht', ['niet', 'alleen']],
    ['en', 'for your personal-noncommercial use', ['personal-noncommercial']],
    ['en', 'will be resolved by arbitration, rather than in court', ['rather than']],
    ['fr', 'PRÉSENTÉE AU TRIBUNAL PLUTÔT QU’À L’ARBITRAGE', ['PLUTÔT QU']],
    ['en', 'This permission is solely for your personal use.', ['solely']],
    // "solely responsible" is "als enige verantwoordelijk", "allein verantwortlich", "seul responsable": no restriction
    // any translation says with a restrictive word.
    ['en', 'You are solely responsible for the Content you transmit.', []],
    ['fr', 'cette clause de non-garantie peut ne pas s’appliquer pour vous', ['ne']],
  ])('%s: “%s”', (language, text, expected) => {
    expect(negatives(text, language)).toEqual(expected)
  })

  it('real sentences count alike on both sides (the corpus\'s line-aligned translations)', () => {
    // content_moderation_practices.md:22 and firefox_terms_of_use.md:54.
    const counts = (file: string, line: number) => (['en', 'nl', 'de', 'fr'] as const).map((language) => negatives(corpus(language, file).split('\n')[line - 1]!, language).length)
    expect(counts('content_moderation_practices.md', 22)).toEqual([2, 2, 2, 2])
    expect(counts('firefox_terms_of_use.md', 54)).toEqual([1, 1, 1, 1])
  })

  it('a translation with more negations than the reference is no finding: only a lost one is', () => {
    const reference = '## Data\n\nWe keep your data for 25 months.\n'
    expect(compare(reference, '## Gegevens\n\nWe bewaren je gegevens niet langer dan 25 maanden.\n', 'nl')).toEqual([])
  })

  it('a language without a lexicon counts nothing rather than guessing', () => {
    expect(negativeSentences('Vi selger aldri dataene dine.', 'nb')).toBeUndefined()
  })
})

describe('modality-mismatch has two severities', () => {
  it('a prohibition turned into a permission, both with a modal verb, is an error', () => {
    const findings = compare('## Data\n\n- You may not sell the data.\n', '## Gegevens\n\n- Je mag de gegevens verkopen.\n', 'nl')
    expect(findings.filter((finding) => finding.ruleId === 'modality-mismatch').map((finding) => finding.fatal)).toEqual([true])
  })

  it('"should" against "pouvez" (fr/pocket_tos.md: "you should contact us" / "vous pouvez nous contacter") is a warning', () => {
    const findings = compare(
      '## Contact\n\n- If you have questions regarding this Agreement, you should contact us at legal@getpocket.com.\n',
      '## Contact\n\n- Si vous avez des questions concernant le présent Accord, vous pouvez nous contacter à legal@getpocket.com.\n',
      'fr',
    )
    const modality = findings.filter((finding) => finding.ruleId === 'modality-mismatch')
    expect(modality.map((finding) => finding.fatal)).toEqual([false])
    expect(modality[0]!.reason).toMatch(/the reference obliges \(“should”\), the translation permits \(“pouvez”\)/)
  })
})
