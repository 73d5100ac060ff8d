// `diptych check`: compare every language of a policy with its reference, clause by clause through the shared IDs.
import { type Baseline, applyBaseline, readBaseline, writeBaseline } from '../../align/baseline.js'
import { compareDocuments } from '../../align/compare.js'
import type { Finding } from '../../align/findings.js'
import { readGlossary } from '../../align/glossary.js'
import { readLock } from '../../project/lock.js'
import { summarise } from '../../align/report.js'
import { policyPaths, readManifest } from '../../project/manifest.js'
import { fail } from '../../diagnostics/index.js'
import { parseMarkdown } from '../../ingest/parse-markdown.js'
import { readSource } from '../../ingest/read-source.js'
import { verifyReleases } from '../../release/release.js'
import { emit } from '../formats/index.js'
import type { CommandContext } from '../io.js'

/** The locale diff check of a policy: every translation against the reference, and the stored releases. */
export async function checkPolicy(root: string, policy: string): Promise<{ open: Finding[]; all: Array<{ locale: string; finding: Finding }>; accepted: number; unused: string[]; baseline: Baseline; baselinePath: string; translations: number; reference: string }> {
  const paths = policyPaths(root, policy)
  const manifest = await readManifest(paths)
  const read = async (locale: string) => {
    const path = paths.locale(locale)
    return parseMarkdown(await readSource(path, paths.display(path), { inside: root }), paths.display(path))
  }
  const reference = await read(manifest.reference)
  const glossaryPath = paths.glossary
  const glossary = await readGlossary(glossaryPath, paths.display(glossaryPath), false, root)
  const baselinePath = paths.baseline
  const baseline = await readBaseline(baselinePath, paths.display(baselinePath), root)

  const open: Finding[] = []
  const all: Array<{ locale: string; finding: Finding }> = []
  let accepted = 0
  const unused: string[] = []
  for (const locale of manifest.locales) {
    if (locale === manifest.reference) continue
    const translation = await read(locale)
    const lockFile = paths.lock(locale)
    const lock = await readLock(lockFile, paths.display(lockFile), root)
    if (lock && lock.reference !== manifest.reference) {
      fail(`Translation lock is of \`${lock.reference}\`, expected \`${manifest.reference}\``, { file: paths.display(lockFile), ruleId: 'lock/invalid' })
    }
    const findings = compareDocuments({
      reference,
      referenceLocale: manifest.reference,
      translation,
      translationLocale: locale,
      useIds: true,
      glossary,
      basis: lock?.basis ?? {},
    })
    for (const finding of findings) all.push({ locale, finding })
    const split = applyBaseline(findings, locale, baseline)
    open.push(...split.open)
    accepted += split.accepted.length
    unused.push(...split.unused.map((entry) => `${entry.check} ${entry.clause ?? ''}`.trim()))
  }
  // Released catalogues are immutable: each must still match the hashes recorded when it was released.
  for (const problem of await verifyReleases(paths)) {
    open.push({ check: 'release-integrity', severity: 'error', message: problem.message, reference: { file: problem.file, line: 1, column: 1 }, translation: null, clause: null, hash: problem.message })
  }
  return { open, all, accepted, unused, baseline, baselinePath, translations: manifest.locales.length - 1, reference: manifest.reference }
}

export async function runCheck(context: CommandContext): Promise<number> {
  const paths = policyPaths(context.root, context.policy)
  const { open, all, accepted, unused, baseline, baselinePath, translations, reference } = await checkPolicy(context.root, context.policy)
  if (context.options['update-baseline']) {
    await writeBaseline(baselinePath, baseline, all)
    context.stderr.write(`diptych check: ${paths.display(baselinePath)} written with ${all.length} accepted findings; give each new one its reason\n`)
    return 0
  }
  await emit(context.options['format'], 'check', { open, accepted, unused, translations, reference }, context)
  return summarise(open).errors > 0 ? 1 : 0
}
