// Write files so that a failed or interrupted run never leaves a half-written or lost file.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

let counter = 0

/**
 * Write `data` to `path` through a temporary file in the same folder and a rename,
 * which is atomic on POSIX file systems: readers see the old file or the new one, never a mix.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`)
  try {
    await writeFile(temp, data)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
