#!/usr/bin/env node
// Benchmark of the importer and the catalogue build: the seeds, and synthetic texts of 1,000 and 10,000 clauses.
// Run by `npm run bench` (bench/run.js), after `npm install`, which builds dist/.
import { cp, mkdtemp, mkdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { VFile } from 'vfile'
import { align } from '../dist/text/align.js'
import { buildCatalogue } from '../dist/catalogue/build.js'
import { importDocument } from '../dist/ingest/import.js'
import { parseMarkdown } from '../dist/ingest/parse-markdown.js'
import { parseText } from '../dist/ingest/parse-text.js'
import { normaliseSource } from '../dist/ingest/read-source.js'
import { generateIds } from '../dist/ingest/ids.js'
import { toMarkdown } from '../dist/ingest/to-markdown.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Median and spread (min–max) of `rounds` timings of `fn`, in milliseconds, after a warm-up. */
async function time(fn, { rounds = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn()
  const samples = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1), rounds }
}

/** A synthetic guideline text in the seeds' shape: sections of lead-ins, items and nested items. */
function synthetic(clauses) {
  const lines = []
  let n = 0
  for (let section = 1; n < clauses; section++) {
    lines.push(`  • Section number ${section}`, '', `    If your app does thing ${section}, you must:`, '')
    n++
    for (let item = 0; item < 20 && n < clauses; item++, n++) {
      const indent = item % 5 === 4 ? '    ' : '  '
      lines.push(`${indent}• Do not ${['store', 'share', 'sell', 'combine'][item % 4]} data kind ${n} from the API with https://example.com/${n} or any third party.`)
    }
    lines.push('', '\u00a0')
  }
  return lines.join('\n')
}

/** Run the importer and build benchmarks; prints a line a figure and returns the figures. */
export async function benchImportBuild() {
  const results = { figures: {} }
  const row = (name, value) => {
    results.figures[name] = value
    const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1))
    console.log(`${name.padEnd(44)} median ${ms(value.median).padStart(8)} ms  (min ${ms(value.min)}, max ${ms(value.max)}, ${value.rounds} rounds)`)
  }

  const en = normaliseSource(await readFile(join(ROOT, 'policy/pinterest/sources/en.txt'), 'utf8'))
  const enMd = await readFile(join(ROOT, 'locales/en/pinterest.md'), 'utf8')
  const nlMd = await readFile(join(ROOT, 'locales/nl/pinterest.md'), 'utf8')

  row('parse raw text (en seed, 63 blocks)', await time(() => parseText(en, 'en.txt'), { rounds: 200, warmup: 20 }))
  row('parse Markdown (en locale)', await time(() => parseMarkdown(enMd, 'en.md'), { rounds: 100, warmup: 10 }))
  const doc = parseText(en, 'en.txt')
  const ids = generateIds(doc.blocks, [], new Set())
  row('write canonical Markdown (en)', await time(() => toMarkdown(doc, ids, 'T'), { rounds: 100, warmup: 10 }))
  const enBlocks = parseMarkdown(enMd, 'en.md').blocks
  const nlBlocks = parseMarkdown(nlMd, 'nl.md').blocks
  row('align en/nl seeds (63 x 63 blocks)', await time(() => align(enBlocks, nlBlocks), { rounds: 200, warmup: 20 }))

  // The whole job of `npm start`, in-process: import both sources, build the catalogue.
  const project = await mkdtemp(join(tmpdir(), 'diptych-bench-'))
  await mkdir(join(project, 'policy/pinterest'), { recursive: true })
  await cp(join(ROOT, 'policy/pinterest/policy.json'), join(project, 'policy/pinterest/policy.json'))
  await cp(join(ROOT, 'policy/pinterest/sources'), join(project, 'policy/pinterest/sources'), { recursive: true })
  row(
    'import en + nl and build catalogue (in-process)',
    await time(async () => {
      await rm(join(project, 'locales'), { recursive: true, force: true })
      for (const locale of ['en', 'nl']) {
        await importDocument({ root: project, policy: 'pinterest', locale, file: join(project, `policy/pinterest/sources/${locale}.txt`), collector: new VFile() })
      }
      await buildCatalogue({ root: project, policy: 'pinterest', collector: new VFile() })
    }),
  )

  for (const size of [1000, 10000]) {
    const text = synthetic(size)
    row(`parse raw text (${size} clauses)`, await time(() => parseText(text, 'big.txt'), { rounds: 7, warmup: 1 }))
    const big = parseText(text, 'big.txt')
    const bigIds = generateIds(big.blocks, [], new Set())
    row(`IDs + canonical Markdown (${size} clauses)`, await time(() => toMarkdown(big, generateIds(big.blocks, [], new Set()), 'T'), { rounds: 5, warmup: 1 }))
    const md = toMarkdown(big, bigIds, 'T')
    row(`parse Markdown (${size} clauses)`, await time(() => parseMarkdown(md, 'big.md'), { rounds: 5, warmup: 1 }))
    if (size <= 1000) row(`align (${size} x ${size} blocks)`, await time(() => align(big.blocks, big.blocks), { rounds: 5, warmup: 1 }))
  }
  await rm(project, { recursive: true, force: true })
  return results.figures
}
