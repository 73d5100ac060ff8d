// `--format text`: what a person reads; findings like remark-lint (vfile-reporter), summaries on one line.
import type { OutputFormat } from './types.js'

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/**
 * One line a pair of languages: how many checks ran, and, for a language without a pack, what was not checked and why.
 */
const coverageLines = (coverage: ReadonlyArray<{ reference: string; translation: string; ran: readonly string[]; skipped: readonly string[]; unread: readonly string[] }>) =>
  coverage
    .map(({ reference, translation, ran, skipped, unread }) =>
      skipped.length === 0
        ? `  ${reference}→${translation}: all ${ran.length} checks ran\n`
        : `  ${reference}→${translation}: ${ran.length} of ${ran.length + skipped.length} checks ran; not checked for ${unread.map((locale) => `\`${locale}\``).join(' and ')} (no language pack): ${skipped.join(', ')}\n`,
    )
    .join('')

export const text = {
  name: 'text',
  summary: 'for people: findings and summaries (on stderr when the result is findings or a build)',
  render: {
    check: async ({ open, accepted, unused, translations, reference, checks }, { color, quiet }) => {
      const { formatText, summarise } = await import('../../align/report.js')
      // --quiet: the errors alone, no warnings and no summary (the exit code says whether there are any).
      if (quiet) return { stderr: formatText(open.filter((finding) => finding.fatal), color) }
      const { errors, warnings } = summarise(open)
      let out =
        formatText(open, color) +
        `diptych check: ${plural(translations, 'translation')} of ${reference}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
        `${accepted ? `, ${accepted} accepted by the baseline` : ''}\n`
      out += coverageLines(checks)
      if (unused.length > 0) out += `  ${unused.length} baseline entr${unused.length === 1 ? 'y matches' : 'ies match'} nothing any more (${unused.join(', ')}): run \`diptych check --update-baseline\`\n`
      return { stderr: out }
    },
    align: async ({ findings, from, to, referenceBlocks, translationBlocks, useIds, checks }, { color, quiet }) => {
      const { formatText, summarise } = await import('../../align/report.js')
      if (quiet) return { stderr: formatText(findings.filter((finding) => finding.fatal), color) }
      const { errors, warnings } = summarise(findings)
      return {
        stderr:
          formatText(findings, color) +
          `diptych align: ${referenceBlocks} ${from} blocks, ${translationBlocks} ${to} blocks${useIds ? ' (paired by ID)' : ''}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n` +
          coverageLines(checks),
      }
    },
    build: ({ path, changed, dryRun, id, version, summary, predicates }, { quiet }) => {
      if (quiet) return {}
      const would = (changed: boolean) => (changed ? (dryRun ? 'would change' : 'written') : 'unchanged')
      const total = Object.values(summary.clauses)[0] ?? 0
      let out =
        `diptych build: ${path} ${would(changed)}, ${id} ${version}\n` +
        `  ${summary.sections} sections; clauses: ${Object.entries(summary.clauses).map(([l, n]) => `${l} ${n}`).join(', ')}; ` +
        `paired in every language: ${summary.paired} of ${total}\n` +
        `  kinds: ${Object.entries(summary.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}\n`
      if (predicates) {
        const c = predicates.counts
        out +=
          `diptych build: ${predicates.path} ${would(predicates.changed)}: ${c.rules} rules (${c.predicates} predicates, ${c.attestations} attestations, ${c.permissions} permissions); ` +
          `normative clauses covered: ${c.clausesCovered} of ${c.normative}\n`
      }
      return { stderr: out }
    },
    test: (run, { quiet }) => {
      const lines: string[] = []
      for (const file of run.files) {
        // --quiet: the failed tests alone.
        if (quiet && file.failures.length === 0) continue
        lines.push(`${file.failures.length === 0 ? '✓' : '✗'} ${file.file}: ${file.description} (${file.expectations} expectations)`)
        for (const failure of file.failures) lines.push(`    ${failure}`)
      }
      const failed = run.files.filter((file) => file.failures.length > 0).length
      if (quiet) return lines.length === 0 ? {} : { stdout: lines.join('\n') + '\n' }
      const percent = (a: number, b: number) => (b === 0 ? 100 : Math.round((a / b) * 100))
      lines.push(
        '',
        `rule tests: ${run.files.length - failed} passed, ${failed} failed`,
        `coverage: rules ${run.rulesExercised} of ${run.rules} (${percent(run.rulesExercised, run.rules)}%), ` +
          `condition outcomes ${run.outcomesCovered} of ${run.outcomes} (${percent(run.outcomesCovered, run.outcomes)}%)`,
      )
      return { stdout: lines.join('\n') + '\n' }
    },
    diff: async (diff, { color }) => ({ stdout: (await import('../../release/diff.js')).renderDiff(diff, { color }) }),
    eval: async ({ report, lang, display }) => ({ stdout: (await import('../../report/render-text.js')).renderText(report, lang, `diptych eval ${display}`) }),
    evals: async ({ reports, lang }) => {
      const { renderText } = await import('../../report/render-text.js')
      return { stdout: reports.map(({ report, display }) => renderText(report, lang, `diptych eval ${display}`)).join('\n') }
    },
  },
} satisfies OutputFormat
