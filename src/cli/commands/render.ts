// `diptych render --out <dir>`: Markdown per language and the bilingual page, from the catalogue and the rules.
import { resolve } from 'node:path'
import { fail } from '../../diagnostics/index.js'
import { renderDocs } from '../../usecases/render.js'
import { type CommandContext, displayPath, inform } from '../io.js'

export async function runRender(context: CommandContext): Promise<number> {
  const out = context.options['out']
  if (typeof out !== 'string') fail('Missing option --out <dir>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych render --out <dir>' })
  // An empty --out would resolve to the current folder and scatter the docs there.
  if (out.trim() === '') fail('Unexpected empty --out, expected a folder', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych render --out <dir>' })
  const display = (path: string) => displayPath(path, context.cwd)
  const result = await renderDocs({ root: context.root, policy: context.policy, out: resolve(context.cwd, out), display })
  inform(context, `diptych render: ${result.files.map(display).join(', ')} (${result.id} ${result.version})\n`)
  return 0
}
