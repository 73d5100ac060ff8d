// Classify a clause's kind (obligation, prohibition, permission, informative) from its words and its lead-in.
import { collapseWhitespace, normaliseText } from '../text/document.js'
import { LEXICONS, type Lexicon, type Modality } from './lexicon.js'

/** The kind of a clause. */
export type ClauseKind = Modality | 'informative'

/** All of a language's markers in one pattern (longest first, so the longest wins at a place), and their modalities. */
interface MarkerPattern {
  pattern: RegExp
  modality: Map<string, Modality>
}

const compiled = new Map<string, MarkerPattern>()

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function markersOf(lexicon: Lexicon, language: string): MarkerPattern {
  let markers = compiled.get(language)
  if (!markers) {
    const modality = new Map<string, Modality>()
    for (const kind of ['prohibition', 'obligation', 'permission'] as const) for (const phrase of lexicon[kind]) if (!modality.has(phrase)) modality.set(phrase, kind)
    const phrases = [...modality.keys()].sort((a, b) => b.length - a.length)
    const relative = lexicon.relative.map(escape).join('|')
    markers = {
      // Word boundaries by Unicode letters, so "acceptable" does not match inside "unacceptable";
      // a modal right after a relative pronoun belongs to a subordinate clause.
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}'])(?<!(?:^|\\s)(?:${relative})\\s+)(?:${phrases.map((phrase) => escape(phrase).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
        'iu',
      ),
      modality,
    }
    compiled.set(language, markers)
  }
  return markers
}

/** The first modal marker in `text`: the earliest, and the longest at that place. */
export function firstMarker(text: string, language: string): Modality | undefined {
  const lexicon = LEXICONS[language]
  if (!lexicon) return undefined
  const { pattern, modality } = markersOf(lexicon, language)
  // One space between words, as in a normalised clause: the pattern's look-behind for a relative pronoun then reads
  // one space, not a whole run of them at every position of the run.
  const match = pattern.exec(collapseWhitespace(text))
  return match ? modality.get(match[0].toLowerCase().replace(/\s+/g, ' ')) : undefined
}

/**
 * Split text into sentences (a period, question or exclamation mark followed by space and a capital); with
 * `ordinalPeriod` (German) not after a number's period, an ordinal there ("das 13. Lebensjahr", "am 1. November").
 */
export function sentences(text: string, ordinalPeriod = false): string[] {
  return ordinalPeriod ? text.split(/(?<=[.!?])(?<!\d\.)\s+(?=[\p{Lu}"'(])/u) : text.split(/(?<=[.!?])\s+(?=[\p{Lu}"'(])/u)
}

/**
 * The main clause of a sentence: up to a coordinated second clause (", and", ";") or an exception
 * ("except …"), without subordinate clauses (from a relative pronoun or subordinator to the next comma).
 */
export function mainClause(sentence: string, lexicon: Lexicon): string {
  const exceptions = lexicon.exception.map(escape).join('|')
  // White space is matched from the start of its run only ((?<!\\s)), so a long run is not scanned again from each of its spaces.
  const boundary = new RegExp(`,\\s+(?:and|but|or|en|maar|of)\\s+|;\\s+|(?<!\\s)\\s+[—–]\\s*|—|,?(?<!\\s)\\s+(?:${exceptions})\\s`, 'iu')
  let main = sentence.split(boundary)[0] ?? sentence
  if (lexicon.relative.length > 0) {
    const subordinate = new RegExp(`(?<=\\S)\\s+(?:${lexicon.relative.map(escape).join('|')})\\s[^,]*(?=,|$)`, 'giu')
    main = main.replace(subordinate, '')
  }
  return main
}

/** Options of {@link classifyClause}. */
export interface ClassifyOptions {
  language: string
  /** Kind of the lead-in the clause hangs under, if any. */
  leadIn?: ClauseKind | undefined
  /** Whether the clause is a list item (a normative context) rather than a paragraph. */
  item: boolean
}

/**
 * A first classification of a clause:
 * 1. a modal marker in the main clause of the first sentence;
 * 2. else the lead-in's kind, an obligation turned into a prohibition by a leading "Not …";
 * 3. else, for list items, the first marker in the rest of the text;
 * 4. else informative.
 */
export function classifyClause(text: string, options: ClassifyOptions): ClauseKind {
  const lexicon = LEXICONS[options.language]
  if (!lexicon) return 'informative'
  const plain = normaliseText(text)
  const [first = '', ...rest] = sentences(plain)
  const main = mainClause(first, lexicon)
  const explicit = firstMarker(main, options.language)
  const negated = negates(main, plain, lexicon)
  // "moet … niet" and "mag … geen": a negated obligation or permission is a prohibition.
  if (explicit) return explicit !== 'prohibition' && negated ? 'prohibition' : explicit
  if (options.leadIn && options.leadIn !== 'informative') {
    return negated && options.leadIn === 'obligation' ? 'prohibition' : options.leadIn
  }
  if (options.item) {
    const later = firstMarker([first.slice(main.length), ...rest].join(' '), options.language)
    if (later) return later
  }
  return 'informative'
}

/** Whether the main clause is negated: it starts with a negation, or holds one of the language's negation words. */
function negates(main: string, plain: string, lexicon: Lexicon): boolean {
  const lower = plain.toLowerCase()
  if (lexicon.negationStart.some((word) => lower.startsWith(word + ' '))) return true
  if (lexicon.negation.length === 0) return false
  // A negation in parentheses is an aside: "may request … (not server-side)" still permits.
  const words = new Set(main.replace(/\([^()]*\)/g, ' ').toLowerCase().split(/[^\p{L}]+/u))
  return lexicon.negation.some((word) => words.has(word))
}
