// `diptych release`: a new version of the policy, its changelog entry in every language, and an immutable stored copy.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { applyClassifications, assembleCatalogue, writeCatalogue } from '../catalogue/build.js'
import { type PolicyPaths, policyPaths, readManifest } from '../catalogue/project.js'
import { schemaPath, validateAgainst } from '../catalogue/schema.js'
import type { Catalogue } from '../catalogue/types.js'
import { type VFile, fail } from '../diagnostics/index.js'
import { preparePredicates, writePredicates } from '../dsl/compile/write.js'
import { generateModule } from '../dsl/compile/generate.js'
import { ruleFiles } from '../dsl/load.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import { stringifyJson } from '../util/json.js'
import { changelogEntry, prependEntry } from './changelog.js'
import { type PolicyDiff, diffSnapshots } from './diff.js'
import { type Bump, atLeast, bumpVersion, compare } from './semver.js'
import { type Snapshot, joinRules } from './snapshot.js'

/** `releases/<version>/release.json`: what was released, with a hash of each stored file. */
export interface ReleaseRecord {
  version: string
  date: string
  files: Record<string, string>
}

/** Options of {@link release}. */
export interface ReleaseOptions {
  root: string
  policy: string
  bump: Bump | 'auto'
  /** Release exactly this version instead of bumping the previous one. */
  version?: string | undefined
  /** The release date (default: today, UTC). */
  date?: string | undefined
  dryRun?: boolean | undefined
  collector: VFile
}

