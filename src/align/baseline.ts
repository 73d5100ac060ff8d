// The baseline: findings accepted with a reason, each until either of its texts changes again.
import { writeFileAtomic } from '../util/atomic-write.js'
import { stringifyJson } from '../util/json.js'
import { BASELINE } from '../project/artefacts.js'
import type { Finding } from './findings.js'
import { readJson } from '../project/json-file.js'

/** One accepted finding. */
export interface BaselineEntry {
  check: string
  /** The translation's language. */
  locale: string
  /** The clause ID (null where the documents have none). */
  clause: string | null
  /** Why the difference is accepted. */
  reason: string
  /** sha256 of the finding's check and both texts: a change to either text makes it fire anew. */
  hash: string
}

/** `policy/<policy>/check-baseline.json`. */
export interface Baseline {
  accepted: BaselineEntry[]
}

/** Read a baseline; a missing file is an empty baseline. With `inside`, it must resolve (real path) inside that folder. */
export async function readBaseline(path: string, display: string, inside?: string): Promise<Baseline> {
  return (await readJson(path, BASELINE, { display, inside, optional: true })) ?? { accepted: [] }
}

/** The reason `--update-baseline` gives a new entry: it accepts nothing until a person writes a real one. */
const PLACEHOLDER = /^\s*(?:TODO\b|$)/i

/** Whether an entry says why its finding is accepted (a reason that is empty or starts with "TODO" does not). */
export function hasReason(entry: Pick<BaselineEntry, 'reason'>): boolean {
  return !PLACEHOLDER.test(entry.reason)
}

/**
 * Split findings into those a baseline accepts and the rest; also returns the entries nothing matched, and the
 * findings an entry would accept but for its reason (still "TODO"): those stay open, with a note that says so.
 */
export function applyBaseline(findings: readonly Finding[], locale: string, baseline: Baseline): { open: Finding[]; accepted: Finding[]; unused: BaselineEntry[]; unreasoned: Finding[] } {
  const used = new Set<BaselineEntry>()
  const open: Finding[] = []
  const accepted: Finding[] = []
  const unreasoned: Finding[] = []
  for (const finding of findings) {
    const entry = baseline.accepted.find((candidate) => candidate.locale === locale && candidate.check === finding.ruleId && candidate.hash === finding.hash && candidate.clause === finding.clause)
    if (entry) used.add(entry)
    if (entry && hasReason(entry)) accepted.push(finding)
    else if (entry) {
      finding.note = `The baseline lists this finding without a reason; write why it is accepted in its \`reason\` (one that starts with TODO accepts nothing)`
      unreasoned.push(finding)
      open.push(finding)
    } else open.push(finding)
  }
  return { open, accepted, unused: baseline.accepted.filter((entry) => entry.locale === locale && !used.has(entry)), unreasoned }
}

/** Write a baseline holding `findings`, keeping the reasons of entries that still match. */
export async function writeBaseline(path: string, previous: Baseline, findings: ReadonlyArray<{ locale: string; finding: Finding }>): Promise<void> {
  const accepted = findings.map(({ locale, finding }): BaselineEntry => {
    const old = previous.accepted.find((entry) => entry.locale === locale && entry.check === finding.ruleId && entry.clause === finding.clause && entry.hash === finding.hash)
    return { check: finding.ruleId, locale, clause: finding.clause, reason: old?.reason ?? `TODO: say why this ${finding.ruleId} is accepted: ${finding.reason}`, hash: finding.hash }
  })
  await writeFileAtomic(path, stringifyJson({ accepted }))
}
