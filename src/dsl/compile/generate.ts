// Compile checked rules to a standalone ES module of fast predicates: one function a rule, returning a status code.
// Semantics follow src/dsl/semantics.ts and match src/dsl/interpret/evaluate.ts, read for read.
import type { Expression, Path } from '../ast.js'
import type { CheckedProgram, CheckedRule } from '../program.js'
import { resolvePath } from '../resolve.js'
import { STATUSES } from '../semantics.js'
import { Code, _, join, name } from './code.js'

const CODE = Object.fromEntries(STATUSES.map((status, index) => [status, index])) as Record<(typeof STATUSES)[number], number>

/** Metadata a consumer of the module needs beside the functions. */
export interface ModuleMetadata {
  policy: string
  version: string
  /** sha256 of the rules source the module was compiled from. */
  sourceHash: string
}

interface Variable {
  js: Code
  staticPath: string
}

/** One generated function: its temporaries. */
class FunctionScope {
  private temps = 0
  temp(): Code {
    return name('t', this.temps++)
  }
  declarations(): string {
    return this.temps === 0 ? '' : `  let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};\n`
  }
}

/** Compiles a program to JavaScript source text. */
class Generator {
  private readonly functions: string[] = []
  private readonly definitionNames = new Map<string, Code>()
  private quantifiers = 0
  private variables = 0

  constructor(private readonly program: CheckedProgram) {
    let index = 0
    for (const key of program.definitions.keys()) this.definitionNames.set(key, name('d', index++))
    index = 0
    for (const body of program.definitions.values()) {
      const scope = new FunctionScope()
      const value = this.truth(body, scope, new Map())
      this.functions.push(`function ${name('d', index++)}(s, m) {\n${scope.declarations()}  return ${value};\n}`)
    }
  }

  rule(rule: CheckedRule, index: number): Code {
    const scope = new FunctionScope()
    const guard = rule.guard ? this.truth(rule.guard, scope, new Map()) : _`true`
    const body: string[] = [`  const g = ${guard};`, `  if (g === false) return ${CODE['not-applicable']};`]
    if (rule.modality === 'attest') {
      body.push(
        `  const a = get(get(s, "attestations"), ${_`${rule.id}`});`,
        `  return a === true ? ${CODE.satisfied} : g === undefined ? ${CODE.unknown} : a === false ? ${CODE.violated} : ${CODE.attest};`,
      )
    } else {
      body.push(`  const p = ${this.truth(rule.predicate!, scope, new Map())};`)
      if (rule.modality === 'must') body.push(`  return p === true ? ${CODE.satisfied} : p === false && g === true ? ${CODE.violated} : ${CODE.unknown};`)
      else if (rule.modality === 'must-not') body.push(`  return p === false ? ${CODE.satisfied} : p === true && g === true ? ${CODE.violated} : ${CODE.unknown};`)
      else body.push(`  return g === undefined || p === undefined ? ${CODE.unknown} : p ? ${CODE.satisfied} : ${CODE['not-applicable']};`)
    }
    const fn = name('r', index)
    this.functions.push(`function ${fn}(s, m) {\n${scope.declarations()}${body.join('\n')}\n}`)
    return fn
  }

  output(): string {
    return this.functions.join('\n\n')
  }

  /** An expression in a truth context: true, false or undefined. */
  private truth(expression: Expression, scope: FunctionScope, variables: Map<string, Variable>): Code {
    switch (expression.type) {
      case 'literal':
      case 'count':
        return _`tb(${this.value(expression, scope, variables)})`
      case 'path': {
        const resolved = resolvePath(expression, variables, this.program.definitions)
        if (resolved.kind === 'definition') return this.value(expression, scope, variables)
        return _`tb(${this.value(expression, scope, variables)})`
      }
      default:
        return this.value(expression, scope, variables)
    }
  }

