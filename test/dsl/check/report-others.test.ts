import { describe, expect, it } from 'vitest'
import { diagnose } from '../helpers.js'

describe('report-unknown-clauses', () => {
  it('reports a clause the catalogue does not have, with a did-you-mean', () => {
    expect(diagnose('rule a { implements s.onee may kids }')).toEqual(['1:21 dsl/unknown-clause Unknown clause `s.onee` [Did you mean `s.one`?]'])
    expect(diagnose('classify x.y as informative')).toEqual(['1:10 dsl/unknown-clause Unknown clause `x.y` [Clause IDs are in the catalogue (policy/<policy>/catalogue.json).]'])
  })
})

describe('report-duplicate-ids', () => {
  it('reports a rule ID, definition or classification given twice', () => {
    expect(diagnose('rule a { implements s.one may kids }\nrule a { implements s.two may kids }')).toEqual(['2:1 dsl/duplicate-id Duplicate rule `a`, already on line 1'])
    expect(diagnose('define d = kids\ndefine d = kids')).toEqual(['2:1 dsl/duplicate-id Duplicate definition `d`, already on line 1'])
  })
})

describe('report-definition-cycles', () => {
  it('reports definitions that use themselves', () => {
    expect(diagnose('define a = b and kids\ndefine b = not a\nrule r { implements s.one must not a message { en: "x", nl: "y" } }')).toEqual([
      '1:1 dsl/definition-cycle Definition `a` uses itself: a → b → a',
      '2:1 dsl/definition-cycle Definition `b` uses itself: b → a → b',
    ])
  })
})

describe('report-placeholders', () => {
  it('checks the facts placeholders name', () => {
    expect(diagnose('rule a { implements s.one must kids message { en: "Stored on {creds.storage}, {{literal}}", nl: "{name}" } }')).toEqual([])
    expect(diagnose('rule a { implements s.one must kids message { en: "On {creds.storag}", nl: "{ not a path! }" } }')).toEqual([
      '1:51 dsl/unknown-fact Unknown field `storag` of `creds` [Did you mean `creds.storage`?]',
      '1:76 dsl/invalid-placeholder Invalid placeholder `{not a path!}`, expected a path such as `{credentials.byokStorage}` [Write `{{` and `}}` for literal braces.]',
    ])
  })
})

describe('report-coverage', () => {
  it('reports a normative clause no rule implements, at its place in the reference text', () => {
    expect(diagnose('rule a { implements s.one may kids }', { cover: false })).toEqual([
      '6:1 dsl/uncovered-clause Uncovered prohibition `s.two`: no rule or attestation implements it [Write a rule with `implements s.two`, or `classify s.two as informative` if it asks nothing; while the rules are being written, `"coverage": "warning"` in policy.json makes this a warning.]',
    ])
  })

  it('is a warning under "coverage": "warning", and nothing under "off" (the clause keeps its kind)', () => {
    expect(diagnose('rule a { implements s.one may kids }', { cover: false, coverage: 'warning' })).toEqual([expect.stringMatching(/^6:1 dsl\/uncovered-clause \(warning\) Uncovered prohibition `s\.two`/)])
    expect(diagnose('rule a { implements s.one may kids }', { cover: false, coverage: 'off' })).toEqual([])
  })

  it('accepts a clause classified as informative', () => {
    expect(diagnose('rule a { implements s.one may kids }\nclassify s.two as informative', { cover: false })).toEqual([])
  })
})
