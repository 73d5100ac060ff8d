// A changelog entry in every language of the policy, from a diff.
import type { Catalogue } from '../catalogue/types.js'
import { ENGLISH, language } from '../languages/index.js'
import type { PolicyDiff } from './diff.js'

/** A clause's text in full (a changelog is a record: never cut), on one line. */
function quote(text: string | undefined): string {
  if (text === undefined) return ''
  return `: “${text.replace(/\s*\n\s*/g, ' ')}”`
}

/** The entry for one release, one part a language (labels in English for a language without its own). */
export function changelogEntry(version: string, date: string, catalogue: Catalogue, diff: PolicyDiff | undefined, ruleCount: number): string {
  const lines = [`## ${version} (${date})`, '']
  for (const locale of catalogue.locales) {
    const label = (language(locale) ?? ENGLISH).changelog
    lines.push(`### ${language(locale)?.name ?? locale}`, '')
    if (!diff) {
      const clauses = catalogue.sections.reduce((sum, section) => sum + section.clauses.length, 0)
      lines.push(`- ${label.first}: ${catalogue.sections.length} ${label.sections}, ${clauses} ${label.clauses}, ${ruleCount} ${label.ruleCount}.`, '')
      continue
    }
    const section = (id: string) => catalogue.sections.find((item) => item.id === id)?.title[locale] ?? id
    for (const clause of diff.clauses.added) lines.push(`- ${label.added} \`${clause.id}\`${quote(clause.text[locale])}`)
    for (const clause of diff.clauses.reworded) if (clause.locales.includes(locale)) lines.push(`- ${label.reworded} \`${clause.id}\`${quote(clause.text[locale])}`)
    for (const clause of diff.clauses.moved) {
      lines.push(`- ${label.moved} \`${clause.id}\`${clause.from === clause.to ? '' : ` ${label.from} ${clause.fromTitle[locale] ?? clause.from} ${label.to} ${clause.toTitle[locale] ?? section(clause.to)}`}`)
    }
    for (const clause of diff.clauses.removed) lines.push(`- ${label.removed} \`${clause.id}\`${quote(clause.text[locale])}`)
    for (const clause of diff.clauses.kindChanged) lines.push(`- ${label.kind} \`${clause.id}\`: ${clause.from} → ${clause.to}`)
    const rules = [...diff.rules.added.map((id) => `+\`${id}\``), ...diff.rules.removed.map((id) => `−\`${id}\``), ...diff.rules.changed.map((rule) => `~\`${rule.id}\``)]
    if (rules.length > 0) lines.push(`- ${label.rules}: ${rules.join(', ')}`)
    lines.push('')
  }
  return lines.join('\n')
}

/** A changelog with `entry` added at the top, under its title. */
export function prependEntry(changelog: string | undefined, title: string, entry: string): string {
  const heading = `# ${title}\n\n`
  const body = changelog === undefined ? '' : changelog.startsWith('# ') ? changelog.slice(changelog.indexOf('\n') + 1).replace(/^\n+/, '') : changelog
  return `${heading}${entry}${body ? `\n${body}` : ''}`.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n')
}
