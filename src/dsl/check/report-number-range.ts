// Report number literals too large to be a number (`1` followed by 309 digits is Infinity, which no rule can mean).
import { topExpressions } from '../ast.js'
import { visitor } from '../visitor.js'
import type { CheckPass } from './context.js'
import { report } from './context.js'

export const reportNumberRange: CheckPass = (context) => {
  for (const unit of context.units) {
    visitor.build({
      literal(node) {
        if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
          report(context, unit.file, node.loc, 'Unexpected number out of range, expected at most 1.7976931348623157e308 in size', 'dsl/number-out-of-range', 'Write a number of at most 308 digits before the point.')
        }
      },
    })(topExpressions(unit.program), undefined)
  }
}
