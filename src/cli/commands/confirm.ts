// `diptych confirm <clause> --locale <code>`: the translation of a clause is still right for the reference as it is now.
import { readLock, writeLock } from '../../project/lock.js'
import { hashText } from '../../text/hash.js'
import { policyPaths, readManifest } from '../../project/manifest.js'
import { fail } from '../../diagnostics/index.js'
import { parseMarkdown } from '../../ingest/parse-markdown.js'
import { readSource } from '../../ingest/read-source.js'
import { didYouMean } from '../../dsl/types.js'
import type { CommandContext } from '../io.js'

export async function runConfirm(context: CommandContext): Promise<number> {
  const locale = context.options['locale']
  if (typeof locale !== 'string') fail('Missing option --locale <code>', { file: '<arguments>', ruleId: 'cli/usage', note: 'Usage: diptych confirm <clause-id> --locale <code>' })
  const clause = context.positionals[0]!
  const paths = policyPaths(context.root, context.policy)
  const manifest = await readManifest(paths)
  if (locale === manifest.reference || !manifest.locales.includes(locale)) {
    fail(`\`${locale}\` is not a translation of this policy, expected one of ${manifest.locales.filter((l) => l !== manifest.reference).map((l) => `\`${l}\``).join(', ')}`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  const read = async (code: string) => parseMarkdown(await readSource(paths.locale(code), paths.display(paths.locale(code)), { inside: paths.root }), paths.display(paths.locale(code)))
  const reference = await read(manifest.reference)
  const translation = await read(locale)
  const source = reference.blocks.find((block) => block.id === clause)
  if (!source) {
    const near = didYouMean(clause, reference.blocks.map((block) => block.id!))
    fail(`Unknown clause \`${clause}\``, { file: reference.file, ruleId: 'confirm/unknown-clause', note: near ? `Did you mean \`${near}\`?` : undefined })
  }
  if (!translation.blocks.some((block) => block.id === clause)) {
    fail(`Clause \`${clause}\` has no \`${locale}\` translation to confirm`, { file: translation.file, ruleId: 'confirm/untranslated', note: `Translate it and run \`diptych import <file> --locale ${locale}\`.` })
  }
  const file = paths.lock(locale)
  const lock = (await readLock(file, paths.display(file), paths.root)) ?? { reference: manifest.reference, basis: {} }
  const changed = await writeLock(file, { reference: manifest.reference, basis: { ...lock.basis, [clause]: hashText(source.text) } })
  context.stderr.write(`diptych confirm: ${clause} (${locale}) ${changed ? 'confirmed against the current reference text' : 'was already current'}\n`)
  return 0
}
