// Print collected warnings like remark-lint does (vfile-reporter), grouped by the file they point into.
import { reporter } from 'vfile-reporter'
import { VFile, type VFileMessage } from '../diagnostics/index.js'

/** Format the messages of a collector, one vfile per file named in the messages. */
export function formatMessages(messages: readonly VFileMessage[], color: boolean): string {
  if (messages.length === 0) return ''
  const files = new Map<string, VFile>()
  for (const message of messages) {
    const path = message.file ?? ''
    let file = files.get(path)
    if (!file) {
      file = new VFile(path === '' ? {} : { path })
      files.set(path, file)
    }
    file.messages.push(message)
  }
  return reporter([...files.values()], { color, quiet: true }) + '\n'
}
