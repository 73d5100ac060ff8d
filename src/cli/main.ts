// The `diptych` command line: parse arguments, run the command, print, return the exit code.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildCatalogue } from '../catalogue/build.js'
import { policyPaths, readManifest } from '../catalogue/project.js'
import { VFile, fail, formatOneLine, isDiagnostic } from '../diagnostics/index.js'
import { importDocument } from '../ingest/import.js'
import { type ParsedArgs, helpText, parseArgs } from './args.js'
import { formatMessages } from './report.js'

/** A writable stream, as far as the CLI needs one. */
export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean | undefined
}

/** What `main` runs against; tests pass their own streams and folder. */
export interface MainOptions {
  argv: readonly string[]
  stdout: Output
  stderr: Output
  cwd?: string | undefined
  env?: Record<string, string | undefined> | undefined
}

/** Exit codes. */
export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const

/** Run the command line; returns the exit code. Never throws. */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env
  const color = Boolean(options.stderr.isTTY) && env['NO_COLOR'] === undefined
  const collector = new VFile()
  let args: ParsedArgs | undefined
  try {
    args = parseArgs(options.argv)
    const code = await run(args, options, collector)
    if (!(args.command !== 'help' && args.command !== 'version' && args.options['quiet'])) {
      options.stderr.write(formatMessages(collector.messages, color))
    }
    return code
  } catch (error) {
    if (isDiagnostic(error)) {
      options.stderr.write(formatMessages(collector.messages, color))
      options.stderr.write(`diptych: ${formatOneLine(error)}\n`)
      if (error.note) options.stderr.write(`  ${error.note}\n`)
      return EXIT.badInput
    }
    options.stderr.write(`diptych: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`)
    return EXIT.internal
  }
}

async function run(args: ParsedArgs, options: MainOptions, collector: VFile): Promise<number> {
  if (args.command === 'help') {
    options.stdout.write(helpText(args.topic))
    return EXIT.ok
  }
  if (args.command === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    options.stdout.write(`${pkg.version}\n`)
    return EXIT.ok
  }
  const cwd = options.cwd ?? process.cwd()
  const root = resolve(cwd, typeof args.options['root'] === 'string' ? args.options['root'] : '.')
  const policy = String(args.options['policy'] ?? 'pinterest')
  const dryRun = Boolean(args.options['dry-run'])

  switch (args.command) {
    case 'import': {
      const locale = args.options['locale']
      if (typeof locale !== 'string') {
        fail('Missing option --locale <code>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych import <file> --locale <code>' })
      }
      const format = args.options['format'] as 'text' | 'markdown' | undefined
      const result = await importDocument({ root, policy, locale, file: args.positionals[0]!, cwd, format, dryRun, collector })
      const { explicit, kept, aligned, generated } = result.ids
      const state = dryRun ? (result.changed ? 'would change' : 'unchanged') : result.changed ? 'written' : 'unchanged'
      options.stderr.write(
        `diptych import: ${result.path} ${state}: ${result.sections} sections, ${result.clauses} clauses; ` +
          `IDs: ${kept} kept, ${aligned} aligned, ${explicit} given, ${generated} new\n`,
      )
      return EXIT.ok
    }
    case 'build': {
      if (args.options['from-sources']) {
        const paths = policyPaths(root, policy)
        const manifest = await readManifest(paths)
        // The reference first: translations take their IDs from it.
        const locales = [manifest.reference, ...manifest.locales.filter((locale) => locale !== manifest.reference)]
        for (const locale of locales) {
          const source = manifest.sources?.[locale]
          if (!source) continue
          const result = await importDocument({ root, policy, locale, file: resolve(paths.folder, source), cwd, dryRun, collector })
          options.stderr.write(`diptych import: ${result.path} ${result.changed ? (dryRun ? 'would change' : 'written') : 'unchanged'} (${result.sections} sections, ${result.clauses} clauses)\n`)
        }
      }
      const result = await buildCatalogue({ root, policy, collector, dryRun })
      const { summary, catalogue } = result
      if (args.options['format'] === 'json') {
        options.stdout.write(JSON.stringify({ path: result.path, changed: result.changed, version: catalogue.version, ...summary }, null, 2) + '\n')
      } else {
        const state = result.changed ? (dryRun ? 'would change' : 'written') : 'unchanged'
        const total = Object.values(summary.clauses)[0] ?? 0
        options.stderr.write(
          `diptych build: ${result.path} ${state}, ${catalogue.id} ${catalogue.version}\n` +
            `  ${summary.sections} sections; clauses: ${Object.entries(summary.clauses).map(([l, n]) => `${l} ${n}`).join(', ')}; ` +
            `paired in every language: ${summary.paired} of ${total}\n` +
            `  kinds: ${Object.entries(summary.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}\n`,
        )
      }
      return EXIT.ok
    }
  }
}
