// What a command runs against: its streams, folder and environment.
import { isAbsolute, relative, sep } from 'node:path'
import type { VFile } from '../diagnostics/index.js'

/** A writable stream, as far as the CLI needs one. */
export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean | undefined
  columns?: number | undefined
  once?(event: 'drain', listener: () => void): unknown
}

/** A readable stream, as far as the CLI needs one (`eval -` reads a profile from it). */
export type Input = AsyncIterable<string | Uint8Array>

/** A running command's context. */
export interface CommandContext {
  /** Standard input, for `-` in place of a file. */
  stdin: Input
  stdout: Output
  stderr: Output
  cwd: string
  /** Project root (from --root, default the current folder). */
  root: string
  policy: string
  options: Record<string, string | boolean | undefined>
  positionals: string[]
  /** Receives warnings. */
  collector: VFile
  color: boolean
  /** `--quiet`: errors only; progress, summaries and warnings are not printed. */
  quiet: boolean
}

/** Print a line for people on stderr (a summary, what was written), unless `--quiet`. */
export function inform(context: Pick<CommandContext, 'stderr' | 'quiet'>, text: string): void {
  if (!context.quiet) context.stderr.write(text)
}

/** Write to a stream, waiting for it to drain when it asks to (constant memory on large outputs). */
export async function writeChunk(output: Output, chunk: string): Promise<void> {
  if (output.write(chunk) === false && output.once) await new Promise<void>((resolve) => output.once!('drain', resolve))
}

/** A path as shown to the user: relative to `cwd` (with `/`) when inside it, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/')
}
