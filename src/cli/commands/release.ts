// `diptych release`: check the languages agree, then release a new version.
import { fail } from '../../diagnostics/index.js'
import type { Bump } from '../../usecases/release.js'
import { releasePolicy } from '../../usecases/release.js'
import { emit } from '../formats/index.js'
import { type CommandContext, inform } from '../io.js'

export async function runRelease(context: CommandContext): Promise<number> {
  const date = context.options['date']
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)) {
    fail(`Unexpected date \`${String(date)}\`, expected a date as YYYY-MM-DD`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  if (context.options['version'] !== undefined && context.options['bump'] !== 'auto') {
    fail('Unexpected --bump with --version, expected one of them', { file: '<arguments>', ruleId: 'cli/usage' })
  }
  const dry = Boolean(context.options['dry-run'])
  const result = await releasePolicy({
    root: context.root,
    policy: context.policy,
    bump: String(context.options['bump'] ?? 'auto') as Bump | 'auto',
    version: context.options['version'] as string | undefined,
    date: date as string | undefined,
    dryRun: dry,
    collector: context.collector,
  })
  if (result.status === 'check-failed') {
    // The findings that stop the release, as `diptych check` prints them, then the one line that says why.
    await emit('text', 'check', result, context)
    fail(`Not released: the locale diff check reports ${result.errors} errors`, { file: '<policy>', ruleId: 'release/check-failed', note: 'Fix them, or confirm stale translations with `diptych confirm`, then release again.' })
  }
  if (result.nothing) {
    inform(context, `diptych release: nothing to release, the policy is as released in ${result.previous}\n`)
    return 0
  }
  if (!result.written && (!dry || result.entry === '')) {
    inform(context, `diptych release: ${result.version} is already released with this content; nothing written\n`)
    return 0
  }
  inform(
    context,
    `diptych release: ${context.policy} ${result.version}${result.previous ? ` (${result.bump} after ${result.previous})` : ' (first release)'}${dry ? ' would be released' : ' released'}\n`,
  )
  context.stdout.write(result.entry)
  return 0
}
