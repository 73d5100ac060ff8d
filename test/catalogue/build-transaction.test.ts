// build writes its files as one transaction: a file that cannot be written stops them before
// the first write, so the catalogue never stands beside predicates compiled from another text.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changedPaths, treeOf } from '../attack/kill-tree.js'
import { run, tempProject } from '../helpers.js'

describe('build as a transaction', () => {
  it('a folder where profile-validator.js goes stops the build before the catalogue is written', async () => {
    const root = await tempProject({ locales: true })
    // A changed clause, so that the catalogue and the predicates would both be written.
    const en = join(root, 'locales/en/pinterest.md')
    await writeFile(en, (await readFile(en, 'utf8')).replace('Be honest and transparent', 'Be honest and open'))
    const validator = join(root, 'policy/pinterest/profile-validator.js')
    await rm(validator)
    await mkdir(validator)
    const before = await treeOf(root)
    const result = await run(['build', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/profile-validator\.js: A folder stands where a file is needed/)
    expect(changedPaths(before, await treeOf(root))).toEqual([])
  })
})
