// The result cache (src/util/result-cache.ts) stores the findings of two texts under a hash of everything they were
// computed from and of the build that computed them; `check` and `align` read them back when nothing changed. An entry
// is never stale (another text, option or build is another key), one that does not have the stored form is no entry,
// and a cache that cannot be written changes nothing. The command line is run from its bundle (bin/diptych.js), the
// only code with a build ID, on a copy of the bundled policy.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { compare, corpus } from '../align/corpus-pairs.js'
import { findingData, findingFromData, isFindingData } from '../../src/align/findings.js'
import { CACHE_ENTRIES, cacheFolder, resultCache } from '../../src/util/result-cache.js'
import { ROOT, tempProject } from '../helpers.js'

const exec = promisify(execFile)
const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((item) => typeof item === 'number')

describe('the result cache', () => {
  it('gives back what was put under the same inputs and build, and nothing under others', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'diptych-cache-'))
    const cache = resultCache('test', isNumbers, 'build-1', folder)!
    expect(cache.get({ text: 'a' })).toBeUndefined()
    cache.put({ text: 'a' }, [1, 2])
    expect(cache.get({ text: 'a' })).toEqual([1, 2])
    expect(cache.get({ text: 'b' })).toBeUndefined()
    expect(resultCache('test', isNumbers, 'build-2', folder)!.get({ text: 'a' })).toBeUndefined()
    expect(resultCache('other', isNumbers, 'build-1', folder)!.get({ text: 'a' })).toBeUndefined()
  })

  it('takes an entry only in its stored form, and a cache that cannot be written is none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'diptych-cache-'))
    const cache = resultCache('test', isNumbers, 'build-1', folder)!
    cache.put({ text: 'a' }, [1])
    const [entry] = await readdir(join(folder, 'test'))
    await writeFile(join(folder, 'test', entry!), '["not a number"]')
    expect(cache.get({ text: 'a' })).toBeUndefined()
    await writeFile(join(folder, 'test', entry!), '{ not JSON')
    expect(cache.get({ text: 'a' })).toBeUndefined()
    // A file where the folder should be: nothing is written, nothing thrown.
    const blocked = join(folder, 'file')
    await writeFile(blocked, '')
    const unwritable = resultCache('test', isNumbers, 'build-1', blocked)!
    expect(() => unwritable.put({ text: 'a' }, [1])).not.toThrow()
    expect(unwritable.get({ text: 'a' })).toBeUndefined()
  })

  it(`keeps at most ${CACHE_ENTRIES} entries of a kind, the newest`, async () => {
    const folder = await mkdtemp(join(tmpdir(), 'diptych-cache-'))
    const cache = resultCache('test', isNumbers, 'build-1', folder)!
    for (let i = 0; i <= CACHE_ENTRIES + 10; i++) cache.put({ i }, [i])
    const entries = await readdir(join(folder, 'test'))
    expect(entries.length).toBeLessThanOrEqual(CACHE_ENTRIES)
    expect(entries.length).toBeGreaterThan(CACHE_ENTRIES / 2)
    expect(cache.get({ i: CACHE_ENTRIES + 10 })).toEqual([CACHE_ENTRIES + 10])
  })

  it('is off with DIPTYCH_CACHE=off, in the folder it names, else under XDG_CACHE_HOME', () => {
    expect(cacheFolder({ DIPTYCH_CACHE: 'off' })).toBeUndefined()
    expect(cacheFolder({ DIPTYCH_CACHE: '/x/y' })).toBe('/x/y')
    expect(cacheFolder({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/diptych')
    // Code run from src/ (as here) has no build ID: it caches nothing.
    expect(resultCache('test', isNumbers)).toBeUndefined()
  })

  it('stores findings as data that rebuilds them as they were (a real pair: nl/pocket_tos.md)', () => {
    const findings = compare(corpus('en', 'pocket_tos.md'), corpus('nl', 'pocket_tos.md'), 'nl')
    expect(findings.length).toBeGreaterThanOrEqual(3)
    expect(findings.some((found) => found.cause !== undefined)).toBe(true)
    const data = JSON.parse(JSON.stringify(findings.map(findingData))) as unknown
    expect(isFindingData(data)).toBe(true)
    const rebuilt = (data as Parameters<typeof findingFromData>[0][]).map(findingFromData)
    const view = (list: typeof findings) => list.map(({ ruleId, fatal, reason, file, line, column, url, clause, hash, side, cause }) => ({ ruleId, fatal, reason, file, line, column, url, clause, hash, side, cause: cause && { ...(cause as object) } }))
    expect(view(rebuilt)).toEqual(view(findings))
  })
})

describe('check and align with the cache (the bundle, bin/diptych.js)', () => {
  const bin = (argv: string[], cwd: string, cache: string) =>
    exec(process.execPath, [join(ROOT, 'bin/diptych.js'), ...argv], { cwd, env: { ...process.env, DIPTYCH_CACHE: cache, NO_COLOR: '1' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    )

  it('print the same the second time, from the cache, and what changed once a text changes', async () => {
    const root = await tempProject({ locales: true })
    const cache = await mkdtemp(join(tmpdir(), 'diptych-cache-'))
    const first = await bin(['check', '--format', 'json'], root, cache)
    expect(first.code, first.stderr).toBe(0)
    expect(await readdir(join(cache, 'compare'))).toHaveLength(1)
    const second = await bin(['check', '--format', 'json'], root, cache)
    expect(second).toEqual(first)
    // A number changed in the Dutch text ("jonger dan 13"): a finding, not the stored result.
    const nl = join(root, 'locales/nl/pinterest.md')
    const text = await readFile(nl, 'utf8')
    expect(text).toContain('dan 13.')
    await writeFile(nl, text.replace('dan 13.', 'dan 16.'))
    const changed = await bin(['check', '--format', 'json'], root, cache)
    expect(changed.stdout).not.toBe(first.stdout)
    expect(changed.stdout).toContain('number-mismatch')
    expect(await readdir(join(cache, 'compare'))).toHaveLength(2)
    const uncached = await bin(['check', '--format', 'json'], root, 'off')
    expect(uncached).toEqual(changed)
  })

  it('align gives from the cache what it computes, and DIPTYCH_CACHE=off writes nothing', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'diptych-cache-')), 'cache')
    const argv = ['align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt', '--format', 'json']
    const off = await bin(argv, ROOT, 'off')
    expect(off.code, off.stderr).toBe(0)
    expect(existsSync(cache)).toBe(false)
    const computed = await bin(argv, ROOT, cache)
    const stored = await bin(argv, ROOT, cache)
    expect(computed).toEqual(off)
    expect(stored).toEqual(off)
    expect(await readdir(join(cache, 'compare'))).toHaveLength(1)
  })
})
