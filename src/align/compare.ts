// Compare a translation with its reference: align the blocks, then report structural and content findings.
import { createHash } from 'node:crypto'
import { findLeadIns } from '../text/lead-ins.js'
import { hashText } from '../text/hash.js'
import { type Block, type ParsedDocument, normaliseText } from '../text/document.js'
import { type ClauseKind, classifyClause } from '../modality/classify.js'
import { alignWithLexicon, cognates } from '../text/align.js'
import type { TermSeed } from '../text/lexicon-table.js'
import { language } from '../languages/index.js'
import { CHECKS, CHECK_BY_ID } from './checks/index.js'
import { compareLinkOrder } from './checks/link-order.js'
import { type AlignedPair, type Finding, type FindingPlace, type RawFinding, type Side, finding, referencePlace } from './findings.js'
import type { Glossary } from './glossary.js'
import { links, numbers } from './numbers.js'

/** What to compare. */
export interface CompareOptions {
  reference: ParsedDocument
  referenceLocale: string
  translation: ParsedDocument
  translationLocale: string
  /** Pair blocks by their `{#id}` where both have one. */
  useIds: boolean
  glossary: Glossary
  /** For each translated clause ID, the hash of the reference text it was made from (enables stale-translation). */
  basis?: Readonly<Record<string, string>> | undefined
}

