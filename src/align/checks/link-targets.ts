// Link targets and visible URLs, normalised so that a reference and its translation can be compared: what
// url-mismatch and localized-link compare per clause and link-order compares over the whole document.
//
// Two targets are the same link when their keys are equal. The key of a URL is lowercase, without its scheme
// (`http://`, `https://`), a leading `www.` or a trailing slash (as url-mismatch has always read visible URLs), and
// with its language taken out, so that a localised target, the same resource in another language, is the same link:
//   - a path segment that is a language tag (`/en/`, `/nl/`, `/en-US/`, `/pt_BR/`, `/zh-Hant/`, `/es-419/`: a
//     two-letter ISO 639-1 language, optionally with a region or script) is left out, so `/privacy/`, `/en-US/privacy/`
//     and `/nl/privacy/` are one link (a site without a language in the path serves the reader's);
//   - so is the first label of a host of three labels or more (`en.wikipedia.org`, `nl.wikipedia.org`);
//   - so are the query parameters `lang`, `hl`, `locale` and `language` (`?hl=en`, `?lang=nl`, or none).
// Only a two-letter language is read as one (`/hsb/` or `/ast/` is not: `/api/` and `/faq/` are not languages either),
// and a two-letter segment that is a language code is always read as one (`/my/`, `/no/`): a link changed only there
// is a localized link (a warning), never a changed one (an error).
// The located key is the key with its language kept: two targets of one key whose located keys differ are the same
// link in two languages (localized-link's warning); url-mismatch and link-order compare keys, so to them they are one.
// `mailto:` targets are their address, lowercase (the same key as the address written in the text). An in-page anchor
// (`#section`) is compared as written. Other targets (relative paths, `tel:`) are lowercase, with the language taken
// out of their path. The strict key adds the scheme back: link-order tells `http://` from `https://`.
import type { AlignedPair, Side } from '../findings.js'
import { links } from '../numbers.js'

/** The two-letter language codes of ISO 639-1. */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en ' +
    'eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka ' +
    'kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl ' +
    'nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
    'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
)

/** A language tag, lowercase: a language, optionally a script (`hant`), region (`us`) or UN M.49 region (`419`). */
const LANGUAGE_TAG = /^([a-z]{2})(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))?$/

/** Query parameters that choose a page's language. */
const LANGUAGE_PARAMETERS = new Set(['lang', 'hl', 'locale', 'language'])

/** Whether a path segment, host label or parameter value (lowercase) is a language tag (`nl`, `en-us`, `pt_br`; not `kb`). */
export function isLanguageTag(segment: string): boolean {
  const match = LANGUAGE_TAG.exec(segment)
  return match !== null && ISO_639_1.has(match[1]!)
}

/** A key read twice: with its language left out, and with it kept. */
interface Keys {
  /** Without its language and without a trailing slash. */
  key: string
  /** With its language kept (no trailing slash, parameters as written). */
  located: string
  /** The language tag the key names (`en-us`, `nl`), the first of its path, host and query; none if it names none. */
  language: string | undefined
}

/**
 * A key (lowercase, scheme and `www.` removed) read with and without its language. `host` says the key opens with a
 * host name (an absolute URL, or a URL or domain written in the text).
 */
function keysOf(key: string, host: boolean): Keys {
  const hashAt = key.indexOf('#')
  const fragment = hashAt === -1 ? '' : key.slice(hashAt)
  let rest = hashAt === -1 ? key : key.slice(0, hashAt)
  const queryAt = rest.indexOf('?')
  const query = queryAt === -1 ? '' : rest.slice(queryAt + 1)
  rest = queryAt === -1 ? rest : rest.slice(0, queryAt)
  let language: string | undefined
  const segments = rest.split('/')
  const kept = segments.filter((segment, index) => {
    if (index === 0 && host) return true
    if (!isLanguageTag(segment)) return true
    language ??= segment
    return false
  })
  if (host) {
    // An e-mail address or a host: only a host's first label of three or more can be a language.
    const labels = kept[0]!.split('.')
    if (!kept[0]!.includes('@') && labels.length >= 3 && isLanguageTag(labels[0]!)) {
      kept[0] = labels.slice(1).join('.')
      language ??= labels[0]
    }
  }
  const parameters = query === '' ? [] : query.split('&').filter((parameter) => parameter !== '')
  const other = parameters.filter((parameter) => {
    const [name, value] = parameter.split('=', 2) as [string, string | undefined]
    if (!LANGUAGE_PARAMETERS.has(name)) return true
    if (value !== undefined && value !== '') language ??= value
    return false
  })
  const join = (path: string[], kept: string[]) => `${withoutTrailingSlash(path.join('/'))}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}`
  return { key: join(kept, other), located: join(segments, parameters), language }
}

