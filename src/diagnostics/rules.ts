// Every rule ID diptych reports, with its summary: the one table the README's reference of error IDs is generated from
// (`npm run docs`) and each message's `url` points into. `diagnostic()` accepts only these IDs, so `tsc` refuses a
// message whose ID is not here. The locale diff checks (findings) have their own table, `CHECKS` in
// src/align/checks/, which the README's table of checks is generated from.

/** What the table says of a rule. */
export interface RuleInfo {
  /** `error` stops the command (exit code 2) or fails it; `warning` is printed and the command goes on. */
  severity: 'error' | 'warning'
  /** One line: what is wrong and, where short, what to do. */
  summary: string
}

/** The rule IDs, grouped by the stage that reports them (the part before the `/`). */
export const RULES = {
  // The command line
  'cli/usage': { severity: 'error', summary: 'The command line is wrong: an unknown command, option or value, or a missing argument.' },
  'cli/invalid-policy': { severity: 'error', summary: 'The `--policy` name is not a folder name of letters, digits and `-`.' },
  'cli/unknown-locale': { severity: 'error', summary: 'The `--locale` is not one of the policy\'s languages.' },
  // Any input file
  'input/file-not-found': { severity: 'error', summary: 'A file named on the command line or by the project does not exist.' },
  'input/not-a-file': { severity: 'error', summary: 'A folder was given where a file is expected.' },
  'input/unreadable': { severity: 'error', summary: 'A file cannot be read: permissions, a device or pipe, or a NUL byte in its name.' },
  'input/outside-project': { severity: 'error', summary: 'A file the project names resolves (through a link or `..`) outside the project folder, and is refused.' },
  'json/syntax': { severity: 'error', summary: 'A JSON file (any file of the project, a profile or a line of a batch) is not valid JSON; the line and column of the first syntax error are given.' },
  // The project's files
  'policy/not-found': { severity: 'error', summary: 'The policy has no manifest `policy/<id>/policy.json`.' },
  'policy/unreadable': { severity: 'error', summary: 'The policy manifest cannot be read.' },
  'policy/invalid-manifest': { severity: 'error', summary: 'The policy manifest does not match its schema (`policy/schema/policy.schema.json`), or names a file outside the policy folder.' },
  'lock/unreadable': { severity: 'error', summary: 'A translation lock `locales/<lang>/<policy>.lock.json` cannot be read.' },
  'lock/invalid': { severity: 'error', summary: 'A translation lock is not `{ reference, basis }` with a sha256 per clause, or is of another reference language.' },
  'baseline/unreadable': { severity: 'error', summary: 'The check baseline cannot be read.' },
  'baseline/invalid': { severity: 'error', summary: 'The check baseline is not `{ accepted: [...] }` with a check, locale, reason and hash per entry.' },
  'glossary/not-found': { severity: 'error', summary: 'The glossary named with `--glossary` does not exist.' },
  'glossary/unreadable': { severity: 'error', summary: 'The glossary cannot be read.' },
  'glossary/invalid': { severity: 'error', summary: 'The glossary is not a list of terms with their translation per language.' },
  'transaction/invalid-journal': { severity: 'error', summary: 'The journal of an interrupted write cannot be read, so it cannot be finished; restore the files from version control.' },
  // Reading policy texts
  'ingest/file-not-found': { severity: 'error', summary: 'The policy text to import does not exist.' },
  'ingest/unreadable': { severity: 'error', summary: 'The policy text to import cannot be read.' },
  'ingest/encoding': { severity: 'error', summary: 'A text is not UTF-8; the line and column of the first invalid byte are given.' },
  'ingest/empty': { severity: 'error', summary: 'The text to import is empty.' },
  'ingest/no-structure': { severity: 'error', summary: 'No sections and clauses were found in the text (no headings, paragraphs or items).' },
  'ingest/too-deep': { severity: 'error', summary: 'Lists or quotes are nested deeper than the limit.' },
  'ingest/invalid-front-matter': { severity: 'error', summary: 'The YAML front matter of a Markdown text is not valid YAML.' },
  'ingest/hints': { severity: 'error', summary: 'The import hints file is not `{ "headings": [...], "paragraphs": [...] }`.' },
  'ingest/invalid-id': { severity: 'error', summary: 'A `{#id}` is not lowercase letters and digits joined by `-` or `.`.' },
  'ingest/duplicate-id': { severity: 'error', summary: 'Two blocks of a text have the same ID.' },
  'ingest/missing-id': { severity: 'error', summary: 'A block of the reference has no ID where the import needs one.' },
  'ingest/no-reference': { severity: 'error', summary: 'A translation is imported before the reference language it takes its IDs from.' },
  'ingest/invalid-retired-ids': { severity: 'error', summary: 'The list of retired IDs `policy/<id>/retired-ids.json` is not valid.' },
  'ingest/html-too-deep': { severity: 'error', summary: 'The elements of an HTML page are nested deeper than the limit.' },
  'ingest/invalid-url': { severity: 'error', summary: 'A source URL is not a valid http or https URL: other schemes (`file:`, `ftp:`) and URLs with a password are refused.' },
  'ingest/fetch-status': { severity: 'error', summary: 'The server of a source URL answered with a status other than 2xx (after redirects), such as 404.' },
  'ingest/fetch-timeout': { severity: 'error', summary: 'A source URL did not answer within the time limit (see the limits table, or `DIPTYCH_FETCH_TIMEOUT_MS`).' },
  'ingest/fetch-failed': { severity: 'error', summary: 'A source URL could not be fetched: the name does not resolve, the connection is refused or broken, too many redirects.' },
  'ingest/too-large': { severity: 'error', summary: 'A page fetched from a URL is larger than the limit.' },
  'ingest/unsupported-content-type': { severity: 'error', summary: 'A source URL serves something other than HTML, Markdown or plain text (an image, a PDF, JSON).' },
  'ingest/invalid-sources-lock': { severity: 'error', summary: 'The record of fetched sources `policy/<id>/sources.lock.json` is not `{ "<locale>": { url, sha256, fetched } }`.' },
  'ingest/source-changed': { severity: 'warning', summary: 'A source fetched from a URL differs from the one recorded at the previous import (`sources.lock.json`): the published page changed.' },
  'ingest/empty-block': { severity: 'warning', summary: 'A heading, paragraph or item without text was left out.' },
  'ingest/unsupported-markdown': { severity: 'warning', summary: 'A Markdown construct diptych does not read was kept as a paragraph of text.' },
  'ingest/new-id': { severity: 'warning', summary: 'A reference block matched no earlier clause and was given a new ID.' },
  'ingest/unaligned-block': { severity: 'warning', summary: 'A translated block matched no reference block and was given a new ID.' },
  'ingest/missing-counterpart': { severity: 'warning', summary: 'A reference block has no counterpart in the translation.' },
  'ingest/uncertain-pair': { severity: 'warning', summary: 'A translated block was paired with a reference block with low confidence; check the pair.' },
  'ingest/uncertain-match': { severity: 'warning', summary: 'A reworded clause was matched to an earlier ID (or taken as new) with low confidence; give an explicit `{#id}` to decide.' },
  'build/source-older': { severity: 'error', summary: 'A language’s Markdown changed after its source was imported, so a build from sources, which would replace it with the older text, is refused.' },
  // The catalogue
  'catalogue/unreadable': { severity: 'error', summary: 'A canonical locale file cannot be read.' },
  'catalogue/missing-locale': { severity: 'error', summary: 'A language of the manifest has no locale file; import it first.' },
  'catalogue/missing-id': { severity: 'error', summary: 'A block of a canonical locale file has no `{#id}`.' },
  'catalogue/invalid': { severity: 'error', summary: 'A catalogue does not match the published schema (`policy/schema/catalogue.schema.json`).' },
  'catalogue/extra-block': { severity: 'warning', summary: 'A translation has a clause the reference does not; it is left out of the catalogue.' },
  'catalogue/form-mismatch': { severity: 'warning', summary: 'A clause is a heading in one language and a paragraph or item in another.' },
  'catalogue/missing-translation': { severity: 'warning', summary: 'A clause has no text in one of the languages.' },
  // The subject schema of the rules
  'schema/invalid': { severity: 'error', summary: 'The subject schema is not a JSON Schema ajv can compile.' },
  'schema/invalid-pattern': { severity: 'error', summary: 'A `pattern` of the subject schema is not a valid regular expression.' },
  'schema/too-deep': { severity: 'error', summary: 'The subject schema is nested deeper than the limit.' },
  'schema/unsupported': { severity: 'error', summary: 'The subject schema uses a keyword (such as `format`) whose validator diptych cannot compile standalone.' },
  // The rule language
  'dsl/syntax': { severity: 'error', summary: 'A rules file does not follow the grammar.' },
  'dsl/too-deep': { severity: 'error', summary: 'A rule expression is nested deeper than the limit.' },
  'dsl/too-long': { severity: 'error', summary: 'An identifier of a rules file is longer than the limit.' },
  'dsl/too-large': { severity: 'error', summary: 'A rules file is larger than the limit.' },
  'dsl/number-out-of-range': { severity: 'error', summary: 'A number literal is too large to be represented.' },
  'dsl/unknown-fact': { severity: 'error', summary: 'A path names no field of the subject schema (with a did-you-mean).' },
  'dsl/type-mismatch': { severity: 'error', summary: 'An operator or function is applied to a value of the wrong type.' },
  'dsl/enum-value': { severity: 'error', summary: 'A field is compared with a value its schema\'s `enum` does not allow.' },
  'dsl/unknown-clause': { severity: 'error', summary: 'A rule implements a clause ID the catalogue does not have.' },
  'dsl/duplicate-id': { severity: 'error', summary: 'Two rules or definitions have the same name.' },
  'dsl/missing-field': { severity: 'error', summary: 'A rule lacks a field it needs (`implements`, or one of `must`, `must not`, `may`, `attest`).' },
  'dsl/duplicate-field': { severity: 'error', summary: 'A rule has a field twice, or a text twice in one language.' },
  'dsl/conflicting-fields': { severity: 'error', summary: 'A rule has both a predicate and `attest`.' },
  'dsl/missing-locale': { severity: 'error', summary: 'A text of a rule lacks one of the policy\'s languages.' },
  'dsl/unknown-locale': { severity: 'error', summary: 'A text of a rule is in a language the policy does not have.' },
  'dsl/empty-text': { severity: 'error', summary: 'A text of a rule is empty.' },
  'dsl/invalid-placeholder': { severity: 'error', summary: 'A `{placeholder}` in a text is not a path to a fact.' },
  'dsl/definition-cycle': { severity: 'error', summary: 'Definitions use each other in a cycle.' },
  'dsl/shadowed-name': { severity: 'error', summary: 'A quantifier variable has the name of a definition or of an enclosing variable.' },
  'dsl/uncovered-clause': { severity: 'error', summary: 'An obligation, prohibition or permission of the catalogue is implemented by no rule or attestation, and not classified `informative`.' },
  // Rule tests and app profiles
  'test/unreadable': { severity: 'error', summary: 'A rule test, or the tests folder, cannot be read.' },
  'test/invalid-test': { severity: 'error', summary: 'A rule test is not `{ profile, expect }`.' },
  'test/unknown-rule': { severity: 'error', summary: 'A rule test expects a status of a rule the policy does not have.' },
  'test/unknown-status': { severity: 'error', summary: 'A rule test expects a status that does not exist.' },
  'test/invalid-profile': { severity: 'error', summary: 'The profile of a rule test does not match the subject schema.' },
  'eval/invalid-profile': { severity: 'error', summary: 'A profile does not match the subject schema; each error names its field.' },
  'eval/too-deep': { severity: 'error', summary: 'A profile is nested deeper than the limit.' },
  'eval/too-large': { severity: 'error', summary: 'A profile (or a line of a batch) is larger than the limit; split a batch into NDJSON.' },
  // Comparing, confirming, releasing
  'confirm/unknown-clause': { severity: 'error', summary: 'The clause to confirm is not in the reference.' },
  'confirm/untranslated': { severity: 'error', summary: 'The clause to confirm has no translation in that language.' },
  'diff/unknown-side': { severity: 'error', summary: 'A side of `diptych diff` is neither `current`, a catalogue file, a released version nor a git revision.' },
  'release/integrity': { severity: 'error', summary: 'A stored release no longer matches the hashes recorded when it was released; nothing is released on top of it.' },
  'release/check-failed': { severity: 'error', summary: 'The locale diff check reports errors, so the policy is not released.' },
  'release/incomplete': { severity: 'error', summary: 'A clause lacks its text in a language, or a translation is stale (baselined or not), so the policy is not released: a release holds every clause in every language.' },
  'release/bump-too-small': { severity: 'error', summary: 'The requested version or bump is smaller than the changes since the last release need.' },
  'release/exists': { severity: 'error', summary: 'The version is already released with other content (released versions are immutable).' },
  'release/unreadable': { severity: 'error', summary: 'A stored release file cannot be read.' },
  'release/invalid-record': { severity: 'error', summary: 'A release record `releases/<version>/release.json` is not valid.' },
  'release/invalid-index': { severity: 'error', summary: 'The index of releases `releases/index.json` is not `{ versions, head }`.' },
  'release/not-writable': { severity: 'error', summary: 'A file the command writes cannot be written (permissions, or a folder or link in its place); nothing was written.' },
} as const satisfies Record<string, RuleInfo>

