// German (Deutsch).
import type { LanguagePack } from './types.js'

export const de: LanguagePack = {
  code: 'de',
  name: 'Deutsch',
  // The modal stands second and "nicht"/"kein" near the end ("Sie dürfen die Dienste nicht … verwenden"), so a negated
  // obligation or permission is mostly found by the negation words below; the phrases hold the adjacent forms.
  // "nur"/"ausschließlich" restrict what is allowed, as "only" does in English and "alleen" in Dutch.
  // "hat … zu"/"ist … zu" cannot be a phrase (the words stand apart): such a clause is found by its lead-in only.
  // Not "zulässig": "im gesetzlich zulässigen Umfang" ("to the extent permitted by law") grants nothing.
  modality: {
    prohibition: [
      'darf nicht', 'dürfen nicht', 'darfst nicht', 'darf kein', 'darf keine', 'dürfen kein', 'dürfen keine', 'dürfen sie nicht',
      'dürfen sie keine', 'darf man nicht', 'ist untersagt', 'sind untersagt', 'untersagt', 'ist verboten', 'sind verboten',
      'verboten', 'nicht gestattet', 'nicht erlaubt', 'nicht zulässig', 'unzulässig', 'nicht berechtigt', 'niemals', 'nie', 'nur',
      'ausschließlich', 'unter keinen umständen',
    ],
    obligation: [
      'muss', 'müssen', 'musst', 'müsst', 'ist verpflichtet', 'sind verpflichtet', 'bist verpflichtet', 'verpflichtet',
      'verpflichten sich', 'soll', 'sollen', 'sollte', 'sollten', 'ist erforderlich', 'ist vorgeschrieben', 'haben sicherzustellen',
      'hat sicherzustellen',
    ],
    permission: [
      'darf', 'dürfen', 'darfst', 'dürft', 'kann', 'können', 'kannst', 'könnt', 'ist berechtigt', 'sind berechtigt', 'bist berechtigt',
      'berechtigt', 'ist gestattet', 'gestattet', 'ist erlaubt', 'erlaubt', 'steht ihnen frei', 'steht es ihnen frei', 'steht dir frei',
    ],
    negationStart: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'niemals', 'nie'],
    // Subordinators, and relative pronouns that are never articles. Not "der"/"die"/"das": as articles they stand in
    // every main clause ("Sie dürfen die Dienste nicht …"), which would be cut off before its "nicht".
    // "um" opens the infinitive of purpose (", um nicht … zu"), whose negation is not the main clause's.
    relative: [
      'welche', 'welcher', 'welches', 'welchem', 'welchen', 'dass', 'wenn', 'falls', 'sofern', 'soweit', 'insoweit', 'weil', 'ob',
      'damit', 'sodass', 'wobei', 'wodurch', 'womit', 'worin', 'wo', 'indem', 'nachdem', 'bevor', 'solange', 'um',
    ],
    negation: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'weder'],
    exception: ['außer', 'es sei denn', 'sofern nicht', 'soweit nicht', 'ausgenommen', 'mit ausnahme von', 'abgesehen von'],
    modalVerbs: ['muss', 'müssen', 'musst', 'müsst', 'darf', 'dürfen', 'darfst', 'dürft', 'kann', 'können', 'kannst', 'könnt', 'soll', 'sollen', 'sollte', 'sollten'],
    relativePronouns: ['der', 'die', 'das', 'dem', 'den', 'deren', 'dessen', 'denen', 'welche', 'welcher', 'welches', 'welchem', 'welchen'],
    conjunctions: ['und', 'aber', 'oder', 'sondern', 'doch'],
    subordinators: ['wenn', 'sollte', 'sollten', 'warum', 'wie', 'denn', 'dass', 'falls', 'sofern', 'soweit', 'insoweit', 'weil', 'da', 'obwohl', 'sobald', 'bevor', 'nachdem', 'solange', 'um', 'damit', 'im gesetzlich'],
    statements: ['haft', 'garant', 'gewährleist', 'verantwortlich', 'zusicher', 'schadlos', 'gelten als', 'gilt als', 'verpflichtung'],
    liftable: ['muss', 'müssen', 'musst', 'müsst', 'ist verpflichtet', 'sind verpflichtet', 'bist verpflichtet', 'verpflichtet', 'ist erforderlich', 'ist vorgeschrieben'],
    determiners: ['kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nichts', 'niemand'],
    negationBefore: [],
    prepositions: ['in', 'an', 'auf', 'bei', 'von', 'für', 'mit', 'aus', 'unter', 'über', 'durch', 'nach', 'vor', 'während', 'zu'],
    imperative: ['nie', 'niemals'],
    epistemic: ['möglicherweise', 'eventuell', 'vielleicht', 'unter umständen', 'gegebenenfalls', 'ggf'],
    negatives: ['es sei denn', 'nur', 'lediglich', 'ausschließlich', 'nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'weder', 'ohne', 'keinerlei', 'keinesfalls', 'keineswegs', 'nirgends', 'statt', 'anstatt', 'anstelle', 'nicht bloß'],
    negativePrefixes: ['nicht'],
    negativeWords: ['ungültig', 'unwirksam', 'rechtswidrig', 'illegal', 'unrechtmäßig', 'unzulässig', 'unbefugt', 'unberechtigt', 'undurchsetzbar', 'unsicher', 'unmöglich', 'unvollständig', 'unrichtig', 'ungenau', 'unangemessen', 'unbegrenzt', 'unbeschränkt', 'ununterbrochen', 'unterbrechungsfrei', 'unerwartet', 'unvorhergesehen', 'unbegründet', 'inakzeptabel', 'unannehmbar', 'unverfügbar', 'unverändert', 'unfähig', 'unzutreffend', 'unvermögen'],
    negativeIdioms: ['ohne einschränkung', 'ohne darauf beschränkt zu sein', 'nicht beschränkt auf', 'nicht darauf beschränkt', 'ob oder nicht', 'nicht später als', 'wenn nicht', 'oder nicht.', 'aber nicht beschränkt auf', 'aber nicht darauf beschränkt', 'jedoch nicht beschränkt auf'],
    coordination: { and: ['und'], or: ['oder'], nor: [] },
  },
  // Words of German alone where possible: "in", "die", "was" are shared with English or Dutch.
  functionWords: new Set(
    (
      'der die das und ist sie nicht mit von zu den dem des ein eine einer einen einem für auf sich auch als wir ihre ihr ihnen ' +
      'oder bei aus wird werden dass wenn kann können müssen dürfen durch im zur zum über nach diese dieser dieses uns unsere ' +
      'sind wie nur keine kein haben hat'
    ).split(' '),
  ),
  // Relative pronoun before an article ("Daten, die die Nutzer …") and "Sie sie" ("wenn Sie sie verwenden").
  allowedRepeats: new Set(['die', 'der', 'das', 'den', 'dem', 'sie']),
  inflections: ['e', 'en', 'n', 's', 'es', 'er', 'em', 'ern', 'ns'],
  ordinalPeriod: true,
  compounding: true,
  decimal: ',',
  thousandsSpace: false,
  numberWords: { units: 'zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig'.split(' '), tens: 'dreißig vierzig fünfzig sechzig siebzig achtzig neunzig'.split(' ') },
  bounds: { atMost: ['bis zu', 'höchstens', 'maximal', 'nicht mehr als', 'nicht länger als', 'weniger als', 'kürzer als'], atLeast: ['mehr als', 'länger als', 'mindestens', 'wenigstens'] },
  dates: {
    months: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
    // As Mozilla's German legal documents write them: "Gültig ab 10. Juni 2025", "Zuletzt aktualisiert am 29. April 2024",
    // "Version 1.2, gültig ab Mittwoch, 1. November 2023".
    effective: [
      'gültig ab', 'gültig seit', 'gültig vom', 'wirksam ab', 'in kraft ab', 'in kraft seit', 'inkrafttreten', 'tag des inkrafttretens',
      'datum des inkrafttretens', 'stand', 'stand vom', 'zuletzt aktualisiert', 'zuletzt aktualisiert am', 'zuletzt geändert',
      'zuletzt geändert am', 'letzte aktualisierung', 'letzte änderung', 'aktualisiert am', 'geändert am', 'datum',
    ],
    version: ['version', 'fassung'],
  },
  headingNumbers: { named: ['artikel', 'paragraf', 'ziffer'], plain: ['abschnitt', 'kapitel', 'teil'] },
  report: {
    violated: 'verletzt',
    unknown: 'unbekannt',
    attest: 'zu bestätigen',
    satisfied: 'erfüllt',
    'not-applicable': 'nicht anwendbar',
    summary: 'Zusammenfassung',
    because: 'weil',
    missing: 'fehlende Fakten',
    answer: 'Antwort in "attestations" des Profils',
    rules: 'Regeln',
  },
  docs: { effective: 'Gültig ab:', contents: 'Inhalt' },
  starter: { section: 'Über diese Richtlinie', clause: 'Diese Richtlinie hat noch keinen Text: importieren Sie ihn mit diptych import.' },
  changelog: {
    added: 'Hinzugefügt',
    reworded: 'Umformuliert',
    moved: 'Verschoben',
    removed: 'Entfernt',
    kind: 'Art geändert',
    rules: 'Regeln',
    first: 'Erste Veröffentlichung',
    from: 'von',
    to: 'nach',
    sections: 'Abschnitte',
    clauses: 'Klauseln',
    ruleCount: 'Regeln',
  },
  page: {
    version: 'Version',
    released: 'veröffentlicht am',
    unreleased: 'noch nicht veröffentlicht',
    source: (title) => `${title} in der veröffentlichten Fassung`,
    rules: 'Geprüft durch',
    rule: 'Regel',
    attest: 'Bestätigung',
    kinds: { obligation: 'Pflicht', prohibition: 'Verbot', permission: 'Erlaubnis', informative: 'Information' },
    generated: 'Von diptych aus dem Klauselkatalog erzeugt.',
  },
  reportPage: {
    statuses: { violated: 'Verletzt', unknown: 'Unbekannt: Fakten fehlen', attest: 'Zu bestätigen', satisfied: 'Erfüllt', 'not-applicable': 'Nicht anwendbar' },
    title: 'Konformitätsbericht',
    missing: 'Fehlende Fakten',
    because: 'Weil',
    rules: 'Regeln',
  },
}
