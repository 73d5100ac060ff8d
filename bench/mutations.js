#!/usr/bin/env node
// The mutation harness of the locale checks (issue 15, item 6). Over the real corpus (test/fixtures/corpus: Mozilla's
// legal documents, en↔nl, en↔de, en↔fr) and the Pinterest pair (locales/en|nl/pinterest.md, with IDs):
// 1. the false errors on each unmutated pair (findings with fatal === true, by check);
// 2. automatic mutations of the translation's Markdown text (then parsed as a translator's file would be), sites chosen
//    by a seeded PRNG, N trials per kind per pair, each scored as `found` (the expected check, within one line of the
//    mutated place: the translation's line, or the reference's for a drop), `wrong` (a new finding near the place, not
//    the expected one) or `missed` (no new finding near it). Findings of the unmutated pair are not new: a finding is
//    new unless one of the unmutated pair's has its hash, or its check, message, side and (shifted) lines (a clause that
//    already had a number-mismatch and now has another number wrong gets a new message: that is a new finding).
// A site must be one the mutation changes as its kind says: `localize link` gives a link the language segment of a third
// language (replacing one that is a language, `/en-US/`, and put before any other, `/kb/`); `reference language` takes
// only blocks the translator translated (not a name or address that keeps most of the reference's words).
// `node bench/mutations.js` prints the table; MUTATION_TRIALS (default 5) and MUTATION_SEED (default 15) change the run;
// `--write` also writes bench/mutations.json, from which `npm run docs` generates the README's table.
// The library is the built one (dist/: `npm run build:ts` first).
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { arch, cpus, platform } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { compareDocuments } from '../dist/align/compare.js'
import { CHECK_BY_ID } from '../dist/align/checks/index.js'
import { isLanguageTag } from '../dist/align/checks/link-targets.js'
import { NO_GLOSSARY, readGlossary } from '../dist/align/glossary.js'
import { parseMarkdown } from '../dist/ingest/parse-markdown.js'
import { align } from '../dist/text/align.js'
import { random } from './profiles.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')
const LANGUAGES = ['nl', 'de', 'fr']
/** Columns of the table: the corpus per language, and the Pinterest pair (en↔nl). */
const COLUMNS = [...LANGUAGES, 'pinterest']

/** Each mutation kind and the checks that count as found for it. */
const POLARITY = [...CHECK_BY_ID.keys()].filter((id) => /polarity|negation/.test(id))
export const KINDS = {
  'drop item': ['missing-clause'],
  'drop paragraph': ['missing-clause'],
  'swap items': ['moved-clause'],
  'insert sentence': ['extra-clause'],
  'change number': ['number-mismatch'],
  'change link': ['url-mismatch', 'link-order'],
  'localize link': ['localized-link'],
  'change e-mail': ['url-mismatch'],
  'remove negation': ['modality-mismatch', ...POLARITY],
  'merge items': ['merged-clauses'],
  'reference language': ['untranslated'],
}

