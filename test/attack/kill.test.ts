// Kill harness: SIGKILL `import`, `build`, `release` and `render` at random moments (seeded delays
// spread over the command's run time) in a copy of a project, then assert the project is either
// exactly as before or exactly as the uninterrupted command leaves it (file trees compared by hash).
// A release writes through a journal (src/util/transaction.ts): a kill after its commit point may
// leave the journal and some files moved; the design rolls that forward on the next command, so
// after a kill the harness runs `diptych check` and only then compares (a state that `check` brings
// to "before" or "done" is counted as recovered, not half-done). Leftover temporary files of
// single-file atomic writes (`.<name>.<random>.tmp`) are counted apart: they are not the project's files.
// Needs dist/ (`npx tsc -p tsconfig.json`; `npm test` builds it first).
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, run, tempProject } from '../helpers.js'
import { changedPaths, treeOf } from './kill-tree.js'
import { FULL, iterations, random, report, seed } from './scale.js'

const BIN = join(ROOT, 'bin/diptych.js')
const TEMP = /(^|\/)\.[^/]+\.tmp$/
const made: string[] = []
afterAll(async () => {
  for (const folder of made) await rm(folder, { recursive: true, force: true })
})

/** Run the built CLI; kill it with SIGKILL after `delay` ms (never when undefined). */
function spawnCli(args: string[], cwd: string, delay?: number): Promise<{ code: number | null; killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, [BIN, ...args, '--root', cwd, '--quiet'], { cwd, stdio: 'ignore' })
    let killed = false
    const timer = delay === undefined ? undefined : setTimeout(() => {
      killed = child.kill('SIGKILL')
    }, delay)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      resolve({ code, killed, ms: performance.now() - start })
    })
  })
}

const withoutTemp = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => !TEMP.test(path)))
const same = (a: Record<string, string>, b: Record<string, string>) => changedPaths(a, b).length === 0

interface Scenario {
  name: string
  args: string[]
  /** Bring a fresh copy of the bundled project to the state before the command. */
  prepare(root: string): Promise<void>
  kills: number
}

const scenarios: Scenario[] = [
  { name: 'import', args: ['import', join(ROOT, 'test/fixtures/pinterest-en-v2.txt'), '--locale', 'en'], prepare: async () => {}, kills: iterations(2, 100) },
  { name: 'build', args: ['build'], prepare: async () => {}, kills: iterations(2, 100) },
  {
    name: 'release',
    args: ['release', '--date', '2026-12-01'],
    prepare: async (root) => {
      const rules = join(root, 'policy/pinterest/rules.dip')
      await writeFile(rules, (await readFile(rules, 'utf8')).replace('call the API each time instead.', 'call the API every time instead.'))
    },
    kills: iterations(4, 300),
  },
  {
    name: 'render',
    args: ['render', '--out', 'docs'],
    prepare: async (root) => {
      expect((await run(['build', '--root', root], root)).code).toBe(0)
    },
    kills: iterations(2, 100),
  },
]

describe('SIGKILL at a random moment leaves the project as before or fully done', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: ${scenario.kills} kills, 0 half-done states`, async () => {
      const template = await tempProject({ locales: true })
      made.push(template)
      await scenario.prepare(template)
      const before = withoutTemp(await treeOf(template))
      // The uninterrupted run: the "done" tree and the run time the kills are spread over.
      const whole = await mkdtemp(join(tmpdir(), 'diptych-kill-'))
      made.push(whole)
      await cp(template, whole, { recursive: true })
      const done = await spawnCli(scenario.args, whole)
      expect(done.code).toBe(0)
      const after = withoutTemp(await treeOf(whole))
      expect(same(before, after)).toBe(false)

      const next = random(seed(1200 + scenario.name.length))
      const counts = { kills: 0, 'exited first': 0, before: 0, done: 0, 'recovered by check': 0, 'half-done': 0, 'leftover temp files': 0 }
      const halves: string[][] = []
      for (let i = 0; i < scenario.kills; i++) {
        const copy = await mkdtemp(join(tmpdir(), 'diptych-kill-'))
        await cp(template, copy, { recursive: true })
        // Stratified: kill i falls in the i-th slice of the run time (node's start-up included).
        const delay = ((i + next()) / scenario.kills) * done.ms * 1.05
        const result = await spawnCli(scenario.args, copy, delay)
        if (result.killed) counts.kills++
        else counts['exited first']++
        let tree = await treeOf(copy)
        if (Object.keys(tree).some((path) => TEMP.test(path))) counts['leftover temp files']++
        tree = withoutTemp(tree)
        if (same(tree, before)) counts.before++
        else if (same(tree, after)) counts.done++
        else {
          // A release journal (or staging) the kill left: the next command finishes or drops it.
          await run(['check', '--root', copy, '--quiet'], copy)
          tree = withoutTemp(await treeOf(copy))
          if (same(tree, before) || same(tree, after)) counts['recovered by check']++
          else {
            counts['half-done']++
            halves.push([`${Math.round(delay)} ms`, ...changedPaths(tree, after).slice(0, 4)])
          }
        }
        await rm(copy, { recursive: true, force: true })
      }
      report(`kill ${scenario.name}`, counts)
      expect(halves).toEqual([])
    }, FULL ? 0 : 120_000)
  }
})
