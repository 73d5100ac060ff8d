#!/usr/bin/env node
// The bin only calls main(); everything else lives in src/cli/main.ts. It runs the command line's bundle
// (dist/bundle/main.js, scripts/bundle.js: a few files to load instead of hundreds of modules), or the compiled
// modules (dist/cli/main.js) where there is no bundle.
import { existsSync } from 'node:fs'

// A clone before `npm install` has no dist/; an installed package always has it. Asked of the file itself, not read
// from an import error, so that a dependency missing in an installed package is reported as what it is.
const bundle = new URL('../dist/bundle/main.js', import.meta.url)
const entry = existsSync(bundle) ? bundle : new URL('../dist/cli/main.js', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write('diptych: not built yet; run `npm install` (or `npm run build:ts`) in the diptych folder first\n')
  process.exit(2)
}
// Output piped to a command that stopped reading (`diptych eval big.ndjson | head`): stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}
const cli = await import(entry.href)
process.exitCode = await cli.main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr })
