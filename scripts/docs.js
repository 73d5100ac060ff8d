#!/usr/bin/env node
// `npm run docs`: regenerate the README's generated parts (the locale diff checks, the limits, the rule IDs) from the code,
// the mutation harness's table from its committed run (bench/mutations.json), and the performance tables from the
// committed run of `npm run bench` (bench/results.json).
import { readFile, writeFile } from 'node:fs/promises'
import { updateReadme } from '../dist/align/checks/readme.js'
import { LIMITS_MARKERS, limitsMarkdown } from '../dist/util/limits.js'
import { replaceGenerated } from '../dist/util/readme.js'
import { RULES_MARKERS, rulesMarkdown } from '../dist/diagnostics/rules.js'
import { MUTATIONS_MARKERS, mutationsMarkdown } from '../bench/mutations-table.js'
import { PERF_MARKERS, perfMarkdown } from '../bench/perf-tables.js'

const path = new URL('../README.md', import.meta.url)
const readme = await readFile(path, 'utf8')
// The mutation harness's table comes from its committed run (`node bench/mutations.js --write`).
const mutations = JSON.parse(await readFile(new URL('../bench/mutations.json', import.meta.url), 'utf8'))
let text = updateReadme(readme)
text = replaceGenerated(text, LIMITS_MARKERS, limitsMarkdown())
text = replaceGenerated(text, RULES_MARKERS, rulesMarkdown())
text = replaceGenerated(text, MUTATIONS_MARKERS, mutationsMarkdown(mutations))
// The performance tables come from the committed run of `npm run bench` (bench/results.json).
text = replaceGenerated(text, PERF_MARKERS, perfMarkdown(JSON.parse(await readFile(new URL('../bench/results.json', import.meta.url), 'utf8'))))
await writeFile(path, text)
