// The command line's grammar: commands, their option tables, and a pure parser of argv.
import { parseArgs as parseNodeArgs } from 'node:util'
import { fail } from '../diagnostics/index.js'
import { DEFAULT_POLICY } from '../project/paths.js'
import { FORMATS, type FormatName } from './formats/index.js'

type OptionSpec = { type: 'string' | 'boolean'; short?: string; description: string; values?: readonly string[]; default?: string }

/** Options every command takes. */
const COMMON = {
  policy: { type: 'string', description: 'Policy folder under policy/', default: DEFAULT_POLICY },
  root: { type: 'string', description: 'Project root (default: the current folder)' },
  quiet: { type: 'boolean', short: 'q', description: 'Print errors only' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
} as const satisfies Record<string, OptionSpec>

/** Every command, its arguments and its options. */
export const COMMANDS = {
  import: {
    summary: 'Import a raw text or Markdown file as one language of a policy',
    usage: 'diptych import <file> --locale <code> [--policy pinterest] [--format text|markdown] [--dry-run]',
    positionals: ['file'],
    options: {
      ...COMMON,
      locale: { type: 'string', short: 'l', description: 'Language of the text (required)' },
      format: { type: 'string', values: ['text', 'markdown'], description: 'How to read the file (default: by its extension)' },
      'dry-run': { type: 'boolean', short: 'n', description: 'Show what would change, write nothing' },
    },
  },
  build: {
    summary: 'Build the clause catalogue from every language’s Markdown',
    usage: 'diptych build [--policy pinterest] [--from-sources] [--format FORMATS] [--dry-run]',
    positionals: [],
    formats: ['text', 'json'],
    options: {
      ...COMMON,
      'from-sources': { type: 'boolean', description: 'Import the raw sources named in policy.json first' },
      format: { type: 'string', description: 'Summary format: text on stderr, json on stdout', default: 'text' },
      'dry-run': { type: 'boolean', short: 'n', description: 'Validate, write nothing' },
    },
  },
  eval: {
    summary: 'Judge an app profile (or an NDJSON file of profiles) against the policy’s rules',
    usage: 'diptych eval <profile.json|profiles.ndjson> [--policy pinterest] [--format FORMATS] [--lang en|nl] [--docs <url>]',
    positionals: ['profile'],
    formats: ['text', 'json', 'html', 'ndjson'],
    options: {
      ...COMMON,
      format: { type: 'string', description: 'Report format on stdout (NDJSON input: one JSON report a line)', default: 'text' },
      lang: { type: 'string', description: 'Language of the text report (default: the reference language)' },
      docs: { type: 'string', description: 'URL of the rendered policy page the HTML report links to (default: index.html)' },
    },
  },
  test: {
    summary: 'Run the rule tests in policy/<policy>/tests/, with rule and condition coverage',
    usage: 'diptych test [--policy pinterest] [--format FORMATS]',
    positionals: [],
    formats: ['text', 'json'],
    options: {
      ...COMMON,
      format: { type: 'string', description: 'Output format', default: 'text' },
    },
  },
  check: {
    summary: 'Check that every language of the policy says what the reference says (locale diff check)',
    usage: 'diptych check [--policy pinterest] [--format FORMATS] [--update-baseline]',
    positionals: [],
    formats: ['text', 'json', 'sarif'],
    options: {
      ...COMMON,
      format: { type: 'string', description: 'Output: text on stderr, json or sarif on stdout', default: 'text' },
      'update-baseline': { type: 'boolean', description: 'Accept every current finding into policy/<policy>/check-baseline.json' },
    },
  },
  align: {
    summary: 'Align any two documents (raw text or Markdown) and run the locale diff checks on them',
    usage: 'diptych align <reference> <translation> [--from en] [--to nl] [--glossary file] [--format FORMATS]',
    positionals: ['reference', 'translation'],
    formats: ['text', 'json', 'sarif'],
    options: {
      ...COMMON,
      from: { type: 'string', description: 'Language of the reference (default: from its file name)' },
      to: { type: 'string', description: 'Language of the translation (default: from its file name)' },
      glossary: { type: 'string', description: 'Glossary file (default: locales/glossary.json, if present)' },
      format: { type: 'string', description: 'Output: text on stderr, json or sarif on stdout', default: 'text' },
    },
  },
  confirm: {
    summary: 'Confirm that a translated clause is still right after its reference text changed',
    usage: 'diptych confirm <clause-id> --locale <code> [--policy pinterest]',
    positionals: ['clause'],
    options: {
      ...COMMON,
      locale: { type: 'string', short: 'l', description: 'Language of the translation (required)' },
    },
  },
  diff: {
    summary: 'Show what changed between two versions of the policy, and the semver bump it implies',
    usage: 'diptych diff <old> <new> [--policy pinterest] [--format FORMATS]   (each: a catalogue file, a released version, a git revision, or "current")',
    positionals: ['old', 'new'],
    formats: ['text', 'json'],
    options: {
      ...COMMON,
      format: { type: 'string', description: 'Output format on stdout', default: 'text' },
    },
  },
  release: {
    summary: 'Release a new version: manifest, catalogue, changelog in every language, and an immutable stored copy',
    usage: 'diptych release [--policy pinterest] [--bump auto|major|minor|patch | --version X.Y.Z] [--date YYYY-MM-DD] [--dry-run]',
    positionals: [],
    options: {
      ...COMMON,
      bump: { type: 'string', values: ['auto', 'major', 'minor', 'patch'], description: 'The kind of release; auto: what the changes imply', default: 'auto' },
      version: { type: 'string', description: 'Release exactly this version (it must be new, and large enough for the changes)' },
      date: { type: 'string', description: 'Release date for the changelog (default: today, UTC)' },
      'dry-run': { type: 'boolean', short: 'n', description: 'Show the version and changelog entry, write nothing' },
    },
  },
  render: {
    summary: 'Render the policy as Markdown per language and a bilingual side-by-side HTML page',
    usage: 'diptych render --out <dir> [--policy pinterest]',
    positionals: [],
    options: {
      ...COMMON,
      out: { type: 'string', short: 'o', description: 'Folder to write <lang>.md and index.html into (required)' },
    },
  },
} as const satisfies Record<string, CommandSpec>

/**
 * A command's entry. `formats` are the output formats it offers (names in ./formats/index.ts): `--format`
 * takes exactly those, `FORMATS` in the usage line and the help list them.
 */
interface CommandSpec {
  summary: string
  usage: string
  positionals: readonly string[]
  formats?: readonly FormatName[]
  options: Record<string, OptionSpec>
}

/** A command's options, `--format` restricted to the formats it offers. */
function optionsOf(spec: CommandSpec): Record<string, OptionSpec> {
  if (!spec.formats) return spec.options
  return { ...spec.options, format: { type: 'string', description: 'Output format', default: 'text', ...spec.options['format'], values: spec.formats } }
}

/** A command's usage line, its formats filled in. */
function usageOf(spec: CommandSpec): string {
  return spec.formats ? spec.usage.replace('FORMATS', spec.formats.join('|')) : spec.usage
}

/** A command's name. */
export type CommandName = keyof typeof COMMANDS

/** Parsed arguments. */
export type ParsedArgs =
  | { command: 'help'; topic?: CommandName | undefined }
  | { command: 'version' }
  | { command: CommandName; positionals: string[]; options: Record<string, string | boolean | undefined> }

const USAGE_FILE = '<arguments>'

function usage(reason: string, note?: string): never {
  fail(reason, { file: USAGE_FILE, ruleId: 'cli/usage', note: note ?? 'Run `diptych --help` for usage.' })
}

/** Parse argv (without `node` and the script). Usage errors are thrown as diagnostics. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    if (topic !== undefined && !(topic in COMMANDS)) usage(`Unknown command \`${topic}\``)
    return { command: 'help', topic: topic as CommandName | undefined }
  }
  if (first === '--version' || first === '-v') return { command: 'version' }
  // No file name, option or value can hold a NUL byte; the file system would refuse it with a TypeError.
  const nul = argv.findIndex((arg) => arg.includes('\0'))
  if (nul !== -1) usage(`Unexpected NUL byte in argument ${nul + 1} (\`${argv[nul]!.replace(/\0/g, '\\0')}\`)`)
  if (!(first in COMMANDS)) {
    const near = Object.keys(COMMANDS).find((name) => name.startsWith(first.slice(0, 2)))
    usage(`Unknown command \`${first}\`, expected one of ${Object.keys(COMMANDS).join(', ')}`, near ? `Did you mean \`${near}\`?` : undefined)
  }
  const command = first as CommandName
  const spec: CommandSpec = COMMANDS[command]
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    const options = optionsOf(spec)
    parsed = parseNodeArgs({ args: [...rest], options, allowPositionals: true, strict: true })
  } catch (error) {
    usage(`${(error as Error).message.split('\n')[0]} (in \`diptych ${command}\`)`, `Usage: ${usageOf(spec)}`)
  }
  const options = parsed.values as Record<string, string | boolean | undefined>
  if (options['help']) return { command: 'help', topic: command }
  for (const [name, option] of Object.entries(optionsOf(spec))) {
    const value = options[name]
    if (option.values && typeof value === 'string' && !option.values.includes(value)) {
      usage(`Unexpected value \`${value}\` for --${name}, expected ${option.values.join(' or ')}`, `Usage: ${usageOf(spec)}`)
    }
  }
  if (parsed.positionals.length > spec.positionals.length) {
    usage(`Unexpected argument \`${parsed.positionals[spec.positionals.length]}\` for \`diptych ${command}\``, `Usage: ${usageOf(spec)}`)
  }
  if (parsed.positionals.length < spec.positionals.length) {
    usage(`Expected ${spec.positionals.map((name) => `<${name}>`).join(' ')} for \`diptych ${command}\``, `Usage: ${usageOf(spec)}`)
  }
  return { command, positionals: parsed.positionals, options }
}

/** Help text: all commands, or one command's options. */
export function helpText(topic?: CommandName): string {
  if (topic) {
    const spec: CommandSpec = COMMANDS[topic]
    const lines = [`${spec.summary}.`, '', `Usage: ${usageOf(spec)}`, '', 'Options:']
    for (const [name, option] of Object.entries(optionsOf(spec))) {
      const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ' <value>' : ''}`
      lines.push(`  ${flag.padEnd(28)}${option.description}${option.default ? ` (default: ${option.default})` : ''}`)
    }
    if (spec.formats) {
      lines.push('', 'Formats (--format):')
      for (const name of spec.formats) lines.push(`  ${name.padEnd(28)}${FORMATS[name].summary}`)
    }
    return lines.join('\n') + '\n'
  }
  const lines = ['diptych: keep a policy written in two languages exact, executable and in step.', '', 'Usage: diptych <command> [options]', '', 'Commands:']
  for (const [name, spec] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)}${spec.summary}`)
  lines.push('', 'Output formats (each command offers some; see its help):')
  for (const format of Object.values(FORMATS)) lines.push(`  ${format.name.padEnd(10)}${format.summary}`)
  lines.push('', 'Run `diptych help <command>` for its options. Exit codes: 0 fine, 1 findings, 2 bad input or usage.')
  return lines.join('\n') + '\n'
}
