// Link targets and visible URLs, normalised so that a reference and its translation can be compared: what
// url-mismatch compares per clause and link-order compares over the whole document.
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
// is missed, never a false finding.
// `mailto:` targets are their address, lowercase (the same key as the address written in the text). An in-page anchor
// (`#section`) is compared as written. Other targets (relative paths, `tel:`) are lowercase, with the language taken
// out of their path. The strict key adds the scheme back: link-order tells `http://` from `https://`.
import type { AlignedPair, Side } from '../findings.js'

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

function isLanguageTag(segment: string): boolean {
  const match = LANGUAGE_TAG.exec(segment)
  return match !== null && ISO_639_1.has(match[1]!)
}

/**
 * A key (lowercase, scheme and `www.` removed) with its language left out and no trailing slash. `host` says the
 * key opens with a host name (an absolute URL, or a URL or domain written in the text).
 */
export function withoutLanguage(key: string, host: boolean): string {
  const hashAt = key.indexOf('#')
  const fragment = hashAt === -1 ? '' : key.slice(hashAt)
  let rest = hashAt === -1 ? key : key.slice(0, hashAt)
  const queryAt = rest.indexOf('?')
  const query = queryAt === -1 ? '' : rest.slice(queryAt + 1)
  rest = queryAt === -1 ? rest : rest.slice(0, queryAt)
  const segments = rest.split('/').filter((segment, index) => (index === 0 && host) || !isLanguageTag(segment))
  if (host) {
    // An e-mail address or a host: only a host's first label of three or more can be a language.
    const labels = segments[0]!.split('.')
    if (!segments[0]!.includes('@') && labels.length >= 3 && isLanguageTag(labels[0]!)) segments[0] = labels.slice(1).join('.')
  }
  let path = segments.join('/')
  while (path.endsWith('/')) path = path.slice(0, -1)
  const parameters = query === '' ? [] : query.split('&').filter((parameter) => parameter !== '' && !LANGUAGE_PARAMETERS.has(parameter.split('=', 1)[0]!))
  return `${path}${parameters.length > 0 ? `?${parameters.join('&')}` : ''}${fragment}`
}

/** The key of a URL, domain or e-mail address written in the text (as `links()` gives it): its language taken out. */
export function visibleKey(link: string): string {
  return withoutLanguage(link, true)
}

/** A link target with its keys. */
export interface Target {
  /** The target as written. */
  written: string
  /** The key url-mismatch compares: no scheme, no `www.`, no language, lowercase (see the top of this file). */
  key: string
  /** The key link-order compares: the key with the scheme (`https:`, `http:`, `mailto:`), so a changed scheme differs. */
  strict: string
}

const SCHEME = /^([a-z][a-z\d+.-]*):/

/** The keys of a link target. */
export function targetOf(url: string): Target {
  const written = url.trim()
  if (written.startsWith('#')) return { written, key: written, strict: written }
  const lower = written.toLowerCase()
  const scheme = SCHEME.exec(lower)?.[1]
  if (scheme === 'mailto') {
    const address = lower.slice('mailto:'.length).split('?', 1)[0]!
    return { written, key: address, strict: `mailto:${address}` }
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
  const key = withoutLanguage(rest, host)
  // A scheme other than http(s) stays in the key: `ftp://x` and `https://x` are different links.
  const loose = scheme === undefined || scheme === 'http' || scheme === 'https' ? key : `${scheme}:${key}`
  return { written, key: loose, strict: scheme === undefined ? loose : `${scheme}:${key}` }
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
