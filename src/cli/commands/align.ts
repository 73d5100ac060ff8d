// `diptych align <reference> <translation>`: align any two documents and run the locale diff checks on them.
import { resolve } from 'node:path'
import { alignDocuments } from '../../usecases/align.js'
import { emit } from '../formats/index.js'
import { type CommandContext, displayPath } from '../io.js'

export async function runAlign(context: CommandContext): Promise<number> {
  const [referenceArg, translationArg] = context.positionals as [string, string]
  const display = (path: string) => displayPath(path, context.cwd)
  const input = (arg: string) => {
    const path = resolve(context.cwd, arg)
    return { path, display: display(path) }
  }
  const glossary = context.options['glossary'] as string | undefined
  const result = await alignDocuments({
    reference: input(referenceArg),
    translation: input(translationArg),
    from: context.options['from'] as string | undefined,
    to: context.options['to'] as string | undefined,
    glossary: glossary ? { path: resolve(context.cwd, glossary), display: glossary } : undefined,
    collector: context.collector,
  })
  await emit(context.options['format'], 'align', result, context)
  return result.errors > 0 ? 1 : 0
}
