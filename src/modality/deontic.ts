// What a text obliges, forbids and permits, and how often it negates: the view of the locale checks
// (modality-mismatch, polarity-mismatch), read from every sentence of a clause with the words of its language pack.
//
// Unlike `classifyClause` (one kind a clause, from its first sentence and its lead-in, for the catalogue), this reads
// every main clause of every sentence, and only the text itself:
// - a main clause that states a fact, a liability or a warranty ("will not be liable", "we cannot guarantee", "shall
//   be deemed") holds no deontic marker; nor does one whose modal is a possibility ("may need to", "möglicherweise");
// - a sentence is cut into main clauses at ";", ":", dashes, parentheses and ", and"; a subordinate clause that opens the sentence
//   ("If you disagree …, you can …") is left out up to its comma, a relative clause ("…, die …,") up to the next comma,
//   and an exception ("except as required by law") up to the next comma;
// - a negation word negates the nearest modal of its main clause, so "moet ervoor zorgen dat gebruikers niet … kunnen"
//   is an obligation and a prohibition, not two prohibitions; a negated obligation or permission is a prohibition.
import { normaliseText } from '../text/document.js'
import { sentences } from './classify.js'
import { LANGUAGES } from '../languages/index.js'
import { LEXICONS, type Lexicon, type Modality } from './lexicon.js'

/** A deontic marker found in a text: its force after negation, and the words that carry it, as written. */
export interface DeonticMarker {
  force: Modality
  /**
   * Whether a modal verb carries it ("must", "mag … niet"), not a verb, adjective or adverb ("agree to", "only"), and
   * its negation, if any, is surely the modal's (next to it, not a determiner such as "no masks").
   */
  modal: boolean
  /** The modal phrase as written, with its negation when one turned it ("mag … niet"). */
  words: string
}

/** A token of a text: lowercase letters and digits, with its place. */
interface Token {
  word: string
  start: number
  end: number
}

/** Phrases as token sequences, found by their first token; the longest first. */
type PhraseIndex = Map<string, Array<{ words: string[]; value: string }>>

/** A language's lexicon, prepared once. */
interface Prepared {
  markers: PhraseIndex
  force: Map<string, Modality>
  negation: PhraseIndex
  negatives: PhraseIndex
  idioms: PhraseIndex
  /** Idioms with their inner negative word left out ("but limited to", "maar beperkt tot"): a lost "not". */
  broken: PhraseIndex
  /** Single negation words: a phrase of the negatives that starts with one counts twice ("not just"). */
  negationWords: Set<string>
  epistemic: PhraseIndex
  subordinators: PhraseIndex
  /** Subordinators and relative pronouns: where the main clause ends, inside a clause. */
  ends: PhraseIndex
  imperative: Set<string>
  liftable: Set<string>
  determiners: Set<string>
  negationBefore: Set<string>
  prepositions: Set<string>
  modalVerbs: Set<string>
  statementPhrases: PhraseIndex
  statementStems: string[]
  boundary: RegExp
  relativePronouns: PhraseIndex
  exception: RegExp | undefined
  coordination: Coordination | undefined
}

const prepared = new Map<string, Prepared>()

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Words of a text: runs of letters and digits, lowercase; an apostrophe parts two words, a hyphen joins a compound
 * ("alleen-lezen", read-only, holds no "alleen"; "niet-toegestane" no "niet").
 */
function tokens(text: string): Token[] {
  const out: Token[] = []
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu)) out.push({ word: match[0], start: match.index, end: match.index + match[0].length })
  return out
}

function index(phrases: readonly string[]): PhraseIndex {
  const found: PhraseIndex = new Map()
  for (const value of phrases) {
    const words = tokens(value).map((token) => token.word)
    if (words.length === 0) continue
    const list = found.get(words[0]!) ?? []
    list.push({ words, value })
    found.set(words[0]!, list)
  }
  for (const list of found.values()) list.sort((a, b) => b.words.length - a.words.length)
  return found
}

/** The longest phrase of `phrases` that starts at token `at`, if any. */
function phraseAt(words: readonly Token[], at: number, phrases: PhraseIndex): { words: string[]; value: string } | undefined {
  for (const phrase of phrases.get(words[at]!.word) ?? []) {
    if (at + phrase.words.length > words.length) continue
    if (phrase.words.every((word, offset) => words[at + offset]!.word === word)) return phrase
  }
  return undefined
}