function withoutTrailingSlash(path: string): string {
  let end = path.length
  while (end > 0 && path[end - 1] === '/') end--
  return path.slice(0, end)
}

/**
 * A key (lowercase, scheme and `www.` removed) with its language left out and no trailing slash. `host` says the
 * key opens with a host name (an absolute URL, or a URL or domain written in the text).
 */
export function withoutLanguage(key: string, host: boolean): string {
  return keysOf(key, host).key
}

/** The key of a URL, domain or e-mail address written in the text (as `links()` gives it): its language taken out. */
export function visibleKey(link: string): string {
  return withoutLanguage(link, true)
}

/** A URL, domain or e-mail address written in the text (as `links()` gives it, lowercase) with its keys. */
export function visibleTarget(link: string): Target {
  const { key, located, language } = keysOf(link, true)
  return { written: link, key, located, strict: key, language }
}

/** A link target with its keys. */
export interface Target {
  /** The target as written. */
  written: string
  /** The key url-mismatch compares: no scheme, no `www.`, no language, lowercase (see the top of this file). */
  key: string
  /** The key with its language kept: of two targets with one key, a different located key is a localized link. */
  located: string
  /** The key link-order compares: the key with the scheme (`https:`, `http:`, `mailto:`), so a changed scheme differs. */
  strict: string
  /** The language tag the target names, lowercase (`en-us`, `nl`, `pt_br`), if it names one. */
  language: string | undefined
}

const SCHEME = /^([a-z][a-z\d+.-]*):/

/** The keys of a link target. */
export function targetOf(url: string): Target {
  const written = url.trim()
  if (written.startsWith('#')) return { written, key: written, located: written, strict: written, language: undefined }
  const lower = written.toLowerCase()
  const scheme = SCHEME.exec(lower)?.[1]
  if (scheme === 'mailto') {
    const address = lower.slice('mailto:'.length).split('?', 1)[0]!
    return { written, key: address, located: address, strict: `mailto:${address}`, language: undefined }
  }
  let rest: string
  let host: boolean
  if (scheme !== undefined && lower.startsWith(`${scheme}://`)) {
    rest = lower.slice(scheme.length + 3)
    host = true
  } else if (scheme === undefined && lower.startsWith('//')) {
    rest = lower.slice(2)
    host = true
  } else {
    // A relative path, or a scheme without a host (`tel:`): the whole of it is compared.
    rest = scheme === undefined ? lower : lower.slice(scheme.length + 1)
    host = false
  }
  if (host && rest.startsWith('www.')) rest = rest.slice(4)
  const { key, located, language } = keysOf(rest, host)
  // A scheme other than http(s) stays in the key: `ftp://x` and `https://x` are different links.
  const loose = (value: string) => (scheme === undefined || scheme === 'http' || scheme === 'https' ? value : `${scheme}:${value}`)
  return { written, key: loose(key), located: loose(located), strict: scheme === undefined ? loose(key) : `${scheme}:${key}`, language }
}

/** The link targets of one side of a pair, in order. */
export function targetsOf(side: Side, indices: readonly number[]): Target[] {
  const targets: Target[] = []
  for (const index of indices) for (const link of side.blocks[index]!.links ?? []) targets.push(targetOf(link.url))
  return targets
}

