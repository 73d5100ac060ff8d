// A new version of the English text, end to end: re-import keeps IDs, the Dutch goes stale until updated or confirmed,
// the diff names every change, the release writes its version, changelog and immutable copy, or refuses and writes nothing.
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { wordSimilarity } from '../../src/ingest/reimport.js'
import { prependEntry } from '../../src/release/changelog.js'
import { bumpVersion, compare } from '../../src/release/semver.js'
import { normaliseSource } from '../../src/ingest/read-source.js'
import { ROOT, run, tempProject } from '../helpers.js'

const EN_V2 = join(ROOT, 'test/fixtures/pinterest-en-v2.txt')
const NL_V2 = join(ROOT, 'test/fixtures/pinterest-nl-v2.txt')

interface CheckJson {
  findings: Array<{ check: string; clause: string | null }>
}
const findings = async (root: string) => (JSON.parse((await run(['check', '--format', 'json', '--root', root], root)).stdout) as CheckJson).findings.map((finding) => [finding.check, finding.clause])

/** The rules after the text changed: the removed clause's rule goes, the added clause gets an attestation. */
async function updateRules(root: string): Promise<void> {
  const path = join(root, 'policy/pinterest/rules.dip')
  const rules = await readFile(path, 'utf8')
  const without = rules.replace(/rule honest-relationship \{[\s\S]*?\n\}\n/, '')
  expect(without).not.toBe(rules)
  await writeFile(
    path,
    `${without}\nrule contact-information-current {\n  implements basics.keep-contact-information\n  attest {\n    en: "Is the contact information of your app up to date?"\n    nl: "Zijn de contactgegevens van je app actueel?"\n  }\n}\n`,
  )
}

