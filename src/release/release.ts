// `diptych release`: a new version of the policy, its changelog entry in every language, and an immutable stored copy.
import { existsSync } from 'node:fs'
import { standaloneValidator } from '../catalogue/standalone-validator.js'
import { readText, readTextIfExists } from '../util/read-file.js'
import { type TransactionFile, assertWritable, commitFiles, recoverTransactions } from '../util/transaction.js'
import { join } from 'node:path'
import { assemblePolicy } from '../dsl/policy.js'
import { type PolicyPaths, policyPaths, readManifest } from '../project/manifest.js'
import { ARTEFACT } from '../project/paths.js'
import { RELEASE_RECORD, type ReleaseIndex, type ReleaseRecord } from '../project/artefacts.js'
import { readJson } from '../project/json-file.js'
import { schemaPath, validateAgainst } from '../project/schema.js'
import type { Catalogue } from '../catalogue/types.js'
import { type VFile, fail } from '../diagnostics/index.js'
import { generateModule } from '../dsl/compile/generate.js'
import { generateDeclarations } from '../dsl/compile/declarations.js'
import { type PredicatesResult, declarationsPath } from '../dsl/compile/write.js'
import { stringifyJson } from '../util/json.js'
import { changelogEntry, prependEntry } from './changelog.js'
import { type PolicyDiff, diffSnapshots } from './diff.js'
import semver from 'semver'
import { type Bump, atLeast, bumpTo, bumpVersion, isPrerelease, isVersion } from './semver.js'
import { type Snapshot, joinRules, readStoredCatalogue } from './snapshot.js'
import { type ReleaseProblem, releasedVersions, sha256, verifyReleases } from './verify.js'

export type { ReleaseIndex, ReleaseLink, ReleaseRecord } from '../project/artefacts.js'

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

/** The newest release that is not a pre-release. */
function lastFull(versions: readonly string[]): string | undefined {
  return versions.filter((version) => !isPrerelease(version)).at(-1)
}

/** The policy as it is now: catalogue (with the rules' classifications) and rules. */
export async function currentSnapshot(paths: PolicyPaths, collector: VFile): Promise<{ snapshot: Snapshot; ruleCount: number; rulesText: string | undefined; predicates: PredicatesResult | undefined }> {
  const { catalogue, predicates } = await assemblePolicy(paths, collector)
  const rulesText = predicates ? joinRules(predicates.rules.units.map((unit) => ({ name: unit.file.slice(paths.display(paths.folder).length + 1), text: unit.text }))) : undefined
  return { snapshot: { label: 'working tree', catalogue, rules: rulesText }, ruleCount: predicates?.rules.program.rules.length ?? 0, rulesText, predicates }
}

/** Finish an interrupted release, then fail (one line, `release/integrity`) unless the stored releases are intact to build on. */
export async function assertReleasesIntact(paths: PolicyPaths): Promise<void> {
  await recoverTransactions(paths.folder)
  const problems = await verifyReleases(paths)
  if (problems.length > 0) {
    const [first] = problems as [ReleaseProblem]
    fail(`Not released: ${first.message}`, {
      file: first.file,
      line: first.line,
      column: first.column,
      ruleId: 'release/integrity',
      note: `${problems.length} problem${problems.length === 1 ? '' : 's'} with the stored releases (see \`diptych check\`); a stored release is never overwritten.`,
    })
  }
}

