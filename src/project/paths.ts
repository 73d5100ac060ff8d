// Where a project's files are: every artefact's name and path, in one place (no heavy imports).
import { existsSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fail } from '../diagnostics/index.js'

/** The policy a command works on when none is named. */
export const DEFAULT_POLICY = 'pinterest'

/** File names inside a policy folder (`policy/<id>/`); a release folder holds the same catalogue and rules names. */
export const ARTEFACT = {
  manifest: 'policy.json',
  catalogue: 'catalogue.json',
  /** The rules file when the manifest names none. */
  rules: 'rules.dip',
  predicates: 'predicates.js',
  predicateTypes: 'predicates.d.ts',
  validator: 'profile-validator.js',
  hints: 'hints.json',
  retiredIds: 'retired-ids.json',
  /** What was fetched for each source that is a URL: its URL, sha256 and when. */
  sourcesLock: 'sources.lock.json',
  baseline: 'check-baseline.json',
  changelog: 'CHANGELOG.md',
  releases: 'releases',
  /** In `releases/`. */
  releaseIndex: 'index.json',
  /** In `releases/<version>/`. */
  releaseRecord: 'release.json',
  /** In `locales/`. */
  glossary: 'glossary.json',
  /** The policy's rule tests, one JSON file a test. */
  tests: 'tests',
} as const

/** Paths of one policy inside a project root. */
export interface PolicyPaths {
  root: string
  policy: string
  folder: string
  manifest: string
  catalogue: string
  hints: string
  /** The default rules file (`rules.dip`); the manifest may name others, relative to `folder`. */
  rules: string
  predicates: string
  validator: string
  retiredIds: string
  /** `sources.lock.json`: the URL, sha256 and date of each source fetched from a URL. */
  sourcesLock: string
  baseline: string
  changelog: string
  /** `releases/`, one folder a version. */
  releases: string
  releaseIndex: string
  /** `releases/<version>/`. */
  release(version: string): string
  /** `locales/`. */
  locales: string
  glossary: string
  /** `tests/`, the rule tests. */
  tests: string
  /** `locales/<locale>/<policy>.md`. */
  locale(locale: string): string
  /** `locales/<locale>/<policy>.lock.json`. */
  lock(locale: string): string
  /** A path relative to the root, with `/`, for messages and the catalogue. */
  display(path: string): string
}

/** The rule files of a policy, relative to its folder: the manifest's, else the default `rules.dip`. */
export function ruleFiles(manifest: { rules?: string[] | undefined } | undefined): string[] {
  return manifest?.rules ?? [ARTEFACT.rules]
}

/** Whether a policy has rules: its manifest names rule files, or the default `rules.dip` exists. */
export function hasRules(paths: PolicyPaths, manifest: { rules?: string[] | undefined }): boolean {
  return manifest.rules !== undefined || existsSync(paths.rules)
}

/** `locales/glossary.json` under a project root: shared by every policy of the project. */
export function glossaryPath(root: string): string {
  return join(root, 'locales', ARTEFACT.glossary)
}

/** Path of the lock of a locale file (`pinterest.md` → `pinterest.lock.json`). */
export function lockPath(localeFile: string): string {
  return localeFile.replace(/\.md$/, '.lock.json')
}

/** Paths of `policy` under `root`. */
export function policyPaths(root: string, policy: string): PolicyPaths {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy)) {
    fail(`Invalid policy name \`${policy}\`, expected lowercase letters, digits and \`-\``, { file: '<arguments>', ruleId: 'cli/invalid-policy' })
  }
  const folder = join(root, 'policy', policy)
  const locales = join(root, 'locales')
  const releases = join(folder, ARTEFACT.releases)
  const locale = (code: string): string => join(locales, code, `${policy}.md`)
  return {
    root,
    policy,
    folder,
    manifest: join(folder, ARTEFACT.manifest),
    catalogue: join(folder, ARTEFACT.catalogue),
    hints: join(folder, ARTEFACT.hints),
    rules: join(folder, ARTEFACT.rules),
    predicates: join(folder, ARTEFACT.predicates),
    validator: join(folder, ARTEFACT.validator),
    retiredIds: join(folder, ARTEFACT.retiredIds),
    sourcesLock: join(folder, ARTEFACT.sourcesLock),
    baseline: join(folder, ARTEFACT.baseline),
    changelog: join(folder, ARTEFACT.changelog),
    releases,
    releaseIndex: join(releases, ARTEFACT.releaseIndex),
    release: (version) => join(releases, version),
    locales,
    glossary: glossaryPath(root),
    tests: join(folder, ARTEFACT.tests),
    locale,
    lock: (code) => lockPath(locale(code)),
    display: (path) => relative(root, path).split(sep).join('/'),
  }
}
