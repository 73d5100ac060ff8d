// Regression tests of issue 12, defects 5 and 10 (profiles and catalogues): each one line and exit 2, never exit 3.
import { truncate } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkSubjectSchema, compileSubjectSchema, duplicateItem, jsonEqual } from '../../src/catalogue/subject-schema.js'
import { standaloneValidator } from '../../src/catalogue/standalone-validator.js'
import { readLines } from '../../src/util/lines.js'
import { LIMITS } from '../../src/util/limits.js'
import { jsonDepthOffset } from '../../src/util/json-lines.js'
import { diagnosticOf, put, run, tempProject } from '../helpers.js'

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; message?: string }> | null }

/** The standalone validator module for `schema`, imported as the build would write it. */
async function standalone(schema: object): Promise<Validate> {
  const source = standaloneValidator(schema, 'test')
  expect(source).not.toMatch(/require\(/)
  return ((await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { validate: Validate }).validate
}

const expectOneLine = (result: { code: number; stderr: string }, message: string | RegExp) => {
  expect(result.code).toBe(2)
  if (typeof message === 'string') expect(result.stderr).toContain(message)
  else expect(result.stderr).toMatch(message)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('subject schemas diptych cannot use are one line at their place', () => {
  it.each([
    ['null', /^s\.json:1:1: Invalid subject schema: expected a JSON Schema \(an object\), found null \(schema\/invalid\)$/],
    ['5', /found a number/],
    ['{\n  "type": "frob"\n}', /^s\.json:2:3: Invalid subject schema: `\/type` must be equal to one of the allowed values/],
    ['{"properties": {\n  "a": {"type": "string", "pattern": "(("}}}', /^s\.json:2:27: Invalid subject schema: `\(\(` is not a valid regular expression/],
    ['{"type": "object", "properties": {\n  "b": {"properties": {}}}}', /^s\.json:2:3: Invalid subject schema: strict mode: missing type "object" for keyword "properties"/],
    ['{"properties": {\n  "mail": {"type": "string", "format": "email"}}}', /^s\.json:2:30: Unsupported keyword `format` in the subject schema/],
    ['{"type": "object", "properties": {\n  "a": {"frob": 1}}}', /^s\.json:2:9: Invalid subject schema: strict mode: unknown keyword: "frob"/],
    [`{"items": ${'{"items": '.repeat(300)}{}${'}'.repeat(300)}}`, /^s\.json:1:\d+: Invalid subject schema: nested deeper than 256 levels \(schema\/too-deep\)$/],
  ])('subject schema %s is refused with one positioned line', (text, message) => {
    expect(diagnosticOf(() => checkSubjectSchema(text, 's.json'))).toMatch(message)
  })

  it('a property named `format` or `pattern` is a name, not a keyword, and `enum` values are data', () => {
    expect(() => checkSubjectSchema('{"type": "object", "properties": {"format": {"type": "string"}, "pattern": {"enum": [{"format": "x"}]}}}', 's.json')).not.toThrow()
  })

  it('build and eval of a policy whose subject schema is null exit 2 with one line naming the file', async () => {
    const root = await tempProject({ locales: true })
    await put(root, 'policy/pinterest/app-profile.schema.json', 'null')
    expectOneLine(await run(['build', '--root', root], root), 'policy/pinterest/app-profile.schema.json:1:1: Invalid subject schema')
    await put(root, 'p.json', '{}')
    expectOneLine(await run(['eval', 'p.json', '--root', root], root), /app-profile\.schema\.json:1:1: Invalid subject schema|catalogue/)
  })
})

describe('the standalone profile validator', () => {
  it('maxLength and minLength compile with ucs2length inlined: code points are counted, nothing is required', async () => {
    const validate = await standalone({ type: 'string', minLength: 2, maxLength: 3 })
    expect([validate('ab'), validate('😀😀😀'), validate('a'), validate('abcd'), validate('😀😀😀😀')]).toEqual([true, true, false, false, false])
  })

  it('a property named after an Object.prototype member is read from the profile, never inherited', async () => {
    const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']
    const schema = { type: 'object', additionalProperties: false, properties: Object.fromEntries(names.map((name) => [name, { type: 'boolean' }])) }
    for (const validate of [await standalone(schema), compileSubjectSchema(schema) as Validate]) {
      expect(validate({})).toBe(true)
      expect(validate(JSON.parse('{"constructor": true, "toString": false}'))).toBe(true)
      expect(validate(JSON.parse('{"constructor": 1}'))).toBe(false)
      expect(validate.errors?.map((error) => error.instancePath)).toEqual(['/constructor'])
      expect(validate(JSON.parse('{"__proto__": true}'))).toBe(false)
    }
  })

  it('required fields named like Object.prototype members must be own fields', async () => {
    const validate = await standalone({ type: 'object', properties: { constructor: { type: 'number' } }, required: ['constructor'] })
    expect(validate({})).toBe(false)
    expect(validate(JSON.parse('{"constructor": 0}'))).toBe(true)
  })

  it('uniqueItems finds equal objects whatever their key order, and equal primitives (also "__proto__"), in one pass', async () => {
    const validate = await standalone({ type: 'array', uniqueItems: true })
    expect(validate([{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }])).toBe(false)
    expect(validate.errors?.[0]?.message).toBe('must NOT have duplicate items (items ## 0 and 1 are identical)')
    expect(validate(['__proto__', '__proto__'])).toBe(false)
    expect(validate(JSON.parse('[{"__proto__": 1}, {"__proto__": 1}]'))).toBe(false)
    expect(validate([1, '1', [1], { 1: 1 }, null, 'null', true, 'true', 0])).toBe(true)
    expect(validate([0, -0])).toBe(false)
    expect(duplicateItem(['a', 'b', 'c', 'b', 'a'])).toEqual([1, 3])
  })

  it('equality and uniqueItems on values 100,000 levels deep do not overflow the stack', () => {
    let a: unknown = []
    let b: unknown = []
    for (let i = 0; i < 100_000; i++) {
      a = [a]
      b = [b]
    }
    expect(jsonEqual(a, b)).toBe(true)
    expect(jsonEqual(a, [b])).toBe(false)
    expect(duplicateItem([a, b])).toEqual([0, 1])
  })
})

describe('eval: profiles that crashed or stalled it', () => {
  let root: string
  beforeAll(async () => {
    root = await tempProject({ locales: true })
    await run(['build', '--root', root], root)
  })

  it('a profile nested deeper than the limit is one line at its place (the 3,000-deep uniqueItems crash)', async () => {
    const depth = nested(3000)
    await put(root, 'deep.json', `{\n  "integrationTypes": [${depth}, ${depth}]\n}`)
    expectOneLine(await run(['eval', 'deep.json', '--root', root], root), /^diptych: deep\.json:2:\d+: Profile nested deeper than 100 levels of arrays and objects \(eval\/too-deep\)\n$/)
    await put(root, 'ok.json', `{"integrationTypes": [${nested(50)}]}`)
    expect((await run(['eval', 'ok.json', '--root', root], root)).stderr).toContain('Invalid profile: field `integrationTypes.0` must be equal to one of the allowed values')
  })

  it('in an NDJSON batch a bad line is reported by line and the lines before and after are judged', async () => {
    const depth = nested(3000)
    await put(root, 'deep.ndjson', Buffer.concat([Buffer.from(`{"name": "a"}\n{"integrationTypes": [${depth}, ${depth}]}\n`), Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a]), Buffer.from('{"name": "b"}\n')]))
    const result = await run(['eval', 'deep.ndjson', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { line: number }).line)).toEqual([1, 4])
    expect(result.stderr).toContain('diptych: deep.ndjson:2:121: Profile nested deeper than 100 levels of arrays and objects (eval/too-deep)')
    expect(result.stderr).toContain('diptych: deep.ndjson:3:10: Invalid UTF-8 byte 0xe9, expected a UTF-8 text (ingest/encoding)')
    expect(result.stderr).toContain('diptych eval: 2 profiles judged, 0 with violations, 2 invalid')
  })

  it('an NDJSON line over the size limit is refused by its number, skipped without being kept, and the next line judged', async () => {
    const long = `{"name": "${'a'.repeat(LIMITS.profileBytes)}"}`
    await put(root, 'long.ndjson', `{"name": "a"}\r\n${long}\r\n{"name": "b"}`)
    const result = await run(['eval', 'long.ndjson', '--root', root], root)
    expect(result.code).toBe(2)
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { line: number }).line)).toEqual([1, 3])
    expect(result.stderr).toContain('diptych: long.ndjson:2:1: Line too long: more than 16 MiB, the limit of one profile (eval/too-large)')
  })

  it('a .json over the size limit is refused by its size before it is read (a 1 GB file is not called invalid UTF-8)', async () => {
    const file = await put(root, 'huge.json', '')
    await truncate(file, 1024 ** 3)
    const result = await run(['eval', 'huge.json', '--root', root], root)
    expectOneLine(result, /^diptych: huge\.json: Profile too large: 1024 MiB, the limit is 16 MiB \(eval\/too-large\)\n/)
  })

  it('eval of a folder, as .json or .ndjson, is one line', async () => {
    await put(root, 'folder.ndjson/x', '')
    expectOneLine(await run(['eval', 'folder.ndjson', '--root', root], root), 'folder.ndjson: Expected a file, found a folder')
    expectOneLine(await run(['eval', 'folder.ndjson/', '--root', root], root), 'Expected a file, found a folder')
  })

  it.each([
    ['{}', 'policy/pinterest/catalogue.json:1:1: Invalid catalogue: field `id` is missing (catalogue/invalid)'],
    ['null', 'policy/pinterest/catalogue.json:1:1: Invalid catalogue: the catalogue must be an object (catalogue/invalid)'],
  ])('a catalogue %s for eval and render is one line naming the file', async (text, message) => {
    const project = await tempProject({ locales: true })
    await run(['build', '--root', project], project)
    await put(project, 'policy/pinterest/catalogue.json', text)
    await put(project, 'p.json', '{}')
    expectOneLine(await run(['eval', 'p.json', '--root', project], project), message)
    expectOneLine(await run(['render', '--out', 'docs', '--root', project], project), message)
  })
})

