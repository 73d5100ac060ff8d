import { describe, expect, it } from 'vitest'
import { diagnose } from '../helpers.js'

const rule = (body: string) => `rule r {\n  implements s.one\n  ${body}\n  message { en: "x", nl: "y" }\n}\n`

describe('report-types', () => {
  it('accepts well-typed rules', () => {
    expect(diagnose(rule('must creds.storage == "local" and not kids and age >= 13 and url starts with "https://"'))).toEqual([])
    expect(diagnose(rule('must every a in actions: a.kind in ["follow"] implies a.chosen and (some s in a.steps: s.ok)'))).toEqual([])
    expect(diagnose(rule('must tags contains "a" and count(tags) < 3 and exists creds and missing url and url == null'))).toEqual([])
  })

  it('reports an unknown fact with a did-you-mean', () => {
    expect(diagnose(rule('must creds.storag == "local"'))).toEqual(['3:8 dsl/unknown-fact Unknown field `storag` of `creds` [Did you mean `creds.storage`?]'])
    expect(diagnose(rule('must kidz'))).toEqual(['3:8 dsl/unknown-fact Unknown fact `kidz` [Did you mean `kids`?]'])
    expect(diagnose(rule('must every a in actions: a.choosen'))).toEqual(['3:28 dsl/unknown-fact Unknown field `choosen` of `a` [Did you mean `a.chosen`?]'])
  })

  it('reports a value outside an enum', () => {
    expect(diagnose(rule('must creds.storage == "locale"'))).toEqual(['3:25 dsl/enum-value Unexpected value "locale", expected one of "local", "server" [Did you mean "local"?]'])
    expect(diagnose(rule('must storage in ["local", "cloud"]'))).toEqual(['3:29 dsl/enum-value Unexpected value "cloud", expected one of "local", "server"'])
    expect(diagnose(rule('must tags contains "d"'))).toEqual(['3:22 dsl/enum-value Unexpected value "d", expected one of "a", "b", "c"'])
  })

  it('reports type mismatches', () => {
    expect(diagnose(rule('must kids == "yes"'))).toEqual(['3:8 dsl/type-mismatch Cannot compare boolean with string'])
    expect(diagnose(rule('must name'))).toEqual(['3:8 dsl/type-mismatch Unexpected string as a rule’s predicate, expected a boolean [Compare it with a value, for example `== "local"`.]'])
    expect(diagnose(rule('must name > 3'))).toEqual(['3:8 dsl/type-mismatch Unexpected string in `>`, expected a number'])
    expect(diagnose(rule('must age starts with "1"'))).toEqual(['3:8 dsl/type-mismatch Unexpected integer in `starts with`, expected a string'])
    expect(diagnose(rule('must kids == null'))).toEqual(['3:8 dsl/type-mismatch Cannot compare boolean with null'])
  })

  it('requires a quantifier, count or contains for arrays', () => {
    expect(diagnose(rule('must actions.auto'))).toEqual(['3:8 dsl/type-mismatch Unexpected field `auto` of `actions`: it is array of object [Use `some x in actions: x.auto …` or `every x in actions: …`.]'])
    expect(diagnose(rule('must tags == "a"'))).toEqual([
      '3:8 dsl/type-mismatch Unexpected array `tags`, expected a single value [Use `some x in tags: …`, `every x in tags: …`, `count(tags)` or `tags contains …`.]',
    ])
    expect(diagnose(rule('must some x in name: x == "a"'))).toEqual(['3:18 dsl/type-mismatch Unexpected string after `in`, expected an array'])
  })

  it('reports a variable that hides a fact', () => {
    expect(diagnose(rule('must some kids in actions: kids.auto'))).toEqual(['3:8 dsl/shadowed-name Variable `kids` hides the fact of the same name [Choose another name for the variable.]'])
  })

  it('types definitions and their uses', () => {
    expect(diagnose(`define young = age < 13\n${rule('must not young')}`)).toEqual([])
    expect(diagnose(`define label = name\n${rule('must not kids')}`)).toEqual(['1:16 dsl/type-mismatch Unexpected string as a definition, expected a boolean [Compare it with a value, for example `== "local"`.]'])
  })

  it('reports every error of a run, not only the first', () => {
    expect(diagnose(rule('must kidz and agee > 1 and creds.storage == "x"'))).toHaveLength(3)
  })
})
