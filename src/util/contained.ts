// Keep a command's reads and writes inside the project: a path that came from a file (a manifest,
// a rule test), or a file of the project that may be a symbolic link, is resolved by its real path
// and refused when it leaves the folder it belongs to.
import { lstat, readlink, realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fail } from '../diagnostics/index.js'

/**
 * The real path of `path` (absolute, or relative to `root`) when it lies inside the real path of
 * `root`; otherwise fails with one line naming `display` (exit code 2). A path that does not exist
 * yet is resolved through its nearest existing parent, so a folder that is a symbolic link out of
 * `root` is caught before anything is written through it. `root` itself must exist.
 */
export async function resolveInside(root: string, path: string, display: string): Promise<string> {
  if (path.includes('\0')) fail('Unexpected NUL byte in the file name', { file: display, ruleId: 'input/unreadable' })
  const realRoot = await realpath(root).catch(() => resolve(root))
  let real: string
  try {
    real = await realOrParent(resolve(root, path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    fail(code === 'ELOOP' ? 'Too many symbolic links' : code === 'EACCES' || code === 'EPERM' ? 'Permission denied' : `Cannot resolve the path (${String(code ?? error)})`, {
      file: display,
      ruleId: 'input/unreadable',
    })
  }
  if (!isWithin(realRoot, real)) {
    fail(`Refused: the file resolves to \`${real}\`, outside \`${realRoot}\``, {
      file: display,
      ruleId: 'input/outside-project',
      note: 'Files that a command finds through the project (sources, locale files, rule tests and their profiles) must stay inside its folder; a symbolic link may not lead out of it.',
    })
  }
  return real
}

/** Whether `path` is `root` or inside it (both absolute and real). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`))
}

/** The real path of `path`, or of its nearest existing parent joined with the rest. */
async function realOrParent(path: string): Promise<string> {
  const rest: string[] = []
  let current = path
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // ENOENT: not there yet; ENOTDIR: a file stands where a folder is named. Either way the
      // nearest existing parent decides where the path would lead; reading it will report the rest.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
      const parent = dirname(current)
      if (parent === current) return path
      // A folder on the way that is a dangling symbolic link leads who knows where: refuse it as outside.
      if (rest.length > 0 && (await lstat(current).catch(() => undefined))?.isSymbolicLink()) return join(resolve(dirname(current), await readlink(current)), ...rest.reverse())
      rest.push(basename(current))
      current = parent
    }
  }
}
