// The `diptych` command line: parse arguments, run the command, print, return the exit code.
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DiagnosticsError, VFile, fail, formatOneLine, formatWithExcerpt, isDiagnostic } from '../diagnostics/index.js'
import { type CommandName, helpText, parseArgs } from './args.js'
import type { CommandContext, Input, Output } from './io.js'
import { DEFAULT_POLICY, policyPaths } from '../project/paths.js'
import { readProjectConfig } from '../project/config.js'
import { packageVersion } from '../util/package-info.js'

export type { Input, Output }

/** What `main` runs against; tests pass their own streams and folder. */
export interface MainOptions {
  argv: readonly string[]
  /** Standard input (default: the process's), read by `eval -`. */
  stdin?: Input | undefined
  stdout: Output
  stderr: Output
  cwd?: string | undefined
  env?: Record<string, string | undefined> | undefined
}

/** File-system errors on the user's paths, worded for the one-line message. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EEXIST: 'cannot create a folder: a file of that name exists',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
}

/** Exit codes. */
export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const

/** Each command's module is loaded on demand, so `eval` never loads the Markdown stack. */
const COMMANDS: Record<CommandName, (context: CommandContext) => Promise<number>> = {
  import: async (context) => (await import('./commands/import.js')).runImport(context),
  build: async (context) => (await import('./commands/build.js')).runBuild(context),
  eval: async (context) => (await import('./commands/eval.js')).runEval(context),
  test: async (context) => (await import('./commands/test.js')).runTest(context),
  check: async (context) => (await import('./commands/check.js')).runCheck(context),
  align: async (context) => (await import('./commands/align.js')).runAlign(context),
  confirm: async (context) => (await import('./commands/confirm.js')).runConfirm(context),
  diff: async (context) => (await import('./commands/diff.js')).runDiff(context),
  release: async (context) => (await import('./commands/release.js')).runRelease(context),
  render: async (context) => (await import('./commands/render.js')).runRender(context),
  init: async (context) => (await import('./commands/init.js')).runInit(context),
}

/** Run the command line; returns the exit code. Never throws. */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env
  const color = Boolean(options.stderr.isTTY) && env['NO_COLOR'] === undefined
  const collector = new VFile()
  let quiet = false
  try {
    const args = parseArgs(options.argv)
    if (args.command === 'help') {
      options.stdout.write(helpText(args.topic))
      return EXIT.ok
    }
    if (args.command === 'version') {
      options.stdout.write(`${packageVersion()}\n`)
      return EXIT.ok
    }
    quiet = Boolean(args.options['quiet'])
    const cwd = options.cwd ?? process.cwd()
    const root = resolve(cwd, typeof args.options['root'] === 'string' ? args.options['root'] : '.')
    if (typeof args.options['root'] === 'string') await checkRoot(args.options['root'], root)
    const context: CommandContext = {
      stdin: options.stdin ?? process.stdin,
      stdout: options.stdout,
      stderr: options.stderr,
      cwd,
      root,
      // The project's config names the policy when --policy does not (diptych.config.json, package.json's `diptych`).
      policy: typeof args.options['policy'] === 'string' ? args.options['policy'] : args.command === 'init' ? DEFAULT_POLICY : (await readProjectConfig(root)).policy,
      options: args.options,
      positionals: args.positionals,
      collector,
      color,
      quiet,
    }
    // Finish what an interrupted run left (a release, a build, an import), before any command reads the project.
    const { recoverTransactions } = await import('../util/transaction.js')
    await recoverTransactions(context.root)
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(context.policy)) await recoverTransactions(policyPaths(context.root, context.policy).folder)
    const code = await COMMANDS[args.command](context)
    options.stderr.write(await formatMessages(collector.messages, color, quiet))
    return code
  } catch (error) {
    options.stderr.write(await formatMessages(collector.messages, color, quiet))
    if (error instanceof DiagnosticsError) {
      for (const message of error.messages) options.stderr.write(formatWithExcerpt(message, error.sources.get(message.file ?? '')) + '\n')
      const errors = error.messages.filter((message) => message.fatal !== false).length
      options.stderr.write(`diptych: ${errors} error${errors === 1 ? '' : 's'}\n`)
      return EXIT.badInput
    }
    if (isDiagnostic(error)) {
      options.stderr.write(`diptych: ${formatOneLine(error)}\n`)
      if (error.note) options.stderr.write(`  ${error.note}\n`)
      return EXIT.badInput
    }
    const system = error as NodeJS.ErrnoException
    if (typeof system?.code === 'string' && typeof system.path === 'string' && FILE_ERRORS[system.code]) {
      // A path the user gave that cannot be written or read (a file where a folder should be, no permission).
      options.stderr.write(`diptych: ${system.path}: ${FILE_ERRORS[system.code]} (${system.code})\n`)
      return EXIT.badInput
    }
    options.stderr.write(`diptych: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`)
    return EXIT.internal
  }
}

/** `--root` must name a folder (one that does not exist is reported by the command, as a missing policy). */
async function checkRoot(given: string, root: string): Promise<void> {
  if (given.trim() === '') fail('Unexpected empty --root, expected the project folder', { file: '<arguments>', ruleId: 'cli/usage' })
  const stats = await stat(root).catch(() => undefined)
  if (stats && !stats.isDirectory()) fail(`Unexpected --root \`${given}\`: a file, expected the project folder`, { file: '<arguments>', ruleId: 'cli/usage' })
}

/** Warnings printed like remark-lint's (errors only with `--quiet`); vfile-reporter is loaded only when there is something to print. */
async function formatMessages(messages: VFile['messages'], color: boolean, quiet: boolean): Promise<string> {
  const shown = quiet ? messages.filter((message) => message.fatal === true) : messages
  if (shown.length === 0) return ''
  return (await import('./report.js')).formatMessages(shown, color)
}
