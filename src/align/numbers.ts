// Numbers, URLs, domains and e-mail addresses of a text, normalised so that two languages can be compared.
import { ENGLISH, LANGUAGES, decimalSeparator } from '../languages/index.js'
import { type Span, blank, domainSpans, emailSpans, urlSpans } from '../text/scan.js'

/** URLs: what `\b(?:https?:\/\/|www\.)[^\s<>()"'”’]+[^\s<>()"'”’.,;:!?]` matches, found in linear time. */
const URL_CLASSES = { body: '<>()"\'”’', end: '.,;:!?' }
/** Top-level domains of a bare domain (`optout.aboutads.info`). */
const TLDS = ['com', 'org', 'net', 'info', 'io', 'nl', 'eu', 'dev', 'co', 'uk', 'de', 'be', 'fr', 'app']

/**
 * URLs, then e-mail addresses in what is left, then bare domains in what is left: each kind's matches with the
 * text left after blanking them (one pass a kind, so many links cost no more than one each).
 */
function linkParts(text: string): { found: string[]; rest: string } {
  const found: string[] = []
  let rest = text
  const finders: Array<(text: string) => Span[]> = [(value) => urlSpans(value, URL_CLASSES), emailSpans, (value) => domainSpans(value, TLDS)]
  for (const find of finders) {
    const spans = find(rest)
    for (const [from, to] of spans) found.push(rest.slice(from, to))
    rest = blank(rest, spans)
  }
  return { found, rest }
}

/** Links of a text: URLs (without scheme or trailing slash), e-mail addresses and bare domains, lowercase. */
export function links(text: string): string[] {
  return linkParts(text)
    .found.map((link) => link.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, ''))
    .sort()
}

/** Text with its links blanked out, so the digits of a URL are not taken for numbers. */
export function withoutLinks(text: string): string {
  return linkParts(text).rest
}

/** Ordinal endings after the digits of a number ("1st", "4th", "1er", "2e", "2de", "1ste"): the number is read without them. */
const ORDINAL = '(?:st|nd|rd|th|ste|de|er|re|e|ème|eme)'
const NUMBER_WITH_ORDINAL = new RegExp(`(?<![\\p{L}\\d])\\d+(?:[.,]\\d+)*(?:${ORDINAL})?(?![\\p{L}\\d])`, 'gu')
/** Digits grouped by no-break spaces ("10 000"), and by spaces in a language that groups so. */
const NO_BREAK_GROUPS = /(?<![\d.,])\d{1,3}(?:[\u00A0\u202F]\d{3})+(?!\d)/g
const SPACE_GROUPS = /(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)/g

/** A telephone number: three or more groups of digits, by spaces, hyphens, dots or parentheses ("+1 650-903-0800"). */
const PHONE = /(?<![\d\p{L}+(])\+?\(?\d{1,4}\)?(?:[ \-.\u00A0]\(?\d{2,4}\)?){2,5}(?![\d\p{L}])/gu

/**
 * Telephone numbers as their digits ("tel:16509030800"), and the text without them: "1-800-352-5267" and
 * "1 800 352 5267" are one number, not four. A run of groups of three digits without "+" or "-" is a number
 * grouped in thousands ("10 000 000"), not a telephone number.
 */
function phonesOf(text: string): { phones: string[]; rest: string } {
  const phones: string[] = []
  const rest = text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '')
    const groups = match.split(/[^\d]+/).filter(Boolean)
    const marked = /[+\-()]/.test(match)
    // Without "+", "-" or parentheses, only a number that looks dialled: a last group of four digits or more
    // ("1 800 352 5267"), or five pairs opening with 0 ("01 23 45 67 89"); not a list of numbers or groups of thousands.
    const dialled = groups.at(-1)!.length >= 4 || (groups.length === 5 && groups.every((group) => group.length === 2) && groups[0]!.startsWith('0'))
    const thousands = !marked && groups.slice(1).every((group) => group.length === 3)
    if (digits.length < 7 || digits.length > 15 || thousands || (!marked && !dialled)) return match
    phones.push(`tel:${digits}`)
    return ' '.repeat(match.length)
  })
  return { phones, rest }
}

const monthPatterns = new Map<string, { pattern: RegExp; reverse: RegExp; month: (name: string) => number }>()

