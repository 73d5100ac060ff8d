// Attack harness for files and command lines: every file a command reads replaced by a folder, a
// symbolic link out of the project, an unreadable file, an empty file or invalid UTF-8; symbolic links
// planted where temporary files go; wrong command lines. Each must end in one line naming the file
// and exit code 2 (or a right result), never an internal error (exit 3).
import { cp, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, chmod, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { HAS_MKFIFO, put, run, tempProject } from '../helpers.js'
import { iterations, random, report, seed } from './scale.js'

const P = 'policy/pinterest'
const ROOT_USER = process.getuid?.() === 0

/** A built project, copied for each case so that cases never see each other's damage. */
let template: string
/** A file outside every project, that symbolic links point at. */
let outside: string

beforeAll(async () => {
  template = await tempProject({ locales: true })
  const built = await run(['build', '--root', template], template)
  expect(built.code).toBe(0)
  const elsewhere = await mkdtemp(join(tmpdir(), 'diptych-outside-'))
  outside = join(elsewhere, 'secret.txt')
  await writeFile(outside, 'TOP-SECRET line one\nline two\n')
}, 60_000)

async function copyOfTemplate(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'diptych-case-'))
  await cp(template, root, { recursive: true })
  return root
}

type Kind = 'folder' | 'symlink-outside' | 'no-permission' | 'empty' | 'invalid-utf8' | 'named-pipe'

/** Put `kind` at `path` (relative to `root`) in place of whatever stands there. */
async function plant(root: string, path: string, kind: Kind): Promise<void> {
  const full = join(root, path)
  const before = await readFile(full).catch(() => Buffer.from('{}'))
  await rm(full, { recursive: true, force: true })
  await mkdir(join(full, '..'), { recursive: true })
  if (kind === 'folder') await put(root, `${path}/inner.txt`, 'x')
  else if (kind === 'symlink-outside') {
    // The link leads to a copy of the file's own content: only where it lives is wrong.
    const target = `${outside}.${path.replace(/\W/g, '_')}`
    await writeFile(target, before)
    await symlink(target, full)
  } else if (kind === 'no-permission') {
    await writeFile(full, before)
    await chmod(full, 0o000)
  } else if (kind === 'named-pipe') {
    // A reader that waits for a writer would hang the command forever.
    execFileSync('mkfifo', [full])
  } else if (kind === 'empty') await writeFile(full, '')
  else await writeFile(full, Buffer.concat([before.subarray(0, 40), Buffer.from([0xff, 0xc3, 0x28]), before.subarray(40)]))
}

/** Exit code 2, one diagnostic line naming `file`, no stack trace, no internal error. */
function expectOneLine(result: { code: number; stderr: string }, file: string): void {
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
  expect(result.code, result.stderr).toBe(2)
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('diptych: ') || line.startsWith('error: '))
  expect(lines.length, result.stderr).toBeGreaterThanOrEqual(1)
  expect(lines[0], result.stderr).toContain(file)
}

/** Each command, the files it reads, and the kinds of damage it must report (all, unless listed). */
interface Row {
  command: string
  argv: string[]
  files: string[]
  /** Kinds where another outcome than exit 2 is right (an empty optional file: no hints), with the codes allowed. */
  allowed?: Partial<Record<Kind, number[]>>
  /** Kinds whose errors are rightly elsewhere (an empty rules file is a program that covers no clause): exit 2 suffices. */
  elsewhereErrors?: Kind[]
  /** Files named on the command line: a symbolic link out of the project is the user's choice. */
  userNamed?: string[]
}