/** Kinds of a document's blocks, each from its own language's lexicon and its own lead-ins. */
export function kindsOf(blocks: readonly Block[], locale: string): ClauseKind[] {
  const leadIns = findLeadIns(blocks)
  const kinds: ClauseKind[] = []
  blocks.forEach((block, index) => {
    if (block.form === 'heading') return void kinds.push('informative')
    const leadIn = leadIns[index]!
    kinds.push(classifyClause(block.text, { language: locale, leadIn: leadIn === -1 ? undefined : kinds[leadIn], item: block.form === 'item' }))
  })
  return kinds
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Compare two documents; findings in the order of the translation (then the reference). */
export function compareDocuments(options: CompareOptions): Finding[] {
  const reference: Side = { file: options.reference.file, locale: options.referenceLocale, blocks: options.reference.blocks, kinds: kindsOf(options.reference.blocks, options.referenceLocale) }
  const translation: Side = { file: options.translation.file, locale: options.translationLocale, blocks: options.translation.blocks, kinds: kindsOf(options.translation.blocks, options.translationLocale) }
  const { beads } = alignWithLexicon(reference.blocks, translation.blocks, { useIds: options.useIds, terms: termSeeds(options.glossary, reference.locale, translation.locale) })
  // The checks that read a language's words run only where both languages have a pack.
  const packed = language(reference.locale) !== undefined && language(translation.locale) !== undefined
  const findings: Finding[] = []

  const place = (side: Side, index: number | undefined): FindingPlace | null => {
    if (index === undefined) return null
    const block = side.blocks[index]!
    return { file: side.file, line: block.line, column: block.column }
  }
  const textOf = (side: Side, indices: readonly number[]) => indices.map((index) => side.blocks[index]!.text).join(' ')
  // Each pair's texts are normalised once, however many findings it has (a clause may be long).
  const normalised = new Map<string, string>()
  const normalisedOf = (side: Side, indices: readonly number[]): string => {
    const key = `${side === reference ? 'r' : 't'}${indices.join(',')}`
    let text = normalised.get(key)
    if (text === undefined) normalised.set(key, (text = normaliseText(textOf(side, indices))))
    return text
  }
  const emit = (check: string, message: string, pair: AlignedPair, severity?: 'warning') => {
    const found = CHECK_BY_ID.get(check)!
    // A finding the check is less sure of is a warning (RawFinding.severity), the check's own severity otherwise.
    const definition = severity ? { id: found.id, severity } : found
    const clause = pair.reference.map((index) => reference.blocks[index]!.id).find((id) => id !== undefined) ?? pair.translation.map((index) => translation.blocks[index]!.id).find((id) => id !== undefined) ?? null
    const hash = sha256(`${check}\0${normalisedOf(reference, pair.reference)}\0${normalisedOf(translation, pair.translation)}`)
    findings.push(finding(definition, message, { reference: place(reference, pair.reference[0]), translation: place(translation, pair.translation[0]) }, clause, hash))
  }
  const features = featureCache()
  const similarity = (a: Block, b: Block) => similarityOf(features(a, reference.locale), features(b, translation.locale))
  const excerpt = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text)

  // 1. Sort beads into pairs, merges, splits, and blocks without a counterpart; the aligner's moved pairs are moves.
  const pairs: AlignedPair[] = []
  const joined: AlignedPair[] = []
  const pendingMoves: AlignedPair[] = []
  let onlyReference: number[] = []
  let onlyTranslation: number[] = []
  for (const bead of beads) {
    if (bead.moved) pendingMoves.push({ reference: bead.reference, translation: bead.translation })
    else if (bead.reference.length === 1 && bead.translation.length === 1) {
      const [r] = bead.reference as [number]
      const [t] = bead.translation as [number]
      const a = reference.blocks[r]!
      const b = translation.blocks[t]!
      if (options.useIds && a.id !== undefined && b.id !== undefined && a.id !== b.id) {
        onlyReference.push(r)
        onlyTranslation.push(t)
      } else pairs.push({ reference: [r], translation: [t] })
    } else if (bead.translation.length === 0) onlyReference.push(...bead.reference)
    else if (bead.reference.length === 0) onlyTranslation.push(...bead.translation)
    else joined.push({ reference: bead.reference, translation: bead.translation })
  }

  // Blocks without a counterpart, indexed, so that looking for a block's counterpart reads few candidates, not all.
  const referencePool = new Pool(onlyReference, reference.blocks, (block) => features(block, reference.locale).cognates)
  const translationPool = new Pool(onlyTranslation, translation.blocks, (block) => features(block, translation.locale).cognates)
  // A merge or split whose extra part is clearly a block missing elsewhere is a move, not a merge:
  // two swapped clauses look to the aligner like a split next to a gap.
  const undoneBeads = new Set<number>()
  for (let index = joined.length - 1; index >= 0; index--) {
    const bead = joined[index]!
    const merge = bead.reference.length === 2
    const [single] = merge ? bead.translation : bead.reference
    const parts = merge ? bead.reference : bead.translation
    const pool = merge ? translationPool : referencePool
    let undone = false
    for (const part of parts) {
      const partBlock = (merge ? reference : translation).blocks[part]!
      // Only a block sharing a stem with the part can be more like it than nothing.
      for (const other of pool.sharing(features(partBlock, merge ? reference.locale : translation.locale).cognates)) {
        const otherBlock = (merge ? translation : reference).blocks[other]!
        const singleBlock = (merge ? translation : reference).blocks[single!]!
        const withOther = merge ? similarity(partBlock, otherBlock) : similarity(otherBlock, partBlock)
        const withSingle = merge ? similarity(partBlock, singleBlock) : similarity(singleBlock, partBlock)
        if (withOther > withSingle && withOther > 0) {
          const rest = parts.find((candidate) => candidate !== part)!
          pairs.push(merge ? { reference: [rest], translation: [single!] } : { reference: [single!], translation: [rest] })
          // The part and the block without a counterpart are the same clause, at different places.
          const move = merge ? { reference: [part], translation: [other] } : { reference: [other], translation: [part] }
          pendingMoves.push(move)
          pool.remove(other)
          undoneBeads.add(index)
          undone = true
          break
        }
      }
      if (undone) break
    }
  }
  onlyReference = referencePool.remaining()
  const merged = joined.filter((_, index) => !undoneBeads.has(index))
  for (const pair of merged) {
    if (pair.reference.length === 2) {
      emit('merged-clauses', `Merged clauses: reference clauses “${excerpt(textOf(reference, [pair.reference[0]!]))}” and “${excerpt(textOf(reference, [pair.reference[1]!]))}” are one clause in the translation`, pair)
    } else {
      emit('split-clause', `Split clause: reference clause “${excerpt(textOf(reference, pair.reference))}” is two clauses in the translation`, pair)
    }
  }

  // 2. A block missing here and extra there is a moved block: the same ID, or clearly the same text.
  const moved: AlignedPair[] = [...pendingMoves]
  const movedReference = new Set<number>()
  for (const r of onlyReference) {
    const a = reference.blocks[r]!
    const heading = a.form === 'heading'
    const byId = options.useIds && a.id !== undefined
    // The same ID scores 2, above any similarity: the first such block wins.
    let best = byId ? translationPool.withId(a.id!, heading) : undefined
    let bestScore = best === undefined ? 0 : 2
    if (best === undefined) {
      for (const t of translationPool.sharing(features(a, reference.locale).cognates, heading)) {
        const b = translation.blocks[t]!
        // Blocks with different IDs are different clauses.
        if (byId && b.id !== undefined) continue
        const score = similarity(a, b)
        if (score > bestScore) {
          best = t
          bestScore = score
        }
      }
    }
    if (best !== undefined && bestScore >= 0.3) {
      moved.push({ reference: [r], translation: [best] })
      movedReference.add(r)
      translationPool.remove(best)
    }
  }
  onlyReference = onlyReference.filter((r) => !movedReference.has(r))
  onlyTranslation = translationPool.remaining()
  for (const pair of moved) {
    const a = reference.blocks[pair.reference[0]!]!
    const b = translation.blocks[pair.translation[0]!]!
    emit('moved-clause', `Moved ${a.form === 'heading' ? 'heading' : 'clause'}: “${excerpt(b.text)}” stands at another place than in the reference (line ${a.line})`, pair)
    pairs.push(pair)
  }
  for (const r of onlyReference) {
    const block = reference.blocks[r]!
    const pair = { reference: [r], translation: [] }
    if (block.form === 'heading') emit('heading-mismatch', `Missing heading: “${excerpt(block.text)}” has no counterpart in the translation`, pair)
    else emit('missing-clause', `Missing clause: “${excerpt(block.text)}” has no counterpart in the translation`, pair)
  }
  for (const t of onlyTranslation) {
    const block = translation.blocks[t]!
    const pair = { reference: [], translation: [t] }
    if (block.form === 'heading') emit('heading-mismatch', `Extra heading: “${excerpt(block.text)}” has no counterpart in the reference`, pair)
    else emit('extra-clause', `Extra clause: “${excerpt(block.text)}” has no counterpart in the reference`, pair)
  }

  // 3. Content checks on every pair.
  const logs = pairs
    .filter((pair) => reference.blocks[pair.reference[0]!]!.form !== 'heading' && reference.blocks[pair.reference[0]!]!.text.length >= 30)
    .map((pair) => Math.log(Math.max(1, translation.blocks[pair.translation[0]!]!.text.length) / reference.blocks[pair.reference[0]!]!.text.length))
  const median = middle(logs)
  const mad = middle(logs.map((value) => Math.abs(value - median)))
  const ratio = { median, mad }

  // The document's links in order, over the pairs the content checks read (link-order); the links that only moved are
  // left out of url-mismatch.
  const checked = [...merged, ...pairs.filter((pair) => (reference.blocks[pair.reference[0]!]!.form === 'heading') === (translation.blocks[pair.translation[0]!]!.form === 'heading'))]
  const linkLists = compareLinkOrder(reference, translation, checked)

  function contentChecks(pair: AlignedPair, enabled: { modality: boolean; ratio: boolean }) {
    const referenceText = textOf(reference, pair.reference)
    const translationText = textOf(translation, pair.translation)
    const context = { reference, translation, pair, referenceText, translationText, glossary: options.glossary, ratio, movedLinks: linkLists.movedLinks }
    for (const check of CHECKS) {
      if (!check.pair) continue
      if (check.needsLanguage && !packed) continue
      if (!enabled.modality && check.id === 'modality-mismatch') continue
      if (!enabled.ratio && check.id === 'length-ratio') continue
      for (const raw of check.pair(context) as RawFinding[]) emit(raw.check, raw.message, pair, raw.severity)
    }
  }

  for (const pair of merged) contentChecks(pair, { modality: false, ratio: false })
  for (const pair of pairs) {
    const a = reference.blocks[pair.reference[0]!]!
    const b = translation.blocks[pair.translation[0]!]!
    if ((a.form === 'heading') !== (b.form === 'heading')) {
      emit('heading-mismatch', `Heading aligned with a non-heading: “${excerpt(a.text)}” (${a.form}) ↔ “${excerpt(b.text)}” (${b.form})`, pair)
      continue
    }
    const heading = a.form === 'heading'
    contentChecks(pair, { modality: !heading, ratio: !heading })
    // 4. Stale translations: the reference text changed after this clause was translated.
    if (options.basis && a.id !== undefined && a.id === b.id) {
      const current = hashText(a.text)
      const recorded = options.basis[a.id]
      if (recorded !== current) {
        emit(
          'stale-translation',
          recorded === undefined
            ? `Stale translation: no record of the reference text \`${a.id}\` was translated from`
            : `Stale translation: the reference text of \`${a.id}\` changed after it was translated`,
          pair,
        )
      }
    }
  }

  for (const found of linkLists.findings) emit('link-order', found.message, found.pair)

  const order = (found: Finding) => [found.line ?? 0, referencePlace(found)?.line ?? 0]
  return findings.sort((x, y) => {
    const [a1, a2] = order(x)
    const [b1, b2] = order(y)
    return a1! - b1! || a2! - b2! || x.ruleId.localeCompare(y.ruleId)
  })
}

