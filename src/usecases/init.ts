// Init: scaffold a new policy (manifest, sources, locale files, glossary, an empty rules file, a profile schema stub, a
// tests folder) that builds, checks, tests and renders at once; in an empty folder, also the project's config file.
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fail } from '../diagnostics/index.js'
import { ENGLISH, language } from '../languages/index.js'
import { CONFIG_FILE } from '../project/config.js'
import { ARTEFACT, glossaryPath, policyPaths } from '../project/paths.js'
import { stringifyJson } from '../util/json.js'
import { type TransactionFile, commitFiles } from '../util/transaction.js'

/** Options of {@link initPolicy}. */
export interface InitOptions {
  root: string
  /** The new policy's ID (its folder's name). */
  id: string
  reference: string
  /** Every language, the reference included. */
  locales: string[]
  /** The policy's title in each language (default: its ID). */
  title?: Record<string, string> | undefined
}

/** What {@link initPolicy} wrote, as paths relative to the root. */
export interface InitResult {
  files: string[]
  /** Whether a project config file naming this policy as the default was written (an empty folder). */
  config: boolean
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const LOCALE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/

/** The subject schema a new policy starts from: an object with no facts yet (the rules' facts are added to it). */
function profileSchema(id: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `App profile for ${id}`,
    description: `The facts about an app that the rules of policy/${id}/rules.dip read. Every field is optional: a fact left out makes the rules that need it \`unknown\`, never \`satisfied\`.`,
    type: 'object',
    additionalProperties: false,
    properties: { $schema: { type: 'string' } },
  }
}

/** The starter Markdown of one language: a title, one section and one informative clause, with their IDs. */
function starter(id: string, title: string, locale: string): string {
  const labels = language(locale)?.starter ?? ENGLISH.starter!
  return `# ${title}\n\n## ${labels.section} {#about}\n\n${labels.clause} {#about.no-text-yet}\n`
}

/** Scaffold a policy; refuses (one line) an ID or language that is not one, or a policy that exists. */
export async function initPolicy(options: InitOptions): Promise<InitResult> {
  const { root, id, reference } = options
  if (!ID.test(id)) fail(`Unexpected policy ID \`${id}\`, expected lowercase letters, digits and dashes`, { file: '<arguments>', ruleId: 'cli/usage' })
  const locales = [...new Set([reference, ...options.locales])]
  const bad = locales.find((locale) => !LOCALE.test(locale))
  if (bad !== undefined) fail(`Unexpected language \`${bad}\`, expected a code such as en, fr or pt-BR`, { file: '<arguments>', ruleId: 'cli/usage' })
  if (locales.length < 2) fail('Unexpected single language: a policy has a reference and at least one translation (--locales en,fr)', { file: '<arguments>', ruleId: 'cli/usage' })
  const paths = policyPaths(root, id)
  if (existsSync(paths.folder)) fail(`Policy \`${id}\` exists already`, { file: paths.display(paths.folder), ruleId: 'cli/usage', note: 'Choose another ID, or remove the folder.' })
  const empty = (await readdir(root).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).length === 0
  const title = Object.fromEntries(locales.map((locale) => [locale, options.title?.[locale] ?? id]))
  const manifest = {
    id,
    title,
    reference,
    locales,
    version: '0.1.0',
    sources: Object.fromEntries(locales.map((locale) => [locale, `sources/${locale}.md`])),
    rules: [ARTEFACT.rules],
    subject: 'profile.schema.json',
    // While the rules are being written an uncovered clause is a warning, never a reason to call it informative.
    coverage: 'warning',
  }
  const files: TransactionFile[] = [
    { path: paths.manifest, data: stringifyJson(manifest) },
    { path: join(paths.folder, 'profile.schema.json'), data: stringifyJson(profileSchema(id)) },
    { path: join(paths.folder, ARTEFACT.rules), data: `// The rules of ${id}: each clause an app must follow becomes a rule (see the README, "The rule language").\n` },
    { path: join(paths.tests, '.gitkeep'), data: '' },
  ]
  for (const locale of locales) {
    const text = starter(id, title[locale]!, locale)
    files.push({ path: join(paths.folder, 'sources', `${locale}.md`), data: text }, { path: paths.locale(locale), data: text })
  }
  const glossary = glossaryPath(root)
  if (!existsSync(glossary)) {
    files.push({ path: glossary, data: stringifyJson({ $comment: 'Term pairs between the languages, and terms kept as they are (term-mismatch).', keep: [], terms: [] }) })
  }
  if (empty) files.push({ path: join(root, CONFIG_FILE), data: stringifyJson({ policy: id }) })
  await commitFiles(root, files, paths.display)
  return { files: files.map((file) => paths.display(file.path)), config: empty }
}
