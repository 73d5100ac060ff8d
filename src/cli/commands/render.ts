// `diptych render --out <dir>`: Markdown per language and the bilingual page, from the catalogue and the rules.
import { existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { policyPaths, readManifest } from '../../catalogue/project.js'
import { fail } from '../../diagnostics/index.js'
import { loadRules } from '../../dsl/load.js'
import { readCatalogue } from '../../report/engine.js'
import type { ReleaseRecord } from '../../release/release.js'
import { renderPage } from '../../render/html.js'
import { renderMarkdown } from '../../render/markdown.js'
import { writeFileAtomic } from '../../util/atomic-write.js'
import { parseJson } from '../../util/parse-json.js'
import { readTextIfExists } from '../../util/read-file.js'
import type { CommandContext } from '../io.js'

export async function runRender(context: CommandContext): Promise<number> {
  const out = context.options['out']
  if (typeof out !== 'string') fail('Missing option --out <dir>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych render --out <dir>' })
  // An empty --out would resolve to the current folder and scatter the docs there.
  if (out.trim() === '') fail('Unexpected empty --out, expected a folder', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych render --out <dir>' })
  const paths = policyPaths(context.root, context.policy)
  const manifest = await readManifest(paths)
  const catalogue = await readCatalogue(paths)
  const loaded = manifest.rules !== undefined || existsSync(join(paths.folder, 'rules.dip')) ? await loadRules(paths, manifest, catalogue) : undefined
  const rules = (loaded?.program.rules ?? []).map((rule) => {
    const unit = loaded!.units.find((candidate) => candidate.file === rule.file)!
    return { rule, source: unit.text.slice(rule.loc.start.offset, rule.loc.end.offset) }
  })
  const record = join(paths.folder, 'releases', catalogue.version, 'release.json')
  const date = await releaseDate(record, paths.display(record), paths.root)
  const folder = resolve(context.cwd, out)
  const written: string[] = []
  for (const locale of catalogue.locales) {
    const path = join(folder, `${locale}.md`)
    await writeFileAtomic(path, renderMarkdown(catalogue, locale))
    written.push(path)
  }
  const page = join(folder, 'index.html')
  await writeFileAtomic(page, renderPage({ catalogue, rules, url: manifest.url, date }))
  written.push(page)
  const shown = written.map((path) => {
    const rel = relative(context.cwd, path)
    return rel.startsWith('..') ? path : rel.split(sep).join('/')
  })
  context.stderr.write(`diptych render: ${shown.join(', ')} (${catalogue.id} ${catalogue.version})\n`)
  return 0
}

/** The date of the release of the rendered version, when it is released; a record that is not one is bad input. */
async function releaseDate(path: string, display: string, root: string): Promise<string | undefined> {
  const text = await readTextIfExists(path, { file: display, ruleId: 'release/unreadable', inside: root })
  if (text === undefined) return undefined
  const record = parseJson(text, display, 'release/invalid-record') as Partial<ReleaseRecord> | null
  if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.date !== 'string') {
    fail('Invalid release record: expected an object with a `date`', { file: display, line: 1, column: 1, ruleId: 'release/invalid-record' })
  }
  return record.date
}
