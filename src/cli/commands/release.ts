// `diptych release`: check the languages agree, then release a new version.
import { release, verifyReleases } from '../../release/release.js'
import { policyPaths } from '../../project/manifest.js'
import { recoverTransactions } from '../../util/transaction.js'
import type { Bump } from '../../release/semver.js'
import { fail } from '../../diagnostics/index.js'
import { formatText, summarise } from '../../align/report.js'
import type { CommandContext } from '../io.js'
import { checkPolicy } from './check.js'

export async function runRelease(context: CommandContext): Promise<number> {
  const date = context.options['date']
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)) {
    fail(`Unexpected date \`${String(date)}\`, expected a date as YYYY-MM-DD`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (context.options['version'] !== undefined && context.options['bump'] !== 'auto') {
    fail('Unexpected --bump with --version, expected one of them', { file: '<arguments>', ruleId: 'cli/usage' })
  }
  // An interrupted release is finished first; a stored release that is not intact stops everything (one line).
  const paths = policyPaths(context.root, context.policy)
  await recoverTransactions(paths.folder)
  const problems = await verifyReleases(paths)
  if (problems.length > 0) {
    fail(`Not released: ${problems[0]!.message}`, { file: problems[0]!.file, ruleId: 'release/integrity', note: `${problems.length} problem${problems.length === 1 ? '' : 's'} with the stored releases (see \`diptych check\`); a stored release is never overwritten.` })
  }
  // A release is a promise that the languages say the same thing: the locale diff check must pass.
  const checked = await checkPolicy(context.root, context.policy)
  if (summarise(checked.open).errors > 0) {
    context.stderr.write(formatText(checked.open, context.color))
    fail(`Not released: the locale diff check reports ${summarise(checked.open).errors} errors`, { file: '<policy>', ruleId: 'release/check-failed', note: 'Fix them, or confirm stale translations with `diptych confirm`, then release again.' })
  }
  const result = await release({
    root: context.root,
    policy: context.policy,
    bump: String(context.options['bump'] ?? 'auto') as Bump | 'auto',
    version: context.options['version'] as string | undefined,
    date: date as string | undefined,
    dryRun: Boolean(context.options['dry-run']),
    collector: context.collector,
  })
  const dry = Boolean(context.options['dry-run'])
  if (result.nothing) {
    context.stderr.write(`diptych release: nothing to release, the policy is as released in ${result.previous}\n`)
    return 0
  }
  if (!result.written && (!dry || result.entry === '')) {
    context.stderr.write(`diptych release: ${result.version} is already released with this content; nothing written\n`)
    return 0
  }
  context.stderr.write(
    `diptych release: ${context.policy} ${result.version}${result.previous ? ` (${result.bump} after ${result.previous})` : ' (first release)'}${dry ? ' would be released' : ' released'}\n`,
  )
  context.stdout.write(result.entry)
  return 0
}