/** Patterns of a language's dates written with month names: "11 September 2020", "1. November 2023", "November 1, 2023". */
function monthPattern(language: string) {
  let found = monthPatterns.get(language)
  if (found) return found
  // The text's language's month names first, then every other pack's: a date left in the reference language
  // ("Effective July 31, 2025" in a Dutch file) is still one date. No two languages give one name two months.
  const packs = [LANGUAGES[language] ?? ENGLISH, ...Object.values(LANGUAGES)]
  const names = new Map<string, number>()
  for (const pack of packs) {
    pack.dates.months.forEach((name, index) => {
      if (!names.has(name)) names.set(name, index + 1)
      // Abbreviations: "Sept.", "Nov", "janv."
      for (const length of [3, 4]) if (name.length > length && !names.has(name.slice(0, length))) names.set(name.slice(0, length), index + 1)
    })
  }
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).join('|')
  const day = `(\\d{1,2})(?:\\.|${ORDINAL})?`
  found = {
    // Day, month, year: "11 September 2020", "1. November 2023", "1er novembre 2023".
    pattern: new RegExp(`(?<![\\p{L}\\d])${day}\\s+(?:of\\s+)?(${alternatives})\\.?\\s+(\\d{4})(?!\\d)`, 'giu'),
    // Month, day, year: "November 1, 2023", "September 11th 2020".
    reverse: new RegExp(`(?<![\\p{L}\\d])(${alternatives})\\.?\\s+(\\d{1,2})(?:${ORDINAL})?,?\\s+(\\d{4})(?!\\d)`, 'giu'),
    month: (name) => names.get(name.toLowerCase()) ?? 0,
  }
  monthPatterns.set(language, found)
  return found
}

const pad = (value: number | string) => String(value).padStart(2, '0')

/**
 * The dates of a text as ISO dates (2020-09-11), read with the month names of its language and as ISO dates, with the
 * text left after blanking them: "11 September 2020", "11 september 2020", "September 11, 2020" and "2020-09-11" are
 * one date.
 */
export function datesOf(text: string, language: string): { dates: string[]; rest: string } {
  const { pattern, reverse, month } = monthPattern(language)
  const dates: string[] = []
  const blank = (match: string) => ' '.repeat(match.length)
  let rest = text.replace(pattern, (match, day: string, name: string, year: string) => {
    dates.push(`${year}-${pad(month(name))}-${pad(day)}`)
    return blank(match)
  })
  rest = rest.replace(reverse, (match, name: string, day: string, year: string) => {
    dates.push(`${year}-${pad(month(name))}-${pad(day)}`)
    return blank(match)
  })
  rest = rest.replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, (match, year: string, mm: string, dd: string) => {
    dates.push(`${year}-${mm}-${dd}`)
    return blank(match)
  })
  return { dates, rest }
}

/**
 * Numbers of a text as canonical strings, read with the language's separators: "1,000.5" in English, "1.000,5" in
 * Dutch and "1 000,5" in French are all "1000.5"; a number with one separator followed by exactly three digits is read
 * as thousands in either language ("1,000" / "1.000"). A number whose groups are not thousands, such as the version
 * or section number "1.2" or "2.3.1", is kept as written, in every language. Dates are ISO dates ("2020-09-11"), and
 * ordinals are their number ("1st", "1er", "1." are 1).
 */
export function numbers(text: string, language: string): string[] {
  const decimal = decimalSeparator(language)
  const group = decimal === '.' ? ',' : '.'
  const { dates, rest: undated } = datesOf(withoutLinks(text), language)
  const { phones, rest } = phonesOf(undated)
  const found: string[] = [...dates, ...phones]
  const grouped = rest.replace(LANGUAGES[language]?.thousandsSpace ? SPACE_GROUPS : NO_BREAK_GROUPS, (match) => match.replace(/[ \u00A0\u202F]/g, ''))
  for (const match of grouped.matchAll(NUMBER_WITH_ORDINAL)) {
    let token = match[0].replace(/\p{L}+$/u, '')
    const parts = token.split(/[.,]/)
    if (parts.length > 1 && parts.slice(1).every((part) => part.length === 3) && !(token.includes(decimal) && token.includes(group))) {
      // 1,000 or 1.000 or 1,000,000: groups of thousands.
      token = parts.join('')
    } else if (token.includes(group) && !token.includes(decimal)) {
      // "1.2" in a language with a decimal comma, "1,2" in one with a decimal point: a version or section number.
      found.push(parts.join('.'))
      continue
    } else {
      token = token.split(group).join('').replace(decimal, '.')
    }
    const value = Number(token)
    found.push(Number.isFinite(value) ? String(value) : token)
  }
  return found.sort()
}

/** The values of the number words of a text (two to twenty, and the tens), as strings: "vijf apparaten" gives "5". */
export function numberWordValues(text: string, language: string): string[] {
  const words = LANGUAGES[language]?.numberWords
  if (!words) return []
  const values = new Map<string, number>()
  words.units.forEach((word, index) => values.set(word, index + 2))
  words.tens.forEach((word, index) => values.set(word, (index + 3) * 10))
  const found: string[] = []
  for (const match of text.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const word = match[0]
    const parts = word.split('-')
    // "twenty-two", "vingt-deux": the tens and the unit; "Zwei-Faktor": the number that opens a compound.
    const tens = values.get(parts[0]!)
    const unit = parts.length === 2 ? values.get(parts[1]!) : undefined
    const value = values.get(word) ?? (tens !== undefined && tens % 10 === 0 && tens >= 20 && unit !== undefined && unit < 10 ? tens + unit : tens)
    if (value !== undefined) found.push(String(value))
  }
  return found
}