const ROWS: Row[] = [
  {
    command: 'import (reference)',
    argv: ['import', `${P}/sources/en.txt`, '--locale', 'en'],
    files: [`${P}/policy.json`, `${P}/hints.json`, 'locales/en/pinterest.md', `${P}/sources/en.txt`],
    userNamed: [`${P}/sources/en.txt`],
    // An empty previous import is a first import; an empty source is a text without clauses.
    allowed: { empty: [0, 2] },
  },
  {
    command: 'import (translation)',
    argv: ['import', `${P}/sources/nl.txt`, '--locale', 'nl'],
    files: ['locales/en/pinterest.md', 'locales/nl/pinterest.lock.json', 'locales/nl/pinterest.md'],
    allowed: { empty: [0, 2] },
  },
  {
    command: 'build',
    argv: ['build'],
    files: [`${P}/policy.json`, 'locales/en/pinterest.md', 'locales/nl/pinterest.md', `${P}/catalogue.json`],
    // An empty previous catalogue is simply rewritten.
    allowed: { empty: [0, 2] },
  },
  {
    command: 'build --from-sources',
    argv: ['build', '--from-sources'],
    files: [`${P}/sources/en.txt`, `${P}/sources/nl.txt`, `${P}/hints.json`],
    allowed: { empty: [0, 2] },
  },
  {
    command: 'check',
    argv: ['check'],
    files: [`${P}/policy.json`, 'locales/en/pinterest.md', 'locales/nl/pinterest.md', 'locales/nl/pinterest.lock.json', 'locales/glossary.json', `${P}/check-baseline.json`],
    // An empty translation is a finding (exit 1), not bad input.
    allowed: { empty: [1, 2] },
  },
  {
    command: 'confirm',
    argv: ['confirm', 'basics.keep-api-access', '--locale', 'nl'],
    files: [`${P}/policy.json`, 'locales/en/pinterest.md', 'locales/nl/pinterest.md', 'locales/nl/pinterest.lock.json'],
  },
  {
    command: 'test',
    argv: ['test'],
    files: [`${P}/tests/ad-services.json`, 'examples/breaks-ad-services.json'],
  },
  {
    command: 'render',
    argv: ['render', '--out', 'out'],
    files: [`${P}/policy.json`, `${P}/releases/1.0.0/release.json`],
  },
  {
    command: 'align',
    // align reads a glossary only when one is named.
    argv: ['align', `${P}/sources/en.txt`, `${P}/sources/nl.txt`, '--glossary', 'locales/glossary.json'],
    files: ['locales/glossary.json', `${P}/sources/en.txt`],
    userNamed: [`${P}/sources/en.txt`, 'locales/glossary.json'],
    allowed: { empty: [0, 1, 2] },
  },
  {
    command: 'import (reference), after a removal',
    argv: ['import', `${P}/sources/en.txt`, '--locale', 'en'],
    files: [`${P}/retired-ids.json`],
  },
  {
    command: 'build (rules)',
    argv: ['build'],
    files: [`${P}/rules.dip`, `${P}/app-profile.schema.json`],
    elsewhereErrors: ['empty'],
  },
  {
    command: 'eval',
    argv: ['eval', 'examples/compliant.json'],
    files: [`${P}/catalogue.json`, 'examples/compliant.json'],
    userNamed: ['examples/compliant.json'],
  },
  {
    command: 'eval (built predicates)',
    argv: ['eval', 'examples/compliant.json'],
    files: [`${P}/predicates.js`],
    // A damaged build artefact is stale: the rules are compiled again from their source.
    allowed: { folder: [0], empty: [0], 'invalid-utf8': [0] },
  },
  {
    command: 'test (catalogue)',
    argv: ['test'],
    files: [`${P}/catalogue.json`],
  },
  {
    command: 'render (catalogue)',
    argv: ['render', '--out', 'out'],
    files: [`${P}/catalogue.json`],
  },
  {
    command: 'check (releases)',
    argv: ['check'],
    files: [`${P}/releases/1.0.0/release.json`],
    // A damaged release record is a release-integrity finding.
    allowed: { folder: [1], empty: [1], 'invalid-utf8': [1] },
  },
  {
    command: 'diff',
    argv: ['diff', `${P}/releases/1.0.0/catalogue.json`, 'current'],
    files: [`${P}/releases/1.0.0/catalogue.json`],
    userNamed: [`${P}/releases/1.0.0/catalogue.json`],
  },
]

