// `{path}` placeholders in messages and questions: found here, checked by a pass, filled in reports.

/** Placeholders in a text: `{a.b}`; `{{` and `}}` stand for literal braces. */
export function placeholders(text: string): Array<{ path: string; index: number; end: number }> {
  const found: Array<{ path: string; index: number; end: number }> = []
  const pattern = /\{\{|\}\}|\{([^{}]*)\}/g
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) found.push({ path: match[1].trim(), index: match.index, end: match.index + match[0].length })
  }
  return found
}