  /** Read a path, recording it as missing when undefined (unless `record` is false). */
  private read(path: Path, scope: FunctionScope, variables: Map<string, Variable>, record: boolean): Code {
    const resolved = resolvePath(path, variables, this.program.definitions)
    if (resolved.kind === 'definition') return _`${this.definitionNames.get(resolved.name)!}(s, m)`
    let code: Code
    let staticPath: string
    if (resolved.kind === 'variable') {
      const variable = variables.get(resolved.name)!
      code = variable.js
      for (const key of resolved.rest) code = _`get(${code}, ${key})`
      staticPath = [variable.staticPath, ...resolved.rest].join('.')
    } else {
      code = new Code('s')
      for (const key of resolved.segments) code = _`get(${code}, ${key})`
      staticPath = resolved.segments.join('.')
    }
    if (!record) return code
    const t = scope.temp()
    return _`(${t} = ${code}, ${t} === undefined && m !== null && m.push(${staticPath}), ${t})`
  }

  /** An expression's value (truth values for logical nodes). */
  private value(expression: Expression, scope: FunctionScope, variables: Map<string, Variable>): Code {
    switch (expression.type) {
      case 'literal':
        return _`${expression.value}`
      case 'path':
        return this.read(expression, scope, variables, true)
      case 'not': {
        const t = scope.temp()
        return _`(${t} = ${this.truth(expression.operand, scope, variables)}, ${t} === undefined ? undefined : !${t})`
      }
      case 'binary': {
        const a = scope.temp()
        const b = scope.temp()
        const left = this.truth(expression.left, scope, variables)
        const right = this.truth(expression.right, scope, variables)
        if (expression.op === 'and') {
          return _`(${a} = ${left}, ${a} === false ? false : (${b} = ${right}, ${b} === false ? false : ${a} === undefined || ${b} === undefined ? undefined : true))`
        }
        if (expression.op === 'or') {
          return _`(${a} = ${left}, ${a} === true ? true : (${b} = ${right}, ${b} === true ? true : ${a} === undefined || ${b} === undefined ? undefined : false))`
        }
        return _`(${a} = ${left}, ${a} === false ? true : (${b} = ${right}, ${b} === true ? true : ${a} === undefined || ${b} === undefined ? undefined : false))`
      }
      case 'compare': {
        const a = scope.temp()
        const b = scope.temp()
        const left = this.value(expression.left, scope, variables)
        const right = this.value(expression.right, scope, variables)
        const head = _`(${a} = ${left}, ${b} = ${right}, ${a} === undefined || ${b} === undefined ? undefined : `
        const op = new Code(expression.op === '==' ? '===' : expression.op === '!=' ? '!==' : expression.op)
        if (expression.op === '==' || expression.op === '!=') return _`${head}${a} ${op} ${b})`
        return _`${head}typeof ${a} === "number" && typeof ${b} === "number" ? ${a} ${op} ${b} : undefined)`
      }
      case 'in': {
        const t = scope.temp()
        const operand = this.value(expression.operand, scope, variables)
        const tests = expression.list.items.map((item) => _`${t} === ${item.value}`)
        const found = tests.length === 0 ? _`false` : _`(${join(tests, ' || ')})`
        return expression.negated ? _`(${t} = ${operand}, ${t} === undefined ? undefined : !${found})` : _`(${t} = ${operand}, ${t} === undefined ? undefined : ${found})`
      }
      case 'test': {
        const a = scope.temp()
        const b = scope.temp()
        const left = this.value(expression.left, scope, variables)
        const right = this.value(expression.right, scope, variables)
        const method = new Code(expression.op === 'starts-with' ? 'startsWith' : expression.op === 'ends-with' ? 'endsWith' : 'includes')
        const strings = _`typeof ${a} === "string" && typeof ${b} === "string" ? ${a}.${method}(${b}) : false`
        const body = expression.op === 'contains' ? _`Array.isArray(${a}) ? ${a}.includes(${b}) : ${strings}` : strings
        return _`(${a} = ${left}, ${b} = ${right}, ${a} === undefined || ${b} === undefined ? undefined : ${body})`
      }
      case 'exists': {
        const t = scope.temp()
        const present = _`(${t} = ${this.read(expression.path, scope, variables, false)}, ${t} !== undefined && ${t} !== null)`
        return expression.negated ? _`!${present}` : present
      }
      case 'count': {
        const t = scope.temp()
        return _`(${t} = ${this.value(expression.path, scope, variables)}, Array.isArray(${t}) ? ${t}.length : undefined)`
      }
      case 'quantifier':
        return this.quantifier(expression, variables)
    }
  }

  /** A quantifier becomes a module-level function of the subject, the missing list and the variables in scope. */
  private quantifier(expression: Expression & { type: 'quantifier' }, variables: Map<string, Variable>): Code {
    const fn = name('q', this.quantifiers++)
    const scope = new FunctionScope()
    const outer = [...variables.values()].map((variable) => variable.js)
    const collection = this.read(expression.collection, scope, variables, true)
    const resolved = resolvePath(expression.collection, variables, this.program.definitions)
    const staticBase = resolved.kind === 'variable' ? [variables.get(resolved.name)!.staticPath, ...resolved.rest].join('.') : expression.collection.segments.join('.')
    const variable: Variable = { js: name('v', this.variables++), staticPath: `${staticBase}[]` }
    const inner = new Map(variables)
    inner.set(expression.variable, variable)
    const body = this.truth(expression.body, scope, inner)
    const some = expression.quantifier === 'some'
    const params = join([new Code('s'), new Code('m'), ...outer], ', ')
    this.functions.push(
      `function ${fn}(${params}) {\n${scope.declarations()}` +
        `  const a = ${collection};\n` +
        `  if (!Array.isArray(a)) return undefined;\n` +
        `  let r = ${some ? 'false' : 'true'};\n` +
        `  for (let i = 0; i < a.length; i++) {\n` +
        `    const ${variable.js} = a[i];\n` +
        `    const x = ${body};\n` +
        `    if (x === ${some ? 'true' : 'false'}) return x;\n` +
        `    if (x === undefined) r = undefined;\n` +
        `  }\n  return r;\n}`,
    )
    return _`${fn}(${params})`
  }
}

const PRELUDE = `const own = Object.prototype.hasOwnProperty;
/** Own-property read: never from a prototype, never from an array. */
function get(o, k) {
  return o !== null && typeof o === "object" && !Array.isArray(o) && own.call(o, k) ? o[k] : undefined;
}
/** A value as a truth value: true, false, or undefined (unknown). */
function tb(v) {
  return v === true || v === false ? v : undefined;
}`

/**
 * Compile a checked program to the source of a standalone ES module. It exports `rules`
 * (id, clauses, modality, evaluate), `STATUSES`, `evaluateAll(subject, missing?)` and the metadata.
 */
export function generateModule(program: CheckedProgram, metadata: ModuleMetadata): string {
  const generator = new Generator(program)
  const functions = program.rules.map((rule, index) => generator.rule(rule, index))
  const entries = program.rules.map(
    (rule, index) => _`  { id: ${rule.id}, clauses: ${new Code(JSON.stringify(rule.clauses).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'))}, modality: ${rule.modality}, evaluate: ${functions[index]!} }`,
  )
  return [
    '// Generated by diptych from a policy\'s rules. Do not edit: run `diptych build`.',
    PRELUDE,
    generator.output(),
    `/** Statuses by code: a rule's evaluate(subject, missing) returns an index into this list. */`,
    `export const STATUSES = ${JSON.stringify(STATUSES)};`,
    `export const policy = ${_`${metadata.policy}`};`,
    `export const version = ${_`${metadata.version}`};`,
    `export const sourceHash = ${_`${metadata.sourceHash}`};`,
    `/** The rules, in source order. */`,
    `export const rules = [\n${join(entries, ',\n')}\n];`,
    `/** Evaluate every rule; \`missing\`, if an array, receives the paths of facts left out. */`,
    `export function evaluateAll(s, missing = null) {\n  const out = new Uint8Array(${functions.length});\n${functions.map((fn, index) => `  out[${index}] = ${fn}(s, missing);`).join('\n')}\n  return out;\n}`,
    '',
  ].join('\n\n')
}
