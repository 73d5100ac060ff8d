// What a text obliges, forbids and permits (deonticSentences, deonticMarkers), read on real sentences of Mozilla's
// professional translations (test/fixtures/corpus/mozilla-legal-docs/{en,nl,de,fr}, © Mozilla and its contributors, CC BY-SA 3.0, see test/fixtures/corpus/README.md) and of the Pinterest pair
// (locales/en|nl/pinterest.md). Every quoted sentence is checked to be in its file, so the tests stay on real text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { disagreement, modalityDifference } from '../../src/align/checks/modality-mismatch.js'
import { type DeonticMarker, deonticMarkers, deonticSentences } from '../../src/modality/deontic.js'
import { ROOT } from '../helpers.js'

type Language = 'en' | 'nl' | 'de' | 'fr'

const files = new Map<string, string>()
/** A corpus file's text ("nl/pocket_tos.md"), or a Pinterest locale ("pinterest:nl"). */
function source(name: string): string {
  let text = files.get(name)
  if (text === undefined) {
    const path = name.startsWith('pinterest:') ? join(ROOT, 'locales', name.slice('pinterest:'.length), 'pinterest.md') : join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs', name)
    files.set(name, (text = readFileSync(path, 'utf8')))
  }
  return text
}

/** `sentence`, after checking that `file` holds it as written. */
function quoted(file: string, sentence: string): string {
  expect(source(file).includes(sentence), `${file} holds “${sentence}”`).toBe(true)
  return sentence
}

/** The forces of a text's markers, with the words that carry them ("prohibition: mag geen"). */
function forces(text: string, language: Language): string[] {
  return deonticMarkers(text, language)!.map((marker) => `${marker.force}: ${marker.words.toLowerCase()}`)
}

const kinds = (text: string, language: Language) => deonticMarkers(text, language)!.map((marker) => marker.force)

describe('statements of fact, liability and warranty are not deontic', () => {
  it.each<[Language, string, string]>([
    // "cannot guarantee" and its translations: a disclaimer, not a prohibition.
    ['en', 'en/firefox_about_rights.md', 'However, we cannot guarantee that this information is comprehensive and error-free.'],
    ['nl', 'nl/firefox_about_rights.md', 'We kunnen echter niet garanderen dat deze informatie volledig en foutvrij is.'],
    ['de', 'de/firefox_about_rights.md', 'Wir können jedoch nicht garantieren, dass diese Informationen vollständig und fehlerfrei sind.'],
    ['fr', 'fr/firefox_about_rights.md', 'Cependant, nous ne pouvons pas garantir que ces informations sont exhaustives et dénuées d’erreur.'],
    ['en', 'en/firefox_about_rights.md', 'Some Firefox features make use of web-based information services, however, we cannot guarantee they are 100% accurate or error-free.'],
    ['de', 'de/firefox_about_rights.md', 'Allerdings können wir keine Garantie dafür übernehmen, dass sie genau und fehlerfrei sind.'],
    // "will not be liable" and its translations: a liability, not a duty.
    ['en', 'en/focus_terms_of_use.md', 'To the extent permitted by applicable law, you agree that Mozilla will not be liable in any way for any inability to use Firefox or for any limitations of Firefox.'],
    ['nl', 'nl/focus_terms_of_use.md', 'Voor zover is toegestaan onder de toepasselijke wetgeving, stemt u ermee in dat Mozilla niet aansprakelijk is voor uw onmogelijkheid om Firefox te gebruiken of voor eventuele beperkingen van Firefox.'],
    ['nl', 'nl/firefox_about_rights.md', 'Behoudens zoals vereist bij de wet zijn Mozilla, zijn medewerkers, licentiegevers en distributeurs niet aansprakelijk voor enige indirecte, speciale, incidentele, straffende of gevolgschade voortvloeiend uit of op enige manier verband houdend met het gebruik van Firefox en de Diensten.'],
    ['de', 'de/firefox_about_rights.md', 'Soweit durch Gesetz nicht anderweitig bestimmt, sind Mozilla, seine Mitwirkenden, Lizenzgeber und Verteiler nicht haftbar für irgendwelche indirekten oder speziellen Schäden, Schäden durch Seiteneffekte (Nebenwirkungen) oder Folgeschäden, die aus der Nutzung von Firefox und den Diensten entsteht oder damit in Zusammenhang stehen.'],
    ['fr', 'fr/firefox_about_rights.md', 'Sauf si requis par la loi, Mozilla, ses contributeurs, concédants de licence et distributeurs ne seront pas passibles de dommages indirects, particuliers, accessoires, de dommages et intérêts punitifs ou exemplaires résultant de l’utilisation ou par tout moyen relatif à l’utilisation de Firefox et des Services.'],
  ])('%s: %s', (language, file, sentence) => {
    expect(forces(quoted(file, sentence), language)).toEqual([])
  })

  it('the same negation with a duty is one: "cannot guarantee" is no marker, "cannot share" a prohibition', () => {
    expect(kinds('We cannot guarantee that this information is comprehensive.', 'en')).toEqual([])
    expect(kinds('You cannot share this information with anyone.', 'en')).toEqual(['prohibition'])
    expect(kinds('We kunnen niet garanderen dat deze informatie volledig is.', 'nl')).toEqual([])
    expect(kinds('U mag deze informatie niet delen.', 'nl')).toEqual(['prohibition'])
    expect(kinds('Wir können nicht garantieren, dass diese Informationen vollständig sind.', 'de')).toEqual([])
    expect(kinds('Sie können diese Informationen nicht teilen.', 'de')).toEqual(['prohibition'])
    expect(kinds('Nous ne pouvons pas garantir que ces informations sont exhaustives.', 'fr')).toEqual([])
    expect(kinds('Vous ne pouvez pas partager ces informations.', 'fr')).toEqual(['prohibition'])
  })
})