const KINDS: Kind[] = ['folder', 'symlink-outside', 'no-permission', 'empty', 'invalid-utf8', ...(HAS_MKFIFO ? (['named-pipe'] as const) : [])]

describe('every file a command reads, damaged', () => {
  for (const row of ROWS) {
    for (const file of row.files) {
      it(`${row.command}: ${file} as a folder, a link out of the project, unreadable, empty, not UTF-8 or a named pipe → one line naming it, exit 2`, async () => {
        for (const kind of KINDS) {
          if (kind === 'no-permission' && ROOT_USER) continue // root reads any file
          const root = await copyOfTemplate()
          const original = await readFile(join(root, file)).catch(() => Buffer.from('{}'))
          await plant(root, file, kind)
          const result = await run([...row.argv, '--root', root], root)
          const userNamed = row.userNamed?.includes(file)
          if (kind === 'symlink-outside' && userNamed) {
            // The user named the file: following the link is what they asked for.
            expect(result.stderr, `${kind}`).not.toMatch(/internal error|\n\s+at /)
            expect([0, 1], `${kind}: ${result.stderr}`).toContain(result.code)
          } else if (row.allowed?.[kind] && result.code !== 2) {
            expect(result.stderr, `${kind}`).not.toMatch(/internal error|\n\s+at /)
            expect(row.allowed[kind], `${kind}: ${result.stderr}`).toContain(result.code)
          } else if (row.elsewhereErrors?.includes(kind)) {
            expect(result.stderr, `${kind}`).not.toMatch(/internal error|\n\s+at /)
            expect(result.code, `${kind}: ${result.stderr}`).toBe(2)
          } else {
            expectOneLine(result, file)
            // Refused for where it leads, not merely for what it holds.
            if (kind === 'symlink-outside') expect(result.stderr).toContain('(input/outside-project)')
          }
          if (kind === 'symlink-outside') {
            expect(result.stdout + result.stderr, kind).not.toContain('TOP-SECRET')
            // The file outside is never written through the link.
            expect((await readFile(`${outside}.${file.replace(/\W/g, '_')}`)).equals(original), kind).toBe(true)
          }
          await rm(root, { recursive: true, force: true })
        }
      }, 60_000)
    }
  }
})

describe('paths that come from files stay inside the project', () => {
  it('a rule test whose profile is "../../../../etc/passwd" is refused without printing the file', async () => {
    const root = await copyOfTemplate()
    const hops = '../'.repeat(12)
    await put(root, `${P}/tests/zz-escape.json`, JSON.stringify({ profile: `${hops}${outside.slice(1)}`, expect: {} }))
    const result = await run(['test', '--root', root], root)
    expectOneLine(result, `${P}/tests/zz-escape.json`)
    expect(result.stderr).toContain('(input/outside-project)')
    expect(result.stdout + result.stderr).not.toContain('TOP-SECRET')
  })

  it('a rule test whose profile path holds a NUL byte is one line, not an internal error', async () => {
    const root = await copyOfTemplate()
    await put(root, `${P}/tests/zz-nul.json`, JSON.stringify({ profile: 'x\u0000.json', expect: {} }))
    expectOneLine(await run(['test', '--root', root], root), `${P}/tests/zz-nul.json`)
  })

  it('a source named in policy.json that is a symbolic link out of the policy folder is refused', async () => {
    const root = await copyOfTemplate()
    await rm(join(root, P, 'sources/en.txt'))
    await writeFile(`${outside}.en`, await readFile(join(template, P, 'sources/en.txt')))
    await symlink(`${outside}.en`, join(root, P, 'sources/en.txt'))
    const result = await run(['build', '--from-sources', '--root', root], root)
    expectOneLine(result, `${P}/sources/en.txt`)
    expect(result.stderr).toContain('(input/outside-project)')
  })

  it('a locale folder that is a symbolic link out of the project is never written through', async () => {
    const root = await copyOfTemplate()
    const elsewhere = await mkdtemp(join(tmpdir(), 'diptych-elsewhere-'))
    await cp(join(root, 'locales/en'), elsewhere, { recursive: true })
    const before = await readFile(join(elsewhere, 'pinterest.md'), 'utf8')
    await rm(join(root, 'locales/en'), { recursive: true })
    await symlink(elsewhere, join(root, 'locales/en'))
    await writeFile(join(root, P, 'sources/en.txt'), (await readFile(join(root, P, 'sources/en.txt'), 'utf8')) + '\nA brand new closing paragraph that was never there.\n')
    const result = await run(['import', `${P}/sources/en.txt`, '--locale', 'en', '--root', root], root)
    expectOneLine(result, 'locales/en/pinterest.md')
    expect(await readFile(join(elsewhere, 'pinterest.md'), 'utf8')).toBe(before)
    expect(await readdir(elsewhere)).toEqual(['pinterest.md'])
  })
})

