// A small translation table learnt from the two documents being aligned, as hunalign's auto-dictionary is: the words
// that occur together in the pairs a first alignment is sure of (the Dice score of their co-occurrence, linked
// competitively, each word to at most one), the words written the same in both (names, numbers, shared terms), and the
// terms of a glossary when one is given. It reads no word list of any language: words are lowercase, without
// diacritics, cut to their first letters (a crude stem: "Inhalts", "Inhalte" and "Inhalt" are one word).
// Each unit becomes a set of concepts, so that a reference unit and a translation unit compare by meaning.
import { OVERLAP, overlap } from './overlap.js'

/** What the table reads of a unit: its text, and the targets of its links (the same in both languages, mostly). */
export interface LexiconUnit {
  text: string
  links?: readonly { url: string }[] | undefined
}

/** A term known beforehand (a glossary entry): its forms in the reference language and in the translation's. */
export type TermSeed = readonly [readonly string[], readonly string[]]

/** Letters a word is cut to: enough to tell words apart, few enough to put the forms of one word together. */
const STEM = 5
/** Pairs learnt from at most (spread evenly over the document): the table stays small and its learning bounded. */
const PAIRS = 1_500
/** Distinct words of a unit counted at most (its first ones): the co-occurrences of a pair stay bounded. */
const WORDS_PER_UNIT = 48
/** Pairs two words must occur together in to be linked, and the least Dice score of a link. */
const TOGETHER = 2
const DICE = 0.3
/** The least Dice score of a word joining a concept already linked, and the words a side that may join one. */
const JOIN = 0.6
const JOINED = 2
/**
 * The weight of a word the table has no counterpart for, as a share of what its rarity would give it: enough that a
 * clause of unknown words is unlike its neighbours, not so much that the few words of a pair the table knows (a
 * document teaches it little) drown in the rest.
 */
const UNKNOWN = 0.1
/**
 * The weight of a link target, as a share of a word's: a target says where a clause points, not what it says (two
 * targets swapped between clauses are a wrong link, not two clauses swapped), but it ties a short clause to its place.
 */
const LINK = 0.5
/** The candidates of a word kept for linking it again without some pairs (see `relinked`): its best by Dice score. */
const CANDIDATES = 32
/** A word written the same on both sides is a name, number or shared term when it has a digit or this many letters. */
const SAME = 4

/** The words of a text: lowercase, diacritics removed, cut to {@link STEM} letters (numbers whole). */
export function wordsOf(text: string): string[] {
  const words: string[] = []
  for (const word of text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue
    words.push(/\p{N}/u.test(word) ? word : word.slice(0, STEM))
  }
  return words
}

/** The words of a unit, then its link targets (a target is a token of its own: `#service`, `https://…`). */
function tokensOf(unit: LexiconUnit): string[] {
  const words = wordsOf(unit.text)
  for (const link of unit.links ?? []) words.push(`→${link.url.toLowerCase()}`)
  return words
}

const NONE = new Int32Array(0)

/** One learnt pair of words, for tests and explanations. */
export interface LexiconEntry {
  reference: string
  translation: string
  /** How the pair was found: written the same, from a glossary term, or by co-occurrence (its Dice score). */
  source: 'same' | 'term' | 'together'
  score: number
}

/**
 * The concepts of the units of two documents, and their weights: a concept in many units weighs little (the words
 * every clause has), one in few weighs much. A word the table has no counterpart for is a concept of its own side,
 * which the other side never shares: a clause of unknown words is unlike anything.
 */
export class Lexicon {
  private constructor(
    /** Concepts of each reference and translation unit, sorted. */
    private readonly referenceConcepts: Int32Array[],
    private readonly translationConcepts: Int32Array[],
    private readonly weight: Float64Array,
    /** The same without the link targets: what the words alone say. */
    private readonly wordWeight: Float64Array,
    private readonly table: LexiconEntry[],
    /** Pairs the table was learnt from. */
    readonly learntFrom: number,
    /** The median similarity of those pairs: how alike the document's pairs typically are by this table. */
    readonly typical: number,
    /** The median similarity of units two pairs apart (the reference unit of one, the translation unit of the other): chance. */
    readonly chance: number,
    /** The same two medians of the support of a unit by the other (of each side, {@link support}). */
    readonly typicalSupport: number = 0,
    readonly chanceSupport: number = 0,
    /** What leaving pairs out of the counts needs (see {@link similarityWithout}). */
    private readonly counts?: Counts,
  ) {}

