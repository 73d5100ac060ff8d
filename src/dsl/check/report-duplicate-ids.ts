// Report rule IDs, definition names and clause classifications that appear twice.
import type { CheckPass } from './context.js'
import { report } from './context.js'

export const reportDuplicateIds: CheckPass = (context) => {
  const seen = new Map<string, { file: string; line: number }>()
  for (const unit of context.units) {
    for (const item of unit.program.items) {
      const key = item.type === 'rule' ? `rule ${item.id}` : item.type === 'define' ? `definition ${item.name}` : `classification of ${item.clause.id}`
      const previous = seen.get(key)
      if (previous) {
        report(context, unit.file, item.loc, `Duplicate ${key.replace(' ', ' `')}\`, already on line ${previous.line}${previous.file === unit.file ? '' : ` of ${previous.file}`}`, 'dsl/duplicate-id')
      } else seen.set(key, { file: unit.file, line: item.loc.start.line })
    }
  }
}