describe('temporary files', () => {
  it('symbolic links planted at predictable temporary names are never followed by import and build', async () => {
    const root = await copyOfTemplate()
    const victim = `${outside}.victim`
    await writeFile(victim, 'untouched')
    // The old scheme's names (`.<name>.<pid>.<n>.tmp`) for every file import and build write.
    const targets = ['locales/en/pinterest.md', 'locales/nl/pinterest.md', 'locales/nl/pinterest.lock.json', `${P}/catalogue.json`, `${P}/predicates.js`, `${P}/retired-ids.json`]
    for (const target of targets) {
      const [folder, name] = [join(root, target, '..'), target.split('/').pop()!]
      for (let n = 0; n < 20; n++) await symlink(victim, join(folder, `.${name}.${process.pid}.${n}.tmp`)).catch(() => undefined)
    }
    await writeFile(join(root, P, 'sources/en.txt'), (await readFile(join(root, P, 'sources/en.txt'), 'utf8')) + '\nA brand new closing paragraph that was never there.\n')
    expect((await run(['build', '--from-sources', '--root', root], root)).code).toBe(0)
    expect(await readFile(victim, 'utf8')).toBe('untouched')
    expect(await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')).toContain('A brand new closing paragraph')
    // The planted links are still links to the victim: nothing was written through them or in their place.
    const planted = join(root, 'locales/en', `.pinterest.md.${process.pid}.0.tmp`)
    expect((await lstat(planted)).isSymbolicLink()).toBe(true)
    expect(await readlink(planted)).toBe(victim)
  })
})

/** Wrong command lines: each is a usage error, one line, exit code 2. */
const WRONG: Array<[string, string[], RegExp]> = [
  ['an unknown command', ['frobnicate'], /Unknown command `frobnicate`/],
  ['an unknown option', ['build', '--frob'], /Unknown option `--frob` for `diptych build`/],
  ['a missing argument', ['eval'], /Expected <profile> for `diptych eval`/],
  ['an extra argument', ['build', 'extra'], /Unexpected argument `extra`/],
  ['an option without its value', ['render', '--out'], /Missing value for --out/],
  ['a policy name with a path', ['build', '--policy', '../x'], /Invalid policy name `\.\.\/x`/],
  ['--root at a file', ['build', '--root', 'afile'], /Unexpected --root `afile`: a file/],
  ['an empty --root', ['build', '--root', ''], /Unexpected empty --root/],
  ['render --out ""', ['render', '--out', ''], /Unexpected empty --out/],
  ['an unknown --format', ['check', '--format', 'xml'], /Unexpected value `xml` for --format/],
  ['import without --locale', ['import', 'x.txt'], /Missing option --locale/],
  ['a NUL byte in a file name', ['eval', 'a\u0000b.json'], /Unexpected NUL byte in argument 2/],
  ['a NUL byte in an option value', ['build', '--root', '\u0000'], /Unexpected NUL byte in argument 3/],
]

describe('wrong command lines', () => {
  for (const [what, argv, message] of WRONG) {
    it(`${what} is a usage error: one line, exit 2`, async () => {
      const root = await copyOfTemplate()
      await put(root, 'afile', 'x')
      const result = await run(argv, root)
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr.split('\n')[0]).toMatch(message)
      expect(result.stderr.split('\n').filter((line) => line.startsWith('diptych: '))).toHaveLength(1)
    })
  }

  it('render --out "" writes nothing into the current folder', async () => {
    const root = await copyOfTemplate()
    const before = (await readdir(root)).sort()
    expect((await run(['render', '--out', '', '--root', root], root)).code).toBe(2)
    expect((await readdir(root)).sort()).toEqual(before)
  })
})