describe('readLines', () => {
  it('splits lines across chunks, drops CR before LF, keeps a last line without LF, and numbers every line', async () => {
    const root = await tempProject()
    const big = 'x'.repeat(3 * 1024 * 1024)
    const file = await put(root, 'l.ndjson', `a\r\n${big}\n\nlast`)
    const lines = []
    for await (const line of readLines(file, 10 * 1024 * 1024)) lines.push([line.number, line.bytes?.toString('utf8')])
    expect(lines).toEqual([[1, 'a'], [2, big], [3, ''], [4, 'last']])
    const limited = []
    for await (const line of readLines(file, 1024)) limited.push([line.number, line.bytes?.length])
    expect(limited).toEqual([[1, 1], [2, undefined], [3, 0], [4, 4]])
  })

  it('finds the depth of JSON text without parsing it, skipping brackets in strings', () => {
    expect(jsonDepthOffset('[[["[[[["]]]', 3)).toBe(-1)
    expect(jsonDepthOffset('{"a": [{"b\\"[": [1]}]}', 3)).toBe(16)
  })
})

describe('typeFromSchema', () => {
  it('reads own $defs only: `#/$defs/constructor` is not Object.prototype.constructor', async () => {
    const { typeFromSchema } = await import('../../src/dsl/types.js')
    expect(typeFromSchema({ type: 'object', properties: { a: { $ref: '#/$defs/constructor' } } })).toEqual({ kind: 'object', properties: new Map([['a', { kind: 'any' }]]) })
    expect(typeFromSchema(null as never)).toEqual({ kind: 'any' })
  })
})
