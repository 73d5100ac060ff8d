// The German and French packs on real text: Mozilla's legal documents (mozilla/legal-docs, commit f098c175, de/ and fr/),
// © Mozilla and its contributors, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). Each sentence and date
// line below is quoted as published, with the file it comes from.
import { describe, expect, it } from 'vitest'
import { LANGUAGES, compounds, decimalSeparator, language } from '../../src/languages/index.js'
import { classifyClause } from '../../src/modality/classify.js'
import { headingNumber, readDateLine } from '../../src/ingest/parse-text.js'
import { detectLanguage } from '../../src/align/language.js'
import { numbers } from '../../src/align/numbers.js'

const kind = (text: string, code: 'de' | 'fr') => classifyClause(text, { language: code, item: false })

describe('the German pack', () => {
  // [sentence, file, kind as a reader takes it]
  const sentences: [string, string, string][] = [
    ['Der Dienst darf nicht übertragen, unterlizenziert, wiederverkauft oder kommerziell genutzt werden.', 'mdn_plus_terms.md', 'prohibition'],
    ['Sie sind nicht berechtigt, Ihr kostenpflichtiges Abonnement mit anderen Nutzerkonten zu verwenden.', 'pocket_tos.md', 'prohibition'],
    [
      'Sie sind ferner nicht berechtigt, Pocket-Technologien für Zwecke zu nutzen, die durch US-amerikanisches Recht verboten sind, wozu insbesondere die Entwicklung, Konstruktion, Herstellung oder Produktion von Flugkörpern sowie nuklearen, chemischen oder biologischen Waffen zählen.',
      'pocket_tos.md',
      'prohibition',
    ],
    ['Sie müssen mindestens 13\u00a0Jahre alt sein, um ein Mozilla-Konto erstellen zu können.', 'firefox_cloud_services_tos.md', 'obligation'],
    ['Sie müssen sich in einem Land befinden, in dem der Dienst verfügbar ist.', 'mdn_plus_terms.md', 'obligation'],
    [
      'Bei Beendigung der vorliegenden Vereinbarung sind Sie verpflichtet, sämtliche heruntergeladenen oder anderweitig von uns erhaltenen Materialien sowie sämtliche Kopien dieser Materialien unverzüglich zu vernichten.',
      'pocket_tos.md',
      'obligation',
    ],
    ['Sie sind berechtigt, Ihr Abonnement jederzeit zu kündigen.', 'pocket_tos.md', 'permission'],
    ['Das bedeutet, Sie dürfen Firefox verwenden, kopieren und an andere verteilen.', 'firefox_about_rights.md', 'permission'],
    ['Die Services werden im Ist-Zustand und ohne Gewährleistung irgendeiner Art bereitgestellt.', 'firefox_cloud_services_tos.md', 'informative'],
    // "untersagt" stands in the "sofern" clause: the sentence tells what Mozilla does.
    [
      'Sobald wir dazu aufgefordert werden, Ihre personenbezogenen Daten weiterzugeben, werden wir Ihnen dies mitteilen, sofern uns dies rechtlich nicht untersagt ist.',
      'mozilla_privacy_policy.md',
      'informative',
    ],
  ]

  it.each(sentences)('classifies %s (%s) as %s', (sentence, _file, expected) => {
    expect(kind(sentence, 'de')).toBe(expected)
  })

  it('reads liability as informative, not as a prohibition', () => {
    // subscription_services_tos.md
    expect(
      kind(
        'Im gesetzlich zulässigen Umfang stimmen Sie zu, dass Mozilla in keiner Weise für die Nichtverwendbarkeit oder Einschränkungen der Dienste bzw. für einen Anspruch, der durch diese Bedingungen entsteht, haftet.',
        'de',
      ),
    ).toBe('informative')
    // Not in the corpus: the short form of a liability clause.
    expect(kind('Mozilla haftet nicht für Schäden, die sich aus Ihrer Verwendung der Services ergeben.', 'de')).toBe('informative')
  })

  // Known limitation of the classifier, not of the words: in "Um einige der Services nutzen zu können, müssen Sie ein
  // Mozilla-Konto erstellen." (firefox_cloud_services_tos.md) the first marker is the infinitive "zu können" of the
  // sentence-initial "um" clause, so the sentence reads as a permission; "um" is a subordinator only after a word.

  it('reads the effective-date lines of every German document', () => {
    const lines: [string, string, string][] = [
      ['Zuletzt aktualisiert am 29. April 2024', 'content_moderation_practices.md', '2024-04-29'],
      ['Zuletzt aktualisiert am Dienstag, 10. Juni 2025', 'firefox_cloud_services_tos.md', '2025-06-10'],
      ['Gültig ab 10. Juni 2025', 'firefox_terms_of_use.md', '2025-06-10'],
      ['Gültig ab 22. April 2025', 'focus_privacy_notice.md', '2025-04-22'],
      ['Gültig ab Dienstag, 22. April 2025', 'focus_terms_of_use.md', '2025-04-22'],
      ['Version 1.2, gültig ab Mittwoch, 1. November 2023', 'mdn_plus_privacy.md and mdn_plus_terms.md', '2023-11-01'],
      ['Gültig ab 10. Februar 2026', 'mozilla_accounts_privacy_notice.md', '2026-02-10'],
      ['*Gültig ab Donnerstag, 15. Februar 2024*', 'pocket_tos.md', '2024-02-15'],
      ['Gültig ab 24. März 2026', 'subscription_services_tos.md', '2026-03-24'],
    ]
    for (const [line, , iso] of lines) expect(readDateLine(line), line).toEqual({ effective: iso, introduced: true })
    // mozilla_privacy_policy.md: a bare date, its weekday skipped.
    expect(readDateLine('Mittwoch, 9. September 2020')).toEqual({ effective: '2020-09-09', introduced: false })
  })

  it('has its numbers, compounds, doublings and headings', () => {
    expect(numbers('1.000,5', 'de')).toEqual(['1000.5'])
    expect([decimalSeparator('de'), compounds('de')]).toEqual([',', true])
    // "Daten, die die Nutzer …", "wenn Sie sie verwenden": grammatical, not typos.
    for (const word of ['die', 'der', 'das', 'sie']) expect(language('de')!.allowedRepeats.has(word)).toBe(true)
    expect(language('de')!.allowedRepeats.has('und')).toBe(false)
    expect(headingNumber('Artikel 3 – Geltungsbereich')).toEqual({ number: 'Artikel 3', depth: 1, title: 'Geltungsbereich' })
    expect(headingNumber('Abschnitt 4.2 Kündigung')).toEqual({ number: '4.2', depth: 2, title: 'Kündigung' })
  })
})

