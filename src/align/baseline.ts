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

/** Split findings into those a baseline accepts and the rest; also returns the entries nothing matched. */
export function applyBaseline(findings: readonly Finding[], locale: string, baseline: Baseline): { open: Finding[]; accepted: Finding[]; unused: BaselineEntry[] } {
  const used = new Set<BaselineEntry>()
  const open: Finding[] = []
  const accepted: Finding[] = []
  for (const finding of findings) {
    const entry = baseline.accepted.find((candidate) => candidate.locale === locale && candidate.check === finding.ruleId && candidate.hash === finding.hash && candidate.clause === finding.clause)
    if (entry) {
      used.add(entry)
      accepted.push(finding)
    } else open.push(finding)
  }
  return { open, accepted, unused: baseline.accepted.filter((entry) => entry.locale === locale && !used.has(entry)) }
}

/** Write a baseline holding `findings`, keeping the reasons of entries that still match. */
export async function writeBaseline(path: string, previous: Baseline, findings: ReadonlyArray<{ locale: string; finding: Finding }>): Promise<void> {
  const accepted = findings.map(({ locale, finding }): BaselineEntry => {
    const old = previous.accepted.find((entry) => entry.locale === locale && entry.check === finding.ruleId && entry.clause === finding.clause && entry.hash === finding.hash)
    return { check: finding.ruleId, locale, clause: finding.clause, reason: old?.reason ?? `TODO: say why this ${finding.ruleId} is accepted: ${finding.reason}`, hash: finding.hash }
  })
  await writeFileAtomic(path, stringifyJson({ accepted }))
}
