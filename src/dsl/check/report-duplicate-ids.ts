// Report rule IDs, definition names and clause classifications that appear twice.
import type { Span } from '../ast.js'
import type { CheckPass } from './context.js'
import { report } from './context.js'

export const reportDuplicateIds: CheckPass = (context) => {
  const seen = new Map<string, { file: string; loc: Span }>()
  for (const unit of context.units) {
    for (const item of unit.program.items) {
      const key = item.type === 'rule' ? `rule ${item.id}` : item.type === 'define' ? `definition ${item.name}` : `classification of ${item.clause.id}`
      const previous = seen.get(key)
      if (previous) {
        const where = `line ${previous.loc.start.line}${previous.file === unit.file ? '' : ` of ${previous.file}`}`
        report(context, unit.file, item.loc, `Duplicate ${key.replace(' ', ' `')}\`, already on ${where}`, 'dsl/duplicate-id', undefined, { reason: `First ${key.split(' ')[0]} here`, file: previous.file, loc: previous.loc })
      } else seen.set(key, { file: unit.file, loc: item.loc })
    }
  }
}
