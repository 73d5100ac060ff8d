// Build: (import the sources,) assemble the catalogue, check and compile the rules, and write them as one transaction.
import { resolve } from 'node:path'
import { type BuildSummary, writeCatalogue } from '../catalogue/build.js'
import type { VFile } from '../diagnostics/index.js'
import { predicateFiles } from '../dsl/compile/write.js'
import { assemblePolicy } from '../dsl/policy.js'
import { isUrl } from '../ingest/fetch-source.js'
import { type ImportResult, importDocument } from '../ingest/import.js'
import { readSourcesLock, sha256 } from '../ingest/sources-lock.js'
import { fail } from '../diagnostics/index.js'
import type { PolicyManifest, PolicyPaths } from '../project/manifest.js'
import { readTextIfExists } from '../util/read-file.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import { resolveInside } from '../util/contained.js'
import { commitFiles } from '../util/transaction.js'

/** Options of {@link buildPolicy}. */
export interface BuildPolicyOptions {
  root: string
  policy: string
  /** Import each language from the source the manifest names first (`build --from-sources`). */
  fromSources?: boolean | undefined
  /** Compute everything, write nothing. */
  dryRun?: boolean | undefined
  /** The folder relative paths in messages are shown from (default: `root`). */
  cwd?: string | undefined
  /** Receives warnings. */
  collector: VFile
  /** Called after each source is imported (reference first), before the catalogue is built. */
  onImport?: ((result: ImportResult) => void) | undefined
}

/** What a build produced. */
export interface BuildPolicyResult {
  /** The catalogue's path, as shown to the user. */
  path: string
  changed: boolean
  dryRun: boolean
  id: string
  version: string
  summary: BuildSummary
  imports: ImportResult[]
  /** The compiled rules; undefined for a policy without rules. */
  predicates: { path: string; changed: boolean; counts: { rules: number; predicates: number; attestations: number; permissions: number; clausesCovered: number; normative: number } } | undefined
}

/**
 * Build a policy. The catalogue, the predicates and the profile validator are written as one transaction: an
 * interrupted build leaves the previous three or the new three, never a catalogue beside predicates compiled from
 * another.
 */
export async function buildPolicy(options: BuildPolicyOptions): Promise<BuildPolicyResult> {
  const { root, policy, collector } = options
  const dryRun = options.dryRun === true
  const paths = policyPaths(root, policy)
  const imports: ImportResult[] = []
  if (options.fromSources) {
    const manifest = await readManifest(paths)
    await assertSourcesCurrent(paths, manifest)
    // The reference first: translations take their IDs from it.
    for (const locale of [manifest.reference, ...manifest.locales.filter((locale) => locale !== manifest.reference)]) {
      const source = manifest.sources?.[locale]
      if (!source) continue
      // The manifest names the source: an http(s) URL, fetched (its hash kept in sources.lock.json), or a file that
      // must stay inside the policy folder, symbolic links included.
      const file = isUrl(source) ? source : await resolveInside(paths.folder, source, paths.display(resolve(paths.folder, source)))
      const result = await importDocument({ root, policy, locale, file, cwd: options.cwd ?? root, dryRun, collector })
      imports.push(result)
      options.onImport?.(result)
    }
  }
  const { catalogue: assembled, predicates } = await assemblePolicy(paths, collector)
  const result = await writeCatalogue(assembled, { root, policy, collector, dryRun, deferWrite: true })
  const files = [...(result.changed ? [result.file] : []), ...(predicates ? await predicateFiles(paths, predicates) : [])]
  if (!dryRun && files.length > 0) await commitFiles(paths.folder, files, paths.display)
  const { summary, catalogue } = result
  return {
    path: result.path,
    changed: result.changed,
    dryRun,
    id: catalogue.id,
    version: catalogue.version,
    summary,
    imports,
    predicates: predicates && { path: predicates.path, changed: predicates.changed, counts: predicates.counts },
  }
}

/**
 * Fail (one line, before anything is imported) where a language's Markdown changed after its source was imported: a
 * build from sources would replace the newer text with the older one. The sources lock holds the hash of the Markdown
 * each import wrote; a language imported before the lock held it is not checked.
 */
async function assertSourcesCurrent(paths: PolicyPaths, manifest: PolicyManifest): Promise<void> {
  const lock = (await readSourcesLock(paths)) ?? {}
  for (const locale of manifest.locales) {
    const source = manifest.sources?.[locale]
    const record = Object.hasOwn(lock, locale) ? lock[locale] : undefined
    if (source === undefined || record?.markdown === undefined) continue
    const path = paths.locale(locale)
    const display = paths.display(path)
    const markdown = await readTextIfExists(path, { file: display, inside: paths.root })
    if (markdown === undefined || sha256(markdown) === record.markdown) continue
    const named = isUrl(source) ? source : paths.display(resolve(paths.folder, source))
    fail(`${display} changed after its source ${named} was imported; building from sources would replace it with the older text`, {
      file: display,
      ruleId: 'build/source-older',
      note: `Make the Markdown the source (\`diptych import ${display} --locale ${locale}\`), import the new text (\`diptych import <file> --locale ${locale}\`), or build without --from-sources.`,
    })
  }
}
