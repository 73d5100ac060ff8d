// The policy's subject schema (the JSON Schema of an app profile): read, checked and compiled with one ajv setup,
// shared by the in-memory validator and the standalone module `diptych build` writes. A schema diptych cannot use
// gets one line at its place (exit code 2), never a stack trace.
import _Ajv2020 from 'ajv/dist/2020.js'
import { _, str, type KeywordCxt, type Options, type ValidateFunction } from 'ajv'
import { fail } from '../diagnostics/index.js'
import { jsonDepthOffset, jsonPlaces, placeAtOffset, placeOf, type TextPlace } from '../util/json-lines.js'
import { LIMITS } from '../util/limits.js'
import { readText } from '../util/read-file.js'
import { SUBJECT_SCHEMA } from '../project/artefacts.js'
import { parseJsonText } from '../project/json-file.js'

// ajv is CommonJS: under Node's ESM interop the default import is `module.exports`, the class itself.
const Ajv2020 = _Ajv2020 as unknown as typeof _Ajv2020.default
type Ajv = InstanceType<typeof Ajv2020>

/**
 * Deep equality of JSON values with an explicit stack (no recursion, so no depth overflows it), standing in for
 * ajv's runtime `equal` (`enum` and `const` with object values). Own keys only.
 */
export const JSON_EQUAL_SOURCE = `function jsonEqual(a, b) {
  const left = [a], right = [b];
  while (left.length > 0) {
    const x = left.pop(), y = right.pop();
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) { left.push(x[i]); right.push(y[i]); }
    } else {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const key of keys) {
        if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
        left.push(x[key]); right.push(y[key]);
      }
    }
  }
  return true;
}`

/**
 * The first pair of equal items of an array, `[earlier, later]`, or undefined: one pass, primitives keyed by value
 * in a Map and objects by their canonical JSON text (keys sorted, built with an explicit stack), so n items cost
 * O(total size), where ajv's own check compares every pair (O(n²)).
 */
export const DUPLICATE_ITEM_SOURCE = `function duplicateItem(items) {
  const primitives = new Map(), objects = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const isObject = typeof item === "object" && item !== null;
    const map = isObject ? objects : primitives;
    const key = isObject ? canonicalJson(item) : item;
    const j = map.get(key);
    if (j !== undefined) return [j, i];
    map.set(key, i);
  }
  return undefined;
  function canonicalJson(root) {
    let out = "";
    const stack = [root], raw = [false];
    while (stack.length > 0) {
      const value = stack.pop();
      if (raw.pop()) { out += value; continue; }
      if (typeof value !== "object" || value === null) { out += JSON.stringify(value); continue; }
      if (Array.isArray(value)) {
        stack.push("]"); raw.push(true);
        for (let k = value.length - 1; k >= 0; k--) {
          stack.push(value[k]); raw.push(false);
          if (k > 0) { stack.push(","); raw.push(true); }
        }
        stack.push("["); raw.push(true);
      } else {
        const keys = Object.keys(value).sort();
        stack.push("}"); raw.push(true);
        for (let k = keys.length - 1; k >= 0; k--) {
          stack.push(value[keys[k]]); raw.push(false);
          stack.push((k > 0 ? "," : "") + JSON.stringify(keys[k]) + ":"); raw.push(true);
        }
        stack.push("{"); raw.push(true);
      }
    }
    return out;
  }
}`

/** ajv's string length in code points (for `minLength`/`maxLength`), inlined like {@link JSON_EQUAL_SOURCE}. */
export const UCS2_LENGTH_SOURCE = `function ucs2length(str) {
  const len = str.length;
  let length = 0, pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`

// The same functions in this process, made from the same source text (what ajv calls while compiling, and what an
// engine loaded from source validates with), so the standalone module and the in-memory validator cannot differ.
const fromSource = <T>(source: string): T => new Function(`return (${source})`)() as T
/** {@link JSON_EQUAL_SOURCE} as a function. */
export const jsonEqual = fromSource<(a: unknown, b: unknown) => boolean>(JSON_EQUAL_SOURCE)
/** {@link DUPLICATE_ITEM_SOURCE} as a function. */
export const duplicateItem = fromSource<(items: readonly unknown[]) => [number, number] | undefined>(DUPLICATE_ITEM_SOURCE)

/** The ajv runtime modules a standalone validator may `require`, with the name and source of the function inlined for each. */
export const INLINED_RUNTIME: ReadonlyArray<{ require: string; name: string; source: string }> = [
  { require: 'require("ajv/dist/runtime/equal").default', name: 'jsonEqual', source: JSON_EQUAL_SOURCE },
  { require: 'require("ajv/dist/runtime/ucs2length").default', name: 'ucs2length', source: UCS2_LENGTH_SOURCE },
]

/**
 * The ajv instance for subject schemas: strict, every error, own properties only (a field named `constructor` or
 * `toString` is read from the profile, never from Object.prototype), and `uniqueItems` checked in one pass.
 */