/** The targets of both sides of each pair, in the order of the pairs. */
export function targetsOfPairs(reference: Side, translation: Side, pairs: readonly AlignedPair[]): { reference: Target[][]; translation: Target[][] } {
  return { reference: pairs.map((pair) => targetsOf(reference, pair.reference)), translation: pairs.map((pair) => targetsOf(translation, pair.translation)) }
}

/**
 * Keys of the targets that the pairs hold as often in the translation as in the reference: where one pair differs in
 * such a target, another pair differs the other way, so the link moved (link-order's finding, not url-mismatch's).
 */
export function balancedKeys(reference: readonly Target[][], translation: readonly Target[][]): Set<string> {
  const counts = new Map<string, number>()
  for (const targets of reference) for (const target of targets) counts.set(target.key, (counts.get(target.key) ?? 0) + 1)
  for (const targets of translation) for (const target of targets) counts.set(target.key, (counts.get(target.key) ?? 0) - 1)
  const balanced = new Set<string>()
  for (const [key, count] of counts) if (count === 0) balanced.add(key)
  return balanced
}

/**
 * The targets of two lists that are the same link in two languages: paired by key (as url-mismatch pairs them), those
 * whose located keys are equal set aside, the rest of each key paired in order. A key held more often on one side
 * leaves targets unpaired, which url-mismatch reports. In the order of the translation's list.
 */
export function localizedPairs(reference: readonly Target[], translation: readonly Target[]): Array<[reference: Target, translation: Target]> {
  const groups = new Map<string, { reference: Target[]; translation: Target[] }>()
  const group = (key: string) => {
    let found = groups.get(key)
    if (!found) groups.set(key, (found = { reference: [], translation: [] }))
    return found
  }
  for (const target of reference) group(target.key).reference.push(target)
  for (const target of translation) group(target.key).translation.push(target)
  const pairs: Array<[Target, Target]> = []
  for (const { reference, translation } of groups.values()) {
    if (reference.length === 0 || translation.length === 0) continue
    // Set aside the targets written in the same language on both sides (as a multiset), then pair the rest in order.
    const unmatched = new Map<string, number>()
    for (const target of reference) unmatched.set(target.located, (unmatched.get(target.located) ?? 0) + 1)
    const left: Target[] = []
    const right: Target[] = []
    for (const target of translation) {
      const count = unmatched.get(target.located) ?? 0
      if (count > 0) unmatched.set(target.located, count - 1)
      else right.push(target)
    }
    for (const target of reference) {
      const count = unmatched.get(target.located) ?? 0
      if (count === 0) continue
      unmatched.set(target.located, count - 1)
      left.push(target)
    }
    for (let index = 0; index < Math.min(left.length, right.length); index++) pairs.push([left[index]!, right[index]!])
  }
  const order = new Map(translation.map((target, index) => [target, index]))
  return pairs.sort((a, b) => order.get(a[1])! - order.get(b[1])!)
}

/** A link of a block whose visible text is itself a URL, domain or e-mail address. */
export interface TextLink {
  /** The visible text, as written. */
  text: string
  /** The key of the URL, domain or address the text names (`visibleKey`). */
  textKey: string
  target: Target
  /** Whether the target is where the text says, but for scheme, `www.`, a trailing slash and the language. */
  agrees: boolean
}

/** The part of `links()`'s normalising that a whole link text gets: case, scheme, `www.` and one trailing slash. */
function asLink(text: string): string {
  return text
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase()
    .replace(/^(?:https?:\/\/|mailto:)/, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '')
}

/** The links of one side of a pair whose visible text is a URL, domain or e-mail address and nothing else, in order. */
export function textLinksOf(side: Side, indices: readonly number[]): TextLink[] {
  const found: TextLink[] = []
  for (const index of indices) {
    for (const link of side.blocks[index]!.links ?? []) {
      const named = links(link.text)
      if (named.length !== 1 || named[0] !== asLink(link.text)) continue
      const textKey = visibleKey(named[0])
      const target = targetOf(link.url)
      found.push({ text: link.text, textKey, target, agrees: target.key === textKey })
    }
  }
  return found
}
