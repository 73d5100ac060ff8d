// `eval` runs the artefacts `diptych build` wrote (predicates.js, profile-validator.js): they are code, so one that
// leads out of the project or cannot be read is refused with one line before anything is imported.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFastEngine } from '../../src/report/fast-engine.js'
import { HAS_MKFIFO, run, tempProject } from '../helpers.js'

const P = 'policy/pinterest'
let root: string

beforeAll(async () => {
  root = await tempProject({ locales: true })
  expect((await run(['build', '--root', root], root)).code).toBe(0)
}, 60_000)


describe('built artefacts run by eval', () => {
  for (const name of ['predicates.js', 'profile-validator.js']) {
    it(`a ${name} that is a symbolic link out of the project is refused before it is imported`, async () => {
      const path = join(root, P, name)
      const built = await readFile(path, 'utf8')
      const outside = await mkdtemp(join(tmpdir(), 'diptych-outside-'))
      const marker = `DIPTYCH_IMPORTED_${name.replace(/\W/g, '_')}`
      // The very module the build wrote (current hashes and all), plus a side effect that shows it was run.
      await writeFile(join(outside, name), `globalThis.${marker} = true;\n${built}`)
      await rm(path)
      await symlink(join(outside, name), path)
      try {
        const result = await run(['eval', 'examples/compliant.json', '--root', root], root)
        expect(result.code, result.stderr).toBe(2)
        expect(result.stderr).toContain(`${P}/${name}`)
        expect(result.stderr).toContain('(input/outside-project)')
        expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined()
      } finally {
        await rm(path)
        await writeFile(path, built)
        await rm(outside, { recursive: true, force: true })
      }
    })

    it.runIf(HAS_MKFIFO)(`a ${name} that is a named pipe fails with one line instead of waiting for a writer`, async () => {
      const path = join(root, P, name)
      const built = await readFile(path, 'utf8')
      await rm(path)
      execFileSync('mkfifo', [path])
      try {
        const result = await run(['eval', 'examples/compliant.json', '--root', root], root)
        expect(result.code, result.stderr).toBe(2)
        expect(result.stderr).toContain(`${P}/${name}`)
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
      } finally {
        await rm(path)
        await writeFile(path, built)
      }
    }, 10_000)
  }

  it('current artefacts are still loaded (from the bytes read) and evaluate a compliant profile', async () => {
    const engine = await loadFastEngine(root, 'pinterest')
    expect(engine?.fromDisk).toBe(true)
    expect(engine?.rules.program.rules.length).toBeGreaterThan(0)
    const result = await run(['eval', 'examples/compliant.json', '--root', root], root)
    expect(result.code, result.stderr).toBe(0)
  })

  it('a predicates.js compiled from other sources is not imported (stale: the engine loads from source)', async () => {
    const path = join(root, P, 'predicates.js')
    const built = await readFile(path, 'utf8')
    await writeFile(path, `globalThis.DIPTYCH_STALE_IMPORTED = true;\n${built.replace(/export const sourceHash = "[0-9a-f]+";/, 'export const sourceHash = "0";')}`)
    try {
      expect(await loadFastEngine(root, 'pinterest')).toBeUndefined()
      expect((globalThis as Record<string, unknown>)['DIPTYCH_STALE_IMPORTED']).toBeUndefined()
    } finally {
      await writeFile(path, built)
    }
  })
})
