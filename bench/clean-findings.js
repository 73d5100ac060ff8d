#!/usr/bin/env node
// The findings on the corpus's unmutated pairs, with both texts: what a translator would be shown on a clean translation.
// `node bench/clean-findings.js [--all] [lang …]`: errors only, or (--all) warnings too. Reads the built library (dist/).
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareDocuments } from '../dist/align/compare.js'
import { referencePlace, translationPlace } from '../dist/align/findings.js'
import { NO_GLOSSARY } from '../dist/align/glossary.js'
import { parseMarkdown } from '../dist/ingest/parse-markdown.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CORPUS = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')
const args = process.argv.slice(2)
const all = args.includes('--all')
const languages = args.filter((arg) => !arg.startsWith('--'))
const counts = {}
for (const locale of languages.length ? languages : ['nl', 'de', 'fr']) {
  for (const name of (await readdir(join(CORPUS, 'en'))).filter((file) => file.endsWith('.md')).sort()) {
    const translationText = await readFile(join(CORPUS, locale, name), 'utf8').catch(() => undefined)
    if (translationText === undefined) continue
    const reference = parseMarkdown(await readFile(join(CORPUS, 'en', name), 'utf8'), `en/${name}`)
    const translation = parseMarkdown(translationText, `${locale}/${name}`)
    const findings = compareDocuments({ reference, referenceLocale: 'en', translation, translationLocale: locale, useIds: false, glossary: NO_GLOSSARY })
    for (const finding of findings) {
      if (!finding.fatal && !all) continue
      const key = `${locale} ${finding.ruleId} ${finding.fatal ? 'error' : 'warning'}`
      counts[key] = (counts[key] ?? 0) + 1
      console.log(`\n## ${locale}/${name}:${finding.line} ${finding.ruleId} (${finding.fatal ? 'error' : 'warning'}): ${finding.reason}`)
      const places = { en: [reference, referencePlace(finding)], [locale]: [translation, translationPlace(finding)] }
      for (const [code, [doc, place]] of Object.entries(places)) {
        const block = place && doc.blocks.find((candidate) => candidate.line === place.line)
        if (block) console.log(`  ${code}: ${block.text.slice(0, 500)}`)
      }
    }
  }
}
console.log('\n' + Object.entries(counts).map(([key, n]) => `${key}: ${n}`).join('\n'))