  /** The links relearnt for the last pairs left out ({@link relinked}). */
  private relinks: { key: string; value: { refLinks: Map<number, number>; trLinks: Map<number, number> } } | undefined

  /**
   * The similarity of reference unit `i` and translation unit `j` by a table whose co-occurrence counts leave out the
   * pairs `left` (reference index, translation index): the words of those pairs are linked again, competitively, from
   * the counts without them ({@link relinked}); a link that holds only with those pairs counted (fewer than
   * {@link TOGETHER} of them left, or a Dice score below the least of a link) is not made, its words each a concept of
   * its own side. So two pairs judged for a swap cannot vouch for themselves: a table learnt from two swapped clauses
   * paired straight links their words wrongly. The other links, the weights and the scale stay the table's: the counts
   * of the few pairs left out are subtracted, only their words are linked again. By the words alone when `words`.
   */
  similarityWithout(left: readonly (readonly [number, number])[], i: number, j: number, words = false): number {
    const counts = this.counts
    if (counts === undefined) return this.similarity(i, j, -1, -1, words)
    const out = left.filter(([a, b]) => counts.counted.has(a * counts.trUnits + b))
    if (out.length === 0) return this.similarity(i, j, -1, -1, words)
    const { refLinks, trLinks } = this.relinked(counts, out)
    // A word of the pairs left out takes the concept of its new link, or is a concept of its own side; its old concept
    // stays where another word of the unit holds it.
    const concepts = (ids: Int32Array, links: Int32Array, relinks: Map<number, number>, own: number, base: Int32Array) => {
      let changed = false
      for (const id of ids) if (relinks.has(id) && relinks.get(id) !== links[id]) changed = true
      if (!changed) return base
      const kept = new Set<number>()
      for (const id of ids) if (links[id]! !== -1 && !relinks.has(id)) kept.add(links[id]!)
      const found = new Set<number>(base)
      for (const id of ids) {
        const now = relinks.get(id)
        if (now === undefined) continue
        if (links[id]! !== -1 && !kept.has(links[id]!)) found.delete(links[id]!)
        found.delete(own + id)
      }
      for (const id of ids) {
        const now = relinks.get(id)
        if (now !== undefined) found.add(now === -1 ? own + id : now)
      }
      return Int32Array.from(found).sort()
    }
    const a = concepts(counts.refIds[i]!, counts.refLink, refLinks, counts.refOwn, this.referenceConcepts[i]!)
    const b = concepts(counts.trIds[j]!, counts.trLink, trLinks, counts.trOwn, this.translationConcepts[j]!)
    overlap(words ? this.wordWeight : this.weight, a, b)
    return OVERLAP.first + OVERLAP.second === 0 ? 0 : (2 * OVERLAP.both) / (OVERLAP.first + OVERLAP.second)
  }

