// The maintainer's round cannot lose a release (issue 16, items 1 and 2): an imported text is the language's source from
// then on; a build from sources refuses to replace Markdown that changed after its source was imported; the baseline
// accepts only findings with a written reason; a release holds every clause in every language; pre-release versions.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, run, tempProject } from '../helpers.js'

const NL = 'locales/nl/pinterest.md'
const read = (root: string, path: string) => readFile(join(root, path), 'utf8')

/** A project with the bundled policy, its locale files, and a build from its sources (which records what was imported). */
async function built(): Promise<string> {
  const root = await tempProject({ locales: true })
  expect((await run(['build', '--from-sources', '--root', root], root)).code).toBe(0)
  return root
}

describe('one source of truth for texts', () => {
  it('a build from sources refuses to replace Markdown edited after its source was imported, and says what to do', async () => {
    const root = await built()
    const edited = (await read(root, NL)).replace('Volg alle instructies zoals beschreven', 'Volg altijd alle instructies zoals beschreven')
    await writeFile(join(root, NL), edited)
    const catalogue = await read(root, 'policy/pinterest/catalogue.json')
    const refused = await run(['build', '--from-sources', '--root', root], root)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      'diptych: locales/nl/pinterest.md: locales/nl/pinterest.md changed after its source policy/pinterest/sources/nl.txt was imported; building from sources would replace it with the older text (build/source-older)\n' +
        '  Make the Markdown the source (`diptych import locales/nl/pinterest.md --locale nl`), import the new text (`diptych import <file> --locale nl`), or build without --from-sources.\n',
    )
    // Nothing was imported or built: the edit and the catalogue are as they were.
    expect(await read(root, NL)).toBe(edited)
    expect(await read(root, 'policy/pinterest/catalogue.json')).toBe(catalogue)

    // The way out it names: the Markdown becomes the source (kept under sources/, named in the manifest).
    expect((await run(['import', NL, '--locale', 'nl', '--root', root], root)).code).toBe(0)
    const manifest = JSON.parse(await read(root, 'policy/pinterest/policy.json')) as { sources: Record<string, string>; locales: string[] }
    expect(manifest.sources).toEqual({ en: 'sources/en.txt', nl: 'sources/nl.md' })
    expect(manifest.locales).toEqual(['en', 'nl'])
    expect(await read(root, 'policy/pinterest/sources/nl.md')).toContain('Volg altijd alle instructies')
    expect((await run(['build', '--from-sources', '--root', root], root)).code).toBe(0)
    expect(await read(root, NL)).toContain('Volg altijd alle instructies zoals beschreven')
  }, 60_000)

  it('importing a text from elsewhere makes it the source; a dry run keeps nothing', async () => {
    const root = await built()
    const lockBefore = JSON.parse(await read(root, 'policy/pinterest/sources.lock.json')) as Record<string, { sha256: string; markdown: string }>
    const original = await readFile(join(ROOT, 'policy/pinterest/sources/en.txt'), 'utf8')
    const text = original.replace('Follow any instructions', 'Follow every instruction')
    expect(text).not.toBe(original)
    await writeFile(join(root, 'new-guidelines.en.txt'), text)
    expect((await run(['import', 'new-guidelines.en.txt', '--locale', 'en', '--dry-run', '--root', root], root)).code).toBe(0)
    expect(await read(root, 'policy/pinterest/sources/en.txt')).not.toContain('Follow every instruction')
    expect((await run(['import', 'new-guidelines.en.txt', '--locale', 'en', '--root', root], root)).code).toBe(0)
    expect(await read(root, 'policy/pinterest/sources/en.txt')).toContain('Follow every instruction')
    const lock = JSON.parse(await read(root, 'policy/pinterest/sources.lock.json')) as Record<string, { file: string; sha256: string; markdown: string }>
    expect(lock['en']!.file).toBe('sources/en.txt')
    expect(lock['en']!.sha256).not.toBe(lockBefore['en']!.sha256)
    expect(lock['nl']).toEqual(lockBefore['nl'])
    // npm start's build from sources imports the new text again: the Markdown stays as the import wrote it.
    const english = await read(root, 'locales/en/pinterest.md')
    expect((await run(['build', '--from-sources', '--root', root], root)).code).toBe(0)
    expect(await read(root, 'locales/en/pinterest.md')).toBe(english)
  }, 60_000)
})

