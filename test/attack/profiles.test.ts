// Crafted profiles through `diptych eval` (.json and .ndjson): deep, large, uniqueItems-heavy, badly encoded, keyed by
// Object.prototype members. Each gets a right verdict or one line with exit 2, never exit 3; growth stays linear.
// Bounded under `npm test`; `FUZZ_SCALE=full` (npm run fuzz) runs many more, seeded, and prints counts.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { duplicateItem } from '../../src/catalogue/subject-schema.js'
import { type Engine, loadEngine } from '../../src/report/engine.js'
import { judge } from '../../src/report/evaluate.js'
import { ROOT, put, run, tempProject } from '../helpers.js'
import { GROWTH_LIMIT, growth, growthAsync, iterations, random, report, seed } from './scale.js'

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype)
const SCHEMA_KEYS = ['name', 'integrationTypes', 'audience', 'credentials', 'data', 'actions', 'conduct', 'attestations', 'kind', 'automated', 'byok', 'scraping', 'minimumAge']
const ENUM = ['creative', 'audience', 'advertising', 'measurement']

/** One crafted profile as JSON text: random shapes under real and prototype keys, sometimes deep or duplicated. */
function craft(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const value = (depth: number): unknown => {
    const roll = next()
    if (depth > 4 || roll < 0.3) return pick<unknown>([true, false, 0, -1, 1e308, 'x', '', null, pick(ENUM), pick(PROTOTYPE_KEYS)])
    if (roll < 0.55) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1))
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(next() < 0.5 ? PROTOTYPE_KEYS : SCHEMA_KEYS), value(depth + 1)]))
  }
  const roll = next()
  if (roll < 0.05) {
    // The 3,000-deep uniqueItems crash, around the depth limit.
    const depth = 90 + Math.floor(next() * 30)
    const item = '['.repeat(depth) + ']'.repeat(depth)
    return `{"integrationTypes": [${item}, ${item}]}`
  }
  if (roll < 0.1) {
    const depth = 95 + Math.floor(next() * 20)
    return `{"actions": ${'['.repeat(depth)}${']'.repeat(depth)}}`
  }
  if (roll < 0.2) return JSON.stringify({ integrationTypes: Array.from({ length: 1 + Math.floor(next() * 50) }, () => pick(ENUM)) })
  if (roll < 0.3) return JSON.stringify({ actions: Array.from({ length: Math.floor(next() * 5) }, () => ({ kind: 'follow', automated: next() < 0.5, userSelectsEach: next() < 0.5 })) })
  const profile = value(0)
  // `JSON.stringify` drops a `__proto__` key made by fromEntries (it sets the prototype): write one in by hand.
  const text = JSON.stringify(profile) ?? 'null'
  return next() < 0.2 && text.startsWith('{') && text.length > 2 ? `{"__proto__": ${JSON.stringify(value(2)) ?? 'null'}, ${text.slice(1)}` : text
}

/** Bytes of a crafted file: UTF-8, with a BOM, as UTF-16, with an invalid byte, or with a NUL. */
function encode(text: string, next: () => number): Buffer {
  const roll = next()
  if (roll < 0.05) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
  if (roll < 0.1) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  if (roll < 0.15) return Buffer.concat([Buffer.from(text.slice(0, 1)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(1))])
  if (roll < 0.2) return Buffer.concat([Buffer.from(text), Buffer.from([0])])
  return Buffer.from(text)
}

