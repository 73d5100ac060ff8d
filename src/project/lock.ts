// The translation lock: for each translated clause, the hash of the reference text it was made from.
import { fail } from '../diagnostics/index.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import type { TransactionFile } from '../util/transaction.js'
import { stringifyJson } from '../util/json.js'
import { syntaxErrorPlace } from '../util/json-lines.js'
import { readTextIfExists } from '../util/read-file.js'

export { lockPath } from './paths.js'

/** `locales/<lang>/<policy>.lock.json`. */
export interface TranslationLock {
  /** The reference language the hashes are of. */
  reference: string
  /** Clause ID → sha256 of the normalised reference text the translation was made from. */
  basis: Record<string, string>
}

/** Read a lock; undefined when there is none. With `inside`, it must resolve (real path) inside that folder. */
export async function readLock(path: string, display: string, inside?: string): Promise<TranslationLock | undefined> {
  const text = await readTextIfExists(path, { file: display, ruleId: 'lock/unreadable', inside })
  if (text === undefined) return undefined
  try {
    const data = JSON.parse(text) as TranslationLock
    if (typeof data !== 'object' || data === null || typeof data.reference !== 'string' || typeof data.basis !== 'object' || data.basis === null || Array.isArray(data.basis)) {
      throw new Error('expected `reference` and `basis` (clause ID → hash)')
    }
    for (const [id, hash] of Object.entries(data.basis)) if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new Error(`the hash of \`${id}\` is not a sha256`)
    return data
  } catch (error) {
    fail(`Invalid translation lock: ${(error as Error).message}`, { file: display, ...syntaxErrorPlace(text, error as Error), ruleId: 'lock/invalid' })
  }
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
