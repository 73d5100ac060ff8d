// One reader for every JSON file of a project. It reads through util/read-file.ts (inside the project, never a folder
// or a pipe, strict UTF-8), parses, and checks the value against the artefact's JSON Schema: a syntax error is
// `json/syntax` at its line and column, whatever the file; a value of the wrong shape is the artefact's rule ID at
// the line and column of the offending field. The artefacts are described in ./artefacts.ts.
import type { JSONSchemaType } from 'ajv'
import { type RuleId, type VFileMessage, diagnostic } from '../diagnostics/index.js'
import { JSON_SYNTAX_RULE, jsonPlaces, placeOf, syntaxErrorPlace } from '../util/json-lines.js'
import { readText, readTextIfExists } from '../util/read-file.js'
import { type PublishedSchemaName, type SchemaError, schemaPath, validateAgainst, validateWith } from './schema.js'

/** A schema published in policy/schema/ (the source of the manifest's and the catalogue's shape). */
export interface PublishedSchema {
  readonly published: PublishedSchemaName
}

/** A JSON Schema that ajv's types cannot check against the artefact's type (unknown members): the interface says it. */
export interface PlainSchema {
  readonly plain: Record<string, unknown>
}

/** An artefact's JSON Schema (2020-12): typed against `T` where ajv's types can, else published or plain. */
export type ArtefactSchema<T> = JSONSchemaType<T> | PublishedSchema | PlainSchema

/** A problem a schema cannot say, found by an artefact's {@link JsonArtefact.check}: its place and whole reason. */
export interface CheckProblem {
  /** JSON pointer of the offending field. */
  pointer: string
  /** The reason, naming the field (`field \`id\` is \`x\`, expected \`y\``). */
  reason: string
}

/** What a JSON file of the project is, and how it must look. */
export interface JsonArtefact<T> {
  /** What the file is called in messages (`translation lock`). */
  readonly name: string
  /** Rule ID of a file that is JSON but not of this shape (`lock/invalid`). */
  readonly ruleId: RuleId
  /** Rule ID of a file that exists but cannot be read (default `input/unreadable`). */
  readonly unreadable?: RuleId | undefined
  /** The JSON Schema, compiled (once per process) the first time a file of this kind is read. */
  readonly schema: ArtefactSchema<T>
  /** Rules the schema cannot say (the manifest's ID is its folder's name), on a value the schema accepts. */
  readonly check?: ((value: T) => CheckProblem | undefined) | undefined
  /**
   * The fields every reader relies on, checked without ajv, for a reader that must start quickly (`eval` reads the
   * manifest and the catalogue; loading ajv and compiling their schemas would double its time). Read with `quick`.
   */
  readonly quick?: ((value: unknown) => SchemaError | undefined) | undefined
  /** Help shown under a problem with the file. */
  readonly note?: string | undefined
}

/** Options of {@link parseJsonText} and {@link inspectJson}. */
export interface ParseJsonOptions {
  /** Check with the artefact's {@link JsonArtefact.quick} check instead of its schema, when it has one. */
  quick?: boolean | undefined
  /** Help shown under a problem (instead of the artefact's). */
  note?: string | undefined
}

/** Options of {@link readJson}. */
export interface ReadJsonOptions extends ParseJsonOptions {
  /** The path as shown in messages (relative to the project root). */
  display: string
  /** The folder the file must resolve in (by its real path), when the path comes from the project. */
  inside?: string | undefined
  /** A missing file is `undefined` instead of an error. */
  optional?: boolean | undefined
}

/** What {@link inspectJson} found: the value when the file is well formed, else its problems (and the parsed value, if it parsed). */
export type Inspected<T> = { value: T; parsed: T; problems: [] } | { value?: undefined; parsed?: unknown; problems: VFileMessage[] }

/** Read a JSON artefact: its typed value, or one positioned diagnostic thrown (exit code 2). */
export async function readJson<T>(path: string, artefact: JsonArtefact<T>, options: ReadJsonOptions & { optional: true }): Promise<T | undefined>
export async function readJson<T>(path: string, artefact: JsonArtefact<T>, options: ReadJsonOptions & { optional?: false | undefined }): Promise<T>
export async function readJson<T>(path: string, artefact: JsonArtefact<T>, options: ReadJsonOptions): Promise<T | undefined> {
  const read = { file: options.display, ruleId: artefact.unreadable, inside: options.inside, note: options.note ?? artefact.note }
  const text = options.optional ? await readTextIfExists(path, read) : await readText(path, read)
  return text === undefined ? undefined : parseJsonText(text, options.display, artefact, options)
}

/** Parse and check the text of a JSON artefact: its typed value, or one positioned diagnostic thrown. */
export function parseJsonText<T>(text: string, display: string, artefact: JsonArtefact<T>, options: ParseJsonOptions = {}): T {
  const result = inspectJson(text, display, artefact, options)
  if (result.value === undefined) throw result.problems[0]!
  return result.value
}

/** Parse and check the text of a JSON artefact, returning its problems instead of throwing them (a report that goes on). */
export function inspectJson<T>(text: string, display: string, artefact: JsonArtefact<T>, options: ParseJsonOptions = {}): Inspected<T> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const note = options.note ?? artefact.note
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch (error) {
    const place = syntaxErrorPlace(source, error as Error) ?? { line: 1, column: 1 }
    return { problems: [diagnostic(`Invalid JSON: ${(error as Error).message}`, { file: display, ...place, ruleId: JSON_SYNTAX_RULE, note, fatal: true })] }
  }
  const problem = shapeProblem(parsed, artefact, options.quick === true)
  if (problem === undefined) return { value: parsed as T, parsed: parsed as T, problems: [] }
  // The text is scanned for places only when there is a problem to place.
  const place = placeOf(jsonPlaces(source), problem.pointer) ?? { line: 1, column: 1 }
  return { parsed, problems: [diagnostic(`Invalid ${artefact.name}: ${problem.reason}`, { file: display, ...place, ruleId: artefact.ruleId, note, fatal: true })] }
}

/** The first problem of a parsed value: the schema's (or the quick check's), then the artefact's own check. */
function shapeProblem<T>(value: unknown, artefact: JsonArtefact<T>, quick: boolean): CheckProblem | undefined {
  const error = quick && artefact.quick ? artefact.quick(value) : schemaErrors(artefact.schema, value)[0]
  if (error) return { pointer: error.at ?? error.pointer, reason: `${fieldName(error.pointer, artefact.name)} ${error.message}` }
  return artefact.check?.(value as T)
}

function schemaErrors<T>(schema: ArtefactSchema<T>, value: unknown): SchemaError[] {
  const wrapped = schema as Partial<PublishedSchema & PlainSchema>
  if (typeof wrapped.published === 'string') return validateAgainst(schemaPath(wrapped.published), value)
  return validateWith(wrapped.plain ?? schema, value)
}

/** How a message names the value at `pointer`: `field \`basis.x\``, or `the translation lock` for the whole file. */
function fieldName(pointer: string, artefact: string): string {
  if (pointer === '') return `the ${artefact}`
  const field = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
  return `field \`${field}\``
}
