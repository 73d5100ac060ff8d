#!/usr/bin/env node
// The bin only calls main(); everything else lives in src/cli/main.ts.
let cli
try {
  cli = await import('../dist/cli/main.js')
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('diptych: not built yet; run `npm install` (or `npm run build:ts`) in the diptych folder first\n')
    process.exit(2)
  }
  throw error
}
process.exitCode = await cli.main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr })
