// The meaning of a rule: three-valued logic and how a rule's guard and predicate give its status.
// The compiler and the interpreter both follow this file; tests hold them to each other.

/** A truth value: true, false, or undefined for unknown (a fact left out). */
export type Truth = boolean | undefined

/** The status of a rule for one subject. */
export type Status = 'violated' | 'satisfied' | 'not-applicable' | 'unknown' | 'attest'

/** Statuses in report order, with their numeric codes in compiled code. */
export const STATUSES = ['violated', 'unknown', 'attest', 'satisfied', 'not-applicable'] as const satisfies readonly Status[]

/** A rule's modality; `attest` rules ask a question instead of testing facts. */
export type RuleModality = 'must' | 'must-not' | 'may' | 'attest'

/**
 * The status of a rule from its guard (true when it has none) and its predicate.
 * - `must P`: violated when the guard holds and P is false; satisfied when P holds.
 * - `must not P`: the same with P negated.
 * - `may P`: never violated; satisfied when P holds (the permission is used), else not applicable.
 * A guard that is false makes the rule not applicable; unknown facts make it unknown unless
 * the known facts decide it anyway.
 */
export function statusOf(modality: Exclude<RuleModality, 'attest'>, guard: Truth, predicate: Truth): Status {
  if (guard === false) return 'not-applicable'
  if (modality === 'may') {
    if (guard === undefined || predicate === undefined) return 'unknown'
    return predicate ? 'satisfied' : 'not-applicable'
  }
  const holds = modality === 'must' ? predicate : predicate === undefined ? undefined : !predicate
  if (holds === true) return 'satisfied'
  if (holds === false && guard === true) return 'violated'
  return 'unknown'
}

/**
 * The status of an attestation rule from its guard and the subject's answer (`attestations[rule]`):
 * a yes satisfies it, a no violates it where it applies, no answer asks the question where it applies.
 */
export function attestStatus(guard: Truth, answer: unknown): Status {
  if (guard === false) return 'not-applicable'
  if (answer === true) return 'satisfied'
  if (guard === undefined) return 'unknown'
  return answer === false ? 'violated' : 'attest'
}
