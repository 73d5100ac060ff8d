// The command line as people expect it: one did-you-mean for commands, options, values, clause IDs and diff sides;
// --quiet honoured by every command; eval's --fail-on, `-` for standard input, several profiles at once; rendered
// Markdown for readers.
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseArgs } from '../../src/cli/args.js'
import { main } from '../../src/cli/main.js'
import { didYouMean, didYouMeanId } from '../../src/util/suggest.js'
import { diagnosticOf, put, run, tempProject } from '../helpers.js'

/** Run the CLI in-process with `input` on its standard input. */
async function runWithStdin(argv: string[], cwd: string, input: string | Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main({
    argv,
    cwd,
    stdin: Readable.from([typeof input === 'string' ? Buffer.from(input) : Buffer.from(input)]),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { NO_COLOR: '1' },
  })
  return { code, stdout, stderr }
}

/** A usage error: exit code 2, the one-line message as its first line, the note under it, no stack trace. */
const expectUsage = (result: { code: number; stdout: string; stderr: string }, line: string, note?: string) => {
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  const [first, second, ...rest] = result.stderr.split('\n')
  expect(first).toBe(`diptych: <arguments>: ${line} (cli/usage)`)
  if (note !== undefined) expect(second).toBe(`  ${note}`)
  expect(rest.join('\n')).toBe('')
}

describe('one suggester', () => {
  it('is an edit distance: `rendr` is `render` (not `release`, which shares two letters)', () => {
    const commands = ['import', 'build', 'eval', 'test', 'check', 'align', 'confirm', 'diff', 'release', 'render']
    expect(didYouMean('rendr', commands)).toBe('render')
    expect(didYouMean('relase', commands)).toBe('release')
    expect(didYouMean('zzz', commands)).toBeUndefined()
  })

  it('finds a dotted ID given without its section, or under a mistyped one', () => {
    const ids = ['basics.keep-api-access', 'basics.share-sell-information', 'what-not-to-do.using-api-access']
    expect(didYouMeanId('keep-api-access', ids)).toBe('basics.keep-api-access')
    expect(didYouMeanId('basic.keep-api-acess', ids)).toBe('basics.keep-api-access')
    expect(didYouMeanId('privacy.nothing-like-it', ids)).toBeUndefined()
  })

  it.each([
    [['rendr'], 'Unknown command `rendr`, expected one of import, build, eval, test, check, align, confirm, diff, release, init, render', 'Did you mean `render`?'],
    [['help', 'chekc'], 'Unknown command `chekc`', 'Did you mean `check`?'],
    [['build', '--polcy', 'x'], 'Unknown option `--polcy` for `diptych build`', 'Did you mean `--policy`?'],
    [['build', '--dryrun'], 'Unknown option `--dryrun` for `diptych build`', 'Did you mean `--dry-run`?'],
    [['build', '-policy', 'x'], 'Unknown option `-policy` for `diptych build`', 'Did you mean `--policy`?'],
    [['eval', 'a.json', '--fail-on', 'unknwn'], 'Unexpected value `unknwn` for --fail-on, expected violated or unknown or attest', 'Did you mean `unknown`?'],
    [['check', '--format', 'jsn'], 'Unexpected value `jsn` for --format, expected text or json or sarif', 'Did you mean `json`?'],
  ])('%j is answered in one line with a suggestion', async (argv, line, note) => {
    expectUsage(await run(argv), line, note)
  })

  it('answers an unknown option in diptych’s own words, never Node’s parser message', async () => {
    const bogus = await run(['build', '--bogus'])
    expectUsage(bogus, 'Unknown option `--bogus` for `diptych build`', 'Usage: diptych build [--policy pinterest] [--from-sources] [--format text|json] [--dry-run]')
    expect(bogus.stderr).not.toMatch(/To specify a positional argument|'--bogus'/)
    // An option of another command says which command takes it.
    expectUsage(
      await run(['build', '--locale', 'en']),
      'Unknown option `--locale` for `diptych build`',
      '`--locale` is an option of `diptych import`, `diptych confirm`; usage: diptych build [--policy pinterest] [--from-sources] [--format text|json] [--dry-run]',
    )
    expect(diagnosticOf(() => parseArgs(['build', '--policy']))).toBe('<arguments>: Missing value for --policy (cli/usage)')
    expect(diagnosticOf(() => parseArgs(['build', '--policy', '--quiet']))).toBe('<arguments>: Missing value for --policy (`--quiet` is an option) (cli/usage)')
    expect(diagnosticOf(() => parseArgs(['build', '--quiet=yes']))).toBe('<arguments>: Unexpected value `yes` for --quiet, which takes none (cli/usage)')
    // A value that starts with a dash is given with `=`; `-` alone is a value (standard input).
    expect(parseArgs(['build', '--policy=-x'])).toMatchObject({ options: { policy: '-x' } })
    expect(parseArgs(['eval', '-'])).toMatchObject({ positionals: ['-'] })
  })
})

