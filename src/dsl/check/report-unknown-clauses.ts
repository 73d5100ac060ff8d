// Report clause IDs (in `implements` and `classify`) that the catalogue does not have.
import { didYouMeanId } from '../../util/suggest.js'
import type { CheckPass } from './context.js'
import { report } from './context.js'

export const reportUnknownClauses: CheckPass = (context) => {
  const known = new Set(context.catalogue.sections.flatMap((section) => section.clauses.map((clause) => clause.id)))
  for (const unit of context.units) {
    for (const item of unit.program.items) {
      const refs = item.type === 'rule' ? item.fields.flatMap((field) => (field.type === 'implements' ? field.clauses : [])) : item.type === 'classify' ? [item.clause] : []
      for (const ref of refs) {
        if (known.has(ref.id)) continue
        const near = didYouMeanId(ref.id, known)
        report(context, unit.file, ref.loc, `Unknown clause \`${ref.id}\``, 'dsl/unknown-clause', near ? `Did you mean \`${near}\`?` : 'Clause IDs are in the catalogue (policy/<policy>/catalogue.json).')
      }
    }
  }
}