  /**
   * The links of the words of the pairs `out` as competitive linking makes them from counts that leave those pairs out
   * (each word's concept, or -1 for none): the words of two swapped clauses paired straight were linked to each other
   * by the pairs themselves ("account" to "Entfernen"), and once those are left out they link as the rest of the
   * document says ("account" to "Konto"). Words written the same and glossary terms keep their links; a word outside
   * the pairs keeps its link, and a word of the pairs takes it only where its score is higher. The cost is that of the
   * best candidates of the pairs' words ({@link CANDIDATES} each), and only pairs the table learnt from are left out
   * (at most {@link PAIRS}): bounded whatever the document's length. The result is kept for the next comparison that
   * leaves the same pairs out.
   */
  private relinked(counts: Counts, out: readonly (readonly [number, number])[]): { refLinks: Map<number, number>; trLinks: Map<number, number> } {
    const key = out.map(([a, b]) => `${a}:${b}`).join(',')
    if (this.relinks?.key === key) return this.relinks.value
    const outRef = out.map(([a]) => new Set(counts.refIds[a]!.subarray(0, WORDS_PER_UNIT)))
    const outTr = out.map(([, b]) => new Set(counts.trIds[b]!.subarray(0, WORDS_PER_UNIT)))
    const changedRef = new Set<number>()
    const changedTr = new Set<number>()
    for (const set of outRef) for (const e of set) changedRef.add(e)
    for (const set of outTr) for (const f of set) changedTr.add(f)
    // The Dice score of a pair with the pairs left out, or -1 below the least of a link.
    const score = (e: number, f: number) => {
      let together = counts.together.get(e * counts.trSize + f) ?? 0
      let refCount = counts.refCount[e]!
      let trCount = counts.trCount[f]!
      for (let k = 0; k < out.length; k++) {
        const inRef = outRef[k]!.has(e)
        const inTr = outTr[k]!.has(f)
        if (inRef) refCount--
        if (inTr) trCount--
        if (inRef && inTr) together--
      }
      const dice = together >= TOGETHER ? (2 * together) / (refCount + trCount) : 0
      return dice >= DICE ? dice : -1
    }
    // Links that are not co-occurrences' (the same spelling, a term) are not relinked.
    const fixedRef = (e: number) => counts.refLink[e] !== -1 && counts.refPartner[e] === -1
    const fixedTr = (f: number) => counts.trLink[f] !== -1 && counts.trPartner[f] === -1
    const known = candidatesOf(counts)
    const candidates: Array<[number, number, number]> = []
    for (const e of changedRef) {
      if (fixedRef(e)) continue
      for (const f of known.ref.get(e) ?? []) if (!fixedTr(f)) candidates.push([score(e, f), e, f])
    }
    for (const f of changedTr) {
      if (fixedTr(f)) continue
      for (const e of known.tr.get(f) ?? []) if (!changedRef.has(e) && !fixedRef(e)) candidates.push([score(e, f), e, f])
    }
    candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
    const refLinks = new Map<number, number>()
    const trLinks = new Map<number, number>()
    for (const e of changedRef) if (!fixedRef(e)) refLinks.set(e, -1)
    for (const f of changedTr) if (!fixedTr(f)) trLinks.set(f, -1)
    const refTaken = new Set<number>()
    const trTaken = new Set<number>()
    for (const [dice, e, f] of candidates) {
      if (dice < 0 || refTaken.has(e) || trTaken.has(f)) continue
      // A word outside the pairs keeps its own link (to another word), which its score won.
      if (!changedRef.has(e) && counts.refPartner[e] !== -1 && counts.refPartner[e] !== f) continue
      if (!changedTr.has(f) && counts.trPartner[f] !== -1 && counts.trPartner[f] !== e) continue
      refTaken.add(e)
      trTaken.add(f)
      // The concept both take: the translation word's, or the reference word's, or a new one of the reference side.
      const concept = counts.trLink[f]! !== -1 ? counts.trLink[f]! : counts.refLink[e]! !== -1 ? counts.refLink[e]! : counts.refOwn + e
      if (changedRef.has(e)) refLinks.set(e, concept)
      if (changedTr.has(f)) trLinks.set(f, concept)
      if (!changedRef.has(e) && counts.refLink[e]! !== concept) refLinks.set(e, concept)
      if (!changedTr.has(f) && counts.trLink[f]! !== concept) trLinks.set(f, concept)
    }
    const value = { refLinks, trLinks }
    this.relinks = { key, value }
    return value
  }

  /** A support on the document's own scale: 0 at chance, 1 at its typical pair's. */
  scaledSupport(support: number): number {
    return this.typicalSupport > this.chanceSupport ? (support - this.chanceSupport) / (this.typicalSupport - this.chanceSupport) : 0
  }

  /** A similarity on the document's own scale: 0 at chance, 1 at its typical pair (and more for pairs more alike). */
  scaled(similarity: number): number {
    return this.typical > this.chance ? (similarity - this.chance) / (this.typical - this.chance) : 0
  }

