// French (français).
import type { LanguagePack } from './types.js'

/** The four forms of an adjective or participle ("autorisé", "autorisée", "autorisés", "autorisées"), with what follows it. */
function agree(word: string, after = ''): string[] {
  const tail = after ? ` ${after}` : ''
  return [word, `${word}e`, `${word}s`, `${word}es`].map((form) => form + tail)
}

export const fr: LanguagePack = {
  code: 'fr',
  name: 'Français',
  // "ne … pas" surrounds the verb ("vous ne devez pas"), so the usual forms are phrases; a negation further away
  // ("vous ne pouvez utiliser … que si …") is found by the negation words below. "uniquement"/"exclusivement" restrict
  // what is allowed, as "only" does in English. Participles agree, so each is listed in its four forms. Not
  // "autorisé" alone: "dans les limites autorisées par la loi" and "une source autorisée" grant nothing.
  modality: {
    prohibition: [
      'ne doit pas', 'ne doivent pas', 'ne devez pas', 'ne devons pas', 'ne dois pas', 'ne peut pas', 'ne peuvent pas',
      'ne pouvez pas', 'ne pouvons pas', 'il est interdit', ...agree('interdit'), 'interdisons', ...agree('pas autorisé'),
      'pas permis', 'pas le droit', 'jamais', 'en aucun cas', 'uniquement', 'exclusivement',
    ],
    obligation: [
      'doit', 'doivent', 'devez', 'devons', 'dois', 'devra', 'devront', 'devrez', 'devrons', 'devrait', 'devraient', 'devriez',
      ...agree('tenu', 'de'), ...agree('obligé', 'de'), 'obligatoire', 'obligatoires', 'il faut', 'requis', 'requise',
      'requises',
    ],
    permission: [
      'peut', 'peuvent', 'pouvez', 'pouvons', 'peux', 'pourra', 'pourront', 'pourrez', 'pourrons', ...agree('autorisé', 'à'),
      'autorise à', 'autorisons à', 'est permis', 'il est permis', 'sont permis', 'a le droit de', 'avez le droit de',
      'ont le droit de', 'avons le droit de', 'libre de', 'libres de',
    ],
    negationStart: ['ne', 'pas', 'jamais', 'aucun', 'aucune', 'nul', 'nulle'],
    // Relative pronouns and subordinators. "que" also closes "ne … que" ("only"): the clause is cut there, and its "ne"
    // still negates the modal before it. "afin" opens "afin de ne pas …", whose negation is not the main clause's.
    relative: [
      'qui', 'que', 'dont', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'auquel', 'auxquels', 'auxquelles', 'duquel',
      'desquels', 'desquelles', 'où', 'si', 'lorsque', 'quand', 'puisque', 'afin',
    ],
    // "n" is "n'" ("vous n'êtes pas autorisé"), apostrophes splitting words.
    negation: ['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'nul', 'nulle', 'ni'],
    // "à moins" and not "à moins que": the phrase must be followed by a space, and "qu'" is not.
    exception: ['sauf', 'à moins', 'excepté', 'hormis', "à l'exception de", 'exception faite de'],
    modalVerbs: ['doit', 'doivent', 'devez', 'devons', 'dois', 'devra', 'devront', 'devrez', 'devrons', 'devrait', 'devraient', 'devriez', 'peut', 'peuvent', 'pouvez', 'pouvons', 'peux', 'pourra', 'pourront', 'pourrez', 'pourrons', 'faut'],
    relativePronouns: ['qui', 'dont', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'auquel', 'auxquels', 'auxquelles', 'duquel', 'desquels', 'desquelles'],
    conjunctions: ['et', 'mais', 'ou'],
    subordinators: ['si', 'car', 'pourquoi', 'comment', 'que', 'qu', 's', 'lorsque', 'lorsqu', 'quand', 'puisque', 'bien que', 'afin', 'pour', 'dès que', 'avant que', 'tant que', 'dans la mesure'],
    statements: ['responsab', 'garant', 'passible', 'considéré', 'interprété', 'indemnis', 'obligation'],
    liftable: ['tenu de', 'tenue de', 'tenus de', 'tenues de', 'obligé de', 'obligée de', 'obligés de', 'obligées de', 'obligatoire', 'obligatoires', 'requis', 'requise', 'requises'],
    determiners: ['aucun', 'aucune', 'rien', 'personne', 'nul', 'nulle'],
    negationBefore: ['ne', 'n'],
    prepositions: ['dans', 'de', 'à', 'en', 'pour', 'par', 'sur', 'avec', 'sous', 'après', 'avant', 'pendant'],
    imperative: ['jamais'],
    epistemic: ['peut-être', 'éventuellement', 'être amené', 'être amenés', 'être amenée', 'susceptible', 'susceptibles', 'risque de', 'risquent de'],
    // Each "ne" (or "n'") is one negation, whatever closes it: "ne … pas", "ne … jamais", "ne … aucun", and "ne … que",
    // the restrictive "only". Without "ne": "sans", "non", and the restrictives.
    negatives: ['ne', 'n', 'à moins', 'sans', 'non', 'uniquement', 'seulement', 'exclusivement', 'au lieu de', 'plutôt que', 'pas seulement', 'pas uniquement', 'plutôt qu'],
    negativePrefixes: ['non-'],
    negativeWords: ['invalid', 'illégal', 'illicite', 'inapplicable', 'inopposable', 'inexact', 'incompl', 'impossib', 'incapab', 'incapacité', 'indisponib', 'déraisonnable', 'illimité', 'ininterrompu', 'inattendu', 'imprévu', 'infondé', 'inacceptable', 'inapproprié', 'incorrect', 'désaccord', 'inchangé', 'empêchement'],
    negativeIdioms: ['sans limitation', 'sans s y limiter', 'sans toutefois s y limiter', 'sans que cette liste soit limitative', 'sans limite', 'ou non.', 'non plus', 'au plus tard', 'clause de non-garantie', 'clause de non-responsabilité', 'mais sans s y limiter', 'mais sans toutefois s y limiter'],
    coordination: { and: ['et'], or: ['ou'], nor: ['ni'] },
  },
  // Words of French alone where possible: "de", "en" (Dutch), "a", "on" (English) are left out.
  functionWords: new Set(
    (
      'le la les des du un une et est que qui pour dans sur par pas ne vous votre vos nous notre nos au aux ce cette ces ou ' +
      'se sont avec il elle ils elles leur leurs être peut doit si sans sera été ont avez pouvez devez toute tous tout'
    ).split(' '),
  ),
  // Reflexives: "vous vous engagez", "nous nous efforçons".
  allowedRepeats: new Set(['nous', 'vous']),
  inflections: ['s', 'x', 'e', 'es'],
  ordinalPeriod: false,
  compounding: false,
  decimal: ',',
  thousandsSpace: true,
  numberWords: { units: 'deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt'.split(' '), tens: 'trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix'.split(' ') },
  bounds: { atMost: ['jusqu\'à', 'au plus', 'au maximum', 'pas plus de', 'moins de'], atLeast: ['au moins', 'au minimum'] },
  dates: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    // A date line is read word by word, an apostrophe parting two words: "Date d'effet" is "date d effet".
    // As Mozilla's French legal documents write them: "Date d'effet : mardi 10 juin 2025", "Dernière mise à jour le 10 juin 2025",
    // "Version 1.2 - Date d'effet : mercredi 1er novembre 2023".
    effective: [
      'date d effet', 'date de prise d effet', 'prise d effet', 'prend effet le', 'date d entrée en vigueur', 'entrée en vigueur',
      'entrée en vigueur le', 'en vigueur', 'en vigueur le', 'en vigueur depuis le', 'en vigueur à compter du', 'à compter du',
      'applicable à compter du', 'dernière mise à jour', 'dernière mise à jour le', 'mise à jour le', 'mis à jour le',
      'dernière modification', 'dernière modification le', 'modifié le', 'en date du', 'date',
    ],
    version: ['version'],
  },
  headingNumbers: { named: ['article', 'clause'], plain: ['section', 'chapitre', 'partie', 'titre'] },
  report: {
    violated: 'enfreint',
    unknown: 'inconnu',
    attest: 'à attester',
    satisfied: 'respecté',
    'not-applicable': 'non applicable',
    summary: 'résumé',
    because: 'parce que',
    missing: 'faits manquants',
    answer: 'réponse dans "attestations" du profil',
    rules: 'règles',
  },
  docs: { effective: 'En vigueur le :', contents: 'Sommaire' },
  starter: { section: 'À propos de cette politique', clause: 'Cette politique n’a pas encore de texte : importez-la avec diptych import.' },
  changelog: {
    added: 'Ajouté',
    reworded: 'Reformulé',
    moved: 'Déplacé',
    removed: 'Supprimé',
    kind: 'Type modifié',
    rules: 'Règles',
    first: 'Première publication',
    from: 'de',
    to: 'vers',
    sections: 'sections',
    clauses: 'clauses',
    ruleCount: 'règles',
  },
  page: {
    version: 'Version',
    released: 'publiée le',
    unreleased: 'pas encore publiée',
    source: (title) => `${title} tel que publié`,
    rules: 'Vérifié par',
    rule: 'règle',
    attest: 'attestation',
    kinds: { obligation: 'obligation', prohibition: 'interdiction', permission: 'autorisation', informative: 'informatif' },
    generated: 'Généré par diptych à partir du catalogue des clauses.',
  },
  reportPage: {
    statuses: { violated: 'Enfreint', unknown: 'Inconnu : faits manquants', attest: 'À attester', satisfied: 'Respecté', 'not-applicable': 'Non applicable' },
    title: 'Rapport de conformité',
    missing: 'Faits manquants',
    because: 'Parce que',
    rules: 'règles',
  },
}