describe('possibilities are not deontic', () => {
  it.each<[Language, string, string]>([
    ['en', 'en/mozilla_accounts_privacy_notice.md', 'We may also need to disclose personal data as part of a corporate transaction, such as a merger, acquisition, sale of assets or similar transaction.'],
    ['en', 'en/mozilla_accounts_privacy_notice.md', 'We may need to change this policy and our notices, in which case the updates will be posted online, we will update the effective date of this notice and announce the update more prominently through Mozilla\'s usual channels for such announcements, such as blog posts and forums.'],
    ['en', 'en/mozilla_accounts_privacy_notice.md', 'In those instances we may need to disclose the personal data set out in this Notice to law enforcement, government authorities, or similar entities to comply with applicable laws, and to identify and prevent harmful, unauthorized or illegal activity.'],
    // "moeten we mogelijk": an obligation that may arise, not one.
    ['nl', 'nl/mozilla_accounts_privacy_notice.md', 'In die gevallen moeten we mogelijk de persoonlijke gegevens die zijn beschreven in deze Verklaring, openbaar maken aan wetshandhavingsinstanties'],
    ['de', 'de/mozilla_accounts_privacy_notice.md', 'In solchen Fällen sind wir möglicherweise gezwungen, die in dieser Erklärung genannten personenbezogenen Daten an Strafverfolgungsbehörden, staatliche Stellen oder ähnliche Einrichtungen weiterzugeben, um geltende Gesetze einzuhalten und schädliche, unbefugte oder illegale Aktivitäten zu erkennen und zu verhindern.'],
    // "müssen … möglicherweise": the modal and its possibility apart ("z.\u00A0B." with its no-break space, as written).
    ['de', 'de/mozilla_accounts_privacy_notice.md', 'Ferner müssen wir personenbezogene Daten möglicherweise im Rahmen einer Unternehmenstransaktion wie z.\u00A0B. einer Fusion, einer Übernahme, einem Verkauf von Vermögenswerten oder einer ähnlichen Transaktion offenlegen.'],
    ['fr', 'fr/mozilla_accounts_privacy_notice.md', 'Nous pouvons également être amenés à divulguer des données personnelles dans le cadre d\'une transaction d\'entreprise, telle qu\'une fusion, une acquisition, une vente d\'actifs ou une transaction similaire.'],
    ['fr', 'fr/mozilla_accounts_privacy_notice.md', 'Nous pouvons être amenés à modifier cette politique et nos avis.'],
  ])('%s: %s', (language, file, sentence) => {
    expect(forces(quoted(file, sentence), language)).toEqual([])
  })

  it('without the possibility the same sentence obliges: the epistemic word is what is read', () => {
    expect(kinds('We may also need to disclose personal data as part of a corporate transaction.', 'en')).toEqual([])
    expect(kinds('We also need to disclose personal data as part of a corporate transaction.', 'en')).toEqual(['obligation'])
    expect(kinds('We moeten mogelijk de persoonlijke gegevens openbaar maken aan wetshandhavingsinstanties.', 'nl')).toEqual([])
    expect(kinds('We moeten de persoonlijke gegevens openbaar maken aan wetshandhavingsinstanties.', 'nl')).toEqual(['obligation'])
    expect(kinds('Ferner müssen wir personenbezogene Daten möglicherweise im Rahmen einer Unternehmenstransaktion offenlegen.', 'de')).toEqual([])
    expect(kinds('Ferner müssen wir personenbezogene Daten im Rahmen einer Unternehmenstransaktion offenlegen.', 'de')).toEqual(['obligation'])
    expect(kinds('Nous pouvons également être amenés à divulguer des données personnelles.', 'fr')).toEqual([])
    expect(kinds('Nous pouvons également divulguer des données personnelles.', 'fr')).toEqual(['permission'])
  })
})

