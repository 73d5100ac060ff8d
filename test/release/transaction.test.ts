// A release is one transaction: every check before the first write, staged files moved into place
// behind a journal, and a transaction an interruption left rolled forward (or dropped) by the next command.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitFiles, recoverTransactions } from '../../src/util/transaction.js'
import { changedPaths, treeOf } from '../attack/kill-tree.js'
import { run, tempProject } from '../helpers.js'

const display = (path: string) => path

describe('release as a transaction', () => {
  it('with CHANGELOG.md unwritable (a folder stands there), release fails before writing anything, exit 2, one line', async () => {
    const root = await tempProject({ locales: true })
    await writeFile(join(root, 'policy/pinterest/rules.dip'), (await readFile(join(root, 'policy/pinterest/rules.dip'), 'utf8')).replace('call the API each time instead.', 'call the API every time instead.'))
    const changelog = join(root, 'policy/pinterest/CHANGELOG.md')
    const text = await readFile(changelog, 'utf8')
    await (await import('node:fs/promises')).rm(changelog)
    await mkdir(changelog)
    await writeFile(join(changelog, 'keep'), text)
    const before = await treeOf(root)
    const result = await run(['release', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^diptych: policy\/pinterest\/CHANGELOG\.md: [^\n]*folder[^\n]* \(release\/not-writable\)\n$/)
    expect(changedPaths(before, await treeOf(root))).toEqual([])
  })

  it('a folder standing where predicates.js goes stops the release before its first write', async () => {
    const root = await tempProject({ locales: true })
    await writeFile(join(root, 'policy/pinterest/rules.dip'), (await readFile(join(root, 'policy/pinterest/rules.dip'), 'utf8')).replace('call the API each time instead.', 'call the API every time instead.'))
    // A folder where the compiled predicates go.
    await mkdir(join(root, 'policy/pinterest/predicates.js'))
    const before = await treeOf(root)
    const result = await run(['release', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('diptych: policy/pinterest/predicates.js: A folder stands where a file is needed (release/not-writable)\n')
    expect(changedPaths(before, await treeOf(root))).toEqual([])
  })

  it('a committed journal left by a killed run is rolled forward by the next command', async () => {
    const root = await tempProject({ locales: true })
    const folder = join(root, 'policy/pinterest')
    const staging = join(folder, '.staging-999999-00ff')
    await mkdir(staging)
    await writeFile(join(staging, '0'), 'new changelog\n')
    await writeFile(join(staging, '1'), '{"new": true}\n')
    await writeFile(join(staging, 'journal.json'), JSON.stringify({ files: [{ staged: '0', target: 'CHANGELOG.md' }, { staged: '1', target: 'releases/9.9.9/x.json' }] }))
    // As if the kill came after the first rename: the first staged file is already in place.
    await (await import('node:fs/promises')).rename(join(staging, '0'), join(folder, 'CHANGELOG.md'))
    expect((await run(['check', '--root', root], root)).code).toBeGreaterThanOrEqual(0)
    expect(await readFile(join(folder, 'CHANGELOG.md'), 'utf8')).toBe('new changelog\n')
    expect(await readFile(join(folder, 'releases/9.9.9/x.json'), 'utf8')).toBe('{"new": true}\n')
    expect((await readdir(folder)).filter((name) => name.startsWith('.staging-'))).toEqual([])
  })

  it('an uncommitted staging folder of a process that is gone is removed, leaving the old state', async () => {
    const root = await tempProject()
    const folder = join(root, 'policy/pinterest')
    await mkdir(join(folder, '.staging-999999-abcd'))
    await writeFile(join(folder, '.staging-999999-abcd', '0'), 'half\n')
    const before = await treeOf(root)
    expect(await recoverTransactions(folder)).toBe(0)
    expect(changedPaths(before, await treeOf(root))).toEqual(['policy/pinterest/.staging-999999-abcd/', 'policy/pinterest/.staging-999999-abcd/0'])
  })

  it('a corrupt journal is one line, exit 2, not an internal error', async () => {
    const root = await tempProject()
    const staging = join(root, 'policy/pinterest/.staging-999999-beef')
    await mkdir(staging)
    await writeFile(join(staging, 'journal.json'), '{"files": 5}')
    const result = await run(['check', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unreadable journal of an interrupted transaction (no `files` list) (transaction/invalid-journal)')
  })

  it('commitFiles refuses a target outside its folder before writing anything', async () => {
    const root = await tempProject()
    const folder = join(root, 'policy/pinterest')
    const before = await treeOf(root)
    await expect(commitFiles(folder, [{ path: join(folder, 'a.txt'), data: 'a' }, { path: join(root, 'outside.txt'), data: 'b' }], display)).rejects.toThrow('outside its folder')
    expect(changedPaths(before, await treeOf(root))).toEqual([])
  })
})
