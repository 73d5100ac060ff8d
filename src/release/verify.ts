// Verify the stored releases of a policy (`diptych check` does, on every run): each release's files against the hashes
// its record lists, the chain of records, the index. Apart from making releases (release.ts), so that checking them
// loads no more than hashing and reading JSON.
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import type { PolicyPaths } from '../project/manifest.js'
import { ARTEFACT } from '../project/paths.js'
import { CATALOGUE, RELEASE_INDEX, RELEASE_RECORD, type ReleaseLink } from '../project/artefacts.js'
import { type Inspected, type JsonArtefact, inspectJson } from '../project/json-file.js'
import { readBytesIfExists } from '../util/read-file.js'
import { isVersion } from './semver.js'

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

export /** Every folder of `releases/` named like a version, oldest first (by semantic version), whether or not it holds a record. */
async function releaseFolders(paths: PolicyPaths): Promise<string[]> {
  const names = await readdir(paths.releases).catch(() => [] as string[])
  return names.filter(isVersion).sort(semver.compare)
}

/** The released versions of a policy, oldest first (check them with {@link verifyReleases}). */
export async function releasedVersions(paths: PolicyPaths): Promise<string[]> {
  return releaseFolders(paths)
}

/**
 * A stored JSON file read for {@link verifyReleases}: its value, or what is wrong with it as a finding's words (never
 * thrown: every problem of the stored releases is reported).
 */
function inspectStored<T>(bytes: Buffer, display: string, artefact: JsonArtefact<T>, quick = false): { value: T } | { problem: string; line: number; column: number } {
  const inspected: Inspected<T> = inspectJson(bytes.toString('utf8'), display, artefact, { quick })
  if (inspected.value !== undefined) return { value: inspected.value }
  const first = inspected.problems[0]!
  const place = { line: first.line ?? 1, column: first.column ?? 1 }
  if (inspected.parsed === undefined) return { problem: `is not JSON (${first.reason.replace(/^Invalid JSON: /, '')})`, ...place }
  const value = inspected.parsed
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not a JSON object', ...place }
  return { problem: `is invalid: ${first.reason.replace(/^Invalid [^:]*: /, '')}`, ...place }
}

/** A problem of the stored releases: the file, where known the line and column, and what is wrong. */
export interface ReleaseProblem {
  file: string
  line?: number | undefined
  column?: number | undefined
  message: string
}

const sameLink = (a: ReleaseLink | null, b: ReleaseLink | null): boolean => (a === null || b === null ? a === b : a.version === b.version && a.record === b.record)

/**
 * Verify the stored releases: every folder named like a version must hold its `release.json`,
 * whose `files` lists exactly the other files of the folder with their sha256; each record must
 * link to the previous release's record (its sha256), and `releases/index.json` must name every
 * release and the newest record's sha256. Returns one problem a finding; none when all is intact.
 */
export async function verifyReleases(paths: PolicyPaths): Promise<ReleaseProblem[]> {
  const problems: ReleaseProblem[] = []
  // The bytes as stored (hashed as they are; a file that is not UTF-8 or JSON is a finding); one that leads out of
  // the project or cannot be read (a named pipe, a folder) is one line, exit code 2.
  const readStored = (path: string) => readBytesIfExists(path, { file: paths.display(path), ruleId: 'release/unreadable', inside: paths.root })
  const releases = paths.releases
  const versions = await releaseFolders(paths)
  const recordHashes = new Map<string, string>()
  let expectedPrevious: { version: string; record: string } | null = null
  for (const version of versions) {
    const folder = join(releases, version)
    const recordPath = join(folder, ARTEFACT.releaseRecord)
    const problem = (file: string, message: string, place?: { line: number; column: number }) => problems.push({ file: paths.display(file), ...place, message: `Release ${version}: ${message}` })
    const recordText = await readStored(recordPath)
    const link = expectedPrevious
    expectedPrevious = null
    if (recordText === undefined) {
      problem(recordPath, 'its record release.json is missing')
      continue
    }
    recordHashes.set(version, sha256(recordText))
    expectedPrevious = { version, record: sha256(recordText) }
    const inspected = inspectStored(recordText, paths.display(recordPath), RELEASE_RECORD)
    if ('problem' in inspected) {
      problem(recordPath, `its record ${inspected.problem}`, inspected)
      continue
    }
    const record = inspected.value
    if (record.version !== version) problem(recordPath, `its record says ${JSON.stringify(record.version)}`)
    if (!sameLink(record.previous, link)) {
      problem(recordPath, `the chain of releases is broken: its record names ${record.previous ? `${record.previous.version} (${record.previous.record.slice(0, 12)}…)` : 'no previous release'}, expected ${link ? `${link.version} (${link.record.slice(0, 12)}…)` : 'none'}`)
    }
    const listed = record.files
    if (!(ARTEFACT.catalogue in listed)) problem(recordPath, 'its record does not list catalogue.json')
    const present = (await readdir(folder)).filter((name) => name !== ARTEFACT.releaseRecord)
    for (const name of present) if (!Object.hasOwn(listed, name)) problem(join(folder, name), `${name} is not in its record`)
    for (const [name, hash] of Object.entries(listed)) {
      if (!/^[\w][\w.-]*$/.test(name) || name === ARTEFACT.releaseRecord) {
        problem(recordPath, `its record lists an invalid file name ${JSON.stringify(name)}`)
        continue
      }
      const text = await readStored(join(folder, name))
      if (text === undefined) problem(join(folder, name), `${name} is missing`)
      else if (sha256(text) !== hash) problem(join(folder, name), `${name} was changed after it was released`)
      else if (name === ARTEFACT.catalogue) {
        // The file is the one released (its hash matches): its shape is checked without compiling the schema.
        const catalogue = inspectStored(text, paths.display(join(folder, name)), CATALOGUE, true)
        if ('problem' in catalogue) problem(join(folder, name), `${name} ${catalogue.problem}`, catalogue)
        else if (catalogue.value.version !== version) problem(join(folder, name), `the catalogue says version ${JSON.stringify(catalogue.value.version)}`)
      }
    }
  }
  // The chain's head and the list of releases, recorded a second time.
  const indexPath = paths.releaseIndex
  const indexText = await readStored(indexPath)
  if (indexText === undefined) {
    if (versions.length > 0) problems.push({ file: paths.display(indexPath), message: 'Releases: the index of releases (releases/index.json) is missing' })
  } else {
    const inspected = inspectStored(indexText, paths.display(indexPath), RELEASE_INDEX)
    const last = versions.at(-1)
    const head = last === undefined ? null : { version: last, record: recordHashes.get(last) ?? '' }
    if ('problem' in inspected) problems.push({ file: paths.display(indexPath), line: inspected.line, column: inspected.column, message: `Releases: the index ${inspected.problem}` })
    else if (JSON.stringify(inspected.value.versions) !== JSON.stringify(versions)) {
      problems.push({ file: paths.display(indexPath), message: `Releases: the index names ${JSON.stringify(inspected.value.versions)}, the folder holds ${JSON.stringify(versions)}` })
    } else if (!sameLink(inspected.value.head, head)) {
      problems.push({ file: paths.display(indexPath), message: `Releases: the index's head does not match the record of ${last ?? 'no release'}` })
    }
  }
  return problems
}
