// Reading project files: one line for every way a file can be wrong, and containment by real path.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatOneLine, isDiagnostic } from '../../src/diagnostics/index.js'
import { isWithin, resolveInside } from '../../src/util/contained.js'
import { readText, readTextIfExists } from '../../src/util/read-file.js'

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'diptych-read-'))
}

/** The one-line form of the diagnostic `promise` rejects with. */
async function diagnosticOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isDiagnostic(error)) throw new Error(`expected a diagnostic, got ${String(error)}`)
  return formatOneLine(error)
}

describe('resolveInside', () => {
  it('keeps paths inside the folder, existing or not yet', async () => {
    const root = await folder()
    await writeFile(join(root, 'a.json'), '{}')
    expect(await resolveInside(root, 'a.json', 'a.json')).toBe(join(root, 'a.json'))
    expect(await resolveInside(root, 'new/deeper/b.json', 'b.json')).toBe(join(root, 'new/deeper/b.json'))
    expect(await resolveInside(root, 'x/../a.json', 'a.json')).toBe(join(root, 'a.json'))
  })

  it('refuses `..` out of the folder, absolute paths elsewhere, and symbolic links that lead out', async () => {
    const root = await folder()
    const elsewhere = await folder()
    await writeFile(join(elsewhere, 'secret'), 'TOP-SECRET')
    await symlink(join(elsewhere, 'secret'), join(root, 'link.json'))
    await symlink(elsewhere, join(root, 'dir'))
    await symlink(join(elsewhere, 'not-yet'), join(root, 'dangling'))
    for (const path of ['../x.json', join(elsewhere, 'secret'), 'link.json', 'dir/new.json', 'dangling/new.json']) {
      expect(await diagnosticOf(resolveInside(root, path, 'shown.json'))).toMatch(/^shown\.json: Refused: the file resolves to `.*`, outside `.*` \(input\/outside-project\)$/)
    }
  })

  it('reports a loop of symbolic links in one line', async () => {
    const root = await folder()
    await symlink(join(root, 'b'), join(root, 'a'))
    await symlink(join(root, 'a'), join(root, 'b'))
    expect(await diagnosticOf(resolveInside(root, 'a', 'a'))).toBe('a: Too many symbolic links (input/unreadable)')
  })

  it('isWithin does not take a sibling with the same prefix for the folder', () => {
    expect(isWithin('/p/root', '/p/root/x')).toBe(true)
    expect(isWithin('/p/root', '/p/root')).toBe(true)
    expect(isWithin('/p/root', '/p/rootx/y')).toBe(false)
    expect(isWithin('/p/root', '/p/..root')).toBe(false)
  })
})

describe('readText and readTextIfExists', () => {
  it('a missing file is undefined for readTextIfExists and one line for readText', async () => {
    const root = await folder()
    expect(await readTextIfExists(join(root, 'none.json'), { file: 'none.json' })).toBeUndefined()
    expect(await diagnosticOf(readText(join(root, 'none.json'), { file: 'none.json' }))).toBe('none.json: File not found (input/file-not-found)')
  })

  it('a folder where a file is expected is one line, never taken for a missing file', async () => {
    const root = await folder()
    await mkdir(join(root, 'hints.json'))
    expect(await diagnosticOf(readTextIfExists(join(root, 'hints.json'), { file: 'hints.json', ruleId: 'ingest/hints' }))).toBe('hints.json: Expected a file, found a folder (ingest/hints)')
  })

  it('invalid UTF-8 is named with its line and column, not replaced', async () => {
    const root = await folder()
    await writeFile(join(root, 'x.json'), Buffer.from([0x7b, 0x0a, 0x22, 0xff, 0x22, 0x7d]))
    expect(await diagnosticOf(readText(join(root, 'x.json'), { file: 'x.json' }))).toBe('x.json:2:2: Invalid UTF-8 byte 0xff, expected a UTF-8 text (ingest/encoding)')
  })

  it('a named pipe where a file is expected is refused at once, not waited on', async () => {
    const root = await folder()
    try {
      execFileSync('mkfifo', [join(root, 'pipe.json')])
    } catch {
      return // no mkfifo on this system
    }
    expect(await diagnosticOf(readTextIfExists(join(root, 'pipe.json'), { file: 'pipe.json' }))).toBe('pipe.json: Not a regular file (a device, pipe or socket) (input/unreadable)')
  })

  it('with `inside`, a file that is a symbolic link out of the folder is refused and not read', async () => {
    const root = await folder()
    const elsewhere = await folder()
    await writeFile(join(elsewhere, 'secret'), 'TOP-SECRET')
    await symlink(join(elsewhere, 'secret'), join(root, 'glossary.json'))
    const message = await diagnosticOf(readTextIfExists(join(root, 'glossary.json'), { file: 'glossary.json', inside: root }))
    expect(message).toMatch(/^glossary\.json: Refused/)
    expect(message).not.toContain('TOP-SECRET')
  })
})
