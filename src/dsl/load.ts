// Load a policy's rules: read the files, parse, check against the subject's schema and the catalogue.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTEFACT, type PolicyPaths } from '../project/paths.js'
import type { Catalogue, PolicyManifest } from '../catalogue/types.js'
import { DiagnosticsError, type VFileMessage, fail } from '../diagnostics/index.js'
import { checkProgram } from './check/index.js'
import { parseRules } from './parse/parse.js'
import { rulesSourceHash, textHash } from './source-hash.js'
import type { CheckedProgram, ParsedUnit } from './program.js'
import { type Type, typeFromSchema } from './types.js'
import { LIMITS } from '../util/limits.js'
import { readText } from '../util/read-file.js'
import { readSubjectSchema } from '../catalogue/subject-schema.js'

/** A policy's checked rules and what they were made from. */
export interface LoadedRules {
  program: CheckedProgram
  units: ParsedUnit[]
  /** The subject's JSON Schema, parsed. */
  subjectSchema: Record<string, unknown>
  subjectType: Type
  /** Path of the subject schema, relative to the root. */
  subjectFile: string
  /** sha256 of the rule files and the subject schema: the compiled module records it. */
  sourceHash: string
  /** sha256 of the subject schema's text: the compiled profile validator records it. */
  subjectHash: string
  /** The checks' warnings (an uncovered clause under `"coverage": "warning"`). */
  warnings: VFileMessage[]
}

/** The rule files of a policy, relative to its folder. */
export function ruleFiles(manifest: PolicyManifest): string[] {
  return manifest.rules ?? [ARTEFACT.rules]
}

/** Load, parse and check a policy's rules. Every error of the run is thrown at once as a DiagnosticsError. */
export async function loadRules(paths: PolicyPaths, manifest: PolicyManifest, catalogue: Catalogue): Promise<LoadedRules> {
  const subjectPath = join(paths.folder, manifest.subject ?? 'subject.schema.json')
  const subjectFile = paths.display(subjectPath)
  // Read and checked once here (JSON, a valid schema diptych can compile): a bad schema is one line at its place.
  const { text: subjectText, schema: subjectSchema } = await readSubjectSchema(subjectPath, subjectFile, paths.root)
  const files: Array<{ name: string; text: string }> = []
  const units: ParsedUnit[] = []
  const errors: VFileMessage[] = []
  const sources = new Map<string, string>()
  for (const relative of ruleFiles(manifest)) {
    const path = join(paths.folder, relative)
    const file = paths.display(path)
    // Refused by its size before it is read: a rules file past the limit is a mistake, not a program.
    const size = await stat(path).then((stats) => stats.size, () => 0)
    if (size > LIMITS.rulesFileBytes) {
      fail(`Unexpected size: the rules file is larger than ${LIMITS.rulesFileBytes / 1024 / 1024} MB`, { file, ruleId: 'dsl/too-large', note: 'Split the rules into several files (`rules` in policy.json).' })
    }
    const text = await readText(path, { file, inside: paths.folder, note: 'List the rule files in policy.json (`rules`).' })
    files.push({ name: relative, text })
    sources.set(file, text)
    const parsed = parseRules({ file, text })
    if (parsed.ok) units.push({ file, text, program: parsed.program })
    else errors.push(parsed.error)
  }
  const subjectType = typeFromSchema(subjectSchema)
  // Syntax errors stop before the checks: a partial program would only add noise.
  if (errors.length > 0) throw new DiagnosticsError(errors, sources)
  const { program, diagnostics } = checkProgram(units, subjectType, catalogue, { coverage: manifest.coverage })
  if (diagnostics.some((diagnostic) => diagnostic.fatal)) throw new DiagnosticsError(diagnostics, sources)
  return { program, units, subjectSchema: subjectSchema as Record<string, unknown>, subjectType, subjectFile, sourceHash: rulesSourceHash(subjectText, files), subjectHash: textHash(subjectText), warnings: diagnostics.filter((diagnostic) => !diagnostic.fatal) }
}
