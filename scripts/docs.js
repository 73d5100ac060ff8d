#!/usr/bin/env node
// `npm run docs`: regenerate the README's table and examples of the locale diff checks from their definitions.
import { readFile, writeFile } from 'node:fs/promises'
import { updateReadme } from '../dist/align/checks/readme.js'

const path = new URL('../README.md', import.meta.url)
await writeFile(path, updateReadme(await readFile(path, 'utf8')))
