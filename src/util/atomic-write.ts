// Write files so that a failed or interrupted run never leaves a half-written or lost file, and
// so that nobody can steer the write elsewhere by planting a symbolic link at the temporary name.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Flags of the temporary file: created by this call or not at all (`O_EXCL`: an existing file or a
 * symbolic link of that name is an error, never opened), and never through a link (`O_NOFOLLOW`,
 * where the platform has it).
 */
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/** Attempts at a fresh temporary name before giving up (a clash of 96 random bits means someone planted it). */
const ATTEMPTS = 8

/**
 * Write `data` to `path` through a temporary file in the same folder and a rename,
 * which is atomic on POSIX file systems: readers see the old file or the new one, never a mix.
 * The temporary file has an unpredictable name and is created exclusively, never through a
 * symbolic link; the rename replaces whatever stands at `path` (a symbolic link there is replaced,
 * not followed). Errors name `path`, never the temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  let temp: string | undefined
  try {
    await mkdir(dirname(path), { recursive: true })
    let handle: FileHandle | undefined
    for (let attempt = 0; handle === undefined; attempt++) {
      const candidate = join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`)
      try {
        handle = await open(candidate, TEMP_FLAGS, 0o666)
        temp = candidate
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if ((code === 'EEXIST' || code === 'ELOOP') && attempt + 1 < ATTEMPTS) continue
        throw error
      }
    }
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp!, path)
    temp = undefined
  } catch (error) {
    if (temp !== undefined) await rm(temp, { force: true }).catch(() => undefined)
    throw nameTarget(error, path)
  }
}

/** The error with the target's name in place of the temporary file's, in its `path` and message. */
function nameTarget(error: unknown, path: string): unknown {
  const system = error as NodeJS.ErrnoException & { dest?: string }
  if (typeof system?.code !== 'string') return error
  const temp = system.path
  if (typeof temp === 'string' && temp !== path && basename(temp).startsWith(`.${basename(path)}.`)) {
    system.path = path
    system.message = system.message.split(temp).join(path)
  }
  if (typeof system.dest === 'string') {
    // A failed rename names both files; only the target is the user's.
    system.message = system.message.replace(/, rename '.*' -> '.*'$/, `, rename '${path}'`)
    system.path = path
    delete system.dest
  }
  return error
}