  /**
   * Learn the table from the units' texts and the pairs (reference index, translation index) a first alignment is
   * sure of, with the terms of a glossary if any. Linear in the documents' length: at most {@link PAIRS} pairs of at
   * most {@link WORDS_PER_UNIT} words each are counted.
   */
  static learn(reference: readonly LexiconUnit[], translation: readonly LexiconUnit[], pairs: readonly (readonly [number, number])[], terms: readonly TermSeed[] = []): Lexicon {
    const refVocabulary = new Map<string, number>()
    const trVocabulary = new Map<string, number>()
    const refWords = reference.map(tokensOf)
    const trWords = translation.map(tokensOf)
    const ids = (words: string[], vocabulary: Map<string, number>) => {
      const seen = new Set<number>()
      for (const word of words) {
        let id = vocabulary.get(word)
        if (id === undefined) vocabulary.set(word, (id = vocabulary.size))
        seen.add(id)
      }
      return Int32Array.from(seen)
    }
    const refIds = refWords.map((words) => ids(words, refVocabulary))
    const trIds = trWords.map((words) => ids(words, trVocabulary))
    const refSpelling = [...refVocabulary.keys()]
    const trSpelling = [...trVocabulary.keys()]
    const refSize = refVocabulary.size
    const trSize = trVocabulary.size

    // Co-occurrences in the sure pairs, spread evenly over the document.
    const sampled = Math.min(pairs.length, PAIRS)
    const refCount = new Int32Array(refSize)
    const trCount = new Int32Array(trSize)
    const together = new Map<number, number>()
    for (let s = 0; s < sampled; s++) {
      const [i, j] = pairs[Math.floor((s * pairs.length) / sampled)]!
      const left = refIds[i]!.subarray(0, WORDS_PER_UNIT)
      const right = trIds[j]!.subarray(0, WORDS_PER_UNIT)
      for (const e of left) refCount[e]!++
      for (const f of right) trCount[f]!++
      for (const e of left) {
        for (const f of right) {
          const key = e * trSize + f
          together.set(key, (together.get(key) ?? 0) + 1)
        }
      }
    }

    // Links: words written the same first, then by Dice score, each word linked once (competitive linking).
    const refLink = new Int32Array(refSize).fill(-1)
    const trLink = new Int32Array(trSize).fill(-1)
    const table: LexiconEntry[] = []
    let concepts = 0
    // The word each word was linked with by co-occurrence, and the least Dice score that link needed.
    const refPartner = new Int32Array(refSize).fill(-1)
    const trPartner = new Int32Array(trSize).fill(-1)
    const refLeast = new Float64Array(refSize)
    const trLeast = new Float64Array(trSize)
    const link = (e: number, f: number, source: LexiconEntry['source'], score: number) => {
      refLink[e] = trLink[f] = concepts++
      if (source === 'together') {
        refPartner[e] = f
        trPartner[f] = e
        refLeast[e] = trLeast[f] = DICE
      }
      table.push({ reference: refSpelling[e]!, translation: trSpelling[f]!, source, score })
    }
    const candidates: [number, number, number, number][] = []
    for (const [word, e] of refVocabulary) {
      const f = trVocabulary.get(word)
      if (f === undefined) continue
      // A long word or a number is the same word; a short one (an acronym, or a word of each language that happens to
      // be spelled alike) competes with the words it occurs with, ahead of them.
      if (word.length >= SAME || /\p{N}/u.test(word)) link(e, f, 'same', 1)
      else candidates.push([1 + dice(e, f), 0, e, f])
    }
    function dice(e: number, f: number): number {
      const count = together.get(e * trSize + f) ?? 0
      return count === 0 ? 0 : (2 * count) / (refCount[e]! + trCount[f]!)
    }
    for (const [key, count] of together) {
      if (count < TOGETHER) continue
      const e = Math.floor(key / trSize)
      const f = key - e * trSize
      const score = dice(e, f)
      if (score >= DICE) candidates.push([score, count, e, f])
    }
    candidates.sort((a, b) => b[0] - a[0] || b[1] - a[1] || a[2] - b[2] || a[3] - b[3])
    for (const [score, count, e, f] of candidates) if (refLink[e] === -1 && trLink[f] === -1) link(e, f, count === 0 ? 'same' : 'together', Math.min(1, score))
    // A word strongly tied to a word already linked joins its concept (a compound and its parts: "licens", "grant" and
    // "lizenz"), a few words a side at most.
    const size = new Int32Array(concepts * 2)
    for (const [score, count, e, f] of candidates) {
      if (count === 0 || score < JOIN || (refLink[e] === -1) === (trLink[f] === -1)) continue
      if (refLink[e] === -1) {
        const concept = trLink[f]!
        if (size[2 * concept]! >= JOINED) continue
        size[2 * concept]!++
        refLink[e] = concept
        refPartner[e] = f
        refLeast[e] = JOIN
      } else {
        const concept = refLink[e]!
        if (size[2 * concept + 1]! >= JOINED) continue
        size[2 * concept + 1]!++
        trLink[f] = concept
        trPartner[f] = e
        trLeast[f] = JOIN
      }
      table.push({ reference: refSpelling[e]!, translation: trSpelling[f]!, source: 'together', score })
    }

    // A glossary term is a concept of its own, in every unit that has one of its forms (a run of its words).
    const termConcepts: { reference: string[][]; translation: string[][]; concept: number }[] = []
    for (const [refForms, trForms] of terms) {
      termConcepts.push({ reference: refForms.map(wordsOf).filter((words) => words.length > 0), translation: trForms.map(wordsOf).filter((words) => words.length > 0), concept: concepts++ })
      const [refForm] = refForms
      const [trForm] = trForms
      if (refForm !== undefined && trForm !== undefined) table.push({ reference: refForm, translation: trForm, source: 'term', score: 1 })
    }
    // Words without a link are concepts of their own side.
    const refOwn = concepts
    const trOwn = refOwn + refSize
    const total = trOwn + trSize
    // The concepts that are link targets.
    const target = new Set<number>()
    const conceptsOf = (words: string[], unitIds: Int32Array, links: Int32Array, own: number, side: 'reference' | 'translation') => {
      const found = new Set<number>()
      const spelling = side === 'reference' ? refSpelling : trSpelling
      for (const id of unitIds) {
        const concept = links[id]! === -1 ? own + id : links[id]!
        found.add(concept)
        if (spelling[id]!.startsWith('→')) target.add(concept)
      }
      for (const term of termConcepts) if (term[side].some((form) => contains(words, form))) found.add(term.concept)
      return Int32Array.from(found).sort()
    }
    const referenceConcepts = refWords.map((words, i) => conceptsOf(words, refIds[i]!, refLink, refOwn, 'reference'))
    const translationConcepts = trWords.map((words, j) => conceptsOf(words, trIds[j]!, trLink, trOwn, 'translation'))

    // Weights: the inverse document frequency of each concept over the units of both sides.
    const frequency = new Int32Array(total)
    for (const set of referenceConcepts) for (const concept of set) frequency[concept]!++
    for (const set of translationConcepts) for (const concept of set) frequency[concept]!++
    // A linked word's own concept is in no unit's set: it counts the units of its side that have the word, and weighs
    // what the word would if its link were not made (a similarity that leaves pairs out, similarityWithout).
    for (const unit of refIds) for (const e of unit) if (refPartner[e] !== -1) frequency[refOwn + e]!++
    for (const unit of trIds) for (const f of unit) if (trPartner[f] !== -1) frequency[trOwn + f]!++
    const units = reference.length + translation.length
    const weight = Float64Array.from(frequency, (count, concept) => (count === 0 ? 0 : Math.log(1 + units / count) * (concept >= refOwn ? UNKNOWN : 1) * (target.has(concept) ? LINK : 1)))
    const wordWeight = weight.map((value, concept) => (target.has(concept) || (concept >= refOwn && (concept < trOwn ? refSpelling[concept - refOwn]! : trSpelling[concept - trOwn]!).startsWith('→')) ? 0 : value))
    const counted = new Set<number>()
    for (let s = 0; s < sampled; s++) {
      const [i, j] = pairs[Math.floor((s * pairs.length) / sampled)]!
      counted.add(i * translation.length + j)
    }
    const counts: Counts = {
      refIds,
      trIds,
      refCount,
      trCount,
      together,
      trSize,
      trUnits: translation.length,
      counted,
      refLink,
      trLink,
      refPartner,
      trPartner,
      refLeast,
      trLeast,
      refOwn,
      trOwn,
    }
    const lexicon = new Lexicon(referenceConcepts, translationConcepts, weight, wordWeight, table, sampled, 0, 0)
    const similar: number[] = []
    const apart: number[] = []
    const supported: number[] = []
    const unsupported: number[] = []
    for (let s = 0; s < sampled; s++) {
      const k = Math.floor((s * pairs.length) / sampled)
      const [i, j] = pairs[k]!
      similar.push(lexicon.similarity(i, j))
      supported.push(...lexicon.support(i, j))
      if (k + 2 < pairs.length) {
        const [i2, j2] = pairs[k + 2]!
        apart.push(lexicon.similarity(i, j2))
        unsupported.push(lexicon.support(i, j2)[0], lexicon.support(i2, j)[1])
      }
    }
    return new Lexicon(referenceConcepts, translationConcepts, weight, wordWeight, table, sampled, median(similar), median(apart), median(supported), median(unsupported), counts)
  }

