// Report rules without exactly one `implements` and one modality or `attest`, or without texts in every language.
import type { Field, LocaleText, Rule } from '../ast.js'
import type { CheckPass, CheckContext } from './context.js'
import { report } from './context.js'

const NAMES: Record<Field['type'], string> = { implements: '`implements`', modality: '`must`/`may`', when: '`when`', message: '`message`', attest: '`attest`' }

export const reportRuleShape: CheckPass = (context) => {
  for (const unit of context.units) {
    for (const item of unit.program.items) if (item.type === 'rule') checkRule(context, unit.file, item)
  }
}

function checkRule(context: CheckContext, file: string, rule: Rule): void {
  const byType = new Map<Field['type'], Field[]>()
  for (const field of rule.fields) byType.set(field.type, [...(byType.get(field.type) ?? []), field])
  for (const [type, fields] of byType) {
    for (const extra of fields.slice(1)) report(context, file, extra.loc, `Duplicate ${NAMES[type]} in rule \`${rule.id}\``, 'dsl/duplicate-field')
  }
  if (!byType.has('implements')) {
    report(context, file, rule.loc, `Rule \`${rule.id}\` implements no clause, expected \`implements <clause-id>\``, 'dsl/missing-field')
  }
  const modality = byType.get('modality')?.[0]
  const attest = byType.get('attest')?.[0]
  if (!modality && !attest) {
    report(context, file, rule.loc, `Rule \`${rule.id}\` has no \`must\`, \`must not\`, \`may\` or \`attest\``, 'dsl/missing-field')
  }
  if (modality && attest) {
    report(context, file, attest.loc, `Rule \`${rule.id}\` has both a predicate and \`attest\`, expected one of them`, 'dsl/conflicting-fields')
  }
  const locales = context.catalogue.locales
  const message = byType.get('message')?.[0]
  if (modality && modality.type === 'modality' && modality.modality !== 'may') {
    if (!message) report(context, file, rule.loc, `Rule \`${rule.id}\` has no violation \`message\``, 'dsl/missing-field', `Add \`message { ${locales.map((l) => `${l}: "…"`).join(', ')} }\`.`)
  }
  for (const texts of [message, attest]) {
    if (!texts || (texts.type !== 'message' && texts.type !== 'attest')) continue
    checkLocales(context, file, rule, texts.type, texts.entries, texts.loc, locales)
  }
}

function checkLocales(context: CheckContext, file: string, rule: Rule, what: string, entries: LocaleText[], loc: Rule['loc'], locales: readonly string[]): void {
  const seen = new Set<string>()
  for (const entry of entries) {
    if (!locales.includes(entry.locale)) {
      report(context, file, entry.loc, `Unknown language \`${entry.locale}\` in \`${what}\`, expected ${locales.map((l) => `\`${l}\``).join(' or ')}`, 'dsl/unknown-locale')
    } else if (seen.has(entry.locale)) {
      report(context, file, entry.loc, `Duplicate language \`${entry.locale}\` in \`${what}\``, 'dsl/duplicate-field')
    } else if (entry.text.trim() === '') {
      report(context, file, entry.textLoc, `Empty \`${entry.locale}\` text in \`${what}\``, 'dsl/empty-text')
    }
    seen.add(entry.locale)
  }
  for (const locale of locales) {
    if (!seen.has(locale)) report(context, file, loc, `Missing \`${locale}\` text in \`${what}\` of rule \`${rule.id}\``, 'dsl/missing-locale')
  }
}
