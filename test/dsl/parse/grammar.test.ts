import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRules } from '../../../src/dsl/parse/parse.js'
import { ROOT } from '../../helpers.js'
import { parseOk, strip } from '../helpers.js'

const predicate = (expression: string) => {
  const program = parseOk(`rule r { may ${expression} }`)
  const rule = program.items[0]!
  if (rule.type !== 'rule' || rule.fields[0]!.type !== 'modality') throw new Error('unexpected')
  return strip(rule.fields[0]!.predicate)
}
const path = (...segments: string[]) => ({ type: 'path', segments })
const lit = (value: unknown) => ({ type: 'literal', value })

describe('grammar: valid programs', () => {
  it('parses the Pinterest rules', async () => {
    const text = await readFile(join(ROOT, 'policy/pinterest/rules.dip'), 'utf8')
    const parsed = parseRules({ file: 'rules.dip', text })
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.program.items.filter((item) => item.type === 'rule')).toHaveLength(49)
  })

  it('parses a rule with every field, in any order', () => {
    const program = parseOk(`
      # a comment
      rule byok-local {           // another comment
        when creds.byok
        implements s.one, s.two
        must creds.storage == "local"
        message { en: "Store {creds.storage} keys locally.", nl: "Lokaal." }
      }`)
    expect(strip(program.items)).toEqual([
      {
        type: 'rule',
        id: 'byok-local',
        fields: [
          { type: 'when', guard: path('creds', 'byok') },
          { type: 'implements', clauses: [{ id: 's.one' }, { id: 's.two' }] },
          { type: 'modality', modality: 'must', predicate: { type: 'compare', op: '==', left: path('creds', 'storage'), right: lit('local') } },
          { type: 'message', entries: [{ locale: 'en', text: 'Store {creds.storage} keys locally.' }, { locale: 'nl', text: 'Lokaal.' }] },
        ],
      },
    ])
  })

  it('parses definitions, classifications, must not, may and attest', () => {
    const program = parseOk(`
      define risky = kids or age < 13
      classify s.info as informative
      rule a { implements s.one must not risky message { en: "x", nl: "y" } }
      rule b { implements s.two may tags contains "a" }
      rule c { implements s.one attest { en: "Sure?", nl: "Zeker?" } }`)
    expect(program.items.map((item) => item.type)).toEqual(['define', 'classify', 'rule', 'rule', 'rule'])
    expect(strip(program.items[0])).toEqual({ type: 'define', name: 'risky', body: { type: 'binary', op: 'or', left: path('kids'), right: { type: 'compare', op: '<', left: path('age'), right: lit(13) } } })
    expect(strip(program.items[1])).toEqual({ type: 'classify', clause: { id: 's.info' }, kind: 'informative' })
  })

  it('binds not tighter than and, and tighter than or, or tighter than implies (right-associative)', () => {
    expect(predicate('not a or b and c implies d implies e')).toEqual({
      type: 'binary',
      op: 'implies',
      left: { type: 'binary', op: 'or', left: { type: 'not', operand: path('a') }, right: { type: 'binary', op: 'and', left: path('b'), right: path('c') } },
      right: { type: 'binary', op: 'implies', left: path('d'), right: path('e') },
    })
    expect(predicate('a and b and c')).toEqual({ type: 'binary', op: 'and', left: { type: 'binary', op: 'and', left: path('a'), right: path('b') }, right: path('c') })
  })

  it('parses quantifiers, membership, string tests, exists, missing and count', () => {
    expect(predicate('some x in actions: x.auto and not x.chosen')).toEqual({
      type: 'quantifier',
      quantifier: 'some',
      variable: 'x',
      collection: path('actions'),
      body: { type: 'binary', op: 'and', left: path('x', 'auto'), right: { type: 'not', operand: path('x', 'chosen') } },
    })
    expect(predicate('storage not in ["local", "server"]')).toEqual({ type: 'in', negated: true, operand: path('storage'), list: { items: [lit('local'), lit('server')] } })
    expect(predicate('url starts with "https://"')).toEqual({ type: 'test', op: 'starts-with', left: path('url'), right: lit('https://') })
    expect(predicate('name ends with ".app"')).toEqual({ type: 'test', op: 'ends-with', left: path('name'), right: lit('.app') })
    expect(predicate('exists url and missing age')).toEqual({ type: 'binary', op: 'and', left: { type: 'exists', negated: false, path: path('url') }, right: { type: 'exists', negated: true, path: path('age') } })
    expect(predicate('count(tags) >= 2')).toEqual({ type: 'compare', op: '>=', left: { type: 'count', path: path('tags') }, right: lit(2) })
    expect(predicate('(a or b) and c')).toEqual({ type: 'binary', op: 'and', left: { type: 'binary', op: 'or', left: path('a'), right: path('b') }, right: path('c') })
  })

  it('reads literals: strings with escapes, negative and decimal numbers, booleans, null', () => {
    expect(predicate('name == "a\\"b\\\\c\\n\\u{1F600}"')).toMatchObject({ right: lit('a"b\\c\n😀') })
    expect(predicate('age > -1.5')).toMatchObject({ right: lit(-1.5) })
    expect(predicate('url == null or kids == true or kids != false')).toMatchObject({ type: 'binary' })
  })

  it('keeps locations for diagnostics', () => {
    const program = parseOk('rule r {\n  must kids\n}')
    const rule = program.items[0]!
    expect(rule.loc.start).toEqual({ line: 1, column: 1, offset: 0 })
    if (rule.type === 'rule' && rule.fields[0]!.type === 'modality') expect(rule.fields[0]!.predicate.loc.start).toEqual({ line: 2, column: 8, offset: 16 })
  })

  it('does not take keywords as names, nor names that start with a keyword as keywords', () => {
    expect(predicate('order and android')).toEqual({ type: 'binary', op: 'and', left: path('order'), right: path('android') })
    expect(predicate('notes')).toEqual(path('notes'))
  })
})

describe('grammar: invalid programs', () => {
  const error = (text: string) => {
    const parsed = parseRules({ file: 'bad.dip', text })
    if (parsed.ok) throw new Error('expected a syntax error')
    return `${parsed.error.line}:${parsed.error.column} ${parsed.error.reason}`
  }

  it.each([
    ['rule x { must }', '1:15 Unexpected `}`, expected `(`, `count`, `every`, `exists`, `missing`, `not`, `some`, a literal or a path'],
    ['define = 3', '1:8 Unexpected `=`, expected a name'],
    ['rule x { must a in [1, }', '1:24 Unexpected `}`, expected a literal'],
    ['rule x { must a.b ==\n}', '2:1 Unexpected `}`, expected `(`, `count`, a literal or a path'],
    ['rule Bad { }', '1:6 Unexpected `B`, expected a rule ID (lowercase words joined by -)'],
    ['rule x { must name == "open }', '1:23 Unexpected `"`, expected `(`, `count`, a literal or a path'],
    ['rule x { must kids }\nrule', '2:5 Unexpected end of file, expected a rule ID (lowercase words joined by -)'],
    ['classify s.one as optional', '1:19 Unexpected `o`, expected a kind (obligation, prohibition, permission, informative)'],
    ['rule x { must and }', '1:15 Unexpected `a`, expected `(`, `count`, `every`, `exists`, `missing`, `not`, `some`, a literal or a path'],
  ])('%j gives a positioned syntax error', (text, expected) => {
    expect(error(text)).toBe(expected)
  })
})
