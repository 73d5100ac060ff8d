// English.
import type { LanguagePack } from './types.js'

export const en = {
  code: 'en',
  name: 'English',
  // "only" restricts what is allowed, so it is a prohibition of everything else.
  modality: {
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
    // Most English negation sits next to the modal ("do not", "must not"), in the phrases above; "must also not" and
    // "must never" are read with these.
    negation: ['not', 'never', "don't", 'do not', "doesn't", 'does not', "didn't", 'did not'],
    exception: ['except', 'unless', 'other than'],
    modalVerbs: ['must', 'mustn', 'may', 'shall', 'should', 'shouldn', 'can', 'cannot', 'need', 'needs', 'have', 'has'],
    relativePronouns: ['which', 'who', 'whom', 'whose'],
    conjunctions: ['and', 'but', 'or'],
    subordinators: ['if', 'should', 'so that', 'that', 'whether', 'why', 'how', 'because', 'when', 'where', 'whenever', 'unless', 'while', 'because', 'although', 'though', 'once', 'before', 'after', 'to the extent', 'as long as', 'in order to'],
    statements: ['liab', 'guarant', 'warrant', 'responsib', 'deemed', 'construed', 'disclaim', 'indemnif', 'obligation'],
    liftable: ['need to', 'needs to', 'have to', 'has to', 'required to', 'required', 'require', 'requires'],
    determiners: ['no', 'nothing', 'neither', 'none', 'nobody', 'no one'],
    negationBefore: [],
    prepositions: ['in', 'of', 'at', 'for', 'on', 'by', 'with', 'from', 'to', 'under', 'about', 'after', 'before', 'during'],
    imperative: ['do not', "don't", 'does not', "doesn't", 'never'],
    epistemic: ['may need to', 'may have to', 'may be required', 'may also be required', 'may also need to', 'may also have to', 'might', 'possibly', 'perhaps', 'it may be that', 'it can be that'],
    negatives: ['unless', 'only', 'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'without', 'cannot', "can't", "don't", "doesn't", "didn't", "won't", "isn't", "aren't", "wasn't", "weren't", "mustn't", "shouldn't", "wouldn't", "couldn't", "haven't", "hasn't", 'rather than', 'instead of', 'not just', 'not merely', 'solely'],
    negativePrefixes: ['non-'],
    negativeWords: ['unauthori', 'unenforceab', 'invalid', 'illegal', 'unlawful', 'illicit', 'unsure', 'uncertain', 'unfounded', 'unacceptab', 'unable', 'inaccura', 'incomplete', 'unavailab', 'unreasonab', 'unsafe', 'unlimited', 'uninterrupted', 'unaltered', 'unchanged', 'unexpected', 'unanticipated', 'unforeseen', 'impossib', 'incorrect', 'inappropriate', 'disagree', 'disallow', 'nonexclusive', 'noncommercial', 'nontransferab', 'noninfring', 'nonperformance', 'nonpublic', 'inabilit'],
    negativeIdioms: ['without limitation', 'but not limited to', 'not limited to', 'not be limited to', 'whether or not', 'no later than', 'not later than', 'if not', 'or not.', 'no matter', 'solely responsible', 'solely liable'],
    coordination: { and: ['and'], or: ['or'], nor: ['nor'] },
  },
  functionWords: new Set('the and of to a in is you your that for with on not or are be this as it by from any our we their they if must may can will do don’t don\'t use have has which other such'.split(' ')),
  allowedRepeats: new Set(['that', 'had']),
  inflections: ['s', 'es'],
  ordinalPeriod: false,
  compounding: false,
  decimal: '.',
  thousandsSpace: false,
  numberWords: { units: 'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' '), tens: 'thirty forty fifty sixty seventy eighty ninety'.split(' ') },
  bounds: { atMost: ['up to', 'at most', 'no more than', 'not more than', 'no longer than', 'not longer than', 'less than', 'fewer than', 'a maximum of', 'not exceeding', 'not to exceed'], atLeast: ['more than', 'longer than', 'at least', 'a minimum of'] },
  slug: {
    // Articles, possessives, pronouns and other function words.
    stopwords: new Set(
      (
        'a an the and or but nor of to in on at by for with from as into onto over under about through via per ' +
        'is are was were be been being am do does did doing done have has had having will would shall should can could may might must ' +
        'not no any all some such each every other another same own more most much many few ' +
        'this that these those it its it’s their them they we us our you your yours he she his her hers i my me ' +
        'which who whom whose what when where how if than then so also there here just only very too ' +
        'etc eg ie e g i e dont don t s ll ve re d'
      ).split(' '),
    ),
    // Articles and possessives.
    leading: new Set(['a', 'an', 'the', 'our', 'your', 'my', 'their', 'its']),
  },
  dates: {
    months: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    effective: [
      'effective', 'effective date', 'effective as of', 'effective from', 'effective on', 'in effect from', 'in effect since',
      'last updated', 'last updated on', 'last modified', 'last modified on', 'last revised', 'last revised on', 'last changed',
      'updated', 'updated on', 'revised', 'revised on', 'date', 'dated', 'as of', 'valid from', 'version date',
    ],
    version: ['version'],
  },
  headingNumbers: { named: ['article', 'clause'], plain: ['section', 'chapter', 'part'] },
  report: {
    violated: 'violated',
    unknown: 'unknown',
    attest: 'to attest',
    satisfied: 'satisfied',
    'not-applicable': 'not applicable',
    summary: 'summary',
    because: 'because',
    missing: 'missing facts',
    answer: 'answer in the profile’s "attestations"',
    rules: 'rules',
  },
  docs: { effective: 'Effective:', contents: 'Contents' },
  starter: { section: 'About this policy', clause: 'This policy has no text yet: import it with diptych import.' },
  changelog: { added: 'Added', reworded: 'Reworded', moved: 'Moved', removed: 'Removed', kind: 'Changed kind', rules: 'Rules', first: 'First release', from: 'from', to: 'to', sections: 'sections', clauses: 'clauses', ruleCount: 'rules' },
  page: {
    version: 'Version',
    released: 'released',
    unreleased: 'not released yet',
    source: (title) => `${title} as published`,
    rules: 'Checked by',
    rule: 'rule',
    attest: 'attestation',
    kinds: { obligation: 'obligation', prohibition: 'prohibition', permission: 'permission', informative: 'informative' },
    generated: 'Generated by diptych from the clause catalogue.',
  },
  reportPage: {
    statuses: { violated: 'Violated', unknown: 'Unknown: facts missing', attest: 'To attest', satisfied: 'Satisfied', 'not-applicable': 'Not applicable' },
    title: 'Compliance report',
    missing: 'Missing facts',
    because: 'Because',
    rules: 'rules',
  },
} satisfies LanguagePack
