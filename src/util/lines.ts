// The lines of a large file, streamed with bounded memory (NDJSON batches).
import { createReadStream } from 'node:fs'

/** One line of an NDJSON file: its number, its size in bytes, and its bytes (without LF or CR LF), absent when over the limit. */
export interface Line {
  number: number
  size: number
  bytes?: Buffer
}

/**
 * The lines of a file, read in 1 MiB chunks and split on LF (a CR before it dropped). A line's pieces are collected
 * and joined once (linear in its length); a line longer than `limit` bytes is not kept: its bytes are skipped to the
 * next LF and it is yielded without them, so memory stays bounded whatever the file holds.
 */
export async function* readLines(path: string, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let length = 0
  let skipping = false
  let number = 0
  const line = (last: Buffer | undefined): Line => {
    number++
    const size = length + (last?.length ?? 0)
    if (skipping || size > limit) return { number, size: size + 1 }
    let bytes = parts.length === 0 ? (last ?? Buffer.alloc(0)) : Buffer.concat(last ? [...parts, last] : parts, size)
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1)
    return { number, size: size + 1, bytes }
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      yield line(chunk.subarray(start, end))
      parts = []
      length = 0
      skipping = false
      start = end + 1
    }
    if (start < chunk.length && !skipping) {
      length += chunk.length - start
      if (length > limit) {
        // Over the limit: drop what was kept and count the rest without keeping it.
        skipping = true
        parts = []
      } else parts.push(chunk.subarray(start))
    } else if (skipping) length += chunk.length - start
  }
  if (skipping || length > 0) yield line(undefined)
}