describe('a release is a promise', () => {
  it('the baseline accepts nothing with a TODO reason, and no baseline releases a clause without its text', async () => {
    const root = await built()
    // The Dutch loses a clause: a missing-clause error.
    await writeFile(join(root, NL), (await read(root, NL)).replace(/^- Volg alle instructies.*\{#basics\.follow-instructions-technical\}\n/m, ''))
    expect((await run(['check', '--root', root], root)).code).toBe(1)
    // --update-baseline writes the entry with a TODO reason: it accepts nothing, and says why.
    expect((await run(['check', '--update-baseline', '--root', root], root)).code).toBe(0)
    const baselinePath = join(root, 'policy/pinterest/check-baseline.json')
    const baseline = JSON.parse(await readFile(baselinePath, 'utf8')) as { accepted: Array<{ check: string; reason: string }> }
    expect(baseline.accepted.find((entry) => entry.check === 'missing-clause')?.reason).toMatch(/^TODO/)
    const json = JSON.parse((await run(['check', '--format', 'json', '--root', root], root)).stdout) as { findings: Array<{ check: string; severity: string }> }
    expect(json.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.check)).toEqual(['missing-clause'])
    expect((await run(['check', '--root', root], root)).code).toBe(1)
    // With a written reason the check accepts it; the release still refuses, in one line, and writes nothing.
    for (const entry of baseline.accepted) entry.reason = 'The Dutch page leaves this clause out on purpose.'
    await writeFile(baselinePath, JSON.stringify(baseline, null, 2))
    expect((await run(['check', '--root', root], root)).code).toBe(0)
    const manifest = await read(root, 'policy/pinterest/policy.json')
    const refused = await run(['release', '--root', root], root)
    expect(refused.code).toBe(2)
    expect(refused.stderr.split('\n')[0]).toBe(
      'diptych: locales/en/pinterest.md:22:1: Not released: clause `basics.follow-instructions-technical` has no text in `nl` (missing-clause); a release holds every clause in every language, whatever the baseline says (release/incomplete)',
    )
    expect(await read(root, 'policy/pinterest/policy.json')).toBe(manifest)
  }, 60_000)

  it('pre-release versions: 1.1.0-rc.1, then 1.1.0 as it is', async () => {
    const root = await built()
    const rules = join(root, 'policy/pinterest/rules.dip')
    await writeFile(rules, `${await readFile(rules, 'utf8')}\nrule evade-attested {\n  implements basics.try-evade-policy\n  attest {\n    en: "Does your app stay away from evading enforcement?"\n    nl: "Blijft je app weg van het omzeilen van handhaving?"\n  }\n}\n`)
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    const candidate = await run(['release', '--version', '1.1.0-rc.1', '--date', '2026-12-01', '--root', root], root)
    expect(candidate).toMatchObject({ code: 0, stderr: 'diptych release: pinterest 1.1.0-rc.1 (minor after 1.0.0) released\n' })
    const final = await run(['release', '--version', '1.1.0', '--date', '2026-12-02', '--root', root], root)
    expect(final).toMatchObject({ code: 0, stderr: 'diptych release: pinterest 1.1.0 (minor after 1.1.0-rc.1) released\n' })
    expect(JSON.parse(await read(root, 'policy/pinterest/releases/index.json')).versions).toEqual(['1.0.0', '1.1.0-rc.1', '1.1.0'])
    expect((await run(['check', '--root', root], root)).code).toBe(0)
    const bad = await run(['release', '--version', 'v2', '--root', root], root)
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('Unexpected version `v2`, expected a semantic version such as 2.0.0 or 3.0.0-rc.1') })
  }, 60_000)
})