/** What a release did. */
export interface ReleaseResult {
  version: string
  previous: string | undefined
  bump: Bump
  diff: PolicyDiff | undefined
  /** False when this exact content was already released under this version. */
  written: boolean
  /** True when nothing changed since the last release (nothing written). */
  nothing?: boolean
  entry: string
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The released versions of a policy, oldest first. */
export async function releasedVersions(paths: PolicyPaths): Promise<string[]> {
  const folder = join(paths.folder, 'releases')
  const names = await readdir(folder).catch(() => [] as string[])
  return names.filter((name) => /^\d+\.\d+\.\d+$/.test(name) && existsSync(join(folder, name, 'release.json'))).sort(compare)
}

/** The policy as it is now: catalogue (with the rules' classifications) and rules. */
export async function currentSnapshot(paths: PolicyPaths, collector: VFile): Promise<{ snapshot: Snapshot; ruleCount: number; rulesText: string | undefined; predicates: Awaited<ReturnType<typeof preparePredicates>> | undefined }> {
  const manifest = await readManifest(paths)
  const catalogue = await assembleCatalogue({ root: paths.root, policy: paths.policy, collector })
  const hasRules = manifest.rules !== undefined || existsSync(join(paths.folder, ruleFiles(manifest)[0]!))
  const predicates = hasRules ? await preparePredicates(paths, manifest, catalogue) : undefined
  if (predicates) applyClassifications(catalogue, predicates.rules.program.classifications)
  const rulesText = predicates ? joinRules(predicates.rules.units.map((unit) => ({ name: unit.file.slice(paths.display(paths.folder).length + 1), text: unit.text }))) : undefined
  return { snapshot: { label: 'working tree', catalogue, rules: rulesText }, ruleCount: predicates?.rules.program.rules.length ?? 0, rulesText, predicates }
}

/** Release the policy: see the README. Every check comes before the first write. */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const paths = policyPaths(options.root, options.policy)
  const manifest = await readManifest(paths)
  const { snapshot, ruleCount, rulesText, predicates } = await currentSnapshot(paths, options.collector)
  const versions = await releasedVersions(paths)
  const previous = versions.at(-1)
  let diff: PolicyDiff | undefined
  let bump: Bump
  let version: string
  if (options.version !== undefined && !/^\d+\.\d+\.\d+$/.test(options.version)) {
    fail(`Unexpected version \`${options.version}\`, expected X.Y.Z`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (previous === undefined) {
    version = options.version ?? manifest.version
    bump = 'none'
  } else if (options.version !== undefined && versions.includes(options.version)) {
    // Asking for a released version: the same content is a no-op, other content is refused below.
    version = options.version
    bump = 'none'
  } else {
    const folder = join(paths.folder, 'releases', previous)
    const old: Snapshot = {
      label: previous,
      catalogue: JSON.parse(await readFile(join(folder, 'catalogue.json'), 'utf8')) as Catalogue,
      rules: existsSync(join(folder, 'rules.dip')) ? await readFile(join(folder, 'rules.dip'), 'utf8') : undefined,
    }
    diff = diffSnapshots(old, snapshot)
    if (diff.bump === 'none') return { version: previous, previous, bump: 'none', diff, written: false, nothing: true, entry: '' }
    bump = options.bump === 'auto' ? diff.bump : options.bump
    if (bump === 'none' || !atLeast(bump, diff.bump)) {
      fail(`A ${options.bump} release is too small: the changes since ${previous} need a ${diff.bump} release`, {
        file: '<arguments>',
        ruleId: 'release/bump-too-small',
        note: diff.reasons.filter((reason) => reason.startsWith(diff!.bump)).slice(0, 3).join('; '),
      })
    }
    version = bumpVersion(previous, bump as Exclude<Bump, 'none'>)
    if (options.version !== undefined) {
      const [major, minor] = options.version.split('.').map(Number) as [number, number]
      const [pMajor, pMinor] = previous.split('.').map(Number) as [number, number]
      const given: Bump = major > pMajor ? 'major' : minor > pMinor && major === pMajor ? 'minor' : compare(options.version, previous) > 0 ? 'patch' : 'none'
      if (given === 'none' || !atLeast(given, diff.bump)) {
        fail(`Version ${options.version} is too small after ${previous}: the changes need a ${diff.bump} release`, { file: '<arguments>', ruleId: 'release/bump-too-small' })
      }
      version = options.version
      bump = given
    }
  }

  const catalogue: Catalogue = { ...snapshot.catalogue, version }
  const catalogueJson = stringifyJson(catalogue)
  const folder = join(paths.folder, 'releases', version)
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  const files: Record<string, string> = { 'catalogue.json': catalogueJson, ...(rulesText === undefined ? {} : { 'rules.dip': rulesText }) }
  const record: ReleaseRecord = { version, date, files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, sha256(text)])) }

  // Released versions are immutable: the same content again is a no-op, other content is refused.
  const existing = join(folder, 'release.json')
  if (existsSync(existing)) {
    const stored = JSON.parse(await readFile(existing, 'utf8')) as ReleaseRecord
    const same = Object.keys(record.files).every((name) => stored.files[name] === record.files[name]) && Object.keys(stored.files).length === Object.keys(record.files).length
    if (same) return { version, previous, bump, diff, written: false, entry: '' }
    fail(`Version ${version} is already released with other content; released catalogues are immutable`, {
      file: paths.display(existing),
      ruleId: 'release/exists',
      note: 'Release the changes as a new version (a larger --bump).',
    })
  }
  const errors = validateAgainst(schemaPath('catalogue.schema.json'), catalogue)
  if (errors.length > 0) fail(`Invalid catalogue: \`${errors[0]!.pointer}\` ${errors[0]!.message}`, { file: paths.display(paths.catalogue), ruleId: 'catalogue/invalid' })
  const entry = changelogEntry(version, date, catalogue, diff, ruleCount)
  if (options.dryRun) return { version, previous, bump, diff, written: false, entry }

  // Write: the stored release first, then the manifest, the catalogue, the predicates and the changelog.
  for (const [name, text] of Object.entries(files)) await writeFileAtomic(join(folder, name), text)
  await writeFileAtomic(existing, stringifyJson(record))
  const manifestText = await readFile(paths.manifest, 'utf8')
  await writeFileAtomic(paths.manifest, manifestText.replace(/("version"\s*:\s*")[^"]*(")/, `$1${version}$2`))
  await writeCatalogue(catalogue, { root: options.root, policy: options.policy, collector: options.collector })
  if (predicates) {
    const source = generateModule(predicates.rules.program, { policy: catalogue.id, version, sourceHash: predicates.rules.sourceHash })
    await writePredicates(paths, { ...predicates, source, changed: true })
  }
  const changelogPath = join(paths.folder, 'CHANGELOG.md')
  const changelog = await readFile(changelogPath, 'utf8').catch(() => undefined)
  const title = catalogue.locales.map((locale) => catalogue.title[locale]).filter(Boolean).join(' / ')
  await writeFileAtomic(changelogPath, prependEntry(changelog, `Changelog: ${title}`, entry))
  return { version, previous, bump, diff, written: true, entry }
}

/** Verify every stored release against its record: the files' hashes and the catalogue's version. */
export async function verifyReleases(paths: PolicyPaths): Promise<Array<{ file: string; message: string }>> {
  const problems: Array<{ file: string; message: string }> = []
  for (const version of await releasedVersions(paths)) {
    const folder = join(paths.folder, 'releases', version)
    const recordPath = join(folder, 'release.json')
    let record: ReleaseRecord
    try {
      record = JSON.parse(await readFile(recordPath, 'utf8')) as ReleaseRecord
    } catch (error) {
      problems.push({ file: paths.display(recordPath), message: `Release ${version}: unreadable record (${(error as Error).message})` })
      continue
    }
    if (record.version !== version) problems.push({ file: paths.display(recordPath), message: `Release ${version}: its record says ${record.version}` })
    for (const [name, hash] of Object.entries(record.files ?? {})) {
      const text = await readFile(join(folder, name), 'utf8').catch(() => undefined)
      if (text === undefined) problems.push({ file: paths.display(join(folder, name)), message: `Release ${version}: ${name} is missing` })
      else if (sha256(text) !== hash) problems.push({ file: paths.display(join(folder, name)), message: `Release ${version}: ${name} was changed after it was released` })
      else if (name === 'catalogue.json' && (JSON.parse(text) as Catalogue).version !== version) {
        problems.push({ file: paths.display(join(folder, name)), message: `Release ${version}: the catalogue says version ${(JSON.parse(text) as Catalogue).version}` })
      }
    }
  }
  return problems
}
