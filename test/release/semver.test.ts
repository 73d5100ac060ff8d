// Versions with pre-releases (`3.0.0-rc.1`), read and ordered by the semver package; and `release --version` with one.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bumpTo, bumpVersion, compare, isPrerelease, isVersion, parse } from '../../src/release/semver.js'
import { put, run, tempProject } from '../helpers.js'

describe('semantic versions', () => {
  it('takes a version written exactly, with or without a pre-release', () => {
    for (const version of ['1.0.0', '3.0.0-rc.1', '2.1.0-beta', '10.20.30-alpha.1.2']) expect(isVersion(version), version).toBe(true)
    for (const version of ['v1.0.0', '1.0', '1.0.0+build.5', ' 1.0.0', '01.0.0', '1.0.0-', 'current']) expect(isVersion(version), version).toBe(false)
    expect(parse('3.1.2-rc.1')).toEqual([3, 1, 2])
    expect(isPrerelease('3.0.0-rc.1')).toBe(true)
    expect(isPrerelease('3.0.0')).toBe(false)
  })

  it('orders pre-releases before their release, numerically within', () => {
    const versions = ['3.0.0', '2.10.0', '3.0.0-rc.10', '3.0.0-rc.2', '2.9.0', '3.0.0-beta']
    expect([...versions].sort(compare)).toEqual(['2.9.0', '2.10.0', '3.0.0-beta', '3.0.0-rc.2', '3.0.0-rc.10', '3.0.0'])
  })

  it('bumps a pre-release to the release it leads to', () => {
    expect(bumpVersion('3.0.0-rc.1', 'patch')).toBe('3.0.0')
    expect(bumpVersion('3.0.0-rc.1', 'major')).toBe('3.0.0')
    expect(bumpVersion('3.1.0-rc.1', 'major')).toBe('4.0.0')
    expect(bumpVersion('3.1.0-rc.1', 'minor')).toBe('3.1.0')
  })

  it('measures the bump a given version is, its pre-release counting as its release', () => {
    expect(bumpTo('2.0.0', '3.0.0-rc.1')).toBe('major')
    expect(bumpTo('2.0.0', '2.1.0')).toBe('minor')
    expect(bumpTo('2.0.0', '2.0.1-rc.1')).toBe('patch')
    expect(bumpTo('3.0.0-rc.1', '3.0.0-rc.2')).toBe('major')
    expect(bumpTo('3.0.0-rc.1', '3.0.0')).toBe('major')
    expect(bumpTo('2.0.1-rc.1', '2.0.1')).toBe('patch')
    expect(bumpTo('2.0.0', '2.0.0-rc.1')).toBe('none')
    expect(bumpTo('2.0.0', '2.0.0')).toBe('none')
  })
})

describe('release --version with a pre-release', () => {
  it('releases 2.0.0-rc.1 after 1.0.0 for a major change, and diff reads it as a released version', async () => {
    const root = await tempProject({ locales: true })
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    // A major change: a clause (and the rule that implements it) removed, in both languages.
    for (const locale of ['en', 'nl']) {
      const path = `locales/${locale}/pinterest.md`
      await put(root, path, (await readFile(join(root, path), 'utf8')).replace(/^.*\{#what-to-do\.advertising-tools-like\}\n/m, ''))
    }
    const rules = join(root, 'policy/pinterest/rules.dip')
    await put(root, 'policy/pinterest/rules.dip', (await readFile(rules, 'utf8')).replace(/rule integration-advertising \{[\s\S]*?\n\}\n/, ''))
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    // Too small for the changes, a pre-release or not.
    const small = await run(['release', '--version', '1.1.0-rc.1', '--dry-run', '--root', root], root)
    expect(small).toMatchObject({ code: 2, stderr: expect.stringMatching(/^diptych: <arguments>: Version 1\.1\.0-rc\.1 is too small after 1\.0\.0: the changes need a major release/) })
    const released = await run(['release', '--version', '2.0.0-rc.1', '--date', '2026-12-01', '--root', root], root)
    expect(released.stderr).toBe('diptych release: pinterest 2.0.0-rc.1 (major after 1.0.0) released\n')
    expect(released.code).toBe(0)
    expect(released.stdout).toMatch(/^## 2\.0\.0-rc\.1 \(2026-12-01\)\n/)
    const diff = await run(['diff', '1.0.0', '2.0.0-rc.1', '--root', root], root)
    expect(diff.code).toBe(0)
    expect(diff.stdout).toContain('diptych diff 1.0.0 (1.0.0) → 2.0.0-rc.1 (2.0.0-rc.1)')
    expect(diff.stdout).toContain('semver: major (1.0.0 → 2.0.0), because:\n  major: clause what-to-do.advertising-tools-like removed\n  major: rule integration-advertising removed\n')
  }, 60_000)
})