describe('suggestions for IDs and versions', () => {
  let root: string
  beforeAll(async () => {
    root = await tempProject({ locales: true })
    expect((await run(['build', '--root', root], root)).code).toBe(0)
  }, 60_000)

  it('confirm suggests the clause of a mistyped or section-less ID', async () => {
    const typo = await run(['confirm', 'keep-api-access', '--locale', 'nl', '--root', root], root)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toBe('diptych: locales/en/pinterest.md: Unknown clause `keep-api-access` (confirm/unknown-clause)\n  Did you mean `basics.keep-api-access`?\n')
    const far = await run(['confirm', 'privacy.nothing-like-it', '--locale', 'nl', '--root', root], root)
    expect(far.stderr).toContain('Clause IDs are the `{#id}` of each block of locales/en/pinterest.md.')
  })

  it('diff suggests `current` or the nearest released version', async () => {
    const current = await run(['diff', '1.0.0', 'curent', '--root', root], root)
    expect(current.code).toBe(2)
    expect(current.stderr).toBe('diptych: <arguments>: Unknown catalogue, release or git revision `curent` (diff/unknown-side)\n  Did you mean `current`?\n')
    expect((await run(['diff', '1.0.1', 'current', '--root', root], root)).stderr).toContain('  Did you mean `1.0.0`?\n')
  })
})

