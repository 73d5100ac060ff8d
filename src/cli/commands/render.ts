// `diptych render --out <dir>`: Markdown per language and the bilingual page, from the catalogue and the rules.
import { mkdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { policyPaths, readManifest } from '../../project/manifest.js'
import { ARTEFACT, hasRules } from '../../project/paths.js'
import { fail } from '../../diagnostics/index.js'
import { loadRules } from '../../dsl/load.js'
import { readCatalogue } from '../../report/engine.js'
import type { ReleaseRecord } from '../../release/release.js'
import { renderPage } from '../../render/html.js'
import { renderMarkdown } from '../../render/markdown.js'
import { type TransactionFile, commitFiles, recoverTransactions } from '../../util/transaction.js'
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
  const loaded = hasRules(paths, manifest) ? await loadRules(paths, manifest, catalogue) : undefined
  const rules = (loaded?.program.rules ?? []).map((rule) => {
    const unit = loaded!.units.find((candidate) => candidate.file === rule.file)!
    return { rule, source: unit.text.slice(rule.loc.start.offset, rule.loc.end.offset) }
  })
  const record = join(paths.release(catalogue.version), ARTEFACT.releaseRecord)
  const date = await releaseDate(record, paths.display(record), paths.root)
  const folder = resolve(context.cwd, out)
  const files: TransactionFile[] = catalogue.locales.map((locale) => ({ path: join(folder, `${locale}.md`), data: renderMarkdown(catalogue, locale) }))
  files.push({ path: join(folder, 'index.html'), data: renderPage({ catalogue, rules, url: manifest.url, date }) })
  // One transaction: an interrupted render leaves the previous docs or the new ones, never a mix of the two
  // (a render interrupted after its commit point is finished by the next render into the same folder).
  await mkdir(folder, { recursive: true })
  await recoverTransactions(folder)
  await commitFiles(folder, files, (path) => relative(context.cwd, path).split(sep).join('/'))
  const written = files.map((file) => file.path)
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
