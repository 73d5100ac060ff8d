// writeFileAtomic against planted symbolic links: the temporary file is created exclusively
// (never through a link, even one planted at the exact name it picks), the target is replaced.
import { lstat, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

/** The random bytes the next temporary names are made of (a queue), so a test can plant a link at that exact name. */
const planned: Buffer[] = []
/** Every random value drawn for a temporary name. */
const drawn: string[] = []
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>()
  return {
    ...actual,
    randomBytes: (size: number) => {
      const bytes = planned.shift() ?? actual.randomBytes(size)
      drawn.push(bytes.toString('hex'))
      return bytes
    },
  }
})

const { writeFileAtomic } = await import('../../src/util/atomic-write.js')

afterEach(() => {
  planned.length = 0
  drawn.length = 0
})

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'diptych-atomic-'))
}

describe('writeFileAtomic', () => {
  it('a symbolic link planted at the very temporary name it picks is never followed', async () => {
    const dir = await folder()
    const victim = join(await folder(), 'victim')
    await writeFile(victim, 'untouched')
    const first = Buffer.alloc(12, 1)
    await symlink(victim, join(dir, `.out.json.${first.toString('hex')}.tmp`))
    planned.push(first)
    await writeFileAtomic(join(dir, 'out.json'), 'new')
    expect(await readFile(victim, 'utf8')).toBe('untouched')
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('new')
    // The planted link is left as it was; no other temporary file remains.
    expect((await readdir(dir)).sort()).toEqual([`.out.json.${first.toString('hex')}.tmp`, 'out.json'])
  })

  it('temporary names are unpredictable: 96 random bits each, never the process ID and a counter', async () => {
    const dir = await folder()
    for (let i = 0; i < 5; i++) await writeFileAtomic(join(dir, 'out.json'), String(i))
    expect(drawn).toHaveLength(5)
    expect(new Set(drawn).size).toBe(5)
    for (const value of drawn) expect(value).toMatch(/^[0-9a-f]{24}$/)
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('4')
    expect(await readdir(dir)).toEqual(['out.json'])
  })

  it('a symbolic link at the target path is replaced, not followed', async () => {
    const dir = await folder()
    const victim = join(await folder(), 'victim')
    await writeFile(victim, 'untouched')
    await symlink(victim, join(dir, 'out.json'))
    await writeFileAtomic(join(dir, 'out.json'), 'new')
    expect(await readFile(victim, 'utf8')).toBe('untouched')
    expect((await lstat(join(dir, 'out.json'))).isSymbolicLink()).toBe(false)
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('new')
  })

  it('errors name the target file, never the temporary file', async () => {
    const dir = await folder()
    const target = join(dir, 'out.json')
    await mkdir(join(target, 'inner'), { recursive: true })
    const error = (await writeFileAtomic(target, 'new').catch((caught: unknown) => caught)) as NodeJS.ErrnoException
    expect(error).toBeInstanceOf(Error)
    expect(error.path).toBe(target)
    expect(error.message).toContain(target)
    expect(error.message).not.toMatch(/\.tmp/)
    expect(await readdir(dir)).toEqual(['out.json'])
  })

  it('gives up with an error naming the target when every temporary name is taken', async () => {
    const dir = await folder()
    const victim = join(await folder(), 'victim')
    await writeFile(victim, 'untouched')
    const taken = Buffer.alloc(12, 7)
    await symlink(victim, join(dir, `.out.json.${taken.toString('hex')}.tmp`))
    for (let i = 0; i < 8; i++) planned.push(taken)
    const error = (await writeFileAtomic(join(dir, 'out.json'), 'new').catch((caught: unknown) => caught)) as NodeJS.ErrnoException
    expect(error.code).toBe('EEXIST')
    expect(error.path).toBe(join(dir, 'out.json'))
    expect(error.message).not.toMatch(/\.tmp/)
    expect(await readFile(victim, 'utf8')).toBe('untouched')
  })
})
