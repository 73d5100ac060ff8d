// Classify a clause's kind (obligation, prohibition, permission, informative) from its words and its lead-in.
import { normaliseText } from '../ingest/document.js'
import { LEXICONS, type Lexicon, type Modality } from './lexicon.js'

/** The kind of a clause. */
export type ClauseKind = Modality | 'informative'

interface Marker {
  modality: Modality
  pattern: RegExp
  length: number
}

const compiled = new Map<string, Marker[]>()

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function markersOf(lexicon: Lexicon, language: string): Marker[] {
  let markers = compiled.get(language)
  if (!markers) {
    markers = (['prohibition', 'obligation', 'permission'] as const)
      .flatMap((modality) =>
        lexicon[modality].map((phrase) => ({
          modality,
          // Word boundaries by Unicode letters, so "acceptable" does not match inside "unacceptable".
          pattern: new RegExp(
            `(?<![\\p{L}\\p{N}'])(?<!(?:^|\\s)(?:${lexicon.relative.map(escape).join('|')})\\s+)${escape(phrase).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
            'giu',
          ),
          length: phrase.length,
        })),
      )
      .sort((a, b) => b.length - a.length)
    compiled.set(language, markers)
  }
  return markers
}

/** The first modal marker in `text`: the earliest, and the longest at that place. */
export function firstMarker(text: string, language: string): Modality | undefined {
  const lexicon = LEXICONS[language]
  if (!lexicon) return undefined
  let best: { index: number; length: number; modality: Modality } | undefined
  for (const marker of markersOf(lexicon, language)) {
    marker.pattern.lastIndex = 0
    const match = marker.pattern.exec(text)
    if (!match) continue
    if (!best || match.index < best.index || (match.index === best.index && match[0].length > best.length)) {
      best = { index: match.index, length: match[0].length, modality: marker.modality }
    }
  }
  return best?.modality
}

/** Split text into sentences (a period, question or exclamation mark followed by space and a capital). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"'(])/u)
}

/**
 * The main clause of a sentence: up to a coordinated second clause (", and", ";") or an exception
 * ("except …"), without subordinate clauses (from a relative pronoun or subordinator to the next comma).
 */
export function mainClause(sentence: string, lexicon: Lexicon): string {
  const exceptions = lexicon.exception.map(escape).join('|')
  const boundary = new RegExp(`,\\s+(?:and|but|or|en|maar|of)\\s+|;\\s+|\\s+[—–]\\s*|—|,?\\s+(?:${exceptions})\\s`, 'iu')
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
  const words = new Set(main.toLowerCase().split(/[^\p{L}]+/u))
  return lexicon.negation.some((word) => words.has(word))
}