/** The glossary's terms between the two languages, and the terms kept as they are, as seeds of the aligner's table. */
function termSeeds(glossary: Glossary, from: string, to: string): TermSeed[] {
  const seeds: TermSeed[] = glossary.keep.map((term) => [[term], [term]] as const)
  for (const term of glossary.terms) {
    const left = term[from]
    const right = term[to]
    if (left && right && left.length > 0 && right.length > 0) seeds.push([left, right])
  }
  return seeds
}

/** Index entries a search for a block's counterpart reads at most (a bound for documents of thousands of unpaired blocks). */
const CANDIDATE_READS = 2_000

/**
 * The blocks of one side without a counterpart, in document order, indexed by cognate key (headings apart from the
 * rest) and by ID, so that finding a block's likely counterpart reads the blocks that share a stem with it, not all.
 */
class Pool {
  private readonly position = new Map<number, number>()
  private readonly removed = new Set<number>()
  private readonly byKey = new Map<string, number[]>()
  private readonly byId = new Map<string, number[]>()

  constructor(
    private readonly indices: readonly number[],
    private readonly blocks: readonly Block[],
    cognatesOf: (block: Block) => Set<string>,
  ) {
    indices.forEach((index, position) => {
      this.position.set(index, position)
      const block = blocks[index]!
      const kind = block.form === 'heading' ? 'h' : 'c'
      for (const key of cognatesOf(block)) {
        const list = this.byKey.get(kind + key)
        if (list) list.push(index)
        else this.byKey.set(kind + key, [index])
      }
      if (block.id !== undefined) {
        const list = this.byId.get(block.id)
        if (list) list.push(index)
        else this.byId.set(block.id, [index])
      }
    })
  }

