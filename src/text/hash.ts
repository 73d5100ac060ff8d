// Hash of a clause text: sha256 of its normalised form, so quote style and spacing do not count as change.
import { createHash } from 'node:crypto'
import { normaliseText } from './document.js'

/** sha256 (hex) of the normalised text. */
export function hashText(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex')
}
