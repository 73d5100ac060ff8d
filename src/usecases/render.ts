// Render: Markdown per language and the bilingual page, from the catalogue and the rules, written as one transaction.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { loadRules } from '../dsl/load.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import { ARTEFACT, hasRules } from '../project/paths.js'
import { RELEASE_RECORD } from '../project/artefacts.js'
import { readJson } from '../project/json-file.js'
import { renderPage } from '../render/html.js'
import { renderMarkdown } from '../render/markdown.js'
import { readCatalogue } from '../report/read-catalogue.js'
import { type TransactionFile, commitFiles, recoverTransactions } from '../util/transaction.js'

/** Options of {@link renderDocs}. */
export interface RenderOptions {
  root: string
  policy: string
  /** The folder the docs are written to (absolute). */
  out: string
  /** How a written path is shown in messages. */
  display: (path: string) => string
}

/** What {@link renderDocs} wrote. */
export interface RenderResult {
  /** Absolute paths of the files written: `<locale>.md` for each language, then `index.html`. */
  files: string[]
  id: string
  version: string
}

/**
 * Render the docs of a policy into `out`: one transaction, so an interrupted render leaves the previous docs or the
 * new ones, never a mix of the two (a render interrupted after its commit point is finished by the next render into
 * the same folder).
 */
export async function renderDocs(options: RenderOptions): Promise<RenderResult> {
  const paths = policyPaths(options.root, options.policy)
  const manifest = await readManifest(paths)
  const catalogue = await readCatalogue(paths)
  const loaded = hasRules(paths, manifest) ? await loadRules(paths, manifest, catalogue) : undefined
  const rules = (loaded?.program.rules ?? []).map((rule) => {
    const unit = loaded!.units.find((candidate) => candidate.file === rule.file)!
    return { rule, source: unit.text.slice(rule.loc.start.offset, rule.loc.end.offset) }
  })
  const record = join(paths.release(catalogue.version), ARTEFACT.releaseRecord)
  const date = await releaseDate(record, paths.display(record), paths.root)
  const folder = options.out
  const files: TransactionFile[] = catalogue.locales.map((locale) => ({ path: join(folder, `${locale}.md`), data: renderMarkdown(catalogue, locale) }))
  files.push({ path: join(folder, 'index.html'), data: renderPage({ catalogue, rules, url: manifest.url, date }) })
  await mkdir(folder, { recursive: true })
  await recoverTransactions(folder)
  await commitFiles(folder, files, options.display)
  return { files: files.map((file) => file.path), id: catalogue.id, version: catalogue.version }
}

/** The date of the release of the rendered version, when it is released; a record that is not one is bad input. */
async function releaseDate(path: string, display: string, root: string): Promise<string | undefined> {
  return (await readJson(path, RELEASE_RECORD, { display, inside: root, optional: true }))?.date
}