/** Release the policy: see the README. Every check comes before the first write. */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const paths = policyPaths(options.root, options.policy)
  await assertReleasesIntact(paths)
  const manifest = await readManifest(paths)
  const { snapshot, ruleCount, rulesText, predicates } = await currentSnapshot(paths, options.collector)
  const versions = await releasedVersions(paths)
  const previous = versions.at(-1)
  let diff: PolicyDiff | undefined
  let bump: Bump
  let version: string
  if (options.version !== undefined && !isVersion(options.version)) {
    fail(`Unexpected version \`${options.version}\`, expected a semantic version such as 2.0.0 or 3.0.0-rc.1`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (previous === undefined) {
    version = options.version ?? manifest.version
    bump = 'none'
  } else if (options.version !== undefined && versions.includes(options.version)) {
    // Asking for a released version: the same content is a no-op, other content is refused below.
    version = options.version
    bump = 'none'
  } else {
    const folder = paths.release(previous)
    const old: Snapshot = {
      label: previous,
      catalogue: await readStoredCatalogue(join(folder, ARTEFACT.catalogue), paths.display(join(folder, ARTEFACT.catalogue)), paths.root),
      rules: await readTextIfExists(join(folder, ARTEFACT.rules), { file: paths.display(join(folder, ARTEFACT.rules)), inside: paths.root }),
    }
    diff = diffSnapshots(old, snapshot)
    // A pre-release promoted as it is (3.0.0-rc.1, then 3.0.0) is a release with no change since.
    const promotion = options.version !== undefined && isPrerelease(previous) && semver.gt(options.version, previous)
    if (diff.bump === 'none' && !promotion) return { version: previous, previous, bump: 'none', diff, written: false, nothing: true, entry: '' }
    bump = options.bump === 'auto' ? diff.bump : options.bump
    if (!promotion && (bump === 'none' || !atLeast(bump, diff.bump))) {
      fail(`A ${options.bump} release is too small: the changes since ${previous} need a ${diff.bump} release`, {
        file: '<arguments>',
        ruleId: 'release/bump-too-small',
        note: diff.reasons.filter((reason) => reason.startsWith(diff!.bump)).slice(0, 3).join('; '),
      })
    }
    // After a pre-release, its own release (3.0.0-rc.1 → major → 3.0.0).
    version = bump === 'none' ? previous : bumpVersion(previous, bump)
    if (options.version !== undefined) {
      // After a pre-release, a version within the same release (3.0.0-rc.2, 3.0.0) carries the changes of the
      // pre-release's bump: the bump is measured from the last full release before it.
      const base = isPrerelease(previous) ? (lastFull(versions) ?? '0.0.0') : previous
      const given = semver.gt(options.version, previous) ? bumpTo(base, options.version) : 'none'
      if (given === 'none' || !atLeast(given, diff.bump)) {
        fail(`Version ${options.version} is too small after ${previous}: the changes need a ${diff.bump} release`, { file: '<arguments>', ruleId: 'release/bump-too-small' })
      }
      version = options.version
      bump = given
    }
  }

  const catalogue: Catalogue = { ...snapshot.catalogue, version }
  const catalogueJson = stringifyJson(catalogue)
  const folder = paths.release(version)
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  const files: Record<string, string> = { [ARTEFACT.catalogue]: catalogueJson, ...(rulesText === undefined ? {} : { [ARTEFACT.rules]: rulesText }) }
  const last = previous === undefined ? undefined : await readText(join(paths.release(previous), ARTEFACT.releaseRecord), { file: paths.display(join(paths.release(previous), ARTEFACT.releaseRecord)), inside: paths.root })
  const record: ReleaseRecord = {
    version,
    date,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, sha256(text)])),
    previous: previous === undefined || last === undefined ? null : { version: previous, record: sha256(last) },
  }

  // Released versions are immutable: the same content again is a no-op, other content is refused,
  // and so is anything (even an empty or partly deleted folder) standing where the release would go.
  const existing = join(folder, ARTEFACT.releaseRecord)
  const stored = await readJson(existing, RELEASE_RECORD, { display: paths.display(existing), inside: paths.root, optional: true })
  if (stored !== undefined) {
    const same = Object.keys(record.files).every((name) => stored.files[name] === record.files[name]) && Object.keys(stored.files).length === Object.keys(record.files).length
    if (same) return { version, previous, bump, diff, written: false, entry: '' }
    fail(`Version ${version} is already released with other content; released catalogues are immutable`, {
      file: paths.display(existing),
      ruleId: 'release/exists',
      note: 'Release the changes as a new version (a larger --bump).',
    })
  }
  if (existsSync(folder)) {
    fail(`Version ${version} has a release folder without its record; a stored release is never overwritten`, { file: paths.display(folder), ruleId: 'release/exists', note: 'Restore the release from version control, or remove the folder by hand.' })
  }
  if (previous !== undefined && semver.compare(version, previous) <= 0) {
    fail(`Version ${version} is not after the last release ${previous}`, { file: '<arguments>', ruleId: 'release/bump-too-small' })
  }
  const errors = validateAgainst(schemaPath('catalogue.schema.json'), catalogue)
  if (errors.length > 0) fail(`Invalid catalogue: \`${errors[0]!.pointer}\` ${errors[0]!.message}`, { file: paths.display(paths.catalogue), ruleId: 'catalogue/invalid' })
  const entry = changelogEntry(version, date, catalogue, diff, ruleCount)

  // Everything the release writes is computed (and every file it replaces read) before the first write.
  const manifestText = await readText(paths.manifest, { file: paths.display(paths.manifest), inside: paths.root })
  const changelogPath = paths.changelog
  const changelog = await readTextIfExists(changelogPath, { file: paths.display(changelogPath), ruleId: 'release/not-writable', inside: paths.root })
  const title = catalogue.locales.map((locale) => catalogue.title[locale]).filter(Boolean).join(' / ')
  const recordJson = stringifyJson(record)
  const index: ReleaseIndex = { versions: [...versions, version], head: { version, record: sha256(recordJson) } }
  const writes: TransactionFile[] = [
    ...Object.entries(files).map(([name, text]) => ({ path: join(folder, name), data: text })),
    { path: existing, data: recordJson },
    { path: paths.releaseIndex, data: stringifyJson(index) },
    { path: paths.manifest, data: manifestText.replace(/("version"\s*:\s*")[^"]*(")/, `$1${version}$2`) },
    { path: paths.catalogue, data: catalogueJson },
  ]
  if (predicates) {
    writes.push({ path: paths.predicates, data: generateModule(predicates.rules.program, { policy: catalogue.id, version, sourceHash: predicates.rules.sourceHash }) })
    // Its declarations beside it, as a build writes them (so that a release without a build first leaves none stale).
    const declarations = generateDeclarations(predicates.rules.program, paths.policy)
    if ((await readTextIfExists(declarationsPath(paths), { file: paths.display(declarationsPath(paths)), inside: paths.root })) !== declarations) writes.push({ path: declarationsPath(paths), data: declarations })
    writes.push({ path: paths.validator, data: standaloneValidator(predicates.rules.subjectSchema, predicates.rules.subjectHash) })
  }
  writes.push({ path: changelogPath, data: prependEntry(changelog, `Changelog: ${title}`, entry) })
  for (const write of writes) await assertWritable(paths.folder, write.path, paths.display)
  if (options.dryRun) return { version, previous, bump, diff, written: false, entry }

  // One transaction: the old release state or the new one, never half (src/util/transaction.ts).
  await commitFiles(paths.folder, writes, paths.display)
  return { version, previous, bump, diff, written: true, entry }
}
