// Confirm: the translation of a clause is still right for the reference text as it is now (its lock records the hash).
import { fail } from '../diagnostics/index.js'
import { parseMarkdown } from '../ingest/parse-markdown.js'
import { readSource } from '../ingest/read-source.js'
import { readLock, writeLock } from '../project/lock.js'
import { policyPaths, readManifest } from '../project/manifest.js'
import { hashText } from '../text/hash.js'
import { didYouMeanId, didYouMeanNote } from '../util/suggest.js'

/** Options of {@link confirmTranslation}. */
export interface ConfirmOptions {
  root: string
  policy: string
  /** The clause ID. */
  clause: string
  /** The translation's language. */
  locale: string
}

/** Record that the `locale` translation of `clause` matches the current reference text; returns whether the lock changed. */
export async function confirmTranslation(options: ConfirmOptions): Promise<{ changed: boolean }> {
  const { clause, locale } = options
  const paths = policyPaths(options.root, options.policy)
  const manifest = await readManifest(paths)
  if (locale === manifest.reference || !manifest.locales.includes(locale)) {
    fail(`\`${locale}\` is not a translation of this policy, expected one of ${manifest.locales.filter((l) => l !== manifest.reference).map((l) => `\`${l}\``).join(', ')}`, { file: '<arguments>', ruleId: 'cli/usage' })
  }
  const read = async (code: string) => parseMarkdown(await readSource(paths.locale(code), paths.display(paths.locale(code)), { inside: paths.root }), paths.display(paths.locale(code)))
  const reference = await read(manifest.reference)
  const translation = await read(locale)
  const source = reference.blocks.find((block) => block.id === clause)
  if (!source) {
    const near = didYouMeanId(clause, reference.blocks.flatMap((block) => (block.id === undefined ? [] : [block.id])))
    fail(`Unknown clause \`${clause}\``, {
      file: reference.file,
      ruleId: 'confirm/unknown-clause',
      note: didYouMeanNote(near) ?? `Clause IDs are the \`{#id}\` of each block of ${reference.file}.`,
    })
  }
  if (!translation.blocks.some((block) => block.id === clause)) {
    fail(`Clause \`${clause}\` has no \`${locale}\` translation to confirm`, { file: translation.file, ruleId: 'confirm/untranslated', note: `Translate it and run \`diptych import <file> --locale ${locale}\`.` })
  }
  const file = paths.lock(locale)
  const lock = (await readLock(file, paths.display(file), paths.root)) ?? { reference: manifest.reference, basis: {} }
  const changed = await writeLock(file, { reference: manifest.reference, basis: { ...lock.basis, [clause]: hashText(source.text) } })
  return { changed }
}
