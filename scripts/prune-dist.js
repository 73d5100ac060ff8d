// Before `npm pack`/`npm publish` (the `prepack` script): remove from dist/ what no source in src/ compiles to any more.
// tsc never deletes the output of a source that was removed or renamed, and dist/ is shared by every test run, so it
// is pruned file by file rather than deleted and rebuilt: the tarball then holds only what the sources make.
import { readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Folders of dist/ that other builds write (bench/tsconfig.json, `npm start`'s rendered docs, scripts/bundle.js), left alone. */
const OTHER_BUILDS = new Set(['bench', 'docs', 'bundle', 'schemas'])
/** What tsc writes for a source `x.ts` or `x.js`. */
const OUTPUTS = ['.d.ts.map', '.js.map', '.d.ts', '.js']

/**
 * The files of `dist` (under the project `root`) that no source of `src` compiles to: `x.js`, `x.js.map`, `x.d.ts`
 * without `src/x.ts` or `src/x.js`. Paths relative to `root`, with `/`.
 */
export async function staleOutputs(root = ROOT) {
  const dist = join(root, 'dist')
  if (!existsSync(dist)) return []
  const stale = []
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/')
    if (OTHER_BUILDS.has(path.split('/')[0])) continue
    const ending = OUTPUTS.find((suffix) => path.endsWith(suffix))
    if (ending === undefined) continue
    const base = path.slice(0, -ending.length)
    const sources = [`${base}.ts`, `${base}.js`, ...(ending === '.d.ts' ? [`${base}.d.ts`] : [])]
    if (!sources.some((source) => existsSync(join(root, 'src', source)))) stale.push(`dist/${path}`)
  }
  return stale.sort()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = await staleOutputs()
  for (const path of stale) await rm(join(ROOT, path), { force: true })
  if (stale.length > 0) process.stderr.write(`prune-dist: removed ${stale.length} file(s) no source compiles to: ${stale.join(', ')}\n`)
}