/** Every non-overlapping match of `phrases` in `words`, leftmost-longest: the token index and length of each. */
function matches(words: readonly Token[], phrases: PhraseIndex): Array<{ at: number; length: number; value: string }> {
  const out: Array<{ at: number; length: number; value: string }> = []
  for (let at = 0; at < words.length; at++) {
    const phrase = phraseAt(words, at, phrases)
    if (phrase) {
      out.push({ at, length: phrase.words.length, value: phrase.value })
      at += phrase.words.length - 1
    }
  }
  return out
}

/**
 * The indices of the words of `sentence` that belong to a negative idiom ("without limitation"). An idiom written with
 * a final "." in the pack ("or not.") counts only where the clause ends after it ("whether they are the recipients or
 * not."), not in "invalid or not enforceable".
 */
function idiomWords(sentence: string, words: readonly Token[], ready: Prepared): Set<number> {
  const found = new Set<number>()
  for (const idiom of inPlace(sentence, words, matches(words, ready.idioms))) {
    for (let offset = 0; offset < idiom.length; offset++) found.add(idiom.at + offset)
  }
  return found
}

/** The matches of idioms that stand where they may: one written with a final "." only where the clause ends after it. */
function inPlace<T extends { at: number; length: number; value: string }>(sentence: string, words: readonly Token[], found: T[]): T[] {
  return found.filter((match) => !(match.value.endsWith('.') && /^\s*[\p{L}\p{N}]/u.test(sentence.slice(words[match.at + match.length - 1]!.end))))
}

/**
 * The negative idioms of a lexicon whose negative word stands inside them, each with that word left out: "but not
 * limited to" gives "but limited to", which no careful text says. Only where three words or more remain: "not later
 * than" without its "not" is "later than", a phrase of its own.
 */
function brokenIdioms(lexicon: Lexicon): string[] {
  const negative = new Set([...lexicon.negation, ...lexicon.determiners, ...lexicon.negatives])
  const out: string[] = []
  for (const idiom of lexicon.negativeIdioms) {
    const words = tokens(idiom).map((token) => token.word)
    // "or not." at the end of a clause: "whether or not" cut to "… the recipients or." is broken, however short.
    if (idiom.endsWith('.') && words.length >= 2 && negative.has(words.at(-1)!)) {
      out.push(`${words.slice(0, -1).join(' ')}.`)
      continue
    }
    const inner = words.findIndex((word, at) => at > 0 && at < words.length - 1 && negative.has(word))
    if (inner === -1 || words.length - 1 < 3) continue
    out.push(words.filter((_, at) => at !== inner).join(' '))
  }
  return out
}

