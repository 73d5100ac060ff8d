// The hash that ties compiled artefacts to their sources: the subject schema and every rule file.
import { createHash } from 'node:crypto'

/** sha256 of the subject schema's text and each rule file (name and text), in order. */
export function rulesSourceHash(subjectText: string, files: ReadonlyArray<{ name: string; text: string }>): string {
  const hash = createHash('sha256').update(subjectText)
  for (const { name, text } of files) hash.update(`\0${name}\0${text}`)
  return hash.digest('hex')
}

/** sha256 of a text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
