// The translation lock: for each translated clause, the hash of the reference text it was made from.
import { writeFileAtomic } from '../util/atomic-write.js'
import type { TransactionFile } from '../util/transaction.js'
import { stringifyJson } from '../util/json.js'
import { readTextIfExists } from '../util/read-file.js'
import { TRANSLATION_LOCK, type TranslationLock } from './artefacts.js'
import { readJson } from './json-file.js'

export type { TranslationLock } from './artefacts.js'
export { lockPath } from './paths.js'

/** Read a lock; undefined when there is none. With `inside`, it must resolve (real path) inside that folder. */
export async function readLock(path: string, display: string, inside?: string): Promise<TranslationLock | undefined> {
  return readJson(path, TRANSLATION_LOCK, { display, inside, optional: true })
}

/** Write a lock with its clauses sorted, so that it diffs well; returns whether it changed. */
export async function writeLock(path: string, lock: TranslationLock): Promise<boolean> {
  const file = await lockFile(path, lock)
  if (file === undefined) return false
  await writeFileAtomic(path, file.data)
  return true
}

/** The lock file to write for `lock` (sorted, stable), or `undefined` when the file already says so. */
export async function lockFile(path: string, lock: TranslationLock): Promise<TransactionFile | undefined> {
  const sorted: TranslationLock = { reference: lock.reference, basis: Object.fromEntries(Object.entries(lock.basis).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }
  const text = stringifyJson(sorted)
  const previous = await readTextIfExists(path, { file: path, ruleId: 'lock/unreadable' })
  return previous === text ? undefined : { path, data: text }
}