describe('attack: crafted profiles through eval', () => {
  let root: string
  let engine: Engine
  beforeAll(async () => {
    root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
    engine = await loadEngine(root, 'pinterest')
  }, 60_000)

  it('as .json files: a verdict the interpreter agrees with, or one line with exit 2, never exit 3', async () => {
    const next = random(seed(12_005))
    const counts = { profiles: 0, judged: 0, refused: 0, crashes: 0 }
    for (let i = 0; i < iterations(60, 5_000); i++) {
      const text = craft(next)
      const bytes = encode(text, next)
      await put(root, 'crafted.json', bytes)
      const result = await run(['eval', 'crafted.json', '--format', 'json', '--root', root], root)
      counts.profiles++
      if (result.code === 3 || /internal error|\n\s+at /.test(result.stderr)) {
        counts.crashes++
        expect.fail(`exit ${result.code} for ${bytes.toString('base64').slice(0, 200)}: ${result.stderr.slice(0, 300)}`)
      }
      if (result.code === 2) {
        counts.refused++
        expect(result.stderr).toMatch(/^(diptych: |error: )crafted\.json/)
        continue
      }
      counts.judged++
      // The CLI already cross-checks compiled against interpreted; the summary must also match a fresh judgement.
      const expected = judge(engine, JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')))
      expect((JSON.parse(result.stdout) as { summary: unknown }).summary).toEqual(expected.summary)
    }
    report('profiles (.json)', counts)
  }, 120_000)

  it('as one NDJSON batch: every line judged or reported by its number, the run never stopped', async () => {
    const next = random(seed(12_006))
    const lines: Buffer[] = []
    for (let i = 0; i < iterations(2_000, 50_000); i++) lines.push(Buffer.from(encode(craft(next), next).filter((byte) => byte !== 10 && byte !== 13)))
    await put(root, 'crafted.ndjson', Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])))
    const result = await run(['eval', 'crafted.ndjson', '--root', root], root)
    expect(result.code === 1 || result.code === 2 || result.code === 0).toBe(true)
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
    const judged = new Set(result.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { line: number }).line))
    const refused = new Set([...result.stderr.matchAll(/^diptych: crafted\.ndjson:(\d+):/gm)].map((match) => Number(match[1])))
    const blank = lines.flatMap((line, index) => (line.toString('utf8').replace(/^\uFEFF/, '').trim() === '' ? [index + 1] : []))
    for (let number = 1; number <= lines.length; number++) {
      if (blank.includes(number)) continue
      expect(judged.has(number) !== refused.has(number), `line ${number}: judged ${judged.has(number)}, refused ${refused.has(number)}`).toBe(true)
    }
    report('profiles (.ndjson)', { lines: lines.length, judged: judged.size, refused: refused.size, crashes: 0 })
  }, 600_000)

  it('a polluted Object.prototype does not change verdicts or validation', async () => {
    const profiles = await Promise.all(['compliant', 'breaks-byok-credentials', 'breaks-ad-services', 'breaks-children-and-privacy'].map(async (name) => JSON.parse(await readFile(join(ROOT, `examples/${name}.json`), 'utf8')) as unknown))
    profiles.push({}, { actions: [{ kind: 'follow' }] })
    const clean = profiles.map((profile) => [engine.validate(profile), judge(engine, profile).summary])
    const pollution: Record<string, unknown> = { kids: true, scraping: true, byok: true, automated: true, credentials: { byok: true }, conduct: { scraping: true }, constructor: true }
    const proto = Object.prototype as Record<string, unknown>
    const saved = new Map(Object.keys(pollution).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]))
    let polluted: unknown[]
    try {
      for (const [key, value] of Object.entries(pollution)) Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: false })
      polluted = profiles.map((profile) => [engine.validate(profile), judge(engine, profile).summary])
    } finally {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(proto, key, descriptor)
        else delete proto[key]
      }
    }
    expect(polluted).toEqual(clean)
  })

  it('growth: uniqueItems over n distinct items is linear (strings and objects)', () => {
    const strings = growth((n) => {
      const items = Array.from({ length: n }, (_, i) => `s${i}`)
      return () => engine.validate({ data: { storedDataKinds: items } })
    }, 20_000)
    expect(strings.ratio).toBeLessThan(GROWTH_LIMIT)
    const objects = growth((n) => {
      const items = Array.from({ length: n }, (_, i) => ({ b: [i, { c: i }], a: String(i) }))
      return () => duplicateItem(items)
    }, 20_000)
    expect(objects.ratio).toBeLessThan(GROWTH_LIMIT)
    report('growth uniqueItems', { stringsRatioX100: Math.round(strings.ratio * 100), objectsRatioX100: Math.round(objects.ratio * 100) })
  })

  it('growth: an NDJSON line of 4n bytes takes at most 6 times a line of n', async () => {
    const result = await growthAsync((n) => {
      const file = `line-${n}.ndjson`
      const text = `{"name": "${'a'.repeat(n)}"}\n`
      let written = false
      return async () => {
        if (!written) await put(root, file, text)
        written = true
        const judged = await run(['eval', file, '--root', root], root)
        expect(judged.code).toBe(0)
      }
    }, 1024 * 1024)
    expect(result.ratio).toBeLessThan(GROWTH_LIMIT)
  }, 60_000)

  it('growth: 4n NDJSON lines take at most 6 times n lines', async () => {
    const line = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'examples/breaks-byok-credentials.json'), 'utf8')))
    const result = await growthAsync((n) => {
      const file = `lines-${n}.ndjson`
      let written = false
      return async () => {
        if (!written) await put(root, file, `${line}\n`.repeat(n))
        written = true
        expect((await run(['eval', file, '--root', root], root)).code).toBe(1)
      }
    }, 1_000)
    expect(result.ratio).toBeLessThan(GROWTH_LIMIT)
  }, 60_000)
})
