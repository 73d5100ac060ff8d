import { describe, expect, it } from 'vitest'
import { COMMANDS, helpText, parseArgs } from '../../src/cli/args.js'
import { FORMATS } from '../../src/cli/formats/index.js'
import type { OutputFormat, ResultKind } from '../../src/cli/formats/index.js'
import { run } from '../helpers.js'

const offered = Object.entries(COMMANDS).flatMap(([command, spec]) => ('formats' in spec ? spec.formats.map((format) => [command, format] as const) : []))

describe('output formats', () => {
  it('are one registry: each registered under its own name, with a summary', () => {
    for (const [name, format] of Object.entries(FORMATS)) {
      expect(format.name).toBe(name)
      expect(format.summary).not.toBe('')
    }
  })

  it.each(offered)('%s offers %s, and that format renders its result', (command, format) => {
    expect((FORMATS[format] as OutputFormat).render[command as ResultKind]).toBeTypeOf('function')
  })

  it('--format takes only what the command offers, in one usage line naming them', () => {
    expect(() => parseArgs(['diff', 'a', 'b', '--format', 'sarif'])).toThrow('Unexpected value `sarif` for --format, expected text or json')
    expect(() => parseArgs(['eval', 'p.json', '--format', 'sarif'])).toThrow('expected text or json or html or ndjson')
    expect(parseArgs(['check', '--format', 'sarif'])).toMatchObject({ command: 'check', options: { format: 'sarif' } })
  })

  it('--help lists the formats from the registry', async () => {
    expect(helpText('check')).toContain('Usage: diptych check [--policy pinterest] [--format text|json|sarif] [--update-baseline]')
    expect(helpText('check')).toContain(FORMATS.sarif.summary)
    expect(helpText('check')).not.toContain(FORMATS.html.summary)
    for (const format of Object.values(FORMATS)) expect(helpText()).toContain(`  ${format.name.padEnd(10)}${format.summary}`)
    const { code, stdout } = await run(['align', '--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('Formats (--format):')
  })

  it('eval --format ndjson prints the report of one profile on one line', async () => {
    const json = await run(['eval', 'examples/compliant.json', '--format', 'json'])
    const ndjson = await run(['eval', 'examples/compliant.json', '--format', 'ndjson'])
    expect(ndjson.code).toBe(json.code)
    expect(ndjson.stdout).toBe(JSON.stringify(JSON.parse(json.stdout)) + '\n')
  })
})
