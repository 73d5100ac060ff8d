import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../src/catalogue/build.js'
import { hashText } from '../../src/text/hash.js'
import { schemaPath, validateAgainst } from '../../src/project/schema.js'
import type { Catalogue, Clause } from '../../src/catalogue/types.js'
import { VFile } from '../../src/diagnostics/index.js'
import { ROOT, put, readRepo, tempProject } from '../helpers.js'

const build = (root: string, extra: { schema?: string } = {}) => buildCatalogue({ root, policy: 'pinterest', collector: new VFile(), ...extra })
const clauses = (catalogue: Catalogue): Clause[] => catalogue.sections.flatMap((section) => section.clauses)

describe('build', () => {
  it('builds the catalogue from the committed locales, with the kinds of the text', async () => {
    const root = await tempProject({ locales: true })
    const result = await build(root)
    expect(result.summary).toMatchObject({ sections: 7, clauses: { en: 56, nl: 56 }, paired: 56, kinds: { obligation: 16, prohibition: 24, permission: 13, informative: 3 } })
    const committed = JSON.parse(await readRepo('policy/pinterest/catalogue.json')) as Catalogue
    // The committed catalogue differs only where the rules classify a clause (`classify … as …`).
    const differing = clauses(result.catalogue).filter((clause, index) => clause.kind !== clauses(committed)[index]!.kind).map((clause) => clause.id)
    expect(differing).toEqual(['what-to-do.browse-partners-site', 'regarding-app-abuse.want-developer-applications'])
  })

  it('holds every block of both texts, paired by ID, nested and hashed', async () => {
    const catalogue = JSON.parse(await readRepo('policy/pinterest/catalogue.json')) as Catalogue
    expect(catalogue).toMatchObject({ id: 'pinterest', version: '1.0.0', reference: 'en', locales: ['en', 'nl'] })
    expect(catalogue.sections.map((section) => [section.id, section.title['en'], section.title['nl']])).toEqual([
      ['mission', 'Our mission', 'Onze missie'],
      ['basics', 'The basics', 'Grondbeginselen'],
      ['what-to-do', 'What to do', 'Dit moet je doen'],
      ['what-not-to-do', 'What not to do', 'Dit mag je niet doen'],
      ['publishing-content', 'Publishing content', 'Content publiceren'],
      ['audience-advertiser-services', 'Audience & advertiser services', 'Doelgroep- en advertentiediensten'],
      ['regarding-app-abuse', 'Regarding app abuse', 'Een app rapporteren'],
    ])
    const all = clauses(catalogue)
    expect(all).toHaveLength(56)
    for (const clause of all) {
      expect(Object.keys(clause.text)).toEqual(['en', 'nl'])
      expect(clause.hash['en']).toBe(hashText(clause.text['en']!))
      expect(clause.hash['nl']).toBe(hashText(clause.text['nl']!))
    }
    const byId = new Map(all.map((clause) => [clause.id, clause]))
    expect(byId.get('basics.end-users-request')).toMatchObject({ parent: 'basics.keep-api-access', depth: 1, kind: 'permission' })
    expect(all.filter((clause) => clause.parent === 'what-not-to-do.offering-features-enable').map((clause) => clause.id)).toEqual([
      'what-not-to-do.example-app-allows',
      'what-not-to-do.put-simply-end',
    ])
    expect(byId.get('basics.keep-api-access')!.source).toEqual({
      en: { file: 'locales/en/pinterest.md', line: 19 },
      nl: { file: 'locales/nl/pinterest.md', line: 19 },
    })
  })

  it('classifies clauses from their words and their lead-in', async () => {
    const catalogue = JSON.parse(await readRepo('policy/pinterest/catalogue.json')) as Catalogue
    const kind = new Map(clauses(catalogue).map((clause) => [clause.id, [clause.kind, clause.leadIn]]))
    expect(kind.get('basics.follow-instructions-technical')).toEqual(['obligation', 'basics.matter-application-follow'])
    expect(kind.get('basics.except-campaign-analytics')![0]).toBe('prohibition')
    expect(kind.get('what-not-to-do.creating-providing-app')).toEqual(['prohibition', 'what-not-to-do.unacceptable-uses-pinterest'])
    expect(kind.get('what-not-to-do.using-automated-means')![0]).toBe('prohibition')
    expect(kind.get('what-to-do.advertising-tools-like')![0]).toBe('permission')
    expect(kind.get('publishing-content.cover-obscure-content')![0]).toBe('prohibition')
    expect(kind.get('publishing-content.link-pins-back')![0]).toBe('obligation')
    expect(kind.get('audience-advertiser-services.report-last-click')).toEqual(['obligation', 'audience-advertiser-services.use-information-pinterest'])
    expect(kind.get('mission.remove-app-violating')![0]).toBe('informative')
  })

  it('is valid against the published schema', async () => {
    const catalogue = JSON.parse(await readRepo('policy/pinterest/catalogue.json'))
    expect(validateAgainst(schemaPath('catalogue.schema.json'), catalogue)).toEqual([])
    const broken = structuredClone(catalogue)
    broken.sections[1].clauses[0].kind = 'suggestion'
    expect(validateAgainst(schemaPath('catalogue.schema.json'), broken)[0]).toMatchObject({ pointer: '/sections/1/clauses/0/kind' })
  })

  it('leaves the previous catalogue untouched when validation fails', async () => {
    const root = await tempProject({ locales: true })
    await build(root)
    const before = await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')
    // A stricter schema: clause texts at most 300 characters; the long mission paragraph breaks it.
    const schema = JSON.parse(await readFile(join(ROOT, 'policy/schema/catalogue.schema.json'), 'utf8'))
    schema.$defs.perLocaleText.additionalProperties.maxLength = 300
    const strict = await put(root, 'strict.schema.json', JSON.stringify(schema))
    await writeFile(join(root, 'locales/en/pinterest.md'), (await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')).replace('Our mission', 'Our big mission'))
    await expect(build(root, { schema: strict })).rejects.toThrow(/Invalid catalogue: `\/sections\/0\/clauses\/0\/text\/en` \(clause `mission.pinterest-mission-bring`\) must NOT have more than 300 characters/)
    expect(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')).toBe(before)
  })

  it('names the file, line and field of a bad manifest', async () => {
    const root = await tempProject({ locales: true })
    const manifest = await readFile(join(root, 'policy/pinterest/policy.json'), 'utf8')
    await writeFile(join(root, 'policy/pinterest/policy.json'), manifest.replace('"1.0.0"', '"1.0"'))
    await expect(build(root)).rejects.toMatchObject({ file: 'policy/pinterest/policy.json', line: 9, message: expect.stringContaining('field `version` must match pattern') })
  })

  it('reports a locale file with a clashing ID, naming the file and line', async () => {
    const root = await tempProject({ locales: true })
    const path = join(root, 'locales/nl/pinterest.md')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('{#basics.use-information-someones}', '{#basics.access-someones-account}'))
    await expect(build(root)).rejects.toMatchObject({ file: 'locales/nl/pinterest.md', line: 16, message: expect.stringContaining('Duplicate ID `basics.access-someones-account`, already used on line 15') })
  })
})
