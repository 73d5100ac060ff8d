// The output formats: one module a format, one line here to register it. A command offers some of them
// (`formats` in its entry of ../args.ts); `--format` is checked against that list and `--help` lists them from here.
import type { Output } from '../io.js'
import { html } from './html.js'
import { json } from './json.js'
import { ndjson } from './ndjson.js'
import { sarif } from './sarif.js'
import { text } from './text.js'
import type { OutputFormat, RenderOptions, ResultKind, Results } from './types.js'

export type { OutputFormat, RenderOptions, Rendered, ResultKind, Results } from './types.js'

/** Every output format, by name. */
export const FORMATS = { text, json, sarif, html, ndjson } as const satisfies Record<string, OutputFormat>

/** The name of an output format. */
export type FormatName = keyof typeof FORMATS

/** Print a command's result in a format it offers (the argument parser has checked the name). */
export async function emit<K extends ResultKind>(format: unknown, kind: K, result: Results[K], context: { stdout: Output; stderr: Output; color: boolean; quiet?: boolean }): Promise<void> {
  const entry: OutputFormat | undefined = (FORMATS as Record<string, OutputFormat>)[typeof format === 'string' ? format : 'text']
  const render = entry?.render[kind] as ((result: Results[K], options: RenderOptions) => ReturnType<NonNullable<OutputFormat['render'][K]>>) | undefined
  if (!render) throw new Error(`The ${String(format)} format cannot print the result of \`${kind}\``)
  const rendered = await render(result, { color: context.color, quiet: context.quiet ?? false })
  if (rendered.stdout) context.stdout.write(rendered.stdout)
  if (rendered.stderr) context.stderr.write(rendered.stderr)
}
