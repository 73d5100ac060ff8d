// Generated parts of the README: text between two markers, replaced by what the code says, so the two never drift.

/** `text` with what stands between the `markers` replaced by `body`. */
export function replaceGenerated(text: string, markers: readonly [string, string], body: string): string {
  const [start, end] = markers
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1 || to < from) throw new Error(`README has no markers ${start} … ${end}`)
  return `${text.slice(0, from + start.length)}\n\n${body}\n${text.slice(to)}`
}
