import { describe, expect, it } from 'vitest'
import { diagnose } from '../helpers.js'

describe('report-rule-shape', () => {
  it('requires implements, a modality or attest, and a message for must rules', () => {
    expect(diagnose('rule a { must kids }')).toEqual([
      '1:1 dsl/missing-field Rule `a` implements no clause, expected `implements <clause-id>`',
      '1:1 dsl/missing-field Rule `a` has no violation `message` [Add `message { en: "…", nl: "…" }`.]',
    ])
    expect(diagnose('rule a { implements s.one }')).toEqual(['1:1 dsl/missing-field Rule `a` has no `must`, `must not`, `may` or `attest`'])
    expect(diagnose('rule a { implements s.one may kids }')).toEqual([])
  })

  it('rejects a rule with both a predicate and attest, and repeated fields', () => {
    expect(diagnose('rule a { implements s.one must kids when kids when kids message { en: "x", nl: "y" } attest { en: "?", nl: "?" } }')).toEqual([
      '1:47 dsl/duplicate-field Duplicate `when` in rule `a`',
      '1:86 dsl/conflicting-fields Rule `a` has both a predicate and `attest`, expected one of them',
    ])
  })

  it('requires a text in every language of the catalogue, once, not empty', () => {
    expect(diagnose('rule a { implements s.one must kids message { en: "x" } }')).toEqual(['1:37 dsl/missing-locale Missing `nl` text in `message` of rule `a`'])
    expect(diagnose('rule a { implements s.one attest { en: "?", nl: "?", de: "?" } }')).toEqual(['1:54 dsl/unknown-locale Unknown language `de` in `attest`, expected `en` or `nl`'])
    expect(diagnose('rule a { implements s.one attest { en: "?", en: "!", nl: " " } }')).toEqual([
      '1:45 dsl/duplicate-field Duplicate language `en` in `attest`',
      '1:58 dsl/empty-text Empty `nl` text in `attest`',
    ])
  })
})