const COMMANDS = ['import', 'build', 'eval', 'test', 'check', 'align', 'confirm', 'diff', 'release', 'render', 'help', 'frob', '', '-h', '--version']
const OPTIONS = ['--policy', '--root', '--quiet', '--help', '--locale', '--format', '--dry-run', '--from-sources', '--lang', '--docs', '--out', '--from', '--to', '--glossary', '--update-baseline', '--bump', '--version', '--date', '-n', '-q', '-l', '-o', '--', '--nope', '-z']
const VALUES = [
  '', 'en', 'nl', 'fr', 'pinterest', '../x', '.', '..', 'afile', 'afile/sub', 'nowhere', 'examples', 'examples/compliant.json', 'examples/bad.ndjson',
  `${P}/sources/en.txt`, `${P}/sources/nl.txt`, `${P}/catalogue.json`, `${P}/releases/1.0.0/catalogue.json`, 'locales', 'json', 'text', 'sarif', 'html', 'markdown',
  'major', 'patch', 'auto', '9.9.9', '1.0.0', 'x.y.z', '2024-02-30', '2024-01-01', 'current', 'HEAD', '-', '--', 'basics.keep-api-access', 'out', '\u0000', 'é', '%s%n', '$(id)', 'a'.repeat(300),
]

describe('random command lines', () => {
  it('never end in an internal error or a hang (seeded; at scale under FUZZ_SCALE=full)', async () => {
    const next = random(seed(12_009))
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const root = await copyOfTemplate()
    await put(root, 'afile', 'x')
    await put(root, 'examples/bad.ndjson', '{"name":"x"}\nnot json\n')
    const runs = iterations(30, 2_000)
    const counts: Record<string, number> = { runs: 0, 'exit 0': 0, 'exit 1': 0, 'exit 2': 0, 'internal errors': 0, 'over 10 s': 0 }
    const failures: string[] = []
    for (let i = 0; i < runs; i++) {
      const argv = [pick(COMMANDS)]
      const length = Math.floor(next() * 6)
      for (let k = 0; k < length; k++) argv.push(next() < 0.55 ? pick(OPTIONS) : pick(VALUES))
      // The copy is the project unless the command line names another root; runs may change it, as a user's would.
      const full = argv.includes('--root') ? argv : [...argv, '--root', root]
      const started = performance.now()
      const result = await run(full, root)
      const took = performance.now() - started
      counts['runs']!++
      if (result.code === 3 || /internal error/.test(result.stderr)) {
        counts['internal errors']!++
        failures.push(`${JSON.stringify(full)} → ${result.stderr.split('\n')[0]}`)
      } else counts[`exit ${result.code}`] = (counts[`exit ${result.code}`] ?? 0) + 1
      if (took > 10_000) {
        counts['over 10 s']!++
        failures.push(`${JSON.stringify(full)} took ${Math.round(took)} ms`)
      }
    }
    report('command lines', counts)
    expect(failures).toEqual([])
  }, 600_000)
})
