// Deterministic JSON text for files that are committed and diffed.

/** Two-space indented JSON with a final newline. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
