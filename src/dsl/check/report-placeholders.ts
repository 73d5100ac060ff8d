// Report `{path}` placeholders in messages and questions that name no fact of the subject.
import type { Path, Span } from '../ast.js'
import type { CheckPass } from './context.js'
import { TypeChecker } from './type-checker.js'
import { report } from './context.js'
import { placeholders } from '../placeholders.js'

export const reportPlaceholders: CheckPass = (context) => {
  for (const unit of context.units) {
    const checker = new TypeChecker(context, unit.file)
    for (const item of unit.program.items) {
      if (item.type !== 'rule') continue
      for (const field of item.fields) {
        if (field.type !== 'message' && field.type !== 'attest') continue
        for (const entry of field.entries) {
          for (const placeholder of placeholders(entry.text)) {
            // The text's span starts at its opening quote; escapes may shift columns, so point at the string.
            const loc: Span = entry.textLoc
            if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(placeholder.path)) {
              report(context, unit.file, loc, `Invalid placeholder \`{${placeholder.path}}\`, expected a path such as \`{credentials.byokStorage}\``, 'dsl/invalid-placeholder', 'Write `{{` and `}}` for literal braces.')
              continue
            }
            const path: Path = { type: 'path', segments: placeholder.path.split('.'), loc }
            if (path.segments.length === 1 && context.program.definitions.has(path.segments[0]!)) {
              report(context, unit.file, loc, `Placeholder \`{${placeholder.path}}\` names a definition, expected a fact`, 'dsl/invalid-placeholder')
              continue
            }
            checker.path(path, new Map(), { allowArray: true })
          }
        }
      }
    }
  }
}
