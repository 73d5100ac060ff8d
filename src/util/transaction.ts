// Write several files of one folder as one transaction: after an interruption at any moment the
// folder holds either every old file or every new one, once the next command has run.
//
// Design (a redo journal):
//   1. Every check that can be made comes first (the caller's, plus `assertWritable` for each target):
//      nothing visible is written before they all pass.
//   2. The new content of every file is written to a staging folder inside the folder,
//      `.staging-<pid>-<random>/<n>` (created exclusively, so no one else's folder is reused).
//   3. The journal `journal.json` (which staged file goes where) is written beside them, through a
//      temporary name and a rename: its appearance is the commit point.
//   4. The staged files are renamed into place, one by one (each rename is atomic), then the journal
//      and the staging folder are removed.
// `recoverTransactions` (run by every command that touches the policy, before it reads anything)
// rolls a committed transaction forward (step 4 again: a staged file that is gone was already moved)
// and removes an uncommitted staging folder whose process is gone. So a kill before the commit point
// leaves the old state, a kill after it the new one, once the next command has run.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import { fail, isDiagnostic } from '../diagnostics/index.js'
import { readText } from './read-file.js'

/** One file of a transaction: its path (absolute, inside the transaction's folder) and its new content. */
export interface TransactionFile {
  path: string
  data: string | Uint8Array
}

/** The journal of a committed transaction: staged file name → target, relative to the folder. */
interface Journal {
  files: Array<{ staged: string; target: string }>
}

const JOURNAL = 'journal.json'
const STAGING = /^\.staging-(\d+)-[0-9a-f]+$/

/** Staging folders of transactions running in this process (never removed by recovery). */
const active = new Set<string>()

/** The target relative to `folder`, refusing one outside it. */
function inside(folder: string, path: string): string {
  const rel = relative(folder, path)
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) throw new Error(`Transaction target outside its folder: ${path}`)
  return rel.split(sep).join('/')
}

async function writeNew(path: string, data: string | Uint8Array): Promise<void> {
  // `wx`: created exclusively, never through a planted file or link.
  const handle = await open(path, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Fail with one line (exit code 2) unless `path` can be replaced by a rename: absent or a regular
 * file (not a folder or a link), writable, in a folder chain (up to `folder`) of writable folders.
 */
export async function assertWritable(folder: string, path: string, display: (path: string) => string): Promise<void> {
  inside(folder, path)
  const stat = await lstat(path).catch(() => undefined)
  if (stat && !stat.isFile()) {
    fail(stat.isDirectory() ? 'A folder stands where a file is needed' : 'Not a regular file (a link or a device) where a file is needed', { file: display(path), ruleId: 'release/not-writable' })
  }
  if (stat) {
    await access(path, constants.W_OK).catch(() => fail('Permission denied: the file cannot be written', { file: display(path), ruleId: 'release/not-writable' }))
  }
  // The nearest existing ancestor must be a writable folder; every existing one below `folder` a folder.
  let parent = dirname(path)
  for (;;) {
    const parentStat = await lstat(parent).catch(() => undefined)
    if (parentStat) {
      if (!parentStat.isDirectory()) fail('A file stands where a folder is needed', { file: display(parent), ruleId: 'release/not-writable' })
      await access(parent, constants.W_OK | constants.X_OK).catch(() => fail('Permission denied: the folder cannot be written', { file: display(parent), ruleId: 'release/not-writable' }))
      break
    }
    if (parent === folder || dirname(parent) === parent) break
    parent = dirname(parent)
  }
}

/**
 * Write `files` (all inside `folder`) as one transaction: see the comment at the top of this module.
 * The caller has checked everything it can; this checks that every target can be replaced.
 */
export async function commitFiles(folder: string, files: readonly TransactionFile[], display: (path: string) => string): Promise<void> {
  for (const file of files) await assertWritable(folder, file.path, display)
  const staging = join(folder, `.staging-${process.pid}-${randomBytes(8).toString('hex')}`)
  await mkdir(staging)
  active.add(staging)
  try {
    const journal: Journal = { files: [] }
    for (const [index, file] of files.entries()) {
      const staged = String(index)
      await writeNew(join(staging, staged), file.data)
      journal.files.push({ staged, target: inside(folder, file.path) })
    }
    await writeNew(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal))
    await rename(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL)) // the commit point
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    active.delete(staging)
    throw error
  }
  try {
    await rollForward(folder, staging)
  } finally {
    active.delete(staging)
  }
}

/** Move a committed transaction's staged files into place, then remove its journal and staging folder. */
async function rollForward(folder: string, staging: string): Promise<void> {
  const journalPath = join(staging, JOURNAL)
  let journal: Journal
  try {
    // Never a blocking read of a named pipe, nor a journal that leads out of the folder.
    journal = JSON.parse(await readText(journalPath, { file: journalPath, ruleId: 'transaction/invalid-journal', inside: folder })) as Journal
    if (!Array.isArray(journal.files) || !journal.files.every((entry) => typeof entry?.staged === 'string' && typeof entry.target === 'string')) throw new Error('no `files` list')
  } catch (error) {
    if (isDiagnostic(error)) throw error // already one line naming the journal
    fail(`Unreadable journal of an interrupted transaction (${(error as Error).message})`, { file: journalPath, ruleId: 'transaction/invalid-journal', note: 'Remove the staging folder by hand after checking the files it names.' })
  }
  for (const { staged, target } of journal.files) {
    const to = join(folder, normalize(target))
    inside(folder, to)
    if (!/^\d+$/.test(staged)) continue
    const from = join(staging, staged)
    if (!(await lstat(from).catch(() => undefined))) continue // already moved
    await mkdir(dirname(to), { recursive: true })
    try {
      await rename(from, to)
    } catch (error) {
      // Moved meanwhile by another run rolling the same transaction forward.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  await rm(join(staging, JOURNAL), { force: true })
  await rm(staging, { recursive: true, force: true })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Finish what an interrupted transaction in `folder` left: roll a committed one forward, remove the
 * staging folder of an uncommitted one whose process is gone. Returns how many were rolled forward.
 */
export async function recoverTransactions(folder: string): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[])
  let rolled = 0
  for (const name of names) {
    const match = STAGING.exec(name)
    if (!match) continue
    const staging = join(folder, name)
    if (active.has(staging)) continue
    const stat = await lstat(staging).catch(() => undefined)
    if (!stat?.isDirectory()) continue
    if (await lstat(join(staging, JOURNAL)).catch(() => undefined)) {
      await rollForward(folder, staging)
      rolled++
    } else if (Number(match[1]) === process.pid || !alive(Number(match[1]))) {
      await rm(staging, { recursive: true, force: true })
    }
  }
  return rolled
}
