// Stored releases form a hash chain whose head is recorded twice: editing a release's files and its
// record is caught, and so is a record that lists nothing, a missing record, or a missing index.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyReleases } from '../../src/release/verify.js'
import { policyPaths } from '../../src/project/manifest.js'
import { changedPaths, treeOf } from '../attack/kill-tree.js'
import { ROOT, run, tempProject } from '../helpers.js'

const RELEASES = 'policy/pinterest/releases'
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const problems = async (root: string) => (await verifyReleases(policyPaths(root, 'pinterest'))).map((problem) => problem.message)

async function integrityFindings(root: string): Promise<string[]> {
  const result = await run(['check', '--format', 'json', '--root', root], root)
  const findings = (JSON.parse(result.stdout) as { findings: Array<{ check: string; message: string }> }).findings
  return findings.filter((finding) => finding.check === 'release-integrity').map((finding) => finding.message)
}

/** Change a stored file and put its new hash in the release's record, as a forger would. */
async function forge(root: string, version: string): Promise<void> {
  const cataloguePath = join(root, RELEASES, version, 'catalogue.json')
  const catalogue = (await readFile(cataloguePath, 'utf8')).replace('Our mission', 'Our forged mission')
  await writeFile(cataloguePath, catalogue)
  const recordPath = join(root, RELEASES, version, 'release.json')
  const record = JSON.parse(await readFile(recordPath, 'utf8'))
  record.files['catalogue.json'] = sha256(catalogue)
  await writeFile(recordPath, JSON.stringify(record, null, 2) + '\n')
}

/** A patch release 1.0.1 (a rule message reworded) on top of the bundled 1.0.0. */
async function patchRelease(root: string): Promise<void> {
  const rulesPath = join(root, 'policy/pinterest/rules.dip')
  const rules = await readFile(rulesPath, 'utf8')
  const reworded = rules.replace('call the API each time instead.', 'call the API every time instead.')
  expect(reworded).not.toBe(rules)
  await writeFile(rulesPath, reworded)
  const released = await run(['release', '--date', '2026-12-01', '--root', root], root)
  expect(released).toMatchObject({ code: 0, stderr: 'diptych release: pinterest 1.0.1 (patch after 1.0.0) released\n' })
}

describe('release integrity', () => {
  it('the bundled release 1.0.0 checks clean in its chained record format', async () => {
    expect(await problems(ROOT)).toEqual([])
    const record = JSON.parse(await readFile(join(ROOT, RELEASES, '1.0.0/release.json'), 'utf8'))
    expect(record.previous).toBeNull()
    const index = JSON.parse(await readFile(join(ROOT, RELEASES, 'index.json'), 'utf8'))
    expect(index).toEqual({ versions: ['1.0.0'], head: { version: '1.0.0', record: sha256(await readFile(join(ROOT, RELEASES, '1.0.0/release.json'), 'utf8')) } })
  })

  it('a stored catalogue edited together with its hash in release.json fails the check (the head no longer matches)', async () => {
    const root = await tempProject({ locales: true })
    expect(await integrityFindings(root)).toEqual([])
    await forge(root, '1.0.0')
    expect(await integrityFindings(root)).toEqual(["Releases: the index's head does not match the record of 1.0.0"])
  })

  it('an older release forged with its record breaks the chain at the next release', async () => {
    const root = await tempProject({ locales: true })
    await patchRelease(root)
    const record = JSON.parse(await readFile(join(root, RELEASES, '1.0.1/release.json'), 'utf8'))
    expect(record.previous).toEqual({ version: '1.0.0', record: sha256(await readFile(join(root, RELEASES, '1.0.0/release.json'), 'utf8')) })
    expect(await integrityFindings(root)).toEqual([])
    await forge(root, '1.0.0')
    const found = await integrityFindings(root)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^Release 1\.0\.1: the chain of releases is broken: its record names 1\.0\.0 \(/)
  }, 30_000)

  it('a record with `"files": {}` fails the check: every file of the folder must be listed', async () => {
    const root = await tempProject({ locales: true })
    const recordPath = join(root, RELEASES, '1.0.0/release.json')
    const record = JSON.parse(await readFile(recordPath, 'utf8'))
    await writeFile(recordPath, JSON.stringify({ ...record, files: {} }, null, 2) + '\n')
    expect(await integrityFindings(root)).toEqual(
      expect.arrayContaining(['Release 1.0.0: its record does not list catalogue.json', 'Release 1.0.0: catalogue.json is not in its record', 'Release 1.0.0: rules.dip is not in its record']),
    )
  })

  it('a file listed in the record but deleted, or a file added to the folder, fails the check', async () => {
    const root = await tempProject({ locales: true })
    await rm(join(root, RELEASES, '1.0.0/rules.dip'))
    await writeFile(join(root, RELEASES, '1.0.0/extra.json'), '{}\n')
    expect(await problems(root)).toEqual(['Release 1.0.0: extra.json is not in its record', 'Release 1.0.0: rules.dip is missing'])
  })

  it('a release folder without its release.json fails the check, and `release --version 1.0.0` refuses without writing', async () => {
    const root = await tempProject({ locales: true })
    await rm(join(root, RELEASES, '1.0.0/release.json'))
    expect(await integrityFindings(root)).toContain('Release 1.0.0: its record release.json is missing')
    const before = await treeOf(root)
    const again = await run(['release', '--version', '1.0.0', '--root', root], root)
    expect(again.code).toBe(2)
    expect(again.stderr).toBe(
      'diptych: policy/pinterest/releases/1.0.0/release.json: Not released: Release 1.0.0: its record release.json is missing (release/integrity)\n' +
        '  2 problems with the stored releases (see `diptych check`); a stored release is never overwritten.\n',
    )
    expect(changedPaths(before, await treeOf(root))).toEqual([])
  })

  it('an empty release folder where the new release would go is refused, never filled', async () => {
    const root = await tempProject({ locales: true })
    await mkdir(join(root, RELEASES, '2.0.0'))
    const result = await run(['release', '--version', '2.0.0', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Release 2.0.0: its record release.json is missing')
  })

  it('a deleted index of releases, or one naming other versions, fails the check', async () => {
    const root = await tempProject({ locales: true })
    const indexPath = join(root, RELEASES, 'index.json')
    const index = await readFile(indexPath, 'utf8')
    await rm(indexPath)
    expect(await problems(root)).toEqual(['Releases: the index of releases (releases/index.json) is missing'])
    await writeFile(indexPath, index.replace('"1.0.0"\n', '"1.0.0",\n    "1.1.0"\n'))
    expect(await problems(root)).toEqual(['Releases: the index names ["1.0.0","1.1.0"], the folder holds ["1.0.0"]'])
    await writeFile(indexPath, 'null\n')
    expect(await problems(root)).toEqual(['Releases: the index is not a JSON object'])
  })

  it('a release.json that is null or not JSON is a finding, not an internal error', async () => {
    const root = await tempProject({ locales: true })
    await writeFile(join(root, RELEASES, '1.0.0/release.json'), 'null\n')
    expect(await integrityFindings(root)).toContain('Release 1.0.0: its record is not a JSON object')
  })
})