/** A rule ID of the table. */
export type RuleId = keyof typeof RULES

/** Where the README's reference of rule IDs is published. */
export const RULES_URL = 'https://github.com/diptych/diptych#rule-ids'

/** The README anchor of a rule: `rule-dsl-type-mismatch`. */
export function ruleAnchor(id: string): string {
  return `rule-${id.replace(/\//g, '-')}`
}

/** The URL of a rule's entry in the README. */
export function ruleUrl(id: string): string {
  return readmeUrl(ruleAnchor(id))
}

/** The URL of a heading of the published README (a locale check's entry is its ID). */
export function readmeUrl(anchor: string): string {
  return `${RULES_URL.slice(0, RULES_URL.indexOf('#'))}#${anchor}`
}

/** The README's markers around the reference of rule IDs. */
export const RULES_MARKERS = ['<!-- rules:start (generated by `npm run docs`) -->', '<!-- rules:end -->'] as const

/** The README's reference of rule IDs: one row a rule, each with the anchor its messages' `url` points to. */
export function rulesMarkdown(): string {
  const lines = ['| rule ID | severity | what it means |', '| --- | --- | --- |']
  for (const [id, { severity, summary }] of Object.entries(RULES) as Array<[RuleId, RuleInfo]>) {
    lines.push(`| <a id="${ruleAnchor(id)}"></a>\`${id}\` | ${severity} | ${summary.replace(/\|/g, '\\|')} |`)
  }
  return lines.join('\n')
}
