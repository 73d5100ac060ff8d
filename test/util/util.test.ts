import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/util/atomic-write.js'
import { jsonLines, lineOf } from '../../src/util/json-lines.js'

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diptych-'))
    const path = join(dir, 'sub', 'out.json')
    await writeFileAtomic(path, 'one')
    await writeFileAtomic(path, 'two')
    expect(await readFile(path, 'utf8')).toBe('two')
    expect(await readdir(join(dir, 'sub'))).toEqual(['out.json'])
  })

  it('leaves the old file when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diptych-'))
    const path = join(dir, 'out.json')
    await writeFile(path, 'old')
    // A folder where the file should be: the rename fails, the old content stays.
    await expect(writeFileAtomic(join(dir, 'out.json', 'x'), 'new')).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('old')
  })
})

describe('jsonLines', () => {
  it('maps JSON pointers to lines', () => {
    const text = '{\n  "id": "x",\n  "list": [\n    1,\n    {"a/b": true}\n  ],\n  "version": "1.0"\n}\n'
    const lines = jsonLines(text)
    expect(lines.get('/id')).toBe(2)
    expect(lines.get('/list/1/a~1b')).toBe(5)
    expect(lines.get('/version')).toBe(7)
    expect(lineOf(lines, '/list/1/missing')).toBe(5)
  })
})