describe('a new version of the guidelines', () => {
  it('keeps IDs through the re-import, marks the Dutch stale, and releases 2.0.0 with a changelog in both languages', async () => {
    const root = await tempProject({ locales: true })
    const catalogueBefore = await readFile(join(ROOT, 'policy/pinterest/catalogue.json'), 'utf8')
    await writeFile(join(root, 'policy/pinterest/catalogue.json'), catalogueBefore)

    // 1. Import the changed English text: every ID kept that should be.
    const imported = await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
    expect(imported.code).toBe(0)
    expect(imported.stderr).toContain(
      'since the previous import: 60 kept, 2 reworded (basics.try-evade-policy, basics.follow-instructions-technical), 1 moved (what-not-to-do.apps-intended-children), ' +
        '1 added (basics.keep-contact-information), 1 removed (what-not-to-do.misrepresenting-relationship-pinterest)',
    )
    const english = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
    expect(english).toContain('- Follow all instructions in our technical documentation and API reference. {#basics.follow-instructions-technical}')
    expect(english).toContain('- Apps intended for children under the age of 13 are not permitted. {#what-not-to-do.apps-intended-children}')
    expect(english).not.toContain('misrepresenting-relationship-pinterest')
    expect(JSON.parse(await readFile(join(root, 'policy/pinterest/retired-ids.json'), 'utf8'))).toEqual({ retired: ['what-not-to-do.misrepresenting-relationship-pinterest'] })
    // Importing the same text again changes nothing.
    const again = await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
    expect(again.stderr).toContain('locales/en/pinterest.md unchanged')

    // 2. The rules follow the text; the build checks them.
    await updateRules(root)
    expect((await run(['build', '--root', root], root)).code).toBe(0)

    // 3. The Dutch text is now stale where the English changed, and misses and has a clause.
    expect(await findings(root)).toEqual([
      ['stale-translation', 'basics.try-evade-policy'],
      ['stale-translation', 'basics.follow-instructions-technical'],
      ['term-mismatch', 'basics.follow-instructions-technical'],
      ['missing-clause', 'basics.keep-contact-information'],
      ['extra-clause', 'what-not-to-do.misrepresenting-relationship-pinterest'],
      ['moved-clause', 'what-not-to-do.apps-intended-children'],
    ])

    // 4. The translator imports the new Dutch text (one clause updated), and confirms the other.
    expect((await run(['import', NL_V2, '--locale', 'nl', '--root', root], root)).code).toBe(0)
    expect(await findings(root)).toEqual([['stale-translation', 'basics.try-evade-policy']])
    const refused = await run(['release', '--root', root], root)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Not released: clause `basics.try-evade-policy` has a stale translation in `nl` (stale-translation); a release holds every clause in every language, whatever the baseline says')
    expect((await run(['confirm', 'basics.try-evade-policy', '--locale', 'nl', '--root', root], root)).code).toBe(0)
    expect(await findings(root)).toEqual([])

    // 5. The diff from the first release names every change, and the bump.
    await run(['build', '--root', root], root)
    const diff = JSON.parse((await run(['diff', '1.0.0', 'current', '--format', 'json', '--root', root], root)).stdout)
    expect(diff.clauses.added.map((clause: { id: string }) => clause.id)).toEqual(['basics.keep-contact-information'])
    expect(diff.clauses.removed.map((clause: { id: string }) => clause.id)).toEqual(['what-not-to-do.misrepresenting-relationship-pinterest'])
    expect(diff.clauses.reworded.map((clause: { id: string; locales: string[]; stale: string[] }) => [clause.id, clause.locales, clause.stale])).toEqual([
      ['basics.try-evade-policy', ['en'], ['nl']],
      ['what-not-to-do.apps-intended-children', ['nl'], []],
      ['basics.follow-instructions-technical', ['en', 'nl'], []],
    ])
    expect(diff.clauses.moved).toMatchObject([{ id: 'what-not-to-do.apps-intended-children', from: 'what-not-to-do', to: 'basics' }])
    expect(diff.rules).toEqual({ added: ['contact-information-current'], removed: ['honest-relationship'], changed: [] })
    expect(diff.bump).toBe('major')

    // 6. Refused releases write nothing: an existing number with other content, a bump too small.
    const catalogue = await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')
    const same = await run(['release', '--version', '1.0.0', '--root', root], root)
    expect(same).toMatchObject({ code: 2, stderr: expect.stringContaining('Version 1.0.0 is already released with other content; released catalogues are immutable') })
    const small = await run(['release', '--bump', 'minor', '--root', root], root)
    expect(small).toMatchObject({ code: 2, stderr: expect.stringContaining('A minor release is too small: the changes since 1.0.0 need a major release') })
    expect(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')).toBe(catalogue)

    // 7. The release.
    const released = await run(['release', '--date', '2026-12-01', '--root', root], root)
    expect(released.code).toBe(0)
    expect(released.stderr).toBe('diptych release: pinterest 2.0.0 (major after 1.0.0) released\n')
    const manifest = JSON.parse(await readFile(join(root, 'policy/pinterest/policy.json'), 'utf8'))
    expect(manifest.version).toBe('2.0.0')
    expect(JSON.parse(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')).version).toBe('2.0.0')
    expect(JSON.parse(await readFile(join(root, 'policy/pinterest/releases/2.0.0/catalogue.json'), 'utf8')).version).toBe('2.0.0')
    const changelog = await readFile(join(root, 'policy/pinterest/CHANGELOG.md'), 'utf8')
    expect(changelog).toMatch(/^# Changelog: Pinterest Developer Guidelines \/ Richtlijnen voor ontwikkelaars\n\n## 2\.0\.0 \(2026-12-01\)\n\n### English\n\n- Added `basics\.keep-contact-information`/)
    expect(changelog).toContain('- Verplaatst `what-not-to-do.apps-intended-children` van Dit mag je niet doen naar Grondbeginselen')
    expect(changelog).toContain('- Removed `what-not-to-do.misrepresenting-relationship-pinterest`')
    expect(changelog.indexOf('## 2.0.0')).toBeLessThan(changelog.indexOf('## 1.0.0'))
    const text = (await run(['diff', '1.0.0', '2.0.0', '--root', root], root)).stdout
    for (const id of ['basics.keep-contact-information', 'what-not-to-do.misrepresenting-relationship-pinterest', 'basics.try-evade-policy', 'basics.follow-instructions-technical', 'what-not-to-do.apps-intended-children', 'contact-information-current', 'honest-relationship']) {
      expect(text).toContain(id)
    }
    expect(text).toContain('semver: major')

    // 8. The same content again is no release; a stored release changed by hand fails the check.
    expect(await run(['release', '--root', root], root)).toMatchObject({ code: 0, stderr: 'diptych release: nothing to release, the policy is as released in 2.0.0\n' })
    expect((await run(['release', '--version', '2.0.0', '--root', root], root)).stderr).toContain('2.0.0 is already released with this content')

    // `npm start` after the round (build --from-sources): the imported texts are the sources now, so the build keeps
    // 2.0.0 and every ID, and the changelog holds each changed clause's full text in each language.
    expect(await readFile(join(root, 'policy/pinterest/sources/en.txt'), 'utf8')).toBe(normaliseSource(await readFile(EN_V2, 'utf8')))
    expect(await readFile(join(root, 'policy/pinterest/sources/nl.txt'), 'utf8')).toBe(normaliseSource(await readFile(NL_V2, 'utf8')))
    const rebuilt = await run(['build', '--from-sources', '--root', root], root)
    expect(rebuilt.code).toBe(0)
    const ids = (JSON.parse(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')) as { version: string; sections: Array<{ clauses: Array<{ id: string }> }> })
    expect(ids.version).toBe('2.0.0')
    expect(ids.sections.flatMap((section) => section.clauses.map((clause) => clause.id))).toContain('basics.keep-contact-information')
    expect(ids.sections.flatMap((section) => section.clauses.map((clause) => clause.id))).not.toContain('what-not-to-do.misrepresenting-relationship-pinterest')
    expect((await run(['check', '--root', root], root)).code).toBe(0)
    expect(await run(['release', '--root', root], root)).toMatchObject({ code: 0, stderr: 'diptych release: nothing to release, the policy is as released in 2.0.0\n' })
    for (const clause of diff.clauses.reworded as Array<{ id: string; locales: string[]; text: Record<string, string> }>) {
      for (const locale of clause.locales) expect(changelog, `${clause.id} ${locale}`).toContain(`\`${clause.id}\`: “${clause.text[locale]}”`)
    }
    const stored = join(root, 'policy/pinterest/releases/1.0.0/catalogue.json')
    await writeFile(stored, (await readFile(stored, 'utf8')).replace('Our mission', 'Our new mission'))
    expect(await findings(root)).toEqual([['release-integrity', null]])
  }, 60_000)

  it('diffs against a git revision', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' })
    git('init', '-q')
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '-A')
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'commit', '-qm', 'first')
    await run(['import', EN_V2, '--locale', 'en', '--root', root], root)
    await updateRules(root)
    await run(['build', '--root', root], root)
    const diff = JSON.parse((await run(['diff', 'HEAD', 'policy/pinterest/catalogue.json', '--format', 'json', '--root', root], root)).stdout)
    expect(diff.from.label).toBe('HEAD')
    expect(diff.clauses.added.map((clause: { id: string }) => clause.id)).toEqual(['basics.keep-contact-information'])
    expect(diff.rules.removed).toEqual(['honest-relationship'])
    const bad = await run(['diff', '--nope', 'HEAD', '--root', root], root)
    expect(bad.code).toBe(2)
    const unknown = await run(['diff', 'no-such-rev', 'HEAD', '--root', root], root)
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown catalogue, release or git revision `no-such-rev`') })
  })
})

describe('versions', () => {
  it('bumps and compares semantic versions', () => {
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0')
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0')
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4')
    expect(['1.10.0', '1.2.0', '2.0.0', '1.2.10'].sort(compare)).toEqual(['1.2.0', '1.2.10', '1.10.0', '2.0.0'])
  })

  it('measures rewording by shared words, ignoring short function words', () => {
    expect(wordSimilarity('Follow any instructions in our technical documentation.', 'Follow all instructions in our technical documentation and API reference.')).toBeGreaterThan(0.6)
    expect(wordSimilarity('Keep your credentials private.', 'Apps for children are not permitted.')).toBe(0)
  })

  it('adds changelog entries at the top, under one title', () => {
    const first = prependEntry(undefined, 'Changelog', '## 1.0.0 (d)\n\n- First\n')
    expect(prependEntry(first, 'Changelog', '## 1.1.0 (e)\n\n- Next\n')).toBe('# Changelog\n\n## 1.1.0 (e)\n\n- Next\n\n## 1.0.0 (d)\n\n- First\n')
  })
})
