// The command line's grammar: commands, their option tables, and a pure parser of argv.
import { parseArgs as parseNodeArgs } from 'node:util'
import { fail } from '../diagnostics/index.js'
import { didYouMean } from '../util/suggest.js'
import { FORMATS, type FormatName } from './formats/index.js'

type OptionSpec = { type: 'string' | 'boolean'; short?: string; description: string; values?: readonly string[]; default?: string }

/** Options every command takes. */
const COMMON = {
  policy: { type: 'string', description: 'Policy folder under policy/ (default: the one diptych.config.json or package.json’s `diptych` key names, else pinterest)' },
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
    summary: 'Judge app profiles (files, NDJSON files of profiles, or - for one profile on stdin) against the policy’s rules',
    usage: 'diptych eval <profile.json|profiles.ndjson|->... [--policy pinterest] [--format FORMATS] [--fail-on violated|unknown|attest] [--lang en|nl] [--jobs N] [--docs <url>]',
    positionals: ['profile'],
    more: true,
    formats: ['text', 'json', 'html', 'ndjson'],
    options: {
      ...COMMON,
      format: { type: 'string', description: 'Report format on stdout (NDJSON input: one JSON report a line)', default: 'text' },
      'fail-on': {
        type: 'string',
        values: ['violated', 'unknown', 'attest'],
        description: 'Exit 1 when a profile violates a rule; unknown: also when a rule lacks facts; attest: also when a rule asks for an attestation',
        default: 'violated',
      },
      lang: { type: 'string', description: 'Language of the report (default: the reference language); NDJSON input: of the messages, several as en,nl' },
      jobs: { type: 'string', short: 'j', description: 'NDJSON input: worker threads (default: one a core; 1: none)' },
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
  init: {
    summary: 'Start a new policy: manifest, starter texts, glossary, rules, profile schema, tests (and, in an empty folder, diptych.config.json)',
    usage: 'diptych init <id> --reference <code> --locales <code,code…>',
    positionals: ['id'],
    options: {
      root: COMMON.root,
      quiet: COMMON.quiet,
      help: COMMON.help,
      reference: { type: 'string', description: 'The reference language (required)' },
      locales: { type: 'string', description: 'Every language, comma-separated, the reference included (required)' },
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
  /** The last positional may be given more than once (`eval a.json b.json`). */
  more?: boolean
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
    if (topic !== undefined && !(topic in COMMANDS)) usage(`Unknown command \`${topic}\``, suggestion(topic, Object.keys(COMMANDS)))
    return { command: 'help', topic: topic as CommandName | undefined }
  }
  if (first === '--version' || first === '-v') return { command: 'version' }
  // No file name, option or value can hold a NUL byte; the file system would refuse it with a TypeError.
  const nul = argv.findIndex((arg) => arg.includes('\0'))
  if (nul !== -1) usage(`Unexpected NUL byte in argument ${nul + 1} (\`${argv[nul]!.replace(/\0/g, '\\0')}\`)`)
  if (!(first in COMMANDS)) {
    const names = Object.keys(COMMANDS)
    if (first.startsWith('-')) usage(`Unexpected option \`${first}\` before the command, expected one of ${names.join(', ')}`, 'Usage: diptych <command> [options]; run `diptych --help` for the commands.')
    usage(`Unknown command \`${first}\`, expected one of ${names.join(', ')}`, suggestion(first, names))
  }
  const command = first as CommandName
  const spec: CommandSpec = COMMANDS[command]
  const options = optionsOf(spec)
  // Not strict: every option is checked below, so that a mistake is worded like every other message of diptych.
  const parsed = parseNodeArgs({ args: [...rest], options, allowPositionals: true, strict: false, tokens: true })
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    const option = options[token.name]
    if (!option) unknownOption(command, spec, token.rawName, rest[token.index]!)
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')))) {
      // A value that looks like an option is taken for a forgotten value (`--policy --quiet`), as Node's strict parser does.
      usage(
        `Missing value for ${token.rawName}${token.value === undefined ? '' : ` (\`${token.value}\` is an option)`}`,
        `Usage: ${usageOf(spec)}${token.value === undefined ? '' : `; a value that starts with a dash is given as ${token.rawName}=${token.value}`}`,
      )
    }
    if (option.type === 'boolean' && token.value !== undefined) usage(`Unexpected value \`${token.value}\` for ${token.rawName}, which takes none`, `Usage: ${usageOf(spec)}`)
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values['help']) return { command: 'help', topic: command }
  for (const [name, option] of Object.entries(options)) {
    const value = values[name]
    if (option.values && typeof value === 'string' && !option.values.includes(value)) {
      usage(`Unexpected value \`${value}\` for --${name}, expected ${option.values.join(' or ')}`, suggestion(value, option.values) ?? `Usage: ${usageOf(spec)}`)
    }
  }
  if (parsed.positionals.length > spec.positionals.length && !spec.more) {
    usage(`Unexpected argument \`${parsed.positionals[spec.positionals.length]}\` for \`diptych ${command}\``, `Usage: ${usageOf(spec)}`)
  }
  if (parsed.positionals.length < spec.positionals.length) {
    usage(`Expected ${spec.positionals.map((name) => `<${name}>`).join(' ')} for \`diptych ${command}\``, `Usage: ${usageOf(spec)}`)
  }
  return { command, positionals: parsed.positionals, options: values }
}

/** "Did you mean `x`?" for a name near one of `candidates`. */
function suggestion(name: string, candidates: Iterable<string>): string | undefined {
  const near = didYouMean(name, candidates)
  return near === undefined ? undefined : `Did you mean \`${near}\`?`
}

/** Fail on an option the command does not take: the nearest one it takes, or the commands that take it, or the usage. */
function unknownOption(command: CommandName, spec: CommandSpec, rawName: string, arg: string): never {
  // `-policy` is read by Node as the short options -p -o -l…: name what was typed.
  const typed = /^-[^-]/.test(arg) && arg.length > 2 ? arg.split('=')[0]! : rawName
  const name = typed.replace(/^-+/, '')
  const names = Object.keys(optionsOf(spec))
  const near = name.length > 1 ? didYouMean(name, names) : undefined
  const elsewhere = Object.entries(COMMANDS as Record<string, CommandSpec>)
    .filter(([other, entry]) => other !== command && name in entry.options)
    .map(([other]) => `\`diptych ${other}\``)
  const note =
    near !== undefined ? `Did you mean \`--${near}\`?` : elsewhere.length > 0 ? `\`--${name}\` is an option of ${elsewhere.join(', ')}; usage: ${usageOf(spec)}` : `Usage: ${usageOf(spec)}`
  usage(`Unknown option \`${typed}\` for \`diptych ${command}\``, note)
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
