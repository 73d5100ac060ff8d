// Dutch (Nederlands).
import type { LanguagePack } from './types.js'

export const nl: LanguagePack = {
  code: 'nl',
  name: 'Nederlands',
  // Word order puts "niet"/"geen" after the verb, so both orders are listed.
  modality: {
    prohibition: [
      'mag niet', 'mag geen', 'mogen niet', 'mogen geen', 'mag je niet', 'mag je geen', 'niet toegestaan', 'niet toe',
      'verboden', 'nooit', 'alleen', 'uitsluitend', 'niet geoorloofd', 'ongeoorloofd', 'ongeoorloofde', 'mag dus niet', 'mag alleen', 'mogen alleen', 'mag je alleen',
    ],
    obligation: ['moet', 'moeten', 'bent verplicht', 'is verplicht', 'zijn verplicht', 'dient', 'dienen', 'is vereist'],
    permission: ['mag', 'mogen', 'kan', 'kunnen', 'kunt', 'kun', 'toegestaan', 'toegestane', 'geoorloofd', 'geoorloofde', 'is wel toegestaan'],
    negationStart: ['niet', 'geen', 'nooit'],
    // Not "dat": as a complementizer ("Zorg dat je … niet …") its clause carries the meaning.
    relative: ['die', 'welke', 'wat', 'hoe', 'waarmee', 'waarin', 'waar', 'zodat', 'omdat'],
    negation: ['niet', 'geen', 'nooit', 'niets', 'niemand'],
    exception: ['behalve', 'tenzij', 'met uitzondering van'],
    modalVerbs: ['moet', 'moeten', 'mag', 'mogen', 'kan', 'kunnen', 'kunt', 'kun', 'dient', 'dienen', 'hoeft', 'hoeven'],
    relativePronouns: ['die', 'dat', 'wat', 'welke', 'waarvan', 'waarin', 'waarmee', 'waarop', 'waardoor', 'wie'],
    conjunctions: ['en', 'maar', 'of'],
    subordinators: ['als', 'dat', 'mocht', 'waarom', 'hoe', 'waaronder', 'indien', 'wanneer', 'tenzij', 'omdat', 'hoewel', 'zodra', 'voordat', 'nadat', 'zolang', 'voor zover', 'om'],
    statements: ['aansprakelijk', 'garand', 'garantie', 'verantwoordelijk', 'beschouwd', 'geïnterpreteerd', 'vrijwaar', 'vrijwaring', 'verplichting'],
    liftable: ['bent verplicht', 'is verplicht', 'zijn verplicht', 'is vereist'],
    determiners: ['geen', 'niets', 'niemand'],
    negationBefore: [],
    prepositions: ['in', 'op', 'bij', 'van', 'voor', 'met', 'aan', 'uit', 'onder', 'over', 'door', 'naar', 'na', 'tijdens'],
    imperative: ['nooit'],
    epistemic: ['mogelijk', 'misschien', 'wellicht', 'kan zijn', 'kan dus zijn', 'kan het zijn'],
    negatives: ['tenzij', 'alleen', 'slechts', 'uitsluitend', 'niet', 'geen', 'nooit', 'niets', 'niemand', 'zonder', 'nergens', 'geenszins', 'in plaats van', 'niet enkel', 'noch'],
    negativePrefixes: ['niet-'],
    negativeWords: ['ongeldig', 'nietig', 'onwettig', 'onrechtmatig', 'illega', 'ongeoorloofd', 'onjuist', 'onvolledig', 'onbevoegd', 'ongeautoriseerd', 'onafdwingbaar', 'oneens', 'onzeker', 'onmogelijk', 'onredelijk', 'onwaar', 'onveilig', 'onbeperkt', 'ononderbroken', 'onverwacht', 'onvoorzien', 'ongegrond', 'onaanvaardbaar', 'onacceptabel', 'ongewijzigd', 'onbeschikbaar', 'ongepast', 'onnauwkeurig', 'onvermogen'],
    negativeIdioms: ['zonder beperking', 'zonder daartoe beperkt te zijn', 'maar niet beperkt tot', 'niet beperkt tot', 'al dan niet', 'of niet.', 'niet later dan', 'zo niet', 'onder meer maar niet'],
  },
  functionWords: new Set('de het een en van in is je jouw dat voor met op niet of zijn dit als door uit onze we hun ze als moet mag kunnen zal geen ook wordt worden die bij naar om te aan er wel'.split(' ')),
  // Reflexives ("moet je je houden aan") and pronoun doubles.
  allowedRepeats: new Set(['je', 'ze', 'die', 'dat', 'er']),
  inflections: ['s', 'en', 'e', 'n', 'es'],
  ordinalPeriod: false,
  compounding: true,
  decimal: ',',
  thousandsSpace: false,
  numberWords: { units: 'twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig'.split(' '), tens: 'dertig veertig vijftig zestig zeventig tachtig negentig'.split(' ') },
  bounds: { atMost: ['tot maximaal', 'maximaal', 'hoogstens', 'ten hoogste', 'niet meer dan', 'niet langer dan', 'minder dan', 'korter dan'], atLeast: ['meer dan', 'langer dan', 'ten minste', 'minstens', 'minimaal'] },
  dates: {
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    // "Laatst bij gewerkt op" is misspelt, but published (Mozilla's Dutch legal documents).
    effective: [
      'ingangsdatum', 'datum van inwerkingtreding', 'in werking vanaf', 'in werking per', 'van kracht', 'van kracht vanaf',
      'van kracht per', 'van kracht sinds', 'van kracht op', 'geldig vanaf', 'geldig per', 'geldig sinds', 'laatst bijgewerkt',
      'laatst bijgewerkt op', 'laatst bij gewerkt op', 'laatst gewijzigd', 'laatst gewijzigd op', 'laatste wijziging',
      'bijgewerkt op', 'gewijzigd op', 'datum', 'versiedatum',
    ],
    version: ['versie'],
  },
  headingNumbers: { named: ['artikel'], plain: ['hoofdstuk', 'sectie', 'paragraaf', 'afdeling', 'deel'] },
  report: {
    violated: 'overtreden',
    unknown: 'onbekend',
    attest: 'te bevestigen',
    satisfied: 'voldaan',
    'not-applicable': 'niet van toepassing',
    summary: 'samenvatting',
    because: 'omdat',
    missing: 'ontbrekende feiten',
    answer: 'antwoord in "attestations" van het profiel',
    rules: 'regels',
  },
  docs: { effective: 'Van kracht vanaf:', contents: 'Inhoud' },
  starter: { section: 'Over dit beleid', clause: 'Dit beleid heeft nog geen tekst: importeer die met diptych import.' },
  changelog: { added: 'Toegevoegd', reworded: 'Herschreven', moved: 'Verplaatst', removed: 'Verwijderd', kind: 'Ander soort', rules: 'Regels', first: 'Eerste uitgave', from: 'van', to: 'naar', sections: 'secties', clauses: 'clausules', ruleCount: 'regels' },
}
