// Batches of profiles: lines read in blocks, report lines written fast but exactly as JSON.stringify would, and a large
// file judged on worker threads giving exactly what one thread gives, in the same order.
import { execFile, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { loadPolicyEngine } from '../../src/usecases/eval.js'
import { reportLine } from '../../src/usecases/batch.js'
import { judgeCompact } from '../../src/report/evaluate.js'
import { readLineBlocks, linesOf } from '../../src/util/lines.js'
import { ROOT, put, run, tempProject } from '../helpers.js'
import { random } from '../attack/scale.js'

const exec = promisify(execFile)

/** The lines of a text as a reader must give them: split on LF, a CR before it dropped, a last line without LF kept. */
function expectedLines(text: string, limit: number): Array<[number, string | undefined]> {
  const parts = text.split('\n')
  if (parts.at(-1) === '') parts.pop()
  return parts.map((part, index) => {
    const line = part.endsWith('\r') ? part.slice(0, -1) : part
    return [index + 1, Buffer.byteLength(part) > limit ? undefined : line]
  })
}

describe('readLineBlocks', () => {
  it('gives every line once, in order, whatever the block size: CR LF, empty lines, long lines, no last LF', async () => {
    const root = await tempProject()
    const rnd = random(17)
    for (let trial = 0; trial < 40; trial++) {
      const pieces: string[] = []
      const count = Math.floor(rnd() * 30)
      for (let i = 0; i < count; i++) {
        const length = rnd() < 0.1 ? 200 + Math.floor(rnd() * 300) : Math.floor(rnd() * 40)
        pieces.push('é'.repeat(length >> 1) + (rnd() < 0.3 ? '\r' : ''))
      }
      const text = pieces.join('\n') + (rnd() < 0.5 ? '\n' : '')
      const file = await put(root, `t${trial}.ndjson`, text)
      const limit = 100 + Math.floor(rnd() * 200)
      const blockBytes = 1 + Math.floor(rnd() * 64)
      const lines: Array<[number, string | undefined]> = []
      let covered = 0
      let next = 1
      for await (const block of readLineBlocks(file, limit, blockBytes)) {
        expect(block.first).toBe(next)
        next += block.count
        covered += block.size
        for (const line of linesOf(block)) lines.push([line.number, line.bytes?.toString('utf8')])
      }
      expect(lines).toEqual(expectedLines(text, limit))
      expect(covered).toBe(Buffer.byteLength(text))
    }
  })
})

describe('report lines', () => {
  it('are the text JSON.stringify gives, for every kind of verdict and odd strings', async () => {
    const engine = await loadPolicyEngine(ROOT, 'pinterest')
    const out = new Uint8Array(engine.rules.program.rules.length)
    const profiles = await Promise.all(['compliant', 'breaks-ad-services', 'breaks-automation-and-storage', 'breaks-byok-credentials', 'breaks-children-and-privacy'].map(async (name) => JSON.parse(await readFile(join(ROOT, 'examples', `${name}.json`), 'utf8'))))
    // Values that end up in messages: quotes, a line separator, a lone surrogate.
    profiles.push({ ...profiles[1], name: 'quote " back \\ sep \u2028 lone \ud800', privacyPolicyUrl: null }, {})
    for (const profile of profiles) {
      for (const locales of [['en'], ['en', 'nl'], ['nl']]) {
        const report = judgeCompact(engine, profile, out, locales)
        for (const file of [undefined, 'a "b".ndjson']) {
          expect(reportLine(report, 7, file)).toBe(JSON.stringify(file === undefined ? { line: 7, ...report } : { file, line: 7, ...report }) + '\n')
        }
      }
    }
  })
})

describe('a large batch on worker threads', () => {
  it('gives the report lines, problems and exit code of one thread, in the order of the input', async () => {
    const root = await tempProject()
    const examples = await Promise.all(['compliant', 'breaks-ad-services', 'breaks-automation-and-storage', 'breaks-byok-credentials', 'breaks-children-and-privacy'].map(async (name) => JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples', `${name}.json`), 'utf8')))))
    // About 6 MiB (workers start from 4 MiB): the examples in turn, with a bad line of each kind here and there.
    const lines: string[] = []
    for (let i = 0; i < 4000; i++) {
      if (i === 1234) lines.push('{"name": 1}')
      else if (i === 2500) lines.push('{not json')
      else if (i === 3001) lines.push('')
      else lines.push(examples[i % examples.length]!)
    }
    const file = await put(root, 'apps.ndjson', lines.join('\r\n') + '\n')
    expect((await readFile(file)).length).toBeGreaterThan(4 << 20)
    const cli = (jobs: string) =>
      exec(process.execPath, [join(ROOT, 'bin/diptych.js'), 'eval', file, '--root', ROOT, '--jobs', jobs, '--lang', 'en,nl'], { cwd: root, maxBuffer: 1 << 30 }).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      )
    const [one, two] = await Promise.all([cli('1'), cli('2')])
    expect('code' in one ? one.code : 0).toBe(2)
    expect('code' in two ? two.code : 0).toBe(2)
    expect(two.stdout).toBe(one.stdout)
    expect(two.stderr).toBe(one.stderr)
    const reports = one.stdout.trim().split('\n').map((line) => JSON.parse(line) as { line: number; violated: Array<{ message: Record<string, string> }> })
    expect(reports).toHaveLength(3997)
    expect(reports.map((report) => report.line)).toEqual(lines.map((_line, index) => index + 1).filter((line) => ![1235, 2501, 3002].includes(line)))
    expect(reports.find((report) => report.violated.length > 0)!.violated[0]!.message).toEqual({ en: expect.any(String), nl: expect.any(String) })
    expect(one.stderr).toContain('apps.ndjson:1235:2: Invalid profile: field `name` must be string')
    expect(one.stderr).toContain('apps.ndjson:2501:')
    expect(one.stderr).toContain('diptych eval: 3997 profiles judged')
  }, 120_000)
})

describe('the options of a batch', () => {
  it('messages in the reference language unless --lang names others; --jobs takes a whole number', async () => {
    const root = await tempProject()
    const broken = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/breaks-ad-services.json'), 'utf8')))
    const file = await put(root, 'apps.ndjson', `${broken}\n`)
    const messages = async (...options: string[]) => {
      const { code, stdout } = await run(['eval', file, '--root', ROOT, ...options], root)
      expect(code).toBe(1)
      return (JSON.parse(stdout) as { violated: Array<{ message: Record<string, string> }> }).violated[0]!.message
    }
    expect(Object.keys(await messages())).toEqual(['en'])
    expect(Object.keys(await messages('--lang', 'nl'))).toEqual(['nl'])
    expect(Object.keys(await messages('--lang', 'en,nl'))).toEqual(['en', 'nl'])
    for (const jobs of ['0', 'two', '1.5']) {
      const { code, stderr } = await run(['eval', file, '--root', ROOT, '--jobs', jobs], root)
      expect(code).toBe(2)
      expect(stderr).toBe(`diptych: <arguments>: Invalid --jobs ${jobs}, expected a whole number of threads from 1 to 999 (cli/usage)\n`)
    }
    const { code, stderr } = await run(['eval', file, '--root', ROOT, '--lang', 'fr'], root)
    expect(code).toBe(2)
    expect(stderr).toContain('Unknown language `fr`')
  })
})

describe('output to a reader that stops', () => {
  it('ends quietly when the pipe closes (`diptych eval big.ndjson | head`), whether workers judge or not', async () => {
    const root = await tempProject()
    const profile = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/breaks-ad-services.json'), 'utf8')))
    const file = await put(root, 'apps.ndjson', `${profile}\n`.repeat(4000))
    for (const jobs of ['1', '2']) {
      const child = spawn(process.execPath, [join(ROOT, 'bin/diptych.js'), 'eval', file, '--root', ROOT, '--jobs', jobs], { cwd: root })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      // Read the first chunk, then close the pipe, as `head -c` does.
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toContain('EPIPE')
      expect(stderr).not.toContain('    at ')
      expect([0, 1]).toContain(code)
    }
  }, 60_000)
})