function prepare(lexicon: Lexicon, language: string): Prepared {
  let ready = prepared.get(language)
  if (ready) return ready
  const force = new Map<string, Modality>()
  for (const kind of ['prohibition', 'obligation', 'permission'] as const) {
    for (const phrase of lexicon[kind]) {
      const key = tokens(phrase).map((token) => token.word).join(' ')
      if (!force.has(key)) force.set(key, kind)
    }
  }
  const alternatives = (words: readonly string[]) => words.map((word) => escape(word).replace(/ /g, '\\s+')).join('|')
  ready = {
    markers: index([...force.keys()]),
    force,
    negation: index([...lexicon.negation, ...lexicon.determiners]),
    negatives: index(lexicon.negatives),
    idioms: index(lexicon.negativeIdioms),
    broken: index(brokenIdioms(lexicon)),
    negationWords: new Set([...lexicon.negation, ...lexicon.determiners].filter((word) => !word.includes(' '))),
    epistemic: index(lexicon.epistemic),
    subordinators: index(lexicon.subordinators),
    // Not a modal that opens a conditional ("Should you …", "Sollten …"): inside a clause it is the modal.
    ends: index([...lexicon.subordinators, ...lexicon.relative].filter((word) => !force.has(tokens(word).map((token) => token.word).join(' ')))),
    modalVerbs: new Set(lexicon.modalVerbs),
    liftable: new Set(lexicon.liftable.map((phrase) => tokens(phrase).map((token) => token.word).join(' '))),
    prepositions: new Set(lexicon.prepositions),
    negationBefore: new Set(lexicon.negationBefore),
    determiners: new Set(lexicon.determiners),
    imperative: new Set(lexicon.imperative.map((phrase) => tokens(phrase).map((token) => token.word).join(' '))),
    statementPhrases: index(lexicon.statements.filter((entry) => entry.includes(' '))),
    statementStems: lexicon.statements.filter((entry) => !entry.includes(' ')),
    // Main clauses part at a semicolon, a colon, a dash, or a comma and a conjunction. Each alternative starts at a
    // character that is not white space, so a long run of spaces is not scanned again from each of its spaces.
    // A parenthesis is a clause of its own: its negation is not the main clause's, nor the main clause's its.
    boundary: new RegExp(`;|:|—|–|\\(|\\)|(?<!\\S)-(?=\\s)|,\\s+(?:${alternatives(lexicon.conjunctions)})(?![\\p{L}\\p{N}])`, 'iu'),
    relativePronouns: index(lexicon.relativePronouns),
    coordination: lexicon.coordination && {
      and: new Set(lexicon.coordination.and),
      or: new Set(lexicon.coordination.or),
      nor: new Set(lexicon.coordination.nor),
      verbal: new Set(lexicon.negation.filter((word) => !lexicon.determiners.includes(word)).map((phrase) => tokens(phrase).map((token) => token.word).join(' '))),
      negations: new Set([...lexicon.negation, ...lexicon.determiners].map((phrase) => tokens(phrase).map((token) => token.word).join(' '))),
      relative: new Set([...lexicon.relative, ...lexicon.relativePronouns]),
    },
    exception: lexicon.exception.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(lexicon.exception)})(?![\\p{L}\\p{N}])[^,]*(?=,|$)`, 'giu') : undefined,
  }
  prepared.set(language, ready)
  return ready
}

/** Whether a sentence states a fact, a liability or a warranty rather than a duty. */
function isStatement(words: readonly Token[], lexicon: Prepared): boolean {
  if (words.some((token) => lexicon.statementStems.some((stem) => token.word.startsWith(stem)))) return true
  return matches(words, lexicon.statementPhrases).length > 0
}

/** The main clauses of a sentence, each without its subordinate, relative and exception parts. */
function mainClauses(sentence: string, lexicon: Prepared): string[] {
  const out: string[] = []
  for (let part of sentence.split(lexicon.boundary)) {
    const words = tokens(part)
    if (words.length === 0) continue
    // A subordinate clause that opens the clause reaches to its comma; without a comma the whole part is subordinate.
    if (phraseAt(words, 0, lexicon.subordinators)) {
      const comma = part.indexOf(',')
      if (comma === -1) continue
      part = part.slice(comma + 1)
    }
    if (lexicon.exception) part = part.replace(lexicon.exception, '')
    out.push(part)
  }
  return out
}

/**
 * The deontic markers of each sentence of a text, in order: every modal phrase of every main clause, negated where a
 * negation word of its main clause is nearer to it than to any other modal. `undefined` for a language without a
 * deontic lexicon.
 */
export function deonticSentences(text: string, language: string): Array<{ text: string; markers: DeonticMarker[] }> | undefined {
  const lexicon = LEXICONS[language]
  if (!lexicon) return undefined
  const ready = prepare(lexicon, language)
  return sentences(normaliseText(text), LANGUAGES[language]?.ordinalPeriod).map((sentence) => ({ text: sentence, markers: mainClauses(sentence, ready).flatMap((clause) => clauseMarkers(clause, ready)) }))
}

/** The deontic markers of a text, every sentence's in order (see {@link deonticSentences}). */
export function deonticMarkers(text: string, language: string): DeonticMarker[] | undefined {
  return deonticSentences(text, language)?.flatMap((sentence) => sentence.markers)
}

/** The markers of one main clause: its own, not its subordinate or relative clauses', unless a possibility. */
function clauseMarkers(clause: string, ready: Prepared): DeonticMarker[] {
  if (isStatement(tokens(clause), ready)) return []
  const words = mainWords(clause, ready)
  if (matches(words, ready.epistemic).length > 0) return []
  const markers = matches(words, ready.markers)
    .filter((marker) => marker.at === 0 || !ready.imperative.has(marker.value) || opensAfterComma(clause, words, marker.at))
    .map((marker) => ({ ...marker, force: ready.force.get(marker.value)!, negation: undefined as Token | undefined, sure: true }))
  if (markers.length === 0) return []
  const idioms = idiomWords(clause, words, ready)
  // Which marker each word is part of, and the markers by place (in order), for a nearest search in log time.
  const within = new Map<number, number>()
  markers.forEach((marker, index) => {
    for (let offset = 0; offset < marker.length; offset++) within.set(marker.at + offset, index)
  })
  for (const negation of matches(words, ready.negation)) {
    if (idioms.has(negation.at) || within.has(negation.at)) continue
    // The nearest modal on the negation's side takes it: before it ("Sie müssen … nicht …, können …"), or after it
    // for a word that stands before its modal ("vous … ne pouvez jamais"); else the nearest on the other side.
    const after = firstAfter(markers, negation.at)
    const before = after - 1
    const ahead = ready.negationBefore.has(words[negation.at]!.word)
    const onItsSide = ahead ? after < markers.length : before >= 0
    const chosen = ahead ? (onItsSide ? after : before) : onItsSide ? before : after
    const marker = markers[chosen]!
    if (marker.negation) continue
    marker.negation = words[negation.at]
    // A negation from the other side ("No amendment … shall", "nicht … sollten") or a negative determiner ("no
    // masks", "keine Masken") may negate a subject or an object rather than the modal: a signal, not a certainty.
    marker.sure = onItsSide && !ready.determiners.has(words[negation.at]!.word)
  }
  return markers.map((marker) => {
    const written = clause.slice(words[marker.at]!.start, words[marker.at + marker.length - 1]!.end)
    const modal = words.slice(marker.at, marker.at + marker.length).some((word) => ready.modalVerbs.has(word.word)) && marker.sure
    if (marker.negation && marker.force !== 'prohibition') {
      const negated = `${written} … ${clause.slice(marker.negation.start, marker.negation.end)}`
      // "need not", "müssen nicht": no duty, a permission not to.
      if (marker.force === 'obligation' && ready.liftable.has(marker.value)) return { force: 'permission', modal, words: negated }
      return { force: 'prohibition', modal, words: negated }
    }
    return { force: marker.force, modal, words: written }
  })
}

/**
 * The words of a main clause without its subordinate and relative clauses, in one pass:
 * - a relative clause after a comma (", die …,", ", über die …,") is left out up to the next comma;
 * - a subordinate clause before the clause's first modal reaches to its comma ("Additionally, if you allow it, your
 *   location may …", "Étant donné que …, vous ne pouvez …");
 * - any other subordinator or relative pronoun ends the main clause ("moet ervoor zorgen dat …", "kann …, wenn
 *   Mozilla beschließt, Firefox nicht mehr anzubieten"), unless it points ("in that case", "in dat geval").
 */
function mainWords(clause: string, ready: Prepared): Token[] {
  const words = tokens(clause)
  const n = words.length
  // Whether a comma stands before word i, and the first word after the next comma after word i (n if none).
  const commaBefore = new Uint8Array(n)
  const afterComma = new Int32Array(n).fill(n)
  for (let i = 1; i < n; i++) commaBefore[i] = clause.slice(words[i - 1]!.end, words[i]!.start).includes(',') ? 1 : 0
  let next = n
  for (let i = n - 1; i >= 0; i--) {
    afterComma[i] = next
    if (commaBefore[i]) next = i
  }
  const kept: Token[] = []
  let modal = false
  let at = 0
  while (at < n) {
    if (at > 0) {
      const relative = phraseAt(words, at, ready.relativePronouns)
      const prepositionFirst = at >= 2 && commaBefore[at - 1] === 1 && kept.at(-1) === words[at - 1]
      if (relative && (commaBefore[at] === 1 || prepositionFirst)) {
        // ", die …," or ", über die …,": the preposition goes with it.
        if (!commaBefore[at]) kept.pop()
        at = afterComma[at]!
        continue
      }
      const end = phraseAt(words, at, ready.ends)
      if (end && !ready.prepositions.has(words[at - 1]!.word)) {
        if (!modal && afterComma[at]! < n) {
          at = afterComma[at]!
          continue
        }
        break
      }
    }
    if (phraseAt(words, at, ready.markers)) modal = true
    kept.push(words[at]!)
    at++
  }
  return kept
}

/** Whether the word at `at` follows a comma: "For example, don't …" opens an imperative after its adverbial. */
function opensAfterComma(clause: string, words: readonly Token[], at: number): boolean {
  return clause.slice(words[at - 1]!.end, words[at]!.start).includes(',')
}

/** The index of the first marker that starts after word `at` (markers are in order; `markers.length` if none). */
function firstAfter(markers: ReadonlyArray<{ at: number }>, at: number): number {
  let low = 0
  let high = markers.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (markers[middle]!.at > at) high = middle
    else low = middle + 1
  }
  return low
}

/** A sentence's negative words, as the polarity check counts them. */
export interface NegativeSentence {
  text: string
  /** The negative words as written, in order; a negation of a restrictive ("not just") is there twice. */
  negatives: string[]
  /** The negative idioms of the sentence, as written ("not limited to", "whether or not"): they negate nothing. */
  idioms: string[]
  /** Idioms written without their negative word ("but limited to", "maar beperkt tot"), as written. */
  broken: string[]
  /** Choices a negation covers ("not monitor or store", "didn't understand or intend"), as written. */
  choices: string[]
  /**
   * Negations that repeat one over coordinated words ("niet begrijpen of niet bedoeld", "ne surveillons pas ni ne
   * stockons"): counted among the negatives, they stand for one negation over a choice of the other text.
   */
  repeats: number
  /** Negations followed by an "or" before any punctuation ("not located in any such country or on any such list"). */
  covers: number
  /**
   * Two sides of an "and" of which one is negated and the other not ("controleren … en slaan … niet op"), as written:
   * what a negated choice of the reference becomes when one of its negations is lost.
   */
  halves: string[]
}

/**
 * The negative words of each sentence of a text that negate something, as written ("not", "geen", "pas",
 * "niet-persoonlijke"): every word of the language's negatives or with a negative prefix (a part of a hyphenated
 * compound too: "personal-noncommercial"), outside an idiom that negates nothing ("without limitation"). A phrase of the
 * negatives that starts with a negation word ("not just", "niet enkel") counts twice, as "not only" does: the negation
 * and the restriction it lifts. `undefined` for a language without a lexicon.
 */
export function negativeSentences(text: string, language: string): NegativeSentence[] | undefined {
  const lexicon = LEXICONS[language]
  if (!lexicon) return undefined
  const ready = prepare(lexicon, language)
  const negativeWord = (word: string) =>
    lexicon.negativePrefixes.some((prefix) => word.length > prefix.length && word.startsWith(prefix)) || lexicon.negativeWords.some((stem) => word.startsWith(stem))
  return sentences(normaliseText(text), LANGUAGES[language]?.ordinalPeriod).map((sentence) => {
    const words = tokens(sentence)
    const idioms = idiomWords(sentence, words, ready)
    const found = new Map<number, string>()
    const written = (at: number, length: number) => sentence.slice(words[at]!.start, words[at + length - 1]!.end)
    for (const negative of matches(words, ready.negatives)) {
      if (idioms.has(negative.at)) continue
      found.set(negative.at, written(negative.at, negative.length))
      if (negative.length > 1 && ready.negationWords.has(words[negative.at]!.word)) found.set(negative.at + 1, written(negative.at, negative.length))
    }
    words.forEach((word, at) => {
      if (found.has(at) || idioms.has(at)) return
      if (negativeWord(word.word) || word.word.split(/[-‐]/).slice(1).some(negativeWord)) found.set(at, written(at, 1))
    })
    const coordinated = ready.coordination ? coordination(sentence, words, found, ready.coordination, written) : { choices: [], halves: [], repeats: 0, covers: 0 }
    return {
      text: sentence,
      ...coordinated,
      negatives: [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text),
      idioms: matches(words, ready.idioms).filter((idiom) => idioms.has(idiom.at)).map((idiom) => written(idiom.at, idiom.length)),
      // A broken "or not." ("… the recipients or.") only where the sentence ends after it.
      broken: matches(words, ready.broken)
        .filter((match) => !match.value.endsWith('.') || /^[\s.!?…"”»)]*$/u.test(sentence.slice(words[match.at + match.length - 1]!.end)))
        .map((match) => written(match.at, match.length)),
    }
  })
}

/** The conjunctions of a language by role, as single words. */
interface Coordination {
  and: Set<string>
  or: Set<string>
  nor: Set<string>
  /** The negations of a verb or modal ("not", "don't", "niet", "ne"), not of a noun ("no", "geen", "without"). */
  verbal: Set<string>
  /** Those and the negative determiners ("geen", "keine"): what negates a side of an "and" (not "unverändert"). */
  negations: Set<string>
  /** Relative pronouns and subordinators: "not know or who …" is no choice of two verbs. */
  relative: Set<string>
}

/**
 * Negations over coordinated words, in one pass over the sentence (`found` holds its negatives by word index):
 * - a negation word after an "or" that follows a negation, with no punctuation between, repeats it ("niet begrijpen
 *   of niet bedoeld", "ne résidez pas dans un tel pays ou que vous ne figurez pas"): the translation of one negation
 *   over an "or" ("didn't understand or intend", "not located in any such country or on any such list"), said twice;
 * - a negation of a verb, one word, "or" and a word is a choice it covers ("do not monitor or store");
 * - an "and" (or a "nor", which negates the side after it) between two stretches of the sentence (up to the next
 *   punctuation or conjunction) of which one holds a negation word and the other not: a half-negated pair. A second
 *   side negated at its end may cover a first side of two words or fewer ("Wir überwachen und speichern … nicht").
 */
function coordination(sentence: string, words: readonly Token[], found: Map<number, string>, roles: Coordination, written: (at: number, length: number) => string): { choices: string[]; halves: string[]; repeats: number; covers: number } {
  const n = words.length
  const normal = (phrase: string) => tokens(phrase).map((token) => token.word).join(' ')
  const punctuated = (at: number) => at > 0 && /[,;:()\[\]—–]/u.test(sentence.slice(words[at - 1]!.end, words[at]!.start))
  const conjunction = (at: number) => roles.and.has(words[at]!.word) || roles.or.has(words[at]!.word) || roles.nor.has(words[at]!.word)
  // The last negation before each word, without punctuation between (-1 if none), its last word, whether an "or"
  // stands between it and the word, and whether no negation followed that "or" yet.
  let last = -1
  let lastEnd = -1
  let joined = false
  let pending = false
  let repeats = 0
  let covers = 0
  const choices: string[] = []
  for (let at = 0; at <= n; at++) {
    if (at === n || punctuated(at)) {
      if (pending) covers++
      last = -1
      pending = false
      if (at === n) break
    }
    if (conjunction(at) && last >= 0) {
      if (roles.or.has(words[at]!.word)) {
        joined = true
        pending = true
      } else {
        // An "and" after the "or" opens another part: a negation there repeats nothing ("keine Garantie für
        // Materialien oder Websites übernehmen und … nicht haften"), and the "or" was covered.
        if (pending) covers++
        joined = false
        pending = false
      }
      const next = at + 1 < n && !punctuated(at + 1) ? at + 1 : -1
      // A negation of a verb over the choice of two: one word, "or", one word ("not [monitor] or [store]").
      if (next >= 0 && !found.has(next) && roles.or.has(words[at]!.word) && at - lastEnd - 1 === 1 && roles.verbal.has(normal(found.get(last)!)) && !roles.relative.has(words[next]!.word)) {
        choices.push(written(last, next - last + 1))
      }
    }
    if (found.has(at) && !conjunction(at)) {
      // A negation word after the "or" repeats the one before, which covered no choice.
      if (last >= 0 && joined && roles.negations.has(normal(found.get(at)!))) repeats++
      if (last >= 0 && joined) pending = false
      else if (pending) covers++
      last = at
      lastEnd = at + tokens(found.get(at)!).length - 1
      joined = false
      pending = false
    }
  }
  // Stretches between punctuation and conjunctions: each with whether it is negated, and the conjunction that opens it.
  const halves: string[] = []
  let start = 0
  let opener = -1
  let previous: { start: number; end: number; negated: boolean } | undefined
  for (let at = 0; at <= n; at++) {
    const ends = at === n || punctuated(at) || conjunction(at)
    if (!ends) continue
    if (at > start) {
      let negated = opener >= 0 && roles.nor.has(words[opener]!.word)
      for (let index = start; index < at && !negated; index++) negated = found.has(index) && roles.negations.has(normal(found.get(index)!))
      const stretch = { start, end: at, negated }
      // Joined to the stretch before by an "and" or a "nor", right after it; a negation at the end of the second side
      // may cover a first side of a verb alone ("Wir überwachen und speichern den Inhalt … nicht").
      const shared = roles.and.has(words[opener]?.word ?? '') && previous !== undefined && !previous.negated && previous.end - previous.start <= 2
      if (previous && opener >= 0 && previous.end === opener && (roles.and.has(words[opener]!.word) || roles.nor.has(words[opener]!.word)) && previous.negated !== negated && !shared) {
        // Each side to at most four words from the "and": "… Relay voert en slaan de inhoud …".
        const from = Math.max(previous.start, opener - 4)
        const to = Math.min(at, opener + 5)
        halves.push(`${from > previous.start ? '… ' : ''}${written(from, to - from)}${to < at ? ' …' : ''}`)
      }
      previous = stretch
    } else previous = undefined
    opener = at < n && conjunction(at) && !punctuated(at) ? at : -1
    start = at < n && conjunction(at) ? at + 1 : at
  }
  return { choices, halves, repeats, covers }
}
