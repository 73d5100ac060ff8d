// The table of rule IDs: the README's reference is generated from it, every ID used in src/ is in it, and messages
// link to their entry.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnostic, formatWithExcerpt } from '../../src/diagnostics/index.js'
import { RULES, RULES_MARKERS, ruleAnchor, rulesMarkdown } from '../../src/diagnostics/rules.js'
import { replaceGenerated } from '../../src/util/readme.js'
import { ROOT, readRepo, run, tempProject, put } from '../helpers.js'

async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name))
}

describe('rule IDs', () => {
  it('the README reference is the table, current', async () => {
    const readme = await readRepo('README.md')
    expect(replaceGenerated(readme, RULES_MARKERS, rulesMarkdown())).toBe(readme)
    for (const id of Object.keys(RULES)) expect(readme).toContain(`<a id="${ruleAnchor(id)}"></a>\`${id}\``)
  })

  it('every rule ID spelled in src/ is in the table, and every entry of the table is used', async () => {
    const used = new Set<string>()
    for (const file of await sources(join(ROOT, 'src'))) {
      if (file.endsWith('rules.ts') || file.includes('generated')) continue
      for (const match of (await readFile(file, 'utf8')).matchAll(/'((?:cli|input|json|policy|lock|baseline|glossary|transaction|ingest|catalogue|schema|dsl|test|eval|align|confirm|diff|release|build)\/[a-z-]+)'/g)) used.add(match[1]!)
    }
    expect([...used].filter((id) => !(id in RULES)).sort()).toEqual([])
    expect(Object.keys(RULES).filter((id) => !used.has(id)).sort()).toEqual([])
  })

  it('a message links to its entry and underlines its span', () => {
    const message = diagnostic('Duplicate rule `a`', { file: 'rules.dip', line: 2, column: 6, end: { line: 2, column: 10 }, ruleId: 'dsl/duplicate-id', fatal: true })
    expect(message.url).toBe('https://github.com/diptych/diptych#rule-dsl-duplicate-id')
    expect(formatWithExcerpt(message, 'x\nrule abcd:\n')).toContain('2 | rule abcd:\n  |      ^^^^')
  })

  it('a duplicate rule points at the first one as its cause', async () => {
    const root = await tempProject({ locales: true })
    const rules = await readFile(join(root, 'policy/pinterest/rules.dip'), 'utf8')
    const first = /^rule [^\n]*/m.exec(rules)!
    const block = rules.slice(first.index, rules.indexOf('\nrule ', first.index + 1) === -1 ? undefined : rules.indexOf('\nrule ', first.index + 1))
    await put(root, 'policy/pinterest/rules.dip', `${rules}\n${block}\n`)
    const result = await run(['build', '--root', root], root)
    expect(result.code).toBe(2)
    const line = rules.slice(0, first.index).split('\n').length
    expect(result.stderr).toMatch(new RegExp(`already on line ${line}[\\s\\S]*= note: First rule here \\(policy/pinterest/rules\\.dip:${line}:1\\)`))
  }, 60_000)
})
