// Deontic lexicons: the words that carry obligation, prohibition and permission, per language.

/** The deontic force of a clause. */
export type Modality = 'obligation' | 'prohibition' | 'permission'

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

/** English. "only" restricts what is allowed, so it is a prohibition of everything else. */
const en: Lexicon = {
  prohibition: [
    'must not', "mustn't", 'may not', 'cannot', "can't", "don't", 'do not', 'does not', "doesn't", 'shall not',
    'should not', "shouldn't", 'not permitted', 'not allowed', 'are not permitted', 'is not permitted', 'unacceptable',
    'prohibited', 'forbidden', 'never', 'only', 'no one may', 'not acceptable',
  ],
  obligation: [
    'must', 'need to', 'needs to', 'required to', 'require', 'requires', 'required', 'have to', 'has to', 'shall', 'should', 'expect',
  ],
  permission: ['may', 'can', 'acceptable', 'permitted', 'allowed', 'okay', "it's ok", 'are free to', 'is free to'],
  negationStart: ['not', 'never', "don't", 'do not'],
  relative: ['that', 'which', 'who', 'whom'],
  // English negation sits next to the modal ("do not", "must not"), so the phrases above hold it.
  negation: [],
  exception: ['except', 'unless', 'other than'],
}

/** Dutch. Word order puts "niet"/"geen" after the verb, so both orders are listed. */
const nl: Lexicon = {
  prohibition: [
    'mag niet', 'mag geen', 'mogen niet', 'mogen geen', 'mag je niet', 'mag je geen', 'niet toegestaan', 'niet toe',
    'verboden', 'nooit', 'alleen', 'uitsluitend', 'niet geoorloofd', 'ongeoorloofd', 'ongeoorloofde', 'mag dus niet', 'mag alleen', 'mogen alleen', 'mag je alleen',
  ],
  obligation: ['moet', 'moeten', 'bent verplicht', 'is verplicht', 'zijn verplicht', 'dient', 'dienen', 'is vereist'],
  permission: ['mag', 'mogen', 'kan', 'kunnen', 'toegestaan', 'toegestane', 'geoorloofd', 'geoorloofde', 'is wel toegestaan'],
  negationStart: ['niet', 'geen', 'nooit'],
  // Not "dat": as a complementizer ("Zorg dat je … niet …") its clause carries the meaning.
  relative: ['die', 'welke', 'wat', 'hoe', 'waarmee', 'waarin', 'waar', 'zodat', 'omdat'],
  negation: ['niet', 'geen', 'nooit', 'niets', 'niemand'],
  exception: ['behalve', 'tenzij', 'met uitzondering van'],
}

/** Lexicons by language code. A language without one classifies every clause as informative. */
export const LEXICONS: Readonly<Record<string, Lexicon>> = { en, nl }