describe('a negation in a parenthesis, a relative or a subordinate clause does not negate the main modal', () => {
  it.each<[Language, string, string, string[]]>([
    // Relative clauses: the modules "may not be open source", the modal of the main clause is a permission.
    ['en', 'en/firefox_terms_of_use.md', 'In order to play certain types of video, Firefox may download content decryption modules from third parties which may not be open source.', ['permission: may']],
    ['nl', 'nl/firefox_terms_of_use.md', 'Voor het afspelen van bepaalde typen video kan Firefox modules voor contentversleuteling van derde partijen downloaden die mogelijk geen open broncode zijn.', ['permission: kan']],
    ['fr', 'fr/firefox_terms_of_use.md', 'Afin de lire certains types de vidéos, Firefox peut télécharger des modules de déchiffrement de contenu depuis des tiers qui peuvent ne pas être de type open source.', ['permission: peut']],
    ['de', 'de/pocket_tos.md', 'Sofern wir benachrichtigt werden, dass ein Nutzer Informationen oder Materialien veröffentlicht, weitergegeben oder gespeichert hat, die vorgeblich nicht im Einklang mit der vorliegenden Vereinbarung stehen, sind wir nach eigenem Ermessen berechtigt, die Anschuldigung zu untersuchen und zu entscheiden, ob wir weitere Maßnahmen ergreifen', ['permission: berechtigt']],
    // A relative clause and a parenthesis after an obligation.
    ['en', 'en/mozilla_accounts_privacy_notice.md', 'You should note that Mozilla [periodically deletes](https://support.mozilla.org/kb/mozilla-account-deletion-inactivity) accounts that have not been signed in for more than two years (we’ll attempt to send you a reminder prior to taking this action).', ['obligation: should']],
    ['nl', 'nl/mozilla_accounts_privacy_notice.md', 'U moet er rekening mee houden dat Mozilla [periodiek](https://support.mozilla.org/kb/mozilla-account-deletion-inactivity) accounts verwijdert waarbij u zich al meer dan twee jaar niet hebt aangemeld (we proberen u een herinnering te sturen voordat dit wordt gedaan).', ['obligation: moet']],
    // Subordinate clauses that open the sentence: "if you do not want …, you may disable".
    ['en', 'en/firefox_about_rights.md', 'If you do not want to use one or more of the Services or the terms above are unacceptable, you may disable the feature or Service(s).', ['permission: may']],
    ['de', 'de/firefox_about_rights.md', 'Wenn Sie einen oder mehrere Dienste nicht nutzen oder die obenstehenden Bedingungen nicht akzeptieren möchten, können Sie die Funktion oder den/die Dienst(e) deaktivieren.', ['permission: können']],
    ['fr', 'fr/firefox_about_rights.md', 'Si vous ne voulez pas utiliser l’un ou l’autre de ces Services ou si vous trouvez que les modalités ci-dessous ne sont pas acceptables, vous pouvez désactiver la fonctionnalité ou le Service.', ['permission: pouvez']],
    // Pinterest: a parenthesis of its own inside a clause with two modals; the prohibition is the next sentence's.
    ['en', 'pinterest:en', 'End users may request API access credentials for use with a “bring-your-own-key” application, as long as the application stores the end user’s API credentials locally (not server-side) and the application complies with all other policies and guidelines. For example, the application must not solicit Pinterest user passwords, session cookies, etc.', ['permission: may', 'prohibition: must not']],
  ])('%s: %s', (language, file, sentence, expected) => {
    expect(forces(quoted(file, sentence), language)).toEqual(expected)
  })

  it.each<[Language, string, string, string[]]>([
    // The Pinterest clause "stored locally (not server-side)", with the modal in the main clause, in every language.
    ['en', 'The application must store the end user’s API credentials locally (not server-side).', 'The application must not store the end user’s API credentials locally.', ['obligation']],
    ['nl', 'De API-inloggegevens van de eindgebruiker moeten lokaal worden opgeslagen (niet op de server).', 'De API-inloggegevens van de eindgebruiker mogen niet lokaal worden opgeslagen.', ['obligation']],
    ['de', 'Die Anwendung muss die API-Zugangsdaten des Endnutzers lokal speichern (nicht auf dem Server).', 'Die Anwendung darf die API-Zugangsdaten des Endnutzers nicht lokal speichern.', ['obligation']],
    ['fr', 'L’application doit stocker les identifiants d’API de l’utilisateur localement (et non sur le serveur).', 'L’application ne doit pas stocker les identifiants d’API de l’utilisateur localement.', ['obligation']],
  ])('%s: a negation in a parenthesis stays there, the same negation outside it forbids', (language, inside, outside, expected) => {
    expect(kinds(inside, language)).toEqual(expected)
    expect(kinds(outside, language)).toEqual(['prohibition'])
  })

  it.each<[Language, string, string]>([
    ['en', 'You may share content that is not yours.', 'You may not share content that is yours.'],
    ['nl', 'U mag content delen die niet van u is.', 'U mag geen content delen die van u is.'],
    ['de', 'Sie dürfen Inhalte, die nicht von Ihnen stammen, teilen.', 'Sie dürfen Inhalte, die von Ihnen stammen, nicht teilen.'],
    ['fr', 'Vous pouvez partager des contenus qui ne vous appartiennent pas.', 'Vous ne pouvez pas partager des contenus qui vous appartiennent.'],
  ])('%s: a relative clause keeps its negation, the main clause its own', (language, relative, main) => {
    expect(kinds(relative, language)).toEqual(['permission'])
    expect(kinds(main, language)).toEqual(['prohibition'])
  })

  it.each<[Language, string]>([
    ['en', 'You may view the data and may never sell it.'],
    ['nl', 'Gebruikers kunnen de gegevens bekijken maar mogen ze nooit verkopen.'],
    ['nl', 'Je mag de gegevens bekijken en mag ze niet verkopen.'],
    ['de', 'Sie können die Daten kopieren und dürfen sie nicht verkaufen.'],
    ['fr', 'Vous pouvez consulter les données et vous ne pouvez jamais les vendre.'],
  ])('%s: two modals in one clause, the negation takes the nearer one (%s)', (language, sentence) => {
    expect(kinds(sentence, language)).toEqual(['permission', 'prohibition'])
  })

  it('nl: an opening "Als … niet …," is the condition\'s negation (nl/firefox_about_rights.md, its modal made "mag")', () => {
    expect(kinds('Als u een of meer van de diensten niet wilt gebruiken of de bovenstaande voorwaarden niet wilt accepteren, mag u de functie of dienst(en) uitschakelen.', 'nl')).toEqual(['permission'])
    expect(kinds('Als u de diensten wilt gebruiken, mag u de functie niet uitschakelen.', 'nl')).toEqual(['prohibition'])
  })
})

