// Report paths the subject's schema does not have (with a did-you-mean), type mismatches and values outside an enum.
import type { CheckPass } from './context.js'
import { TypeChecker } from './type-checker.js'

export const reportTypes: CheckPass = (context) => {
  for (const unit of context.units) {
    const checker = new TypeChecker(context, unit.file)
    for (const item of unit.program.items) {
      if (item.type === 'define') checker.condition(item.body, new Map(), 'a definition')
      if (item.type !== 'rule') continue
      for (const field of item.fields) {
        if (field.type === 'when') checker.condition(field.guard, new Map(), 'a `when` guard')
        if (field.type === 'modality') checker.condition(field.predicate, new Map(), 'a rule’s predicate')
      }
    }
  }
}
