// Check: compare every language of a policy with its reference, clause by clause through the shared IDs, and verify
// the stored releases.
import { type Baseline, applyBaseline, readBaseline, writeBaseline } from '../align/baseline.js'
import { CHECK_BY_ID, type CheckCoverage, checkCoverage, skippedChecks } from '../align/checks/index.js'
import { type Finding, finding } from '../align/findings.js'
import { readGlossary } from '../align/glossary.js'
import { summarise } from '../align/report.js'
import { fail } from '../diagnostics/index.js'
import { readSource } from '../ingest/read-source.js'
import { readLock } from '../project/lock.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import { verifyReleases } from '../release/verify.js'
import type { ParsedDocument } from '../text/document.js'
import { compareCached, type SourceText } from './compare-cached.js'

/** What {@link checkPolicy} found. */
export interface CheckResult {
  /** The findings not accepted by the baseline (these decide the exit code). */
  open: Finding[]
  /** Every finding of the comparison, with its language (what `--update-baseline` accepts). */
  all: Array<{ locale: string; finding: Finding }>
  /** How many findings the baseline accepted. */
  accepted: number
  /** Baseline entries that no longer match a finding (`check clause`). */
  unused: string[]
  /** Findings the baseline lists without a reason (still "TODO"): open, each with a note that says so. */
  unreasoned: Finding[]
  baseline: Baseline
  /** The baseline's path. */
  baselinePath: string
  /** How many translations were compared. */
  translations: number
  /** The reference language. */
  reference: string
  /** How many open findings are errors (a check with any fails). */
  errors: number
  /** The checks not run for a language without a language pack. */
  skipped: Array<{ locale: string; checks: string[] }>
  /** For each translation, which checks ran and which did not. */
  checks: CheckCoverage[]
}

/** Options of {@link checkPolicy}. */
export interface CheckOptions {
  root: string
  policy: string
}

/** The locale diff check of a policy: every translation against the reference, and the stored releases. */
export async function checkPolicy(options: CheckOptions): Promise<CheckResult> {
  const { root } = options
  const paths = policyPaths(root, options.policy)
  const manifest = await readManifest(paths)
  // Each text is parsed only where its findings are not in the result cache.
  const read = async (locale: string): Promise<SourceText> => {
    const path = paths.locale(locale)
    return { display: paths.display(path), format: 'markdown', text: await readSource(path, paths.display(path), { inside: root }) }
  }
  const parsed = new Map<SourceText, ParsedDocument>()
  const parse = async (source: SourceText) => {
    const { parseMarkdown } = await import('../ingest/parse-markdown.js')
    let document = parsed.get(source)
    if (document === undefined) parsed.set(source, (document = parseMarkdown(source.text, source.display)))
    return document
  }
  const reference = await read(manifest.reference)
  const glossary = await readGlossary(paths.glossary, paths.display(paths.glossary), false, root)
  const baselinePath = paths.baseline
  const baseline = await readBaseline(baselinePath, paths.display(baselinePath), root)

  const open: Finding[] = []
  const all: Array<{ locale: string; finding: Finding }> = []
  let accepted = 0
  const unused: string[] = []
  const unreasoned: Finding[] = []
  for (const locale of manifest.locales) {
    if (locale === manifest.reference) continue
    const translation = await read(locale)
    const lockFile = paths.lock(locale)
    const lock = await readLock(lockFile, paths.display(lockFile), root)
    if (lock && lock.reference !== manifest.reference) {
      fail(`Translation lock is of \`${lock.reference}\`, expected \`${manifest.reference}\``, { file: paths.display(lockFile), ruleId: 'lock/invalid' })
    }
    const inputs = { reference, referenceLocale: manifest.reference, translation, translationLocale: locale, useIds: true, glossary, basis: lock?.basis ?? {} }
    const findings = await compareCached(inputs, async () => {
      const { compareDocuments } = await import('../align/compare.js')
      return compareDocuments({ ...inputs, reference: await parse(reference), translation: await parse(translation) })
    })
    for (const finding of findings) all.push({ locale, finding })
    const split = applyBaseline(findings, locale, baseline)
    open.push(...split.open)
    accepted += split.accepted.length
    unreasoned.push(...split.unreasoned)
    unused.push(...split.unused.map((entry) => `${entry.check} ${entry.clause ?? ''}`.trim()))
  }
  // Released catalogues are immutable: each must still match the hashes recorded when it was released.
  for (const problem of await verifyReleases(paths)) {
    open.push(finding(CHECK_BY_ID.get('release-integrity')!, problem.message, { reference: { file: problem.file, line: 1, column: 1 }, translation: null }, null, problem.message))
  }
  return { open, all, accepted, unused, unreasoned, baseline, baselinePath, translations: manifest.locales.length - 1, reference: manifest.reference, errors: summarise(open).errors, skipped: skippedChecks(manifest.locales), checks: checkCoverage(manifest.reference, manifest.locales.filter((locale) => locale !== manifest.reference)) }
}

/** Accept every finding of `result` into the baseline (`check --update-baseline`); returns the file written and the count. */
export async function acceptFindings(result: CheckResult, options: CheckOptions): Promise<{ path: string; accepted: number }> {
  await writeBaseline(result.baselinePath, result.baseline, result.all)
  return { path: policyPaths(options.root, options.policy).display(result.baselinePath), accepted: result.all.length }
}