describe('--quiet', () => {
  let root: string
  beforeAll(async () => {
    root = await tempProject({ locales: true })
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    await put(root, 'batch.ndjson', `${JSON.stringify(JSON.parse(await readFile(join(root, 'examples/compliant.json'), 'utf8')))}\n`)
  }, 60_000)

  // Each command, run as it succeeds: it says something on stderr, and nothing with --quiet.
  const commands: Array<[string, string[]]> = [
    ['build', ['build']],
    ['check', ['check']],
    ['import', ['import', 'policy/pinterest/sources/en.txt', '--locale', 'en', '--dry-run']],
    ['confirm', ['confirm', 'basics.keep-api-access', '--locale', 'nl']],
    ['align', ['align', 'policy/pinterest/sources/en.txt', 'policy/pinterest/sources/nl.txt']],
    ['eval (a batch)', ['eval', 'batch.ndjson']],
    ['eval (several)', ['eval', 'examples/compliant.json', 'examples/compliant.json']],
    ['render', ['render', '--out', 'site']],
    ['release', ['release', '--dry-run']],
  ]

  it.each(commands)('%s prints nothing on stderr with --quiet', async (_name, argv) => {
    const loud = await run([...argv, '--root', root], root)
    expect(loud.code).toBe(0)
    expect(loud.stderr).not.toBe('')
    const quiet = await run([...argv, '--quiet', '--root', root], root)
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).toBe('')
    // What a command prints as its result on stdout is its output, not a summary.
    expect(quiet.stdout).toBe(loud.stdout)
  })

  it('test --quiet lists the failed rule tests alone: nothing when all pass', async () => {
    const loud = await run(['test', '--root', root], root)
    expect(loud.code).toBe(0)
    expect(loud.stdout).toMatch(/^rule tests: \d+ passed, 0 failed$/m)
    expect(await run(['test', '--quiet', '--root', root], root)).toEqual({ code: 0, stdout: '', stderr: '' })
    const broken = await tempProject({ locales: true })
    expect((await run(['build', '--root', broken], broken)).code).toBe(0)
    const dir = join(broken, 'policy/pinterest/tests')
    const [first] = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
    const test = JSON.parse(await readFile(join(dir, first!), 'utf8')) as { expect: Record<string, string> }
    const [rule] = Object.keys(test.expect)
    test.expect[rule!] = test.expect[rule!] === 'violated' ? 'satisfied' : 'violated'
    await put(broken, `policy/pinterest/tests/${first}`, JSON.stringify(test))
    const failed = await run(['test', '--quiet', '--root', broken], broken)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(new RegExp(`^✗ .*${first!.replace('.', '\\.')}`))
    expect(failed.stdout).not.toMatch(/^✓|rule tests:|coverage:/m)
    await rm(broken, { recursive: true, force: true })
  })

  it('check --quiet prints the errors alone, without the warnings and the summary', async () => {
    const project = await tempProject({ locales: true })
    const nl = join(project, 'locales/nl/pinterest.md')
    const text = await readFile(nl, 'utf8')
    await put(project, 'locales/nl/pinterest.md', text.replace(/^.*\{#basics\.keep-api-access\}\n/m, ''))
    const loud = await run(['check', '--root', project], project)
    const quiet = await run(['check', '--quiet', '--root', project], project)
    expect(loud.code).toBe(1)
    expect(quiet.code).toBe(1)
    expect(loud.stderr).toContain('diptych check: 1 translation of en:')
    expect(quiet.stderr).toContain('missing-clause')
    expect(quiet.stderr).not.toContain('diptych check:')
    expect(quiet.stderr).not.toMatch(/warning/)
    await rm(project, { recursive: true, force: true })
  })
})

describe('eval', () => {
  let root: string
  let compliant: Record<string, unknown>
  beforeAll(async () => {
    root = await tempProject({ locales: true })
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    compliant = JSON.parse(await readFile(join(root, 'examples/compliant.json'), 'utf8')) as Record<string, unknown>
    await put(root, 'empty.json', '{"name": "states nothing"}')
    const { attestations: _, ...unattested } = compliant
    await put(root, 'unattested.json', JSON.stringify(unattested))
  }, 60_000)

  it('--fail-on: violations by default; unknown also fails on rules that lack facts; attest also on attestations', async () => {
    const code = async (file: string, ...more: string[]) => (await run(['eval', file, ...more, '--root', root], root)).code
    // A profile that states nothing: 45 rules unknown, 4 to attest, no violation.
    expect(await code('empty.json')).toBe(0)
    expect(await code('empty.json', '--fail-on', 'violated')).toBe(0)
    expect(await code('empty.json', '--fail-on', 'unknown')).toBe(1)
    // Every fact given, the attestations left out: only --fail-on attest fails it.
    expect(await code('unattested.json', '--fail-on', 'unknown')).toBe(0)
    expect(await code('unattested.json', '--fail-on', 'attest')).toBe(1)
    expect(await code('examples/compliant.json', '--fail-on', 'attest')).toBe(0)
    expect(await code('examples/breaks-byok-credentials.json')).toBe(1)
  })

  it('reads one profile from standard input with `-`, named <stdin> in its report and its errors', async () => {
    const text = JSON.stringify(compliant)
    const fromFile = await run(['eval', 'examples/compliant.json', '--format', 'json', '--root', root], root)
    const fromStdin = await runWithStdin(['eval', '-', '--format', 'json', '--root', root], root, `\uFEFF${text}`)
    expect(fromStdin).toEqual({ code: 0, stdout: fromFile.stdout, stderr: '' })
    expect((await runWithStdin(['eval', '-', '--root', root], root, text)).stdout).toMatch(/^diptych eval <stdin>: pinterest 1\.0\.0, 49 rules\n/)
    const bad = await runWithStdin(['eval', '-', '--root', root], root, '{"name": 1}')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^error: <stdin>:1:2: Invalid profile: field `name` must be string/)
    const latin1 = await runWithStdin(['eval', '-', '--root', root], root, new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))
    expect(latin1.code).toBe(2)
    expect(latin1.stderr).toMatch(/^diptych: <stdin>:1:7: Invalid UTF-8 byte 0xe9, expected a UTF-8 text \(ingest\/encoding\)\n/)
    expectUsage(await runWithStdin(['eval', '-', '-', '--root', root], root, text), 'Unexpected `-` more than once, expected standard input once')
  })

  it('judges several profiles at once: a report each, a JSON array or one line each, a bad one named and the rest judged', async () => {
    const files = ['examples/compliant.json', 'examples/breaks-byok-credentials.json']
    const text = await run(['eval', ...files, '--root', root], root)
    expect(text.code).toBe(1)
    expect(text.stdout.match(/^diptych eval .*$/gm)).toEqual(['diptych eval examples/compliant.json: pinterest 1.0.0, 49 rules', 'diptych eval examples/breaks-byok-credentials.json: pinterest 1.0.0, 49 rules'])
    expect(text.stderr).toBe('diptych eval: 2 profiles judged, 1 with violations\n')
    const json = await run(['eval', ...files, '--format', 'json', '--root', root], root)
    const reports = JSON.parse(json.stdout) as Array<{ file: string; summary: { violated: number } }>
    expect(reports.map((report) => [report.file, report.summary.violated])).toEqual([
      ['examples/compliant.json', 0],
      ['examples/breaks-byok-credentials.json', 3],
    ])
    const single = JSON.parse((await run(['eval', files[1]!, '--format', 'json', '--root', root], root)).stdout) as object
    expect(reports[1]).toEqual({ file: files[1], ...single })
    const ndjson = await run(['eval', ...files, '--format', 'ndjson', '--root', root], root)
    expect(ndjson.stdout.trimEnd().split('\n').map((line) => JSON.stringify(JSON.parse(line)))).toEqual(reports.map((report) => JSON.stringify(report)))
    const withBad = await run(['eval', 'missing.json', ...files, '--root', root], root)
    expect(withBad.code).toBe(2)
    expect(withBad.stderr).toBe('diptych: missing.json: File not found (input/file-not-found)\ndiptych eval: 2 profiles judged, 1 with violations, 1 invalid\n')
    expect(withBad.stdout).toBe(text.stdout)
    expectUsage(await run(['eval', ...files, '--format', 'html', '--root', root], root), 'Unexpected --format html for 2 profiles, expected one profile (one page)')
  })

  it('with a batch among several inputs, prints one line a profile tagged with its file and line, stdin included', async () => {
    const line = JSON.stringify(compliant)
    await put(root, 'batch.ndjson', `${line}\n{"name": "x"}\n`)
    const result = await runWithStdin(['eval', 'batch.ndjson', '-', '--fail-on', 'unknown', '--root', root], root, '{"name": "y"}')
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n').map((text) => JSON.parse(text) as { file: string; line: number; summary: { unknown: number } })
    expect(lines.map(({ file, line: number, summary }) => [file, number, summary.unknown])).toEqual([
      ['batch.ndjson', 1, 0],
      ['batch.ndjson', 2, 45],
      ['<stdin>', 1, 45],
    ])
    expect(result.stderr).toBe('diptych eval: 3 profiles judged, 0 with violations, 2 failing --fail-on unknown\n')
  })
})

describe('render', () => {
  it('writes Markdown for readers, without the {#id} markers the canonical locale files keep', async () => {
    const root = await tempProject({ locales: true })
    expect((await run(['build', '--root', root], root)).code).toBe(0)
    expect((await run(['render', '--out', 'site', '--root', root], root)).code).toBe(0)
    const rendered = await readFile(join(root, 'site/en.md'), 'utf8')
    const canonical = await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')
    expect(canonical).toContain('Keep your API access credentials private. Do not use someone else’s API credentials, and do not allow anyone else to use yours. {#basics.keep-api-access}')
    expect(rendered).toContain('- Keep your API access credentials private. Do not use someone else’s API credentials, and do not allow anyone else to use yours.\n')
    expect(rendered).toContain('\n## The basics\n')
    expect(rendered).not.toMatch(/\{[#:]/)
    expect(await readFile(join(root, 'site/nl.md'), 'utf8')).not.toMatch(/\{[#:]/)
  })
})
