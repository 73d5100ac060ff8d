// Bad input found by review: each gets one clear message naming the file (and line), exit code 2, no stack trace.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { put, run, tempProject } from '../helpers.js'

const expectBadInput = (result: { code: number; stderr: string }, message: string | RegExp) => {
  expect(result.code).toBe(2)
  if (typeof message === 'string') expect(result.stderr).toContain(message)
  else expect(result.stderr).toMatch(message)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
}

describe('bad input', () => {
  it('eval: a profile with thousands of bad items gets the first 20 errors and a count, with short excerpts', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    const profile = JSON.parse(await readFile(join(root, 'examples/compliant.json'), 'utf8'))
    profile.actions = Array.from({ length: 3000 }, () => ({ automated: true, userSelectsEach: false }))
    await put(root, 'big.json', JSON.stringify(profile))
    const result = await run(['eval', 'big.json', '--root', root], root)
    expectBadInput(result, "… and 2980 more errors in this profile")
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error: ')).length).toBe(21)
    expect(result.stderr.length).toBeLessThan(20_000)
  })

  it('eval: a JSON syntax error names its line and column; a BOM is fine; bytes that are not UTF-8 are named', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    await put(root, 'broken.json', '{\n  "name": "x",\n  "privacyPolicyUrl": null,,\n  "audience": {}\n}\n')
    expectBadInput(await run(['eval', 'broken.json', '--root', root], root), /^diptych: broken\.json:3:28: Invalid JSON/)
    await put(root, 'bom.json', '\uFEFF{"name": "x"}')
    expect((await run(['eval', 'bom.json', '--root', root], root)).code).toBe(0)
    await put(root, 'latin1.json', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))
    expectBadInput(await run(['eval', 'latin1.json', '--root', root], root), 'latin1.json:1:7: Invalid UTF-8 byte 0xe9')
    expectBadInput(await run(['eval', 'examples', '--root', root], root), 'examples: Expected a file, found a folder')
    // Several profiles: each missing one is named, the run goes on to the next.
    const missing = await run(['eval', 'a.json', 'b.json', '--root', root], root)
    expectBadInput(missing, /^diptych: a\.json: File not found \(input\/file-not-found\)\ndiptych: b\.json: File not found/m)
    await put(root, 'batch.ndjson', '{"name": "x"}\n')
    expectBadInput(await run(['eval', 'batch.ndjson', '--format', 'html', '--root', root], root), 'Unexpected --format html for NDJSON input')
  })

  it('check, test and release: malformed baseline, rule test, lock and glossary files', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    await put(root, 'policy/pinterest/check-baseline.json', '{"accepted": [null]}')
    expectBadInput(await run(['check', '--root', root], root), 'policy/pinterest/check-baseline.json:1:15: Invalid baseline: field `accepted.0` must be an object')
    await put(root, 'policy/pinterest/check-baseline.json', '{"accepted": []}')
    await put(root, 'locales/nl/pinterest.lock.json', '{"reference": "en", "basis": {"mission": 5}}')
    expectBadInput(await run(['check', '--root', root], root), 'locales/nl/pinterest.lock.json:1:31: Invalid translation lock: field `basis.mission` must be a sha256')
    await put(root, 'policy/pinterest/tests/zz.json', 'null')
    expectBadInput(await run(['test', '--root', root], root), 'policy/pinterest/tests/zz.json:1:1: Invalid rule test')
    await put(root, 'locales/glossary.json', '{"terms": [{"en": ["x"]}]}')
    expectBadInput(await run(['check', '--root', root], root), 'locales/glossary.json:1:12: Invalid glossary: field `terms.0` must give a term\'s forms in at least two languages')
  })

  it('test: a rule test whose inline profile nests past the limit is refused like eval refuses it', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    const deep = '['.repeat(150) + ']'.repeat(150)
    await put(root, 'policy/pinterest/tests/zz.json', `{"profile": {"integrationTypes": ${deep}}, "expect": {}}`)
    expectBadInput(await run(['test', '--root', root], root), /^diptych: policy\/pinterest\/tests\/zz\.json:1:\d+: Profile nested deeper than 100 levels/)
  })

  it('release: an impossible date, and --version with --bump, are usage errors', async () => {
    const root = await tempProject({ locales: true })
    expectBadInput(await run(['release', '--date', '2024-13-45', '--root', root], root), 'Unexpected date `2024-13-45`')
    expectBadInput(await run(['release', '--version', '2.0.0', '--bump', 'patch', '--root', root], root), 'Unexpected --bump with --version')
  })

  it('render: an --out that is not a usable folder is bad input', async () => {
    const root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    await put(root, 'afile', 'x')
    expectBadInput(await run(['render', '--out', 'afile', '--root', root], root), /afile: cannot create a folder: a file of that name exists \(EEXIST\)/)
    expectBadInput(await run(['render', '--out', 'afile/sub', '--root', root], root), /a file stands where a folder is needed \(ENOTDIR\)/)
  })

  it('align: a missing --glossary, two files of one language, an unknown language', async () => {
    const root = await tempProject({ locales: true })
    const en = 'policy/pinterest/sources/en.txt'
    const nl = 'policy/pinterest/sources/nl.txt'
    expectBadInput(await run(['align', en, nl, '--glossary', 'nope.json', '--root', root], root), 'nope.json: File not found')
    expectBadInput(await run(['align', en, en, '--root', root], root), 'The reference and the translation are both `en`')
    // A language without a pack is compared, and the checks that would have to guess are said to be skipped.
    const unknown = await run(['align', en, nl, '--to', 'xx', '--root', root], root)
    expect(unknown.stderr).toContain('not checked for `xx` (no language pack): modality-mismatch')
  })

  it('import: a hints.json that is not JSON is named with its line and column', async () => {
    const root = await tempProject({ locales: true })
    await put(root, 'policy/pinterest/hints.json', '{\n  "headings": ["A",]\n}\n')
    expectBadInput(await run(['import', 'policy/pinterest/sources/en.txt', '--locale', 'en', '--root', root], root), /^diptych: policy\/pinterest\/hints\.json:2:20: Invalid JSON/)
  })

  it('import: a malformed {#id} is an invalid ID, not text', async () => {
    const root = await tempProject({ locales: true })
    const before = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
    await put(root, 'badid.md', '# T\n\n## A {#A B}\n\nText.\n')
    expectBadInput(await run(['import', 'badid.md', '--locale', 'en', '--root', root], root), 'badid.md:3:1: Invalid ID `A B`')
    expect(await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')).toBe(before)
  })

  it('the manifest: a title missing for a language, a source outside the policy folder', async () => {
    const root = await tempProject({ locales: true })
    const path = join(root, 'policy/pinterest/policy.json')
    const manifest = await readFile(path, 'utf8')
    await writeFile(path, manifest.replace('    "nl": "Richtlijnen voor ontwikkelaars"\n', '').replace('"Pinterest Developer Guidelines",', '"Pinterest Developer Guidelines"'))
    expectBadInput(await run(['build', '--root', root], root), 'policy/pinterest/policy.json:3:3: Invalid manifest: field `title` has no `nl` title')
    await writeFile(path, manifest.replace('"sources/en.txt"', '"../../../../etc/passwd"'))
    expectBadInput(await run(['build', '--from-sources', '--root', root], root), 'the `en` source `../../../../etc/passwd` is outside the policy folder')
  })
})