export function subjectAjv(options: Options = {}): Ajv {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ownProperties: true, ...options })
  ajv.removeKeyword('uniqueItems')
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: {
      message: ({ params }) => str`must NOT have duplicate items (items ## ${params['j']} and ${params['i']} are identical)`,
      params: ({ params }) => _`{i: ${params['i']}, j: ${params['j']}}`,
    },
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return
      const { gen, data } = cxt
      const find = gen.scopeValue('func', { ref: duplicateItem, code: _`duplicateItem` })
      const pair = gen.const('pair', _`${find}(${data})`)
      cxt.setParams({ i: _`${pair}[1]`, j: _`${pair}[0]` })
      cxt.fail(_`${pair} !== undefined`)
    },
  })
  return ajv
}

/** A subject schema as read: its text as in the file (hashed by the build), the parsed schema, and the file shown in messages. */
export interface SubjectSchema {
  text: string
  schema: Record<string, unknown> | boolean
  file: string
}

/** Read and check a subject schema; every problem is one line at its place (exit code 2). */
export async function readSubjectSchema(path: string, file: string, inside?: string): Promise<SubjectSchema> {
  return checkSubjectSchema(await readText(path, { file, inside, ruleId: 'input/file-not-found', note: 'Name the subject’s JSON Schema in policy.json (`subject`).' }), file)
}

/** Parse and check the text of a subject schema: JSON, an object (or a boolean), valid 2020-12, and compilable by diptych. */
export function checkSubjectSchema(raw: string, file: string): SubjectSchema {
  const text = raw.replace(/^\uFEFF/, '')
  const tooDeep = jsonDepthOffset(text, LIMITS.schemaDepth)
  if (tooDeep >= 0) {
    const place = placeAtOffset(text, tooDeep)
    fail(`Invalid subject schema: nested deeper than ${LIMITS.schemaDepth} levels`, { file, ...place, ruleId: 'schema/too-deep' })
  }
  const schema = parseJsonText(text, file, SUBJECT_SCHEMA)
  const places = jsonPlaces(text)
  const at = (pointer: string): TextPlace => placeOf(places, pointer) ?? { line: 1, column: 1 }
  const ajv = subjectAjv()
  if (!ajv.validateSchema(schema)) {
    const error = ajv.errors?.[0]
    const pointer = error?.instancePath ?? ''
    fail(`Invalid subject schema: ${pointer === '' ? 'the schema' : `\`${pointer}\``} ${error?.message ?? 'is invalid'}`, { file, ...at(pointer), ruleId: 'schema/invalid' })
  }
  if (typeof schema === 'object') checkKeywords(schema as Record<string, unknown>, at, file)
  try {
    ajv.compile(schema as object)
  } catch (error) {
    const message = (error as Error).message
    // ajv gives the schema path of most strict-mode errors (`at "#/properties/a"`); for an unknown keyword only its
    // name, and the first member of that name is the likeliest place.
    const path = /at (?:path )?"#([^"]*)"/.exec(message)?.[1]
    const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1]
    let pointer = ''
    if (keyword !== undefined) pointer = [...places.keys()].find((key) => key.endsWith(`/${keyword.replace(/~/g, '~0').replace(/\//g, '~1')}`)) ?? ''
    else if (path !== undefined) pointer = safeDecode(path)
    fail(`Invalid subject schema: ${message.replace(/\s+/g, ' ')}`, { file, ...at(pointer), ruleId: 'schema/unsupported' })
  }
  return { text: raw, schema: schema as Record<string, unknown> | boolean, file }
}

/** Keywords diptych cannot compile into a standalone validator, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  format: 'diptych does not check formats; describe the value with `pattern`',
  $async: 'asynchronous validation is not supported',
  $dynamicRef: 'dynamic references are not supported; use `$ref`',
}

const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required', 'dependentRequired'])

/** Walk every subschema (iteratively): refuse unsupported keywords and patterns that are not valid regular expressions. */
function checkKeywords(root: Record<string, unknown>, at: (pointer: string) => TextPlace, file: string): void {
  const stack: Array<[unknown, string]> = [[root, '']]
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${pointer}/${index}`]))
      continue
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key]
      const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
      // Keys of `properties`, `$defs` and the like are names, not keywords.
      const isName = /\/(properties|patternProperties|\$defs|definitions|dependentSchemas|dependentRequired)$/.test(pointer)
      if (!isName && Object.hasOwn(UNSUPPORTED, key)) {
        fail(`Unsupported keyword \`${key}\` in the subject schema: ${UNSUPPORTED[key]}`, { file, ...at(here), ruleId: 'schema/unsupported' })
      }
      const patterns = !isName && key === 'pattern' && typeof child === 'string' ? [child] : key === 'patternProperties' && typeof child === 'object' && child !== null ? Object.keys(child) : []
      for (const pattern of patterns) {
        try {
          new RegExp(pattern, 'u')
        } catch (error) {
          fail(`Invalid subject schema: \`${pattern}\` is not a valid regular expression (${(error as Error).message})`, { file, ...at(here), ruleId: 'schema/invalid-pattern' })
        }
      }
      // Values of these keywords are data, not schemas.
      if (!isName && DATA_KEYWORDS.has(key)) continue
      stack.push([child, here])
    }
  }
}

/** Compile a checked subject schema in this process (the engine loaded from source). */
export function compileSubjectSchema(schema: SubjectSchema['schema']): ValidateFunction {
  return subjectAjv().compile(schema as object)
}

/** A URI fragment as a JSON pointer (`%22` decoded), or as it is when it is not valid percent-encoding. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
