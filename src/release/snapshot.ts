// A policy as it was at some point: its catalogue and rules, from a catalogue file, a release, a git revision, or now.
import { execFileSync } from 'node:child_process'
import { lstat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { ARTEFACT, type PolicyPaths, ruleFiles } from '../project/paths.js'
import type { Catalogue } from '../catalogue/types.js'
import { fail } from '../diagnostics/index.js'
import { CATALOGUE, manifestArtefact } from '../project/artefacts.js'
import { parseJsonText, readJson } from '../project/json-file.js'
import { readText, readTextIfExists } from '../util/read-file.js'

/** A policy at one point in time. */
export interface Snapshot {
  /** How the user named it. */
  label: string
  catalogue: Catalogue
  /** The rules source (all rule files joined), when known. */
  rules?: string | undefined
}

/** Join rule files into one text, each under a comment naming its file (as releases store them). */
export function joinRules(files: ReadonlyArray<{ name: string; text: string }>): string {
  return files.map(({ name, text }) => `# file: ${name}\n${text.endsWith('\n') ? text : `${text}\n`}`).join('\n')
}

/** A catalogue's text checked against the published schema (so clause kinds are the classifier's), or one line at its place. */
function parseCatalogue(text: string, label: string): Catalogue {
  return parseJsonText(text, label, CATALOGUE) as Catalogue
}

/** Read a stored catalogue (a release's), checked against the published schema. */
export async function readStoredCatalogue(path: string, display: string, inside: string): Promise<Catalogue> {
  return (await readJson(path, CATALOGUE, { display, inside })) as Catalogue
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
}

/**
 * Load a snapshot named by `spec`: a catalogue file (with the `rules.dip` beside it, if any), a
 * released version (`1.0.0`, from `policy/<policy>/releases/`), or a git revision (`HEAD~1`, a tag).
 */
export async function loadSnapshot(spec: string, paths: PolicyPaths, cwd: string): Promise<Snapshot> {
  const file = resolve(cwd, spec)
  if (file.endsWith('.json') && (await lstat(file).catch(() => undefined)) !== undefined) {
    // A file the user named: read as named (a link is their choice), but never a pipe that would block.
    const rulesFile = join(dirname(file), ARTEFACT.rules)
    return {
      label: spec,
      catalogue: parseCatalogue(await readText(file, { file: spec }), spec),
      rules: await readTextIfExists(rulesFile, { file: join(dirname(spec), ARTEFACT.rules) }),
    }
  }
  if (/^\d+\.\d+\.\d+/.test(spec)) {
    // A stored release: its files are the project's, read inside it.
    const release = paths.release(spec)
    const catalogueFile = join(release, ARTEFACT.catalogue)
    const catalogueText = await readTextIfExists(catalogueFile, { file: paths.display(catalogueFile), inside: paths.root })
    if (catalogueText !== undefined) {
      const rulesFile = join(release, ARTEFACT.rules)
      return {
        label: spec,
        catalogue: parseCatalogue(catalogueText, paths.display(catalogueFile)),
        rules: await readTextIfExists(rulesFile, { file: paths.display(rulesFile), inside: paths.root }),
      }
    }
  }
  // A git revision; never taken for an option.
  if (spec.startsWith('-') || !/^[\w./~^@{}-]+$/.test(spec)) fail(`Unknown catalogue, release or git revision \`${spec}\``, { file: '<arguments>', ruleId: 'diff/unknown-side' })
  const relative = (path: string) => paths.display(path)
  const catalogueText = git(paths.root, ['show', `${spec}:${relative(paths.catalogue)}`])
  if (catalogueText === undefined) {
    fail(`Unknown catalogue, release or git revision \`${spec}\``, { file: '<arguments>', ruleId: 'diff/unknown-side', note: 'Give a catalogue file, a released version (policy/<policy>/releases/) or a git revision.' })
  }
  const manifestText = git(paths.root, ['show', `${spec}:${relative(paths.manifest)}`])
  // The fields read here, without the schema of today (an older manifest may predate a field it now requires).
  const manifest = manifestText ? parseJsonText(manifestText, `${spec}:${relative(paths.manifest)}`, manifestArtefact(paths.policy), { quick: true }) : undefined
  const names = ruleFiles(manifest)
  const files = names.flatMap((name) => {
    const text = git(paths.root, ['show', `${spec}:${relative(join(paths.folder, name))}`])
    return text === undefined ? [] : [{ name, text }]
  })
  return { label: spec, catalogue: parseCatalogue(catalogueText, `${spec}:${relative(paths.catalogue)}`), rules: files.length > 0 ? joinRules(files) : undefined }
}
