// Report normative clauses (obligations, prohibitions, permissions) that no rule or attestation implements.
import { diagnostic } from '../../diagnostics/index.js'
import type { CheckPass } from './context.js'

export const reportCoverage: CheckPass = (context) => {
  // The manifest's `coverage` decides what an uncovered clause is: never a reason to call it informative.
  if (context.coverage === 'off') return
  const covered = new Set(context.program.rules.flatMap((rule) => rule.clauses))
  const leadIns = new Set(context.catalogue.sections.flatMap((section) => section.clauses.flatMap((clause) => (clause.leadIn ? [clause.leadIn] : []))))
  for (const section of context.catalogue.sections) {
    for (const clause of section.clauses) {
      const kind = context.program.classifications.get(clause.id) ?? clause.kind
      // A lead-in ("you must:") is carried by the clauses it introduces.
      if (kind === 'informative' || leadIns.has(clause.id) || covered.has(clause.id)) continue
      const source = clause.source[context.catalogue.reference]
      context.diagnostics.push(
        diagnostic(`Uncovered ${kind} \`${clause.id}\`: no rule or attestation implements it`, {
          file: source?.file ?? 'catalogue.json',
          line: source?.line,
          column: 1,
          ruleId: 'dsl/uncovered-clause',
          fatal: context.coverage === 'error',
          note: `Write a rule with \`implements ${clause.id}\`, or \`classify ${clause.id} as informative\` if it asks nothing; while the rules are being written, \`"coverage": "warning"\` in policy.json makes this a warning.`,
        }),
      )
    }
  }
}
