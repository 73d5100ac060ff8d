// The command line's bundle (dist/bundle/, scripts/bundle.js), which bin/diptych.js runs, does what the compiled
// modules do: the same output and exit code for commands that read files found from the module's own URL (the
// published schemas, package.json), start the batch worker, and print every format.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'

const exec = promisify(execFile)

/** Run `main` of one build of the command line in a child process: its exit code and output. */
async function runWith(entry: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `const cli = await import(${JSON.stringify(join(ROOT, entry))}); process.exitCode = await cli.main({ argv: JSON.parse(process.argv[1]), stdout: process.stdout, stderr: process.stderr })`
  return exec(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(argv)], { cwd: ROOT, maxBuffer: 1 << 26 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  )
}

describe('the bundle of the command line', () => {
  it('is what bin/diptych.js runs, and was built', () => {
    expect(existsSync(join(ROOT, 'dist/bundle/main.js'))).toBe(true)
    expect(existsSync(join(ROOT, 'dist/bundle/batch-worker.js'))).toBe(true)
  })

  it.each([
    [['--version']],
    [['eval', 'examples/breaks-ad-services.json']],
    [['eval', 'examples/compliant.json', 'examples/breaks-byok-credentials.json', '--format', 'json']],
    [['check', '--format', 'sarif']],
    [['check', '--format', 'json']],
    [['align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt', '--format', 'json']],
    [['build', '--dry-run', '--format', 'json']],
    [['test']],
    [['diff', '1.0.0', 'current', '--format', 'json']],
  ])('gives what the modules give: diptych %j', async (argv) => {
    const [bundled, modules] = await Promise.all([runWith('dist/bundle/main.js', argv), runWith('dist/cli/main.js', argv)])
    expect(bundled.code).toBe(modules.code)
    expect(bundled.code).toBeLessThan(2)
    expect(bundled.stdout).toBe(modules.stdout)
    expect(bundled.stderr).toBe(modules.stderr)
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0)
  }, 60_000)
})
