#!/usr/bin/env node
// The command line as one bundle (`npm run build:ts` runs this after tsc): dist/bundle/main.js and the chunk each
// command loads (esbuild, code splitting), with the dependencies inside, so that a command loads a few files
// instead of hundreds of modules (start-up is most of a short command's time). bin/diptych.js runs it; the library
// (`import … from 'diptych'`) stays dist/index.js. The worker of large batches is an entry of its own, beside the
// chunks (src/usecases/batch.ts finds it as ./batch-worker.js). Every module that finds a file from its own URL lives
// two folders below the package root (dist/<folder>/), as dist/bundle/ does, so the same relative path holds here.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = `${ROOT}dist/bundle`

export async function bundle() {
  await rm(OUT, { recursive: true, force: true })
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'dist/cli/main.js', 'batch-worker': 'dist/usecases/batch-worker.js' },
    outdir: OUT,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies bundled in ESM call `require` for Node's built-ins: give them the real one.
    banner: { js: "import { createRequire as __diptychCreateRequire } from 'node:module'; const require = __diptychCreateRequire(import.meta.url);" },
    // ajv is required at run time by name (src/project/schema.ts, only when a command validates): left in node_modules.
    external: ['ajv', 'ajv/*'],
    logLevel: 'warning',
  })
  // The build's ID: a hash of every file of the bundle and of the precompiled validators. It keys the result cache
  // (src/util/result-cache.ts), so that no entry computed by another build is ever read.
  const hash = createHash('sha256')
  const files = [...(await readdir(OUT)).sort().map((name) => join(OUT, name)), join(ROOT, 'dist/schemas/validators.cjs')]
  for (const file of files) hash.update(`${relative(ROOT, file)}\0`).update(await readFile(file).catch(() => '')).update('\0')
  await writeFile(join(OUT, 'build-id.txt'), `${hash.digest('hex')}\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle()
