#!/usr/bin/env node
// `npm run docs`: regenerate the README's generated parts (the locale diff checks, the limits, the rule IDs) from the code.
import { readFile, writeFile } from 'node:fs/promises'
import { updateReadme } from '../dist/align/checks/readme.js'
import { LIMITS_MARKERS, limitsMarkdown } from '../dist/util/limits.js'
import { replaceGenerated } from '../dist/util/readme.js'
import { RULES_MARKERS, rulesMarkdown } from '../dist/diagnostics/rules.js'

const path = new URL('../README.md', import.meta.url)
const readme = await readFile(path, 'utf8')
await writeFile(path, replaceGenerated(replaceGenerated(updateReadme(readme), LIMITS_MARKERS, limitsMarkdown()), RULES_MARKERS, rulesMarkdown()))
