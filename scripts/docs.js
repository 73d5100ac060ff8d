#!/usr/bin/env node
// `npm run docs`: regenerate the README's generated parts (the locale diff checks, the limits, the rule IDs) from the code,
// and the mutation harness's table from its committed run (bench/mutations.json).
import { readFile, writeFile } from 'node:fs/promises'
import { updateReadme } from '../dist/align/checks/readme.js'
import { LIMITS_MARKERS, limitsMarkdown } from '../dist/util/limits.js'
import { replaceGenerated } from '../dist/util/readme.js'
import { RULES_MARKERS, rulesMarkdown } from '../dist/diagnostics/rules.js'
import { MUTATIONS_MARKERS, mutationsMarkdown } from '../bench/mutations-table.js'

const path = new URL('../README.md', import.meta.url)
const readme = await readFile(path, 'utf8')
// The mutation harness's table comes from its committed run (`node bench/mutations.js --write`).
const mutations = JSON.parse(await readFile(new URL('../bench/mutations.json', import.meta.url), 'utf8'))
let text = updateReadme(readme)
text = replaceGenerated(text, LIMITS_MARKERS, limitsMarkdown())
text = replaceGenerated(text, RULES_MARKERS, rulesMarkdown())
text = replaceGenerated(text, MUTATIONS_MARKERS, mutationsMarkdown(mutations))
await writeFile(path, text)
