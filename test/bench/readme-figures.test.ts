// The README's figures are generated, never typed: its performance tables are those of the committed run of
// `npm run bench` (bench/results.json) and its mutation table that of `node bench/mutations.js --write`
// (bench/mutations.json), as `npm run docs` writes them, with each run's date and machine.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MUTATIONS_MARKERS, mutationsMarkdown } from '../../bench/mutations-table.js'
import { PERF_MARKERS, perfMarkdown } from '../../bench/perf-tables.js'
import { replaceGenerated } from '../../src/util/readme.js'
import { ROOT } from '../helpers.js'

const json = async (path: string) => JSON.parse(await readFile(join(ROOT, path), 'utf8')) as Record<string, unknown>

describe('the README shows the committed runs', () => {
  it('performance: the tables of bench/results.json, with its date and machine', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
    const results = await json('bench/results.json')
    expect(results['machine'], 'bench/results.json records its machine').toMatchObject({ cpu: expect.any(String), cores: expect.any(Number) })
    expect(readme).toContain((PERF_MARKERS as string[])[0])
    expect(replaceGenerated(readme, PERF_MARKERS as [string, string], perfMarkdown(results) as string)).toBe(readme)
  })

  it('mutations: the table of bench/mutations.json', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
    expect(replaceGenerated(readme, MUTATIONS_MARKERS as [string, string], mutationsMarkdown(await json('bench/mutations.json')) as string)).toBe(readme)
  })
})
