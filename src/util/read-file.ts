// Read a file the project needs, failing with one positioned diagnostic (never a stack trace)
// when it is missing, a folder, unreadable, not valid UTF-8, or outside the folder it belongs to.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { type RuleId, fail } from '../diagnostics/index.js'
import { resolveInside } from './contained.js'
import { decodeUtf8 } from './utf8.js'

/** How a file-system error on a file we read is worded in the one-line message. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'File not found',
  EISDIR: 'Expected a file, found a folder',
  ENOTDIR: 'A file stands where a folder is needed',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ELOOP: 'Too many symbolic links',
  ENAMETOOLONG: 'File name too long',
}

/** Options of {@link readBytes} and {@link readText}. */
export interface ReadOptions {
  /** The path as shown to the user (relative to the project root, or as given). */
  file: string
  /** Stable rule ID of the failure, e.g. `input/unreadable`. */
  ruleId?: RuleId | undefined
  /** Rule ID when the file does not exist (default `input/file-not-found`). */
  notFoundRuleId?: RuleId | undefined
  /** Help shown under the message. */
  note?: string | undefined
  /**
   * The folder the file must be in (the project root or the policy folder), when its path came
   * from a file or may be a symbolic link: it is read by its real path, and refused outside.
   */
  inside?: string | undefined
}

/** Whether `error` is a file-system error that {@link readBytes} words for the user. */
export function isReadError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' && code in READ_ERRORS
}

/** Read a file's bytes, or fail with one line naming the file (exit code 2). */
export async function readBytes(path: string, options: ReadOptions): Promise<Buffer> {
  const bytes = await readOrMissing(path, options)
  if (bytes === undefined) fail(READ_ERRORS['ENOENT']!, { file: options.file, ruleId: options.notFoundRuleId ?? 'input/file-not-found', note: options.note })
  return bytes
}

/** Read a file's bytes, `undefined` when it does not exist; any other problem fails with one line. */
export async function readBytesIfExists(path: string, options: ReadOptions): Promise<Buffer | undefined> {
  return readOrMissing(path, options)
}

/** Read a UTF-8 text file (strict: an invalid byte fails at its line and column), or fail with one line naming the file (exit code 2). */
export async function readText(path: string, options: ReadOptions): Promise<string> {
  return decodeUtf8(await readBytes(path, options), options.file)
}

/** Read a UTF-8 text file, `undefined` when it does not exist; any other problem fails with one line. */
export async function readTextIfExists(path: string, options: ReadOptions): Promise<string | undefined> {
  const bytes = await readOrMissing(path, options)
  return bytes === undefined ? undefined : decodeUtf8(bytes, options.file)
}

/**
 * The bytes of a regular file, `undefined` when there is none. The file is opened without waiting
 * (a named pipe would block a plain read forever) and must be a regular file.
 */
async function readOrMissing(path: string, options: ReadOptions): Promise<Buffer | undefined> {
  const problem = (code: string): never =>
    fail(READ_ERRORS[code] ?? `Cannot read the file (${code})`, { file: options.file, ruleId: options.ruleId ?? 'input/unreadable', note: options.note })
  if (path.includes('\0')) fail('Unexpected NUL byte in the file name', { file: options.file, ruleId: options.ruleId ?? 'input/unreadable' })
  const real = options.inside === undefined ? path : await resolveInside(options.inside, path, options.file)
  let handle
  try {
    handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    if (isReadError(error)) problem(error.code!)
    throw error
  }
  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) problem('EISDIR')
    if (!stats.isFile()) fail('Not a regular file (a device, pipe or socket)', { file: options.file, ruleId: options.ruleId ?? 'input/unreadable', note: options.note })
    return await handle.readFile()
  } catch (error) {
    if (isReadError(error)) problem(error.code!)
    throw error
  } finally {
    await handle.close()
  }
}
