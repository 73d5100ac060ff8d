// How a path's first name is read: a quantifier's variable, a definition, or a fact of the subject.
import type { Path } from './ast.js'

/** What a path refers to. */
export type Resolved =
  | { kind: 'variable'; name: string; rest: string[] }
  | { kind: 'definition'; name: string }
  | { kind: 'fact'; segments: string[] }

/** Resolve a path: variables in scope first, then a one-name definition, else a fact. */
export function resolvePath(path: Path, variables: ReadonlySet<string> | ReadonlyMap<string, unknown>, definitions: ReadonlyMap<string, unknown>): Resolved {
  const [head, ...rest] = path.segments as [string, ...string[]]
  if (variables.has(head)) return { kind: 'variable', name: head, rest }
  if (rest.length === 0 && definitions.has(head)) return { kind: 'definition', name: head }
  return { kind: 'fact', segments: path.segments }
}

/** Own-property read of `key` from an object (never from its prototype, never from an array). */
export function readOwn(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined
}
