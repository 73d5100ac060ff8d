// The linear link scanners find exactly what the regular expressions they replace find, on ordinary and random texts.
import { describe, expect, it } from 'vitest'
import { anchors } from '../../src/text/anchors.js'
import { links, numbers, withoutLinks } from '../../src/align/numbers.js'
import { domainSpans, emailSpans, urlSpans } from '../../src/text/scan.js'
import { random } from '../attack/scale.js'

const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"'”’]+[^\s<>()"'”’.,;:!?]/giu
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu
const DOMAIN = /\b(?:[a-z0-9-]+\.)+(?:com|org|net|info|io|nl|eu|dev|co|uk|de|be|fr|app)\b/giu
const TLDS = ['com', 'org', 'net', 'info', 'io', 'nl', 'eu', 'dev', 'co', 'uk', 'de', 'be', 'fr', 'app']

const spansOf = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length])

const PIECES = ['a', 'b', 'Z', '1', '0', '.', '.', '-', '_', '@', '+', ' ', '\n', '/', ':', ',', '!', '"', '’', '(', ')', '<', 'é', 'ſ', 'K', 'com', 'co', 'nl', 'info', 'uk', 'http://', 'https://', 'www.', 'HTTP://', 'WWW.', '😀']

function randomText(next: () => number): string {
  const length = Math.floor(next() * 24)
  let text = ''
  for (let index = 0; index < length; index++) text += PIECES[Math.floor(next() * PIECES.length)]
  return text
}

describe('link scanners', () => {
  const samples = [
    'See https://developers.pinterest.com/docs/, or www.pinterest.com.',
    'Write to privacy@pinterest.com or jane.doe+x@mail.example.co.uk!',
    'Opt out at optout.aboutads.info and youronlinechoices.eu.',
    'ab.ab.ab.com.x and a-b.c_d.nl and _ab.com and x.uK',
    'a@b.c- and a@b and a@b.c@d.e and http://..., and www.x',
  ]
  it('find what the regular expressions find, on ordinary text', () => {
    for (const text of samples) {
      expect(urlSpans(text, { body: '<>()"\'”’', end: '.,;:!?' })).toEqual(spansOf(URL, text))
      expect(emailSpans(text)).toEqual(spansOf(EMAIL, text))
      expect(domainSpans(text, TLDS)).toEqual(spansOf(DOMAIN, text))
    }
  })

  it('find what the regular expressions find, on 10,000 random texts of link characters', () => {
    const next = random(12)
    for (let index = 0; index < 10_000; index++) {
      const text = randomText(next)
      expect(urlSpans(text, { body: '<>()"\'”’', end: '.,;:!?' }), text).toEqual(spansOf(URL, text))
      expect(emailSpans(text), text).toEqual(spansOf(EMAIL, text))
      expect(domainSpans(text, TLDS), text).toEqual(spansOf(DOMAIN, text))
    }
  })

  it('keep links, numbers and anchors as they were read', () => {
    const text = 'Call 1,000.5 times https://example.com/a?x=1, mail a.b@example.org, visit pinterest.com and the API.'
    expect(links(text)).toEqual(['a.b@example.org', 'example.com/a?x=1', 'pinterest.com'])
    expect(withoutLinks(text)).toBe('Call 1,000.5 times  , mail  , visit   and the API.')
    expect(numbers(text, 'en')).toEqual(['1000.5'])
    expect([...anchors(text)].sort()).toEqual(['acr:API', 'num:10005', 'url:example.com/a?x=1', 'url:example.org', 'url:pinterest.com'])
  })
})