describe('prohibitions and permissions in all four languages', () => {
  it('nl: "Je mag geen …" forbids and "Je mag …" permits (locales/nl/pinterest.md)', () => {
    const sentence = quoted('pinterest:nl', 'Je mag geen gegevens opslaan die je via Pinterest (met inbegrip van de API) hebt verkregen, met uitzondering van analytische gegevens over campagnes in je account.')
    expect(forces(sentence, 'nl')).toEqual(['prohibition: mag geen'])
    expect(forces(sentence.replace('mag geen', 'mag'), 'nl')).toEqual(['permission: mag'])
    // The English it translates, whose "Except for …" opens the sentence.
    expect(forces(quoted('pinterest:en', 'Except for campaign analytics information accessed about your account, you may not store any information accessed through any Pinterest Materials including the API.'), 'en')).toEqual(['prohibition: may not'])
  })

  it('nl: "mag niet" with the negation after the modal and commas between (nl/pocket_tos.md)', () => {
    const sentence = quoted('nl/pocket_tos.md', 'Deze Overeenkomst mag niet, geheel of gedeeltelijk, vrijwillig, van rechtswege of anderszins, door u worden overgedragen zonder onze voorafgaande schriftelijke toestemming.')
    expect(kinds(sentence, 'nl')).toEqual(['prohibition'])
    expect(kinds(sentence.replace('mag niet,', 'mag,'), 'nl')).toEqual(['permission'])
  })

  it('de: "Sie dürfen … nicht" forbids, the negation at the end of the clause (de/pocket_tos.md)', () => {
    const sentence = quoted('de/pocket_tos.md', 'Wenn Sie den vorliegenden Bedingungen nicht zustimmen, dürfen Sie unsere Anwendung nicht installieren, nicht auf unsere Website zugreifen und sämtliche unserer Produkte oder Dienste nicht nutzen.')
    expect(forces(sentence, 'de')).toEqual(['prohibition: dürfen … nicht'])
    // The opening "wenn … nicht zustimmen" is the condition's negation, not the modal's.
    expect(forces('Wenn Sie den vorliegenden Bedingungen nicht zustimmen, dürfen Sie unsere Anwendung installieren.', 'de')).toEqual(['permission: dürfen'])
    const service = quoted('de/subscription_services_tos.md', 'Der Dienst darf nicht übertragen, unterlizenziert, weiterverkauft oder kommerziell genutzt werden.')
    expect(kinds(service, 'de')).toEqual(['prohibition'])
    expect(kinds(service.replace('darf nicht', 'darf'), 'de')).toEqual(['permission'])
  })

  it('fr: "Vous ne devez pas" and "Vous ne pouvez pas" forbid, "Vous devez" obliges, "Vous pouvez" permits', () => {
    expect(forces('Vous ne devez pas partager votre mot de passe.', 'fr')).toEqual(['prohibition: ne devez pas'])
    expect(forces('Vous devez partager votre mot de passe.', 'fr')).toEqual(['obligation: devez'])
    const assign = quoted('fr/pocket_tos.md', 'Vous ne pouvez pas céder le présent Accord, en tout ou en partie, que ce soit volontairement, en vertu de la loi ou autrement, sans notre consentement écrit préalable.')
    expect(forces(assign, 'fr')).toEqual(['prohibition: ne pouvez pas'])
    expect(forces(assign.replace('ne pouvez pas', 'pouvez'), 'fr')).toEqual(['permission: pouvez'])
    // "ne … aucune": the negation apart from the modal.
    const measure = quoted('fr/pocket_tos.md', 'Vous ne devez prendre aucune mesure visant à compromettre, limiter ou affecter de quelque manière que ce soit notre propriété et nos droits en ce qui concerne les Technologies Pocket, toute œuvre dérivée ou toute mise à jour.')
    expect(kinds(measure, 'fr')).toEqual(['prohibition'])
    // "ne … qu’": a restriction, read as the prohibition of everything else.
    expect(kinds(quoted('fr/subscription_services_tos.md', 'vous ne pouvez répondre qu’au dernier SMS que vous avez reçu.'), 'fr')).toEqual(['prohibition'])
  })

  it('en: "You must never" forbids, as "must not" does; "must" alone obliges', () => {
    expect(forces('You must never share your password with anyone.', 'en')).toEqual(['prohibition: must … never'])
    expect(forces('You must share your password with your administrator.', 'en')).toEqual(['obligation: must'])
    expect(kinds('Sie dürfen Ihr Passwort niemals weitergeben.', 'de')).toEqual(['prohibition'])
    expect(kinds('Je mag je wachtwoord nooit delen.', 'nl')).toEqual(['prohibition'])
    expect(kinds('Vous ne devez jamais partager votre mot de passe.', 'fr')).toEqual(['prohibition'])
  })

  it('"We do not monitor" states a fact, "Do not share" forbids', () => {
    // en/subscription_services_tos.md and its translations: a negated statement of what Mozilla does.
    expect(forces(quoted('en/subscription_services_tos.md', 'We do not monitor or store the content of phone calls you make through Firefox Relay.'), 'en')).toEqual([])
    expect(forces(quoted('nl/subscription_services_tos.md', 'Wij controleren de telefoongesprekken die u via Firefox Relay voert niet en slaan de inhoud ervan niet op.'), 'nl')).toEqual([])
    expect(forces(quoted('de/subscription_services_tos.md', 'Wir überwachen und speichern den Inhalt von über Firefox Relay getätigten Telefongesprächen nicht.'), 'de')).toEqual([])
    expect(forces(quoted('fr/subscription_services_tos.md', 'Nous ne surveillons pas ni ne stockons le contenu des appels téléphoniques que vous passez via Firefox Relay.'), 'fr')).toEqual([])
    // locales/en/pinterest.md: the imperative forbids, though no modal verb carries it.
    const share = deonticMarkers(quoted('pinterest:en', 'Do not use someone else’s API credentials, and do not allow anyone else to use yours.'), 'en')!
    expect(share.map((marker) => marker.force)).toEqual(['prohibition', 'prohibition'])
    expect(share.every((marker) => !marker.modal)).toBe(true)
    expect(kinds('Do not share your password.', 'en')).toEqual(['prohibition'])
    expect(kinds('We do not share your password.', 'en')).toEqual([])
  })

  it('reads every sentence of a text, each with its own markers', () => {
    const text = quoted('en/subscription_services_tos.md', 'This permission is only for your personal use. You may not transfer, sublicense, resell, or commercially exploit the service.')
    expect(deonticSentences(text, 'en')!.map((sentence) => sentence.markers.map((marker) => marker.force))).toEqual([['prohibition'], ['prohibition']])
  })

  it('a language without a lexicon reads nothing rather than guessing', () => {
    expect(deonticSentences('Du må ikke dele passordet ditt.', 'nb')).toBeUndefined()
    expect(deonticMarkers('Du må ikke dele passordet ditt.', 'nb')).toBeUndefined()
  })
})

