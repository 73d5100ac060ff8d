// Shared test helpers: the repository root, temporary projects, and running the CLI in-process.
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../src/cli/main.js'
import { formatOneLine, isDiagnostic } from '../src/diagnostics/index.js'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Read a file of the repository. */
export function readRepo(path: string): Promise<string> {
  return readFile(join(ROOT, path), 'utf8')
}

/** A temporary project holding a copy of the bundled policy's inputs (and, optionally, its locales). */
export async function tempProject(options: { locales?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'diptych-'))
  await mkdir(join(root, 'policy', 'pinterest'), { recursive: true })
  // The policy's inputs (manifest, sources, rules, schema, tests), not what a build writes.
  const built = new Set([join(ROOT, 'policy/pinterest/catalogue.json'), join(ROOT, 'policy/pinterest/predicates.js'), join(ROOT, 'policy/pinterest/predicates.d.ts')])
  await cp(join(ROOT, 'policy/pinterest'), join(root, 'policy/pinterest'), { recursive: true, filter: (source) => !built.has(source) })
  await cp(join(ROOT, 'examples'), join(root, 'examples'), { recursive: true })
  if (options.locales) await cp(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true })
  return root
}

/** Write a file in a temporary project, creating folders. */
export async function put(root: string, path: string, data: string | Uint8Array): Promise<string> {
  const full = join(root, path)
  await mkdir(join(full, '..'), { recursive: true })
  await writeFile(full, data)
  return full
}

/** Run the CLI in-process; returns the exit code and what it printed. */
export async function run(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main({
    argv,
    cwd,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { NO_COLOR: '1' },
  })
  return { code, stdout, stderr }
}

/** The one-line form of the diagnostic `fn` throws; fails the test if it throws none. */
export function diagnosticOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (isDiagnostic(error)) return formatOneLine(error)
    throw error
  }
  throw new Error('expected a diagnostic')
}

/** Whether this system has `mkfifo` (named-pipe tests are skipped without it). */
export const HAS_MKFIFO = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
