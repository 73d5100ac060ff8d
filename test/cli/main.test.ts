import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../src/cli/args.js'
import { ROOT, put, readRepo, run, tempProject } from '../helpers.js'

const exec = promisify(execFile)

describe('parseArgs', () => {
  it('parses a command, its positionals and options', () => {
    expect(parseArgs(['import', 'a.txt', '--locale', 'nl', '--dry-run'])).toMatchObject({
      command: 'import',
      positionals: ['a.txt'],
      options: { locale: 'nl', 'dry-run': true },
    })
    // No --policy: the parser leaves it out, so that main reads the project's config (diptych.config.json) for it.
    const build = parseArgs(['build'])
    expect(build.command === 'build' && build.options['policy']).toBe(undefined)
    expect(parseArgs(['build', '--help'])).toEqual({ command: 'help', topic: 'build' })
    expect(parseArgs([])).toEqual({ command: 'help', topic: undefined })
  })

  it('rejects unknown commands and options with a usage error', () => {
    expect(() => parseArgs(['biuld'])).toThrow('Unknown command `biuld`')
    expect(() => parseArgs(['build', '--bogus'])).toThrow('Unknown option `--bogus` for `diptych build`')
    expect(() => parseArgs(['build', '--format', 'xml'])).toThrow('Unexpected value `xml` for --format, expected text or json')
    expect(() => parseArgs(['import'])).toThrow('Expected <file> for `diptych import`')
  })
})

describe('diptych (in-process)', () => {
  it('build prints the summary of the bundled policy', async () => {
    const root = await tempProject({ locales: true })
    const { code, stderr } = await run(['build', '--root', root])
    expect(code).toBe(0)
    expect(stderr).toContain('diptych build: policy/pinterest/catalogue.json written, pinterest 1.0.0')
    expect(stderr).toContain('7 sections; clauses: en 56, nl 56; paired in every language: 56 of 56')
  })

  it('build --from-sources imports the raw texts and builds, and --format json writes JSON to stdout', async () => {
    const root = await tempProject()
    const { code, stdout, stderr } = await run(['build', '--from-sources', '--format', 'json', '--root', root])
    expect(code).toBe(0)
    expect(stderr).toContain('locales/en/pinterest.md written (7 sections, 56 clauses)')
    expect(JSON.parse(stdout)).toMatchObject({ sections: 7, clauses: { en: 56, nl: 56 }, paired: 56, changed: true })
    expect(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8')).toBe(await readRepo('policy/pinterest/catalogue.json'))
  })

  it('import --dry-run writes nothing', async () => {
    const root = await tempProject()
    const { code, stderr } = await run(['import', 'policy/pinterest/sources/en.txt', '--locale', 'en', '--dry-run'], root)
    expect(code).toBe(0)
    expect(stderr).toContain('locales/en/pinterest.md would change: 7 sections, 56 clauses')
    await expect(readFile(join(root, 'locales/en/pinterest.md'))).rejects.toThrow()
  })

  it.each([
    [['import', 'missing.txt', '--locale', 'en'], /^diptych: missing\.txt: File not found \(ingest\/file-not-found\)$/m],
    [['import', 'empty.txt', '--locale', 'en'], /^diptych: empty\.txt: The text is empty \(ingest\/empty\)$/m],
    [['import', 'latin1.txt', '--locale', 'en'], /^diptych: latin1\.txt:3:5: Invalid UTF-8 byte 0xe9/m],
    [['import', 'flat.txt', '--locale', 'en'], /^diptych: flat\.txt:1:1: No structure found/m],
    [['import', 'clash.md', '--locale', 'en'], /^diptych: clash\.md:5:1: Duplicate ID `a.b`, already used on line 3 \(ingest\/duplicate-id\)$/m],
    [['import', 'policy/pinterest/sources/nl.txt'], /^diptych: <arguments>: Missing option --locale <code> \(cli\/usage\)$/m],
    [['build', '--policy', 'nope'], /^diptych: policy\/nope\/policy\.json: No policy `nope`: manifest not found/m],
  ])('%j fails with one clear line and exit code 2', async (argv, message) => {
    const root = await tempProject({ locales: true })
    await put(root, 'empty.txt', '\n \u00a0\n')
    await put(root, 'latin1.txt', new Uint8Array([...Buffer.from('Title\n\nThe '), 0xe9, 0x0a]))
    // A date line alone: the document's date, and nothing else to read.
    await put(root, 'flat.txt', 'Effective May 4, 2026\n')
    await put(root, 'clash.md', '## A {#a}\n\nOne. {#a.b}\n\nTwo. {#a.b}\n')
    const before = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
    const { code, stderr, stdout } = await run(argv, root)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stdout).toBe('')
    expect(await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')).toBe(before)
  })
})

describe('diptych (as installed)', () => {
  it('runs as `npx diptych` from the repository root', async () => {
    const { stdout } = await exec('npx', ['--no-install', 'diptych', '--help'], { cwd: ROOT })
    expect(stdout).toContain('Usage: diptych <command> [options]')
  })

  it('exits with 2 and no stack trace on bad input', async () => {
    const failed = await exec(process.execPath, [join(ROOT, 'bin/diptych.js'), 'import', 'nowhere.txt', '--locale', 'en'], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed).toMatchObject({ code: 2, stderr: 'diptych: nowhere.txt: File not found (ingest/file-not-found)\n' })
  })
})