describe('modalityDifference on real pairs: a removed negation turns it on, for certain', () => {
  /** A paragraph of a corpus file, found by its opening words. */
  function paragraph(language: Language, file: string, opening: string): string {
    const found = source(`${language}/${file}`).split('\n').find((line) => line.includes(opening))
    expect(found, `${language}/${file} has a line with “${opening}”`).toBeDefined()
    return found!
  }

  it.each<[Language, string, string, string, string, string]>([
    // [translation language, file, English opening, translation opening, negated words, the same without negation]
    ['nl', 'pocket_tos.md', 'This Agreement may not be assigned', 'Deze Overeenkomst mag niet', 'mag niet,', 'mag,'],
    ['de', 'subscription_services_tos.md', 'You may not transfer, sublicense', 'Der Dienst darf nicht', 'darf nicht', 'darf'],
    ['de', 'pocket_tos.md', 'This Agreement may not be assigned', 'Die vorliegende Vereinbarung darf', 'weder ganz noch teilweise', 'ganz oder teilweise'],
    ['fr', 'pocket_tos.md', 'This Agreement may not be assigned', 'Vous ne pouvez pas céder', 'Vous ne pouvez pas céder', 'Vous pouvez céder'],
  ])('%s/%s: the clean pair agrees; without the negation the translation permits what the reference forbids', (language, file, english, opening, negated, plain) => {
    const reference = paragraph('en', file, english)
    const translation = paragraph(language, file, opening)
    expect(modalityDifference(reference, 'en', translation, language)).toBeUndefined()
    const mutated = translation.replace(negated, plain)
    expect(mutated).not.toBe(translation)
    const difference = modalityDifference(reference, 'en', mutated, language)
    expect(difference?.certain).toBe(true)
    expect(difference?.message).toMatch(/the reference forbids \(“may not”\), the translation permits/)
  })

  it.each<Language>(['nl', 'de', 'fr'])('en (against %s): the English with its "not" removed permits what the translation forbids', (language) => {
    const reference = paragraph('en', 'pocket_tos.md', 'This Agreement may not be assigned')
    const translation = paragraph(language, 'pocket_tos.md', { nl: 'Deze Overeenkomst mag niet', de: 'Die vorliegende Vereinbarung darf', fr: 'Vous ne pouvez pas céder' }[language as 'nl' | 'de' | 'fr'])
    const mutated = reference.replace('may not be assigned', 'may be assigned')
    expect(mutated).not.toBe(reference)
    const difference = modalityDifference(mutated, 'en', translation, language)
    expect(difference?.certain).toBe(true)
    expect(difference?.message).toMatch(/the reference permits \(“may”\), the translation forbids/)
  })

  it('nl/fr: a negation removed from a participle ("niet toegestaan", "pas autorisé") is found, but only as a signal', () => {
    const reference = paragraph('en', 'subscription_services_tos.md', 'You may not transfer, sublicense')
    for (const [language, opening, negated, plain] of [
      ['nl', 'Het is u niet toegestaan', 'Het is u niet toegestaan', 'Het is u toegestaan'],
      ['fr', 'Vous n’êtes pas autorisé', 'Vous n’êtes pas autorisé', 'Vous êtes autorisé'],
    ] as const) {
      const translation = paragraph(language, 'subscription_services_tos.md', opening)
      expect(modalityDifference(reference, 'en', translation, language)).toBeUndefined()
      const difference = modalityDifference(reference, 'en', translation.replace(negated, plain), language)
      expect(difference).toBeDefined()
      expect(difference!.certain).toBe(false)
    }
  })

  it('the Pinterest pair: "mag geen" become "mag" is certain, the real sentences agree', () => {
    const reference = quoted('pinterest:en', 'Except for campaign analytics information accessed about your account, you may not store any information accessed through any Pinterest Materials including the API.')
    const translation = quoted('pinterest:nl', 'Je mag geen gegevens opslaan die je via Pinterest (met inbegrip van de API) hebt verkregen, met uitzondering van analytische gegevens over campagnes in je account.')
    expect(modalityDifference(reference, 'en', translation, 'nl')).toBeUndefined()
    expect(modalityDifference(reference, 'en', translation.replace('mag geen', 'mag'), 'nl')?.certain).toBe(true)
  })
})