  /** Blocks left that share a key with `cognates` (headings only, others only, or both), in document order. */
  sharing(cognates: ReadonlySet<string>, heading?: boolean): number[] {
    const found = new Set<number>()
    let reads = 0
    const kinds = heading === undefined ? ['h', 'c'] : [heading ? 'h' : 'c']
    search: for (const key of cognates) {
      for (const kind of kinds) {
        for (const index of this.byKey.get(kind + key) ?? []) {
          if (++reads > CANDIDATE_READS) break search
          if (!this.removed.has(index)) found.add(index)
        }
      }
    }
    return [...found].sort((a, b) => this.position.get(a)! - this.position.get(b)!)
  }

  /** The first block left with this ID and kind (heading or not). */
  withId(id: string, heading: boolean): number | undefined {
    return this.byId.get(id)?.find((index) => !this.removed.has(index) && (this.blocks[index]!.form === 'heading') === heading)
  }

  remove(index: number): void {
    this.removed.add(index)
  }

  /** The blocks left, in document order. */
  remaining(): number[] {
    return this.indices.filter((index) => !this.removed.has(index))
  }
}

/** What {@link similarityOf} reads of a block, computed once a block. */
interface Features {
  cognates: Set<string>
  /** Numbers and links, joined: two blocks agree on their anchors when these are equal. */
  anchors: string
}

/** Features of blocks, each computed once per comparison (a block may be compared with many others). */
function featureCache(): (block: Block, locale: string) => Features {
  const caches = new Map<string, Map<Block, Features>>()
  return (block, locale) => {
    let cache = caches.get(locale)
    if (!cache) caches.set(locale, (cache = new Map()))
    let features = cache.get(block)
    if (!features) cache.set(block, (features = { cognates: cognates(block.text), anchors: `${numbers(block.text, locale).join('\0')}\u0001${links(block.text).join('\0')}` }))
    return features
  }
}

/** How clearly two blocks say the same thing, from 0 to 1: shared stems, numbers and links. */
function similarityOf(a: Features, b: Features): number {
  const [small, large] = a.cognates.size <= b.cognates.size ? [a.cognates, b.cognates] : [b.cognates, a.cognates]
  let shared = 0
  for (const key of small) if (large.has(key)) shared++
  const total = a.cognates.size + b.cognates.size
  const dice = total === 0 ? 0 : (2 * shared) / total
  return a.anchors === b.anchors ? dice : dice / 2
}

function middle(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
