import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnosticOf } from '../helpers.js'
import { decodeUtf8, firstInvalidUtf8, normaliseSource, readSource } from '../../src/ingest/read-source.js'


describe('readSource', () => {
  it('strips a BOM and turns CRLF and CR into LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Title\r\n\r\nText\rmore\n')])
    expect(normaliseSource(decodeUtf8(bytes, 'x.txt'))).toBe('Title\n\nText\nmore\n')
  })

  it('expands tabs in indentation to tab stops of 4 and keeps tabs inside lines', () => {
    expect(normaliseSource('\t• a\n  \t• b\nx\ty')).toBe('    • a\n    • b\nx\ty')
  })

  it('composes text to NFC', () => {
    expect(normaliseSource('cafe\u0301')).toBe('caf\u00e9')
  })

  it('names the line and column of the first byte that is not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Title\n\nCaf'), 0xe9, 0x20, 0x61, 0x0a])
    expect(firstInvalidUtf8(latin1)).toBe(10)
    expect(diagnosticOf(() => decodeUtf8(latin1, 'nl.txt'))).toBe('nl.txt:3:4: Invalid UTF-8 byte 0xe9, expected a UTF-8 text (ingest/encoding)')
  })

  it('rejects overlong and surrogate encodings', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(new TextEncoder().encode('• ok ✓ 😀'))).toBe(new TextEncoder().encode('• ok ✓ 😀').length)
  })

  it('rejects UTF-16 with a clear message', () => {
    expect(diagnosticOf(() => decodeUtf8(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'a.txt'))).toMatch(/^a\.txt:1:1: Unsupported encoding UTF-16/)
  })

  it('reports a missing file by name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diptych-'))
    await expect(readSource(join(dir, 'nope.txt'), 'nope.txt')).rejects.toThrow('File not found')
    await writeFile(join(dir, 'ok.txt'), 'A\r\n')
    await expect(readSource(join(dir, 'ok.txt'))).resolves.toBe('A\n')
  })
})