describe('disagreement', () => {
  const marker = (force: DeonticMarker['force'], modal = true, words = force): DeonticMarker => ({ force, modal, words })

  it('is certain only where one side forbids and the other permits or obliges, both with a modal verb', () => {
    expect(disagreement([marker('prohibition')], [marker('permission')])?.certain).toBe(true)
    expect(disagreement([marker('obligation')], [marker('prohibition')])?.certain).toBe(true)
    // must against may: a signal.
    expect(disagreement([marker('obligation')], [marker('permission')])?.certain).toBe(false)
    // A force read from a verb or adverb ("agree to", "only") on either side: a signal.
    expect(disagreement([marker('prohibition', false)], [marker('permission')])?.certain).toBe(false)
    expect(disagreement([marker('prohibition')], [marker('permission', false)])?.certain).toBe(false)
  })

  it('a force only one side reads is no contradiction', () => {
    expect(disagreement([marker('prohibition')], [])).toBeUndefined()
    expect(disagreement([], [marker('obligation')])).toBeUndefined()
    expect(disagreement([marker('prohibition'), marker('permission')], [marker('prohibition')])).toBeUndefined()
  })
})

describe('found in review, and fixed', () => {
  it.each<[Language, string]>([
    // A negated "need to" lifts the duty: a permission not to, never a prohibition.
    ['en', 'You don’t need to delete the data.'],
    ['en', 'You do not have to delete the data.'],
    ['de', 'Sie müssen die Daten nicht löschen.'],
    ['fr', 'Vous n’êtes pas obligé de supprimer les données.'],
  ])('%s: "need not" is no prohibition (%s)', (language, sentence) => {
    expect(kinds(sentence, language)).not.toContain('prohibition')
    expect(kinds(sentence, language)).toContain('permission')
  })

  it('de: "müssen … nicht …, können …": the negation goes to the modal before it', () => {
    expect(kinds('Sie müssen die Daten nicht löschen, können sie aber behalten.', 'de')).toEqual(['permission', 'permission'])
  })

  it('"in that case", "in dat geval": a pointing word does not end the main clause', () => {
    expect(kinds('In that case you must delete the data.', 'en')).toEqual(['obligation'])
    const difference = modalityDifference('In that case you must not keep the data.', 'en', 'In dat geval mag u de gegevens bewaren.', 'nl')
    expect(difference?.certain).toBe(true)
  })

  it('nl: "kunt" is a modal verb (nl/firefox_about_rights.md)', () => {
    expect(kinds('U kunt deze informatie niet delen.', 'nl')).toEqual(['prohibition'])
  })

  it('fr: a subordinate clause before the first modal reaches to its comma (fr/subscription_services_tos.md)', () => {
    const line = source('fr/subscription_services_tos.md').split('\n').find((text) => text.includes('Étant donné que'))
    expect(line, 'fr/subscription_services_tos.md has the sentence').toBeDefined()
    expect(kinds(line!, 'fr')).toContain('prohibition')
  })

  it('nl: "Het kan zijn dat" is a possibility, "Eventuele …" ("any") is not', () => {
    expect(kinds('Het kan dus zijn dat deze disclaimer niet op u van toepassing is.', 'nl')).toEqual([])
    expect(kinds('Eventuele vragen over uw abonnement moet u aan Apple of Google richten.', 'nl')).toEqual(['obligation'])
  })
})
