// A cache of the results of pure computations (the locale checks of two texts), as ESLint's and Prettier's caches
// are: each result is stored under a hash of everything it was computed from, its inputs and the build of diptych that
// computed it, so that an entry is never stale: a changed text, option or build is another key. Only the command
// line's bundle has a build ID (dist/bundle/build-id.txt, written by scripts/bundle.js); code run from src/ or from
// dist/ unbundled caches nothing. `DIPTYCH_CACHE=off` turns the cache off, `DIPTYCH_CACHE=<folder>` puts it there; by
// default it is `$XDG_CACHE_HOME/diptych` (or `~/.cache/diptych`). An entry that cannot be read or written is no
// entry: the result is computed, never an error. Entries are written to a temporary name and renamed, and the oldest
// are removed beyond a few hundred.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Entries of one kind kept at most; beyond, the oldest quarter goes. */
export const CACHE_ENTRIES = 256

/** The build ID of the running bundle, or undefined where the code does not run from one. */
function buildId(): string | undefined {
  if (!import.meta.url.includes('/dist/bundle/')) return undefined
  const file = fileURLToPath(new URL('../bundle/build-id.txt', import.meta.url))
  try {
    return readFileSync(file, 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** The folder of the cache, or undefined when it is off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env['DIPTYCH_CACHE']
  if (setting === 'off' || setting === '0' || setting === 'false') return undefined
  if (setting) return setting
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'diptych')
}

/** A cache of one kind of result. */
export interface ResultCache<T> {
  /** The result stored under the inputs `key`, if any (and if `accept` takes its stored form). */
  get(key: unknown): T | undefined
  put(key: unknown, value: T): void
}

/**
 * The cache of one kind of result (`kind` names its folder), or undefined where there is none (no build ID, or turned
 * off). `accept` checks an entry's stored form before it is used: an entry another build or a person wrote is data.
 */
export function resultCache<T>(kind: string, accept: (value: unknown) => value is T, build = buildId(), folder = cacheFolder()): ResultCache<T> | undefined {
  if (build === undefined || folder === undefined) return undefined
  const dir = join(folder, kind)
  const path = (key: unknown) => join(dir, `${createHash('sha256').update(`${build}\0${kind}\0${JSON.stringify(key)}`).digest('hex')}.json`)
  return {
    get(key) {
      try {
        const value: unknown = JSON.parse(readFileSync(path(key), 'utf8'))
        return accept(value) ? value : undefined
      } catch {
        return undefined
      }
    },
    put(key, value) {
      try {
        mkdirSync(dir, { recursive: true })
        const file = path(key)
        const temporary = `${file}.${process.pid}.tmp`
        writeFileSync(temporary, JSON.stringify(value))
        renameSync(temporary, file)
        prune(dir)
      } catch {
        // A cache that cannot be written is no cache.
      }
    },
  }
}

/** Remove the oldest quarter of the entries of `dir` when it holds more than {@link CACHE_ENTRIES}. */
function prune(dir: string): void {
  if (!existsSync(dir)) return
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'))
  if (names.length <= CACHE_ENTRIES) return
  const dated = names.map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs })).sort((a, b) => a.time - b.time)
  for (const { name } of dated.slice(0, names.length - Math.floor((CACHE_ENTRIES * 3) / 4))) {
    try {
      unlinkSync(join(dir, name))
    } catch {
      // Another process removed it.
    }
  }
}