const MARKER = /^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+)/
const ATTRIBUTES = /\s*\{[:#][^}]*\}\s*$/
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
/** Negations to remove, per language: the whole match is replaced by the groups kept. */
const NEGATIONS = {
  nl: [{ pattern: /(^|[^\p{L}])(niet|geen)(?=[^\p{L}]|$)\s?/giu, keep: (m, before) => before }],
  de: [{ pattern: /(^|[^\p{L}])(nicht|kein(?:e|er|es|em|en)?)(?=[^\p{L}]|$)\s?/giu, keep: (m, before) => before }],
  fr: [
    { pattern: /(^|[^\p{L}])ne\s+pas\s+/giu, keep: (m, before) => before },
    { pattern: /(^|[^\p{L}])(?:ne\s+|n['’])((?:[^\s.,;:!?()]+\s+){0,2}?[^\s.,;:!?()]+)\s+pas(?=[^\p{L}]|$)/giu, keep: (m, before, kept) => before + kept },
  ],
}

// ---------------------------------------------------------------------------------------------------------------------
// Documents as lines and blocks

/** A translation's source lines and blocks, each block with its source span (1-based lines, inclusive). */
function layout(text, parsed) {
  const lines = text.split('\n')
  const starts = [...new Set(parsed.blocks.map((block) => block.line))].sort((a, b) => a - b)
  const children = new Set(parsed.blocks.map((block) => block.parent).filter((parent) => parent >= 0))
  const blocks = parsed.blocks.map((block, index) => {
    const next = starts.find((line) => line > block.line) ?? lines.length + 1
    let end = block.line
    while (end + 1 < next && lines[end]?.trim() !== '' && !/^\s*\{:/.test(lines[end] ?? '')) end++
    return { ...block, index, start: block.line, end, hasChildren: children.has(index) }
  })
  return { lines, blocks }
}

/** The text of a span, without its list marker and trailing attribute list, its lines joined. */
function spanText(lines, block) {
  const text = lines
    .slice(block.start - 1, block.end)
    .map((line) => line.trim())
    .join(' ')
  return text.replace(MARKER, '').replace(ATTRIBUTES, '')
}

/** Parts of a line not to mutate as text: link targets, attribute lists, HTML tags, URLs and e-mail addresses. */
function masked(line) {
  const mask = new Array(line.length).fill(false)
  for (const pattern of [/\]\([^)]*\)/g, /\{[^}]*\}/g, /<[^>]*>/g, /https?:\/\/[^\s)]+/g, EMAIL]) {
    for (const match of line.matchAll(pattern)) for (let i = match.index; i < match.index + match[0].length; i++) mask[i] = true
  }
  const marker = MARKER.exec(line)
  if (marker) for (let i = 0; i < marker[0].length; i++) mask[i] = true
  return mask
}

/** The words of a text, lowercase (numbers too). */
const wordsIn = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')

/** The share of the translation's words that are words of the reference (names, numbers, words left as they are). */
function kept(translation, reference) {
  const words = wordsIn(translation)
  const theirs = new Set(wordsIn(reference))
  return words.length === 0 ? 0 : words.filter((word) => theirs.has(word)).length / words.length
}

const shuffled = (list, rnd) => {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

// ---------------------------------------------------------------------------------------------------------------------
// Mutations: each takes the context and a candidate, returns { lines, edits, place, expectBlocks } or null.
// `edits` (start, removed, inserted) shift the unmutated pair's lines; `place` is { t: translation lines after the
// mutation, r: reference lines }; for a drop, the translation's lines are the blocks around the gap.

/** Replace lines [start, end] (1-based) by `replacement`. */
function splice(lines, start, end, replacement) {
  return [...lines.slice(0, start - 1), ...replacement, ...lines.slice(end)]
}

function textSites(ctx, pattern) {
  const sites = []
  for (const block of ctx.candidates) {
    for (let line = block.start; line <= block.end; line++) {
      const text = ctx.lines[line - 1]
      const mask = masked(text)
      for (const match of text.matchAll(pattern)) if (!mask[match.index]) sites.push({ block, line, index: match.index, match })
    }
  }
  return sites
}

const MUTATIONS = {
  'drop item': {
    sites: (ctx) => ctx.candidates.filter((block) => block.form === 'item' && !block.hasChildren),
    apply(ctx, block) {
      return { lines: splice(ctx.lines, block.start, block.end, []), edits: [[block.start, block.end - block.start + 1, 0]], place: { t: ctx.around(block), r: [ctx.referenceLine(block)] }, delta: -1 }
    },
  },
  'drop paragraph': {
    sites: (ctx) => ctx.candidates.filter((block) => block.form === 'paragraph' && block.parent === -1),
    apply(ctx, block) {
      const end = ctx.lines[block.end]?.trim() === '' ? block.end + 1 : block.end
      return { lines: splice(ctx.lines, block.start, end, []), edits: [[block.start, end - block.start + 1, 0]], place: { t: ctx.around(block), r: [ctx.referenceLine(block)] }, delta: -1 }
    },
  },
  'swap items': {
    sites: (ctx) => ctx.pairsOfItems(),
    apply(ctx, [first, second]) {
      if (spanText(ctx.lines, first) === spanText(ctx.lines, second)) return null
      // The contents swap; each list marker stays where it was (an ordered list keeps counting 1, 2, 3).
      const a = ctx.lines.slice(first.start - 1, first.end)
      const between = ctx.lines.slice(first.end, second.start - 1)
      const b = ctx.lines.slice(second.start - 1, second.end)
      const markerA = MARKER.exec(a[0])?.[0] ?? ''
      const markerB = MARKER.exec(b[0])?.[0] ?? ''
      const nowFirst = [markerA + b[0].slice(markerB.length), ...b.slice(1)]
      const nowSecond = [markerB + a[0].slice(markerA.length), ...a.slice(1)]
      const lines = splice(ctx.lines, first.start, second.end, [...nowFirst, ...between, ...nowSecond])
      const moved = first.start + nowFirst.length + between.length
      return { lines, edits: [[first.start, second.end - first.start + 1, second.end - first.start + 1]], place: { t: [first.start, moved], r: [ctx.referenceLine(first), ctx.referenceLine(second)] }, delta: 0 }
    },
  },
  'insert sentence': {
    sites: (ctx) => ctx.candidates.filter((block) => block.parent === -1 && block.form === 'paragraph'),
    apply(ctx, block, rnd) {
      if (ctx.foreign.length === 0) return null
      const text = ctx.foreign[Math.floor(rnd() * ctx.foreign.length)]
      const lines = splice(ctx.lines, block.end + 1, block.end, ['', text, ''])
      return { lines, edits: [[block.end + 1, 0, 3]], place: { t: [block.end + 2], r: [] }, delta: 1, what: `+ ${text.slice(0, 40)}…` }
    },
  },
  'change number': {
    sites: (ctx) => textSites(ctx, /\d+/g),
    apply(ctx, site, rnd) {
      const digits = site.match[0]
      const last = Number(digits.at(-1))
      const changed = digits.slice(0, -1) + String((last + 1 + Math.floor(rnd() * 8)) % 10)
      return ctx.inLine(site, changed)
    },
  },
  'change link': {
    sites: (ctx) => {
      const sites = []
      for (const block of ctx.candidates) {
        for (let line = block.start; line <= block.end; line++) {
          for (const match of ctx.lines[line - 1].matchAll(LINK)) if (!/^mailto:/i.test(match[1])) sites.push({ block, line, index: match.index, match })
        }
      }
      return sites
    },
    apply(ctx, site, rnd) {
      const target = site.match[1]
      // A wrong target pasted: another link of the same document, else another page of the same site.
      const others = ctx.targets.filter((other) => other !== target && !/^mailto:/i.test(other))
      const changed = others.length ? others[Math.floor(rnd() * others.length)] : /^https?:/.test(target) ? `${target.replace(/\/$/, '')}/other` : 'https://example.com/other'
      const text = ctx.lines[site.line - 1]
      const at = site.index + site.match[0].indexOf(target)
      return { ...ctx.replaceLine(site, text.slice(0, at) + changed + text.slice(at + target.length)), what: `${target} → ${changed}` }
    },
  },
  'localize link': {
    sites: (ctx) => {
      const sites = []
      for (const block of ctx.candidates) {
        for (let line = block.start; line <= block.end; line++) {
          for (const match of ctx.lines[line - 1].matchAll(LINK)) if (/^https?:\/\/[^/]+(\/|$)/i.test(match[1])) sites.push({ block, line, index: match.index, match })
        }
      }
      return sites
    },
    apply(ctx, site) {
      // The page in a third language: a translator's link to the wrong language's page. A first path segment that is a
      // language (`/en-US/`) is replaced; any other (`/kb/`, `/gp/`: a part of the site, not a language) stays, the
      // language put before it, as a localised site's pages are (`support.mozilla.org/de/kb/…`).
      const target = site.match[1]
      const third = ctx.locale === 'de' ? 'fr' : 'de'
      const changed = target.replace(/^(https?:\/\/[^/?#]+)(?:\/([^/?#]*))?/i, (_, host, segment) =>
        segment === undefined ? `${host}/${third}` : isLanguageTag(segment.toLowerCase()) ? `${host}/${third}` : `${host}/${third}/${segment}`,
      )
      const text = ctx.lines[site.line - 1]
      const at = site.index + site.match[0].indexOf(target)
      return { ...ctx.replaceLine(site, text.slice(0, at) + changed + text.slice(at + target.length)), what: `${target} → ${changed}` }
    },
  },
  'change e-mail': {
    sites: (ctx) => {
      const sites = []
      for (const block of ctx.candidates) {
        for (let line = block.start; line <= block.end; line++) for (const match of ctx.lines[line - 1].matchAll(EMAIL)) sites.push({ block, line, index: match.index, match })
      }
      // One site an address and a block: its every occurrence in the block changes.
      const seen = new Set()
      return sites.filter((site) => !seen.has(`${site.block.index}\0${site.match[0]}`) && seen.add(`${site.block.index}\0${site.match[0]}`))
    },
    apply(ctx, site, rnd) {
      const address = site.match[0]
      const [local, domain] = address.split('@')
      const at = Math.floor(rnd() * local.length)
      const letter = 'abcdefghijklmnopqrstuvwxyz'.replace(local[at]?.toLowerCase() ?? '', '')[Math.floor(rnd() * 25)]
      const changed = `${local.slice(0, at)}${letter}${local.slice(at + 1)}@${domain}`
      const lines = [...ctx.lines]
      for (let line = site.block.start; line <= site.block.end; line++) lines[line - 1] = lines[line - 1].split(address).join(changed)
      return { lines, edits: [], place: { t: [site.block.start], r: [ctx.referenceLine(site.block)] }, delta: 0, what: `${address} → ${changed}` }
    },
  },
  'remove negation': {
    sites: (ctx) => (NEGATIONS[ctx.locale] ?? []).flatMap(({ pattern, keep }) => textSites(ctx, pattern).map((site) => ({ ...site, keep }))),
    apply(ctx, site) {
      const kept = site.keep(...site.match)
      return ctx.inLine(site, kept)
    },
  },
  'merge items': {
    sites: (ctx) => ctx.pairsOfItems(),
    apply(ctx, [first, second]) {
      const last = ctx.lines[first.end - 1]
      const attributes = ATTRIBUTES.exec(last)?.[0] ?? ''
      const joined = `${last.slice(0, last.length - attributes.length)} ${spanText(ctx.lines, second)}${attributes}`
      const lines = splice(ctx.lines, first.end, second.end, [joined])
      return { lines, edits: [[first.end, second.end - first.end + 1, 1]], place: { t: [first.start], r: [ctx.referenceLine(first), ctx.referenceLine(second)] }, delta: -1 }
    },
  },
  'reference language': {
    // A block the translator translated: not one that keeps most of the reference's words (a name, an address: "Bird &
    // Bird DPO Services SRL, Avenue Louise 235" with "Brussel" for "Brussels"), which the check leaves alone by design.
    sites: (ctx) => ctx.candidates.filter((block) => !block.hasChildren && block.text.split(/\s+/).length >= 3 && ctx.counterpart(block) && ctx.counterpart(block).text !== block.text && kept(block.text, ctx.counterpart(block).text) < 0.5),
    apply(ctx, block) {
      const reference = ctx.counterpart(block)
      const first = ctx.lines[block.start - 1]
      const marker = MARKER.exec(first)?.[0] ?? (first.match(/^\s*/)?.[0] ?? '')
      const attributes = ATTRIBUTES.exec(ctx.lines[block.end - 1])?.[0] ?? ''
      const line = `${marker}${spanText(ctx.referenceLines, reference)}${attributes}`
      return { lines: splice(ctx.lines, block.start, block.end, [line]), edits: [[block.start, block.end - block.start + 1, 1]], place: { t: [block.start], r: [reference.line] }, delta: 0 }
    },
  },
}

// ---------------------------------------------------------------------------------------------------------------------
// Scoring

const referenceLineOf = (finding) => (finding.side === 'reference' ? finding.line : (finding.cause?.line ?? null))
const translationLineOf = (finding) => (finding.side === 'translation' ? finding.line : null)

/** Shift a line of the unmutated translation through the edits (a line inside an edit goes to the edit's start). */
function shift(line, edits) {
  let shifted = line
  for (const [start, removed, inserted] of edits) {
    if (line >= start + removed) shifted += inserted - removed
    else if (line >= start) shifted = start
  }
  return shifted
}

/** The mutated pair's findings that the unmutated pair did not have. */
function newFindings(before, after, edits) {
  const left = [...before]
  return after.filter((finding) => {
    let index = left.findIndex((old) => old.hash === finding.hash)
    if (index === -1) {
      index = left.findIndex((old) => old.ruleId === finding.ruleId && old.reason === finding.reason && old.side === finding.side && referenceLineOf(old) === referenceLineOf(finding) && (old.side === 'reference' || shift(translationLineOf(old), edits) === translationLineOf(finding)))
    }
    if (index === -1) return true
    left.splice(index, 1)
    return false
  })
}

const near = (line, lines) => line !== null && lines.some((target) => target !== null && Math.abs(line - target) <= 1)

/** found, wrong or missed, and the new findings near the place. */
function score(fresh, place, expected) {
  const close = fresh.filter((finding) => near(translationLineOf(finding), place.t) || near(referenceLineOf(finding), place.r))
  if (close.some((finding) => expected.includes(finding.ruleId))) return { outcome: 'found', close }
  return { outcome: close.length ? 'wrong' : 'missed', close }
}

// ---------------------------------------------------------------------------------------------------------------------
// Pairs

async function corpusPairs() {
  const pairs = []
  for (const name of (await readdir(join(CORPUS, 'en'))).filter((file) => file.endsWith('.md')).sort()) {
    for (const locale of LANGUAGES) {
      const translation = join(CORPUS, locale, name)
      const exists = await readFile(translation, 'utf8').then(() => true, () => false)
      if (exists) pairs.push({ column: locale, locale, document: name.replace(/\.md$/, ''), reference: join(CORPUS, 'en', name), translation, glossary: NO_GLOSSARY })
    }
  }
  // The Pinterest pair is a policy: its own glossary applies.
  const glossary = await readGlossary(join(ROOT, 'locales/glossary.json'), 'locales/glossary.json')
  pairs.push({ column: 'pinterest', locale: 'nl', document: 'pinterest', reference: join(ROOT, 'locales/en/pinterest.md'), translation: join(ROOT, 'locales/nl/pinterest.md'), glossary })
  return pairs
}

/** Paragraphs of the other documents of a language, as source lines: the unrelated sentences to insert. */
async function foreignParagraphs(locale, except) {
  const paragraphs = []
  for (const name of (await readdir(join(CORPUS, locale))).filter((file) => file.endsWith('.md')).sort()) {
    if (name === `${except}.md`) continue
    const text = await readFile(join(CORPUS, locale, name), 'utf8')
    const { lines, blocks } = layout(text, parseMarkdown(text, name))
    for (const block of blocks) {
      if (block.form !== 'paragraph' || block.parent !== -1 || block.links?.length || block.start !== block.end) continue
      const line = lines[block.start - 1]
      if (block.text.length >= 80 && block.text.length <= 400 && !/[{<|]/.test(line) && !/^\s/.test(line)) paragraphs.push(line)
    }
  }
  return paragraphs
}

/** Run every mutation kind on one pair: its false errors and each trial's outcome. */
export async function mutatePair(pair, { trials, seed }) {
  const referenceText = await readFile(pair.reference, 'utf8')
  const translationText = await readFile(pair.translation, 'utf8')
  const referenceFile = `en/${pair.document}.md`
  const translationFile = `${pair.locale}/${pair.document}.md`
  const reference = parseMarkdown(referenceText, referenceFile)
  const original = parseMarkdown(translationText, translationFile)
  const useIds = [reference, original].every((document) => document.blocks.length > 0 && document.blocks.every((block) => block.id !== undefined))
  const compare = (translation) => compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: pair.locale, useIds, glossary: pair.glossary })
  const before = compare(original)
  const falseErrors = {}
  const cleanWarnings = {}
  for (const finding of before) {
    const counts = finding.fatal ? falseErrors : cleanWarnings
    counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1
  }

  const { lines, blocks } = layout(translationText, original)
  const referenceLayout = layout(referenceText, reference)
  // Each translation block's counterpart, where the aligner pairs it one to one.
  const counterpart = new Map()
  for (const bead of align(reference.blocks, original.blocks, { useIds })) {
    if (bead.reference.length === 1 && bead.translation.length === 1) counterpart.set(bead.translation[0], referenceLayout.blocks[bead.reference[0]])
  }
  const candidates = blocks.filter((block) => (block.form === 'paragraph' || block.form === 'item') && counterpart.has(block.index))
  const targets = [...new Set(blocks.flatMap((block) => (block.links ?? []).map((link) => link.url)))]
  const ctx = {
    locale: pair.locale,
    lines,
    referenceLines: referenceLayout.lines,
    candidates,
    targets,
    foreign: await foreignParagraphs(pair.locale, pair.document),
    counterpart: (block) => counterpart.get(block.index),
    referenceLine: (block) => counterpart.get(block.index)?.line ?? null,
    // Where a dropped block was, in the mutated translation: the block before it (which may absorb it) and the next.
    around: (block) => [blocks[block.index - 1]?.start ?? null, block.start],
    pairsOfItems: () => {
      const result = []
      for (const first of candidates) {
        const second = blocks[first.index + 1]
        if (first.form !== 'item' || first.hasChildren || !second || second.form !== 'item' || second.hasChildren) continue
        if (second.parent !== first.parent || second.depth !== first.depth || !counterpart.has(second.index)) continue
        if (ctx.lines.slice(first.end, second.start - 1).some((line) => line.trim() !== '')) continue
        result.push([first, second])
      }
      return result
    },
    replaceLine: (site, text) => {
      const changed = [...ctx.lines]
      changed[site.line - 1] = text
      return { lines: changed, edits: [], place: { t: [site.block.start], r: [ctx.referenceLine(site.block)] }, delta: 0 }
    },
    inLine: (site, replacement) => {
      const text = ctx.lines[site.line - 1]
      const changed = (text.slice(0, site.index) + replacement + text.slice(site.index + site.match[0].length)).replace(/ {2,}(?=\S)/g, ' ')
      return changed === text ? null : { ...ctx.replaceLine(site, changed), what: `${site.match[0]} → ${replacement}`, context: text.slice(Math.max(0, site.index - 60), site.index + site.match[0].length + 40) }
    },
  }

  const results = {}
  Object.keys(KINDS).forEach((kind, kindIndex) => {
    // One generator a pair and kind, so that a kind's sites do not depend on the other kinds.
    const rnd = random(seed * 1009 + hashString(`${pair.locale}/${pair.document}`) + kindIndex * 7919)
    const sites = shuffled(MUTATIONS[kind].sites(ctx), rnd)
    const outcomes = []
    for (const site of sites) {
      if (outcomes.length >= trials) break
      const mutation = MUTATIONS[kind].apply(ctx, site, rnd)
      if (!mutation) continue
      const mutatedText = mutation.lines.join('\n')
      let mutated
      try {
        mutated = parseMarkdown(mutatedText, translationFile)
      } catch {
        continue
      }
      // A mutation the reader does not see as intended (a list turned into a paragraph, a lazy continuation) is skipped.
      if (mutated.blocks.length !== original.blocks.length + mutation.delta) continue
      const fresh = newFindings(before, compare(mutated), mutation.edits)
      const { outcome, close } = score(fresh, mutation.place, KINDS[kind])
      // Not found at the place, but the expected check fired at another line: the aligner paired the wrong clauses.
      const displaced = outcome !== 'found' && fresh.some((finding) => !close.includes(finding) && KINDS[kind].includes(finding.ruleId))
      outcomes.push({ outcome, displaced, silent: fresh.length === 0, place: mutation.place, what: mutation.what, context: mutation.context, near: close.map((finding) => `${finding.ruleId}:${finding.line}`), elsewhere: fresh.filter((finding) => !close.includes(finding)).map((finding) => `${finding.ruleId}:${finding.line}`) })
    }
    results[kind] = outcomes
  })
  return { column: pair.column, locale: pair.locale, document: pair.document, blocks: original.blocks.length, falseErrors, cleanWarnings, results }
}

function hashString(text) {
  let hash = 0
  for (const char of text) hash = (Math.imul(hash, 31) + char.codePointAt(0)) >>> 0
  return hash
}

/** The whole harness: every pair, its false errors and its trials, summed by mutation kind and column. */
export async function benchMutations({ trials = Number(process.env.MUTATION_TRIALS ?? 5), seed = Number(process.env.MUTATION_SEED ?? 15) } = {}) {
  const start = performance.now()
  const pairs = []
  for (const pair of await corpusPairs()) pairs.push(await mutatePair(pair, { trials, seed }))
  const table = {}
  for (const kind of Object.keys(KINDS)) {
    table[kind] = {}
    for (const column of COLUMNS) {
      const outcomes = pairs.filter((pair) => pair.column === column).flatMap((pair) => pair.results[kind])
      const count = (outcome) => outcomes.filter((trial) => trial.outcome === outcome).length
      const found = count('found')
      const displaced = outcomes.filter((trial) => trial.displaced).length
      const silent = outcomes.filter((trial) => trial.silent).length
      table[kind][column] = { trials: outcomes.length, found, wrong: count('wrong'), missed: count('missed'), displaced, silent, foundPercent: outcomes.length ? Math.round((100 * found) / outcomes.length) : null }
    }
  }
  const falseErrors = {}
  for (const column of COLUMNS) {
    const mine = pairs.filter((pair) => pair.column === column)
    const byCheck = {}
    for (const pair of mine) for (const [check, n] of Object.entries(pair.falseErrors)) byCheck[check] = (byCheck[check] ?? 0) + n
    falseErrors[column] = { documents: mine.length, errors: Object.values(byCheck).reduce((a, b) => a + b, 0), byCheck }
  }
  const cleanWarnings = {}
  for (const column of COLUMNS) {
    const byCheck = {}
    for (const pair of pairs.filter((candidate) => candidate.column === column)) for (const [check, n] of Object.entries(pair.cleanWarnings)) byCheck[check] = (byCheck[check] ?? 0) + n
    cleanWarnings[column] = { warnings: Object.values(byCheck).reduce((a, b) => a + b, 0), byCheck }
  }
  const details = pairs.map(({ column, document, blocks, falseErrors: errors, results }) => ({
    column,
    document,
    blocks,
    falseErrors: errors,
    trials: Object.fromEntries(Object.entries(results).map(([kind, outcomes]) => [kind, outcomes.map((trial) => ({ outcome: trial.outcome, line: trial.place.t[0], place: trial.place, what: trial.what, context: trial.context, near: trial.near, elsewhere: trial.elsewhere }))])),
  }))
  const perPair = pairs.map(({ column, document, blocks, falseErrors: errors }) => ({ column, document, blocks, falseErrors: errors }))
  // `details` (every trial: its line, the change, the new findings near it) is for reading, not for bench/results.json.
  return { seed, trialsPerKind: trials, pairs: pairs.length, seconds: +((performance.now() - start) / 1000).toFixed(1), table, falseErrors, cleanWarnings, perPair, details }
}

/** The table as text: found % (found/trials), wrong, missed, by kind and column; then the false errors. */
export function formatMutations(result) {
  const cell = (r) => (r.trials ? `${String(r.foundPercent).padStart(3)}% ${r.found}/${r.trials} w${r.wrong} m${r.missed}` : 'no site').padEnd(22)
  const out = [`${'mutation'.padEnd(20)}${COLUMNS.map((column) => column.padEnd(22)).join('')}`]
  for (const [kind, row] of Object.entries(result.table)) out.push(`${kind.padEnd(20)}${COLUMNS.map((column) => cell(row[column])).join('')}`)
  out.push('', 'false errors on the unmutated pairs (fatal findings):')
  for (const [column, r] of Object.entries(result.falseErrors)) {
    const checks = Object.entries(r.byCheck).map(([check, n]) => `${check} ${n}`).join(', ')
    out.push(`${column.padEnd(10)} ${String(r.errors).padStart(3)} in ${r.documents} document${r.documents === 1 ? '' : 's'}${checks ? ` (${checks})` : ''}`)
  }
  out.push('', 'warnings on the unmutated pairs:')
  for (const [column, r] of Object.entries(result.cleanWarnings ?? {})) {
    const checks = Object.entries(r.byCheck).map(([check, n]) => `${check} ${n}`).join(', ')
    out.push(`${column.padEnd(10)} ${String(r.warnings).padStart(3)}${checks ? ` (${checks})` : ''}`)
  }
  const displaced = Object.entries(result.table).flatMap(([kind, row]) => COLUMNS.filter((column) => row[column].displaced).map((column) => `${kind} ${column} ${row[column].displaced}`))
  if (displaced.length) out.push('', `wrong or missed, the expected check at another line (trials): ${displaced.join(', ')}`)
  const silent = Object.entries(result.table).flatMap(([kind, row]) => COLUMNS.filter((column) => row[column].silent).map((column) => `${kind} ${column} ${row[column].silent}`))
  out.push(`missed silently, no new finding anywhere (trials): ${silent.length ? silent.join(', ') : 'none'}`)
  out.push('', `${result.pairs} pairs, ${result.trialsPerKind} trials a kind and pair (MUTATION_TRIALS), seed ${result.seed} (MUTATION_SEED), ${result.seconds} s`)
  return out.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchMutations()
  console.log('# Mutations of the translations: found % (found/trials), w = wrong check near the place, m = missed')
  console.log(formatMutations(result))
  if (process.env.MUTATION_DETAILS) console.log(JSON.stringify(result.details, null, 1))
  // `--write`: the run the README's table is generated from (`npm run docs`), with its date and machine.
  if (process.argv.includes('--write')) {
    const { details: _details, perPair: _perPair, ...kept } = result
    const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: `${platform()} ${arch()}` }
    await writeFile(join(ROOT, 'bench/mutations.json'), JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, ...kept }, null, 2) + '\n')
    console.log('\nwrote bench/mutations.json')
  }
}
