// The lines of a large file, streamed with bounded memory (NDJSON batches).
import { open } from 'node:fs/promises'

/** One line of an NDJSON file: its number, and its bytes (without LF or CR LF), absent when over the limit. */
export interface Line {
  number: number
  bytes?: Buffer
}

/** The lines of a file, streamed with bounded memory: {@link readLineBlocks}, line by line. */
export async function* readLines(path: string, limit: number): AsyncGenerator<Line> {
  for await (const block of readLineBlocks(path, limit)) yield* linesOf(block)
}

/** The lines of a block, in order: each without its LF (a CR before it dropped), without bytes when over the limit. */
export function* linesOf(block: Pick<LineBlock, 'first' | 'bytes' | 'tooLong'>): Generator<Line> {
  const { bytes, tooLong } = block
  let number = block.first
  let start = 0
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start), number++) {
    const stop = end > start && bytes[end - 1] === 13 ? end - 1 : end
    const line = bytes.subarray(start, stop)
    start = end + 1
    yield tooLong.length > 0 && tooLong.includes(number) ? { number } : { number, bytes: line }
  }
}

/**
 * A run of whole lines of a file, for a batch judged in blocks (one thread or several): the number of its first line,
 * how many lines it holds, their bytes (each line ending in LF; a CR before it kept), the numbers of the lines over the
 * limit (empty in `bytes`, so that numbering holds), and how many bytes of the file it covers.
 */
export interface LineBlock {
  first: number
  count: number
  bytes: Buffer
  tooLong: number[]
  size: number
}

/** How many LF bytes a buffer holds. */
function countLines(bytes: Buffer): number {
  let count = 0
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++
  return count
}

/**
 * The lines of a file in blocks of about `blockBytes` (each whole lines; a last line without LF gets one), read with
 * bounded memory: a line longer than `limit` bytes is not kept (its bytes are skipped to the next LF) and is listed
 * in its block's `tooLong`, as {@link readLines} yields it without bytes. Each block's bytes are the start of an
 * ArrayBuffer of their own, which nothing else uses: it may be transferred to a worker thread without a copy.
 */
export async function* readLineBlocks(path: string, limit: number, blockBytes = 1 << 20): AsyncGenerator<LineBlock> {
  const chunkBytes = Math.max(1, Math.min(blockBytes, limit))
  const handle = await open(path, 'r')
  try {
    // The start of the line being read (at most `limit` bytes), or, while skipping a line over the limit, nothing.
    let carry: Buffer = Buffer.alloc(0)
    let skipping = false
    // Bytes of the file read so far, and how many of them the blocks yielded so far cover.
    let read = 0
    let covered = 0
    let next = 1
    const block = (bytes: Buffer, tooLong: number[]): LineBlock => {
      const found = { first: next, count: countLines(bytes), bytes, tooLong, size: read - covered }
      next += found.count
      covered = read
      return found
    }
    for (;;) {
      const buffer = Buffer.allocUnsafeSlow(carry.length + chunkBytes)
      carry.copy(buffer, 0)
      const { bytesRead } = await handle.read(buffer, carry.length, chunkBytes, null)
      if (bytesRead === 0) break
      read += bytesRead
      const filled = carry.length + bytesRead
      const firstEnd = buffer.indexOf(10, carry.length)
      if (firstEnd === -1 || firstEnd >= filled) {
        // No line ends here: the line goes on (kept while within the limit).
        if (skipping || filled > limit) {
          skipping = true
          carry = Buffer.alloc(0)
        } else carry = buffer.subarray(0, filled)
        continue
      }
      const lastEnd = buffer.lastIndexOf(10, filled - 1)
      const rest = Buffer.from(buffer.subarray(lastEnd + 1, filled))
      if (skipping || firstEnd > limit) {
        // The line that ends at firstEnd is over the limit: an empty line stands for it.
        const bytes = Buffer.allocUnsafeSlow(lastEnd - firstEnd + 1)
        bytes[0] = 10
        buffer.copy(bytes, 1, firstEnd + 1, lastEnd + 1)
        read -= rest.length
        yield block(bytes, [next])
      } else {
        read -= rest.length
        yield block(buffer.subarray(0, lastEnd + 1), [])
      }
      read += rest.length
      carry = rest
      skipping = false
    }
    // A last line without LF gets one (its size counts only the file's bytes).
    if (skipping || carry.length > 0) {
      const over = skipping || carry.length > limit
      const bytes = Buffer.allocUnsafeSlow(over ? 1 : carry.length + 1)
      if (!over) carry.copy(bytes, 0)
      bytes[bytes.length - 1] = 10
      yield block(bytes, over ? [next] : [])
    }
  } finally {
    await handle.close()
  }
}