describe('the French pack', () => {
  const sentences: [string, string, string][] = [
    ['Vous n’êtes pas autorisé à transférer, concéder en sous-licence, revendre ou exploiter commercialement le Service.', 'mdn_plus_terms.md', 'prohibition'],
    [
      'Chaque abonnement payant est valide pour un seul compte utilisateur et vous n’êtes pas autorisé à utiliser votre abonnement payant avec un autre compte utilisateur.',
      'pocket_tos.md',
      'prohibition',
    ],
    [
      'Vous ne pouvez pas céder le présent Accord, en tout ou en partie, que ce soit volontairement, en vertu de la loi ou autrement, sans notre consentement écrit préalable.',
      'pocket_tos.md',
      'prohibition',
    ],
    [
      'Vous ne devez prendre aucune mesure visant à compromettre, limiter ou affecter de quelque manière que ce soit notre propriété et nos droits en ce qui concerne les Technologies Pocket, toute œuvre dérivée ou toute mise à jour.',
      'pocket_tos.md',
      'prohibition',
    ],
    ['Vous devez avoir 13 ans ou plus pour créer un compte Mozilla.', 'firefox_cloud_services_tos.md', 'obligation'],
    ['Pour pouvoir bénéficier de certains des Services, vous devez créer un compte Mozilla.', 'firefox_cloud_services_tos.md', 'obligation'],
    ['Mozilla vous autorise à utiliser le Service MDN Plus conformément aux présentes Conditions d’utilisation.', 'mdn_plus_terms.md', 'permission'],
    ['Vous pouvez bénéficier de droits supplémentaires dans votre pays.', 'firefox_terms_of_use.md', 'permission'],
    ['Aucune de ces Conditions ne saurait modifier ces droits, le cas échéant.', 'firefox_terms_of_use.md', 'informative'],
    // "interdit" stands in the exception ("sauf si …"): the sentence tells what Mozilla does.
    [
      'Nous vous avertirons dans ces cas de la transmission de vos informations personnelles, sauf si ceci est interdit par la loi.',
      'mozilla_privacy_policy.md',
      'informative',
    ],
  ]

  it.each(sentences)('classifies %s (%s) as %s', (sentence, _file, expected) => {
    expect(kind(sentence, 'fr')).toBe(expected)
  })

  it('reads liability as informative, not as a prohibition', () => {
    // firefox_terms_of_use.md (the opening of the sentence)
    expect(
      kind(
        'Dans les limites autorisées par les lois en vigueur, vous acceptez que Mozilla ne soit pas tenu responsable de tout empêchement d’utilisation de Firefox et de toutes limitations de Firefox.',
        'fr',
      ),
    ).toBe('informative')
    // pocket_tos.md (the opening of the sentence)
    expect(kind('Nous ne serons pas tenus responsables et nous déclinons toute responsabilité en cas de retard ou d’inexécution imputable à des circonstances imprévues.', 'fr')).toBe('informative')
    // Not in the corpus: the usual form of a liability clause.
    expect(kind('Mozilla ne saurait être tenue responsable des dommages découlant de votre utilisation des Services.', 'fr')).toBe('informative')
  })

  it('reads the effective-date lines of every French document', () => {
    const lines: [string, string, string][] = [
      ['Dernière mise à jour : lundi 29 avril 2024', 'content_moderation_practices.md', '2024-04-29'],
      ['Dernière mise à jour le 10 juin 2025', 'firefox_cloud_services_tos.md', '2025-06-10'],
      ["Date d'effet : mardi 10 juin 2025", 'firefox_terms_of_use.md', '2025-06-10'],
      ["Date d'effet : mardi 22 avril 2025", 'focus_privacy_notice.md and focus_terms_of_use.md', '2025-04-22'],
      ['Version 1.2 - Date d’effet : mercredi 1er novembre 2023', 'mdn_plus_privacy.md and mdn_plus_terms.md', '2023-11-01'],
      ['Date d’effet : mardi 10 février 2026', 'mozilla_accounts_privacy_notice.md', '2026-02-10'],
      ['*Date d’effet : 15 février 2024*', 'pocket_tos.md', '2024-02-15'],
      ['Date d’effet : 24 mars 2026', 'subscription_services_tos.md', '2026-03-24'],
    ]
    for (const [line, , iso] of lines) expect(readDateLine(line), line).toEqual({ effective: iso, introduced: true })
    // mozilla_privacy_policy.md: a bare date, its weekday skipped.
    expect(readDateLine('Mercredi 9 septembre 2020')).toEqual({ effective: '2020-09-09', introduced: false })
    // Not in the corpus: the other usual phrasings.
    expect(readDateLine('En vigueur le 1er juillet 2025')).toEqual({ effective: '2025-07-01', introduced: true })
    expect(readDateLine("Date d'entrée en vigueur : 3 août 2025")).toEqual({ effective: '2025-08-03', introduced: true })
  })

  it('has its numbers, compounds, doublings and headings', () => {
    expect(numbers('1.000,5', 'fr')).toEqual(['1000.5'])
    expect([decimalSeparator('fr'), compounds('fr')]).toEqual([',', false])
    // "Nous nous réservons le droit", "vous vous engagez": reflexives, not typos.
    for (const word of ['nous', 'vous']) expect(language('fr')!.allowedRepeats.has(word)).toBe(true)
    expect(language('fr')!.allowedRepeats.has('le')).toBe(false)
    expect(headingNumber('Article 3 – Champ d’application')).toEqual({ number: 'Article 3', depth: 1, title: 'Champ d’application' })
    expect(headingNumber('Chapitre 2 Résiliation')).toEqual({ number: '2', depth: 1, title: 'Résiliation' })
  })
})

describe('telling the four languages apart', () => {
  it('detects each corpus language among all packs', () => {
    const codes = Object.keys(LANGUAGES)
    // firefox_terms_of_use.md in each language (its opening sentence on the source code).
    expect(
      detectLanguage(
        'Wir stellen Ihnen den Quellcode für Firefox unter den Bedingungen verschiedener Open-Source-Lizenzen zur Verfügung. Das bedeutet, dass Sie berechtigt sind, Firefox zu nutzen, zu kopieren, zu ändern und an Dritte weiterzugeben.',
        codes,
      ),
    ).toBe('de')
    expect(
      detectLanguage(
        'Mozilla vous accorde une licence personnelle et non exclusive pour l’installation et l’utilisation de la version « Code exécutable » du navigateur Web Firefox, qui constitue une version prête à l’emploi de Firefox à partir d’une source autorisée.',
        codes,
      ),
    ).toBe('fr')
    expect(detectLanguage('Volg alle instructies in onze documentatie en deel ze niet met anderen.', codes)).toBe('nl')
    expect(detectLanguage('Follow any instructions in our documentation and do not share them with others.', codes)).toBe('en')
  })
})