  /** The learnt pairs of words (and the glossary's terms), strongest first within each source. */
  entries(): readonly LexiconEntry[] {
    return this.table
  }

  /**
   * How much reference units `i` (and `i2`) and translation units `j` (and `j2`) say the same, from 0 to 1: the
   * weighted Dice coefficient of their concepts (0 when both have none). With `words`, by the words alone, without the
   * link targets.
   */
  similarity(i: number, j: number, i2 = -1, j2 = -1, words = false): number {
    this.measure(i, j, i2, j2, words)
    return OVERLAP.first + OVERLAP.second === 0 ? 0 : (2 * OVERLAP.both) / (OVERLAP.first + OVERLAP.second)
  }

  /**
   * The share of the weight of reference units `i` (and `i2`) found in translation units `j` (and `j2`), and the
   * share of theirs found in the reference units: how much of each side the other supports, each from 0 to 1.
   */
  support(i: number, j: number, i2 = -1, j2 = -1, words = false): [reference: number, translation: number] {
    this.measure(i, j, i2, j2, words)
    return [OVERLAP.first === 0 ? 0 : OVERLAP.both / OVERLAP.first, OVERLAP.second === 0 ? 0 : OVERLAP.both / OVERLAP.second]
  }

  private measure(i: number, j: number, i2: number, j2: number, words: boolean): void {
    const refs = this.referenceConcepts
    const trs = this.translationConcepts
    overlap(words ? this.wordWeight : this.weight, refs[i]!, trs[j]!, i2 === -1 ? NONE : refs[i2]!, j2 === -1 ? NONE : trs[j2]!)
  }
}

