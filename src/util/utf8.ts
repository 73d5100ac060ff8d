// Strict UTF-8 decoding: an invalid byte is an error at its line and column, never a replacement character.
import { fail } from '../diagnostics/index.js'

/** Decode bytes as UTF-8, failing with the line and column of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail('Unsupported encoding UTF-16, expected UTF-8', {
      file,
      line: 1,
      column: 1,
      ruleId: 'ingest/encoding',
      note: 'Save the file as UTF-8.',
    })
  }
  try {
    // `ignoreBOM: false` (the default) strips a UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    let line = 1
    let lineStart = 0
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++
        lineStart = i + 1
      }
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, '0')
    fail(`Invalid UTF-8 byte 0x${byte}, expected a UTF-8 text`, {
      file,
      line,
      column,
      ruleId: 'ingest/encoding',
      note: 'Save the file as UTF-8 (it may be Latin-1 or Windows-1252).',
    })
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}