/** What a table keeps of its learning to leave pairs out of its counts. */
interface Counts {
  /** The word IDs of each unit (the first {@link WORDS_PER_UNIT} of them counted). */
  refIds: Int32Array[]
  trIds: Int32Array[]
  refCount: Int32Array
  trCount: Int32Array
  together: Map<number, number>
  trSize: number
  trUnits: number
  /** The pairs counted, as `i * trUnits + j`. */
  counted: Set<number>
  refLink: Int32Array
  trLink: Int32Array
  refPartner: Int32Array
  trPartner: Int32Array
  refLeast: Float64Array
  trLeast: Float64Array
  refOwn: number
  trOwn: number
  /**
   * For each word, the words of the other side it occurs with in {@link TOGETHER} pairs or more, its best
   * {@link CANDIDATES} by Dice score: made on first use ({@link candidatesOf}), as only the table that judges swaps needs them.
   */
  candidates?: { ref: Map<number, number[]>; tr: Map<number, number[]> }
}

/**
 * Each word's candidates for a link made again without some pairs: its best few by Dice score (leaving two pairs out
 * moves a score little; a word that occurs everywhere has thousands of partners, and a swap is judged often).
 */
function candidatesOf(counts: Counts): { ref: Map<number, number[]>; tr: Map<number, number[]> } {
  if (counts.candidates) return counts.candidates
  const refScored = new Map<number, Array<[number, number]>>()
  const trScored = new Map<number, Array<[number, number]>>()
  for (const [key, count] of counts.together) {
    if (count < TOGETHER) continue
    const e = Math.floor(key / counts.trSize)
    const f = key - e * counts.trSize
    const score = (2 * count) / (counts.refCount[e]! + counts.trCount[f]!)
    ;(refScored.get(e) ?? refScored.set(e, []).get(e)!).push([score, f])
    ;(trScored.get(f) ?? trScored.set(f, []).get(f)!).push([score, e])
  }
  const best = (scored: Map<number, Array<[number, number]>>) =>
    new Map([...scored].map(([word, list]) => [word, list.sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, CANDIDATES).map(([, other]) => other)]))
  counts.candidates = { ref: best(refScored), tr: best(trScored) }
  return counts.candidates
}

/** Whether `words` has the run `form`. */
function contains(words: readonly string[], form: readonly string[]): boolean {
  outer: for (let start = 0; start + form.length <= words.length; start++) {
    for (let k = 0; k < form.length; k++) if (words[start + k] !== form[k]) continue outer
    return true
  }
  return false
}

function median(values: number[]): number {
  values.sort((a, b) => a - b)
  return values.length === 0 ? 0 : values[values.length >> 1]!
}
