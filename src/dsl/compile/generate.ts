// Compile checked rules to a standalone ES module of fast predicates, returning status codes.
// Semantics follow src/dsl/semantics.ts and match src/dsl/interpret/evaluate.ts, read for read.
//
// Three forms of the same rules are generated: one function a rule (`rules[i].evaluate`), and two whole-set
// functions behind `evaluateAll`: with missing-fact tracking, and without (the fast path). The whole-set functions
// read every fact once, into locals shared by all rules, and inline small definitions.
//
// A definition that uses other definitions, or is large, is never inlined: it is one function that computes its value
// once per evaluation (memoised in `c`, a Uint8Array an entry point makes), so that `define d1 = d0 and d0`, …,
// `define d24 = d23 and d23` compiles to 25 small functions and evaluates in 25 steps, not 2^24.
import { type Compare, type Expression, type Path, type Quantifier, type Test, unexpectedNode } from '../ast.js'
import { usedDefinitions } from '../definitions.js'
import type { CheckedProgram, CheckedRule } from '../program.js'
import { resolvePath } from '../resolve.js'
import { STATUSES } from '../semantics.js'
import { visitor } from '../visitor.js'
import { Code, Name, SUBJECT, _, join, literal, name } from './code.js'

const CODE = Object.fromEntries(STATUSES.map((status, index) => [status, index])) as Record<(typeof STATUSES)[number], number>

/** Metadata a consumer of the module needs beside the functions. */
export interface ModuleMetadata {
  policy: string
  version: string
  /** sha256 of the rules source the module was compiled from. */
  sourceHash: string
}

interface Variable {
  js: Name
  staticPath: string
  /** The item's plain flag, declared by its quantifier function if a read uses it (`key`: the first key read). */
  plain?: { js: Name; key?: string }
}

/** `o`: whether the prototypes are pristine, computed once by each whole-set entry point and passed to quantifiers. */
const PRISTINE = new Name('o')

/** One generated function: its temporaries. */
class FunctionScope {
  private temps = 0
  /** Whether the function calls a memoised definition, and so needs `c`. */
  memo = false
  temp(): Code {
    return name('t', this.temps++)
  }
  declarations(): Code {
    return this.temps === 0 ? EMPTY : _`  let ${join(Array.from({ length: this.temps }, (_unused, index) => name('t', index)), ', ')};\n`
  }
}

/**
 * Own-property read of a constant key. On a plain name (`s`, `f3`, `v0`) it is inlined, so that each site has its own
 * inline cache for the key; anything else goes through `get`. Both read own properties only, never from an array.
 */
function ownRead(object: Code, key: string): Code {
  if (object instanceof Name && (object.prefix === 's' || object.prefix === 'f' || object.prefix === 'v')) {
    return _`(typeof ${object} === "object" && ${object} !== null && own.call(${object}, ${key}) && !Array.isArray(${object}) ? ${object}[${key}] : undefined)`
  }
  return _`get(${object}, ${key})`
}

/**
 * Facts read once into locals, for the whole-set functions: each object read from gets a plain flag, once
 * (`const p0 = o && plain(s)`), and each fact is a plain read where the flag holds
 * (`const f0 = p0 ? s["data"] : get(s, "data")`, `const p1 = o && plain(f0)`, `const f1 = p1 ? f0["storesApiData"] : …`).
 */
class FactTable {
  private readonly locals = new Map<string, Name>()
  private readonly flags = new Map<Name, Name>()
  private readonly lines: Code[] = []
  private facts = 0
  constructor(private readonly reads: PlainReads) {}
  local(segments: readonly string[]): Code {
    let parent: Name = SUBJECT
    let key = ''
    for (const segment of segments) {
      key = key === '' ? segment : `${key}\0${segment}`
      let local = this.locals.get(key)
      if (!local) {
        const flag = this.flag(parent, segment)
        local = name('f', this.facts++)
        this.lines.push(_`  const ${local} = ${this.reads.read(parent, flag, segment)};\n`)
        this.locals.set(key, local)
      }
      parent = local
    }
    return parent
  }
  /** The plain flag of an object local, declared before its first read (of `key`). */
  private flag(object: Name, key: string): Name {
    let flag = this.flags.get(object)
    if (!flag) {
      flag = name('p', this.flags.size)
      this.flags.set(object, flag)
      this.lines.push(_`  const ${flag} = ${plainTest(object, key)};\n`)
    }
    return flag
  }
  declarations(): Code {
    return join(this.lines, '')
  }
}

/**
 * Whether `x` is plain: an object, not an array, whose prototype is Object.prototype or null (as JSON.parse makes them),
 * while the prototypes are pristine. Then every key a plain read takes from it is its own or absent. The `key in x`
 * first (never a getter; true or false, it decides nothing) gives the optimiser x's map, so that getPrototypeOf folds to
 * a constant: without it, each test is a call (about 10 ns) and costs more than the own-property guards it saves.
 */
function plainTest(x: Name, key: string): Code {
  const prototype = _`Object.getPrototypeOf(${x})`
  return _`${PRISTINE} && typeof ${x} === "object" && ${x} !== null && (${key} in ${x} || true) && (${prototype} === Object.prototype || ${prototype} === null) && !Array.isArray(${x})`
}

/** The keys Object.prototype has by itself: read with the own-property guard, never plainly. */
const OBJECT_PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype))

/**
 * Plain reads (`p ? x[k] : get(x, k)`) and the keys they read: a plain read is an own-property read when `x` is plain
 * and no prototype it can inherit from carries `k`, which `pristine()` checks for every such key, once an evaluation.
 */
class PlainReads {
  readonly keys = new Set<string>()
  read(object: Name, flag: Code, key: string): Code {
    // `constructor`, `__proto__`, `toString`…: Object.prototype always has them, so pristine() would always fail.
    if (OBJECT_PROTOTYPE_KEYS.has(key)) return ownRead(object, key)
    this.keys.add(key)
    return _`(${flag} ? ${object}[${key}] : get(${object}, ${key}))`
  }
  /** The module's `pristine()`: Object.prototype has none of the keys read plainly. */
  pristine(): Code {
    const tests = [...this.keys].sort().map((key) => _`!(${key} in Object.prototype)`)
    return _`/** Whether Object.prototype carries none of the keys read plainly: nothing polluted to inherit. */\nfunction pristine() {\n  return ${tests.length === 0 ? _`true` : join(tests, ' && ')};\n}`
  }
}

/** The JavaScript operator of each comparison, and the string method of each test: every operator has its entry. */
const OPERATORS: Record<Compare['op'], Code> = { '==': _`===`, '!=': _`!==`, '<': _`<`, '<=': _`<=`, '>': _`>`, '>=': _`>=` }
const METHODS: Record<Test['op'], Code> = { 'starts-with': _`startsWith`, 'ends-with': _`endsWith`, contains: _`includes` }

/** Nothing, and the indentation of a rule function's statements. */
const EMPTY = _``
const FALSE = _`false`
const INDENT = _`  `

/** How an expression is being compiled. */
interface Context {
  scope: FunctionScope
  variables: Map<string, Variable>
  /** Record facts left out into `m`. */
  track: boolean
  /** Read facts from shared locals (whole-set functions) instead of from `s`. */
  facts: FactTable | undefined
  /** Whether plain reads may be used: `o` in whole-set functions and the quantifiers they call, else `false`. */
  pristine: Code
}

/** Compiles a program to JavaScript source text. */
class Generator {
  private readonly functions: Code[] = []
  private readonly definitionNames = new Map<string, Code>()
  /** Definitions computed once per evaluation (by their slot in `c`); the others are small and inlined. */
  private readonly memoSlots = new Map<string, number>()
  /**
   * Each quantifier's function, by the node itself and whether it tracks missing facts: never by its position, which
   * two files (or a file and a definition) can share.
   */
  private readonly quantifierFunctions = new WeakMap<Quantifier, Map<boolean, { fn: Code; memo: boolean }>>()
  private quantifiers = 0
  private variables = 0
  readonly reads = new PlainReads()

  constructor(private readonly program: CheckedProgram) {
    let index = 0
    for (const [key, body] of program.definitions) {
      this.definitionNames.set(key, name('d', index++))
      if (usedDefinitions(body, program.definitions).length > 0 || !small(body)) this.memoSlots.set(key, this.memoSlots.size)
    }
    index = 0
    for (const [key, body] of program.definitions) {
      const scope = new FunctionScope()
      const value = this.truth(body, { scope, variables: new Map(), track: true, facts: undefined, pristine: FALSE })
      const fn = name('d', index++)
      const slot = this.memoSlots.get(key)
      if (slot === undefined) this.functions.push(_`function ${fn}(s, m) {\n${scope.declarations()}  return ${value};\n}`)
      else {
        this.functions.push(
          _`function ${fn}(s, m, c) {\n${scope.declarations()}  const k = c[${slot}];\n  if (k !== 0) return k === 2 ? true : k === 1 ? false : undefined;\n  const v = ${value};\n  c[${slot}] = v === true ? 2 : v === false ? 1 : 3;\n  return v;\n}`,
        )
      }
    }
  }

  /** The declaration of `c`, the memo of the definitions computed once, in an entry point that needs it. */
  private memoDeclaration(scope: FunctionScope): Code {
    return scope.memo ? _`  const c = new Uint8Array(${this.memoSlots.size});\n` : EMPTY
  }

  /** The statements that compute one rule's status code into `target` (a `return` or an assignment). */
  private ruleBody(rule: CheckedRule, context: Context, target: (code: Code, last: boolean) => Code, indent: Code): Code[] {
    const guard = rule.guard ? this.truth(rule.guard, context) : _`true`
    const lines = [_`const g = ${guard};`, _`if (g === false) ${target(_`${CODE['not-applicable']}`, false)}`]
    if (rule.modality === 'attest') {
      const attestations = context.facts ? context.facts.local(['attestations']) : _`get(s, "attestations")`
      lines.push(
        _`const a = get(${attestations}, ${rule.id});`,
        target(_`a === true ? ${CODE.satisfied} : g === undefined ? ${CODE.unknown} : a === false ? ${CODE.violated} : ${CODE.attest}`, true),
      )
    } else {
      lines.push(_`const p = ${this.truth(rule.predicate!, context)};`)
      if (rule.modality === 'must') lines.push(target(_`p === true ? ${CODE.satisfied} : p === false && g === true ? ${CODE.violated} : ${CODE.unknown}`, true))
      else if (rule.modality === 'must-not') lines.push(target(_`p === false ? ${CODE.satisfied} : p === true && g === true ? ${CODE.violated} : ${CODE.unknown}`, true))
      else lines.push(target(_`g === undefined || p === undefined ? ${CODE.unknown} : p ? ${CODE.satisfied} : ${CODE['not-applicable']}`, true))
    }
    return lines.map((line) => _`${indent}${line}`)
  }

  /** One function a rule: `r<i>(s, m)`. */
  rule(rule: CheckedRule, index: number): Code {
    const scope = new FunctionScope()
    const body = this.ruleBody(rule, { scope, variables: new Map(), track: true, facts: undefined, pristine: FALSE }, (code) => _`return ${code};`, INDENT)
    const fn = name('r', index)
    this.functions.push(_`function ${fn}(s, m) {\n${scope.declarations()}${this.memoDeclaration(scope)}${join(body, '\n')}\n}`)
    return fn
  }

  /** Every rule in one function, facts read once: `all(s, m, out)` (tracking) or `fast(s, out)`. */
  whole(rules: readonly CheckedRule[], track: boolean): Code {
    const scope = new FunctionScope()
    const facts = new FactTable(this.reads)
    const blocks = rules.map((rule, index) => {
      // A labelled block: `break` leaves it when the rule's guard is false; its last statement needs none.
      const label = name('r', index)
      const target = (code: Code, last: boolean): Code => (last ? _`out[${index}] = ${code};` : _`{ out[${index}] = ${code}; break ${label}; }`)
      const body = this.ruleBody(rule, { scope, variables: new Map(), track, facts, pristine: PRISTINE }, target, _`    `)
      return _`  ${label}: {\n${join(body, '\n')}\n  }`
    })
    const head = track ? _`function all(s, m, out) {\n` : _`function fast(s, out) {\n  const m = null;\n`
    return _`${head}  const ${PRISTINE} = pristine();\n${scope.declarations()}${this.memoDeclaration(scope)}${facts.declarations()}${join(blocks, '\n')}\n  return out;\n}`
  }

  output(): Code {
    return join([...this.functions, this.reads.pristine()], '\n\n')
  }

  /** An expression in a truth context: true, false or undefined. */
  private truth(expression: Expression, context: Context): Code {
    switch (expression.type) {
      case 'literal':
        return _`${expression.value === true ? true : expression.value === false ? false : _`undefined`}`
      case 'count':
        return _`tb(${this.value(expression, context)})`
      case 'path': {
        const resolved = resolvePath(expression, context.variables, this.program.definitions)
        if (resolved.kind === 'definition') return this.value(expression, context)
        const value = this.value(expression, context)
        // A shared local needs no temporary to be tested twice.
        if (isFact(value)) return _`(${value} === true || ${value} === false ? ${value} : undefined)`
        return _`tb(${value})`
      }
      case 'not':
      case 'binary':
      case 'compare':
      case 'in':
      case 'test':
      case 'exists':
      case 'quantifier':
        return this.value(expression, context)
      default:
        return unexpectedNode(expression)
    }
  }

  /** Read a path, recording it as missing when undefined (when tracking and `record`). */
  private read(path: Path, context: Context, record: boolean): Code {
    const resolved = resolvePath(path, context.variables, this.program.definitions)
    if (resolved.kind === 'definition') {
      const fn = this.definitionNames.get(resolved.name)!
      if (this.memoSlots.has(resolved.name)) {
        context.scope.memo = true
        return _`${fn}(s, m, c)`
      }
      // Whole-set functions inline small definitions (their facts are shared locals); rule functions call them.
      // A definition is evaluated in its own scope: the caller's variables are not visible in it.
      if (context.facts) return _`(${this.truth(this.program.definitions.get(resolved.name)!, { ...context, variables: new Map() })})`
      return _`${fn}(s, m)`
    }
    let code: Code
    let staticPath: string
    if (resolved.kind === 'variable') {
      const variable = context.variables.get(resolved.name)!
      code = variable.js
      resolved.rest.forEach((key, index) => {
        if (index === 0 && variable.plain) {
          variable.plain.key ??= key
          code = this.reads.read(variable.js, variable.plain.js, key)
        } else code = ownRead(code, key)
      })
      staticPath = [variable.staticPath, ...resolved.rest].join('.')
    } else {
      if (context.facts) code = context.facts.local(resolved.segments)
      else {
        code = SUBJECT
        for (const key of resolved.segments) code = _`get(${code}, ${key})`
      }
      staticPath = resolved.segments.join('.')
    }
    if (!record || !context.track) return code
    if (isFact(code)) return _`(${code} === undefined && m !== null && m.push(${staticPath}), ${code})`
    const t = context.scope.temp()
    return _`(${t} = ${code}, ${t} === undefined && m !== null && m.push(${staticPath}), ${t})`
  }

  /** An expression's value (truth values for logical nodes). */
  private value(expression: Expression, context: Context): Code {
    const { scope } = context
    switch (expression.type) {
      case 'literal':
        return _`${expression.value}`
      case 'path':
        return this.read(expression, context, true)
      case 'not': {
        const t = scope.temp()
        return _`(${t} = ${this.truth(expression.operand, context)}, ${t} === undefined ? undefined : !${t})`
      }
      case 'binary': {
        const a = scope.temp()
        const b = scope.temp()
        const left = this.truth(expression.left, context)
        const right = this.truth(expression.right, context)
        if (expression.op === 'and') {
          return _`(${a} = ${left}, ${a} === false ? false : (${b} = ${right}, ${b} === false ? false : ${a} === undefined || ${b} === undefined ? undefined : true))`
        }
        if (expression.op === 'or') {
          return _`(${a} = ${left}, ${a} === true ? true : (${b} = ${right}, ${b} === true ? true : ${a} === undefined || ${b} === undefined ? undefined : false))`
        }
        return _`(${a} = ${left}, ${a} === false ? true : (${b} = ${right}, ${b} === true ? true : ${a} === undefined || ${b} === undefined ? undefined : false))`
      }
      case 'compare': {
        const op = OPERATORS[expression.op]
        const ordering = expression.op !== '==' && expression.op !== '!='
        // Against a literal (the usual case) the literal needs no temporary and no undefined test.
        const literal = expression.right.type === 'literal' ? expression.right : expression.left.type === 'literal' ? expression.left : undefined
        if (literal && expression.left.type !== expression.right.type) {
          const a = scope.temp()
          const other = this.value(literal === expression.right ? expression.left : expression.right, context)
          const [x, y] = literal === expression.right ? [a, _`${literal.value}`] : [_`${literal.value}`, a]
          if (!ordering) return _`(${a} = ${other}, ${a} === undefined ? undefined : ${x} ${op} ${y})`
          if (typeof literal.value !== 'number') return _`undefined`
          return _`(${a} = ${other}, typeof ${a} === "number" ? ${x} ${op} ${y} : undefined)`
        }
        const a = scope.temp()
        const b = scope.temp()
        const left = this.value(expression.left, context)
        const right = this.value(expression.right, context)
        const head = _`(${a} = ${left}, ${b} = ${right}, ${a} === undefined || ${b} === undefined ? undefined : `
        if (!ordering) return _`${head}${a} ${op} ${b})`
        return _`${head}typeof ${a} === "number" && typeof ${b} === "number" ? ${a} ${op} ${b} : undefined)`
      }
      case 'in': {
        const t = scope.temp()
        const operand = this.value(expression.operand, context)
        const tests = expression.list.items.map((item) => _`${t} === ${item.value}`)
        const found = tests.length === 0 ? _`false` : _`(${join(tests, ' || ')})`
        return expression.negated ? _`(${t} = ${operand}, ${t} === undefined ? undefined : !${found})` : _`(${t} = ${operand}, ${t} === undefined ? undefined : ${found})`
      }
      case 'test': {
        const method = METHODS[expression.op]
        if (expression.right.type === 'literal' && typeof expression.right.value === 'string') {
          const a = scope.temp()
          const left = this.value(expression.left, context)
          const needle = _`${expression.right.value}`
          const strings = _`typeof ${a} === "string" ? ${a}.${method}(${needle}) : false`
          const body = expression.op === 'contains' ? _`Array.isArray(${a}) ? ${a}.includes(${needle}) : ${strings}` : strings
          return _`(${a} = ${left}, ${a} === undefined ? undefined : ${body})`
        }
        const a = scope.temp()
        const b = scope.temp()
        const left = this.value(expression.left, context)
        const right = this.value(expression.right, context)
        const strings = _`typeof ${a} === "string" && typeof ${b} === "string" ? ${a}.${method}(${b}) : false`
        const body = expression.op === 'contains' ? _`Array.isArray(${a}) ? ${a}.includes(${b}) : ${strings}` : strings
        return _`(${a} = ${left}, ${b} = ${right}, ${a} === undefined || ${b} === undefined ? undefined : ${body})`
      }
      case 'exists': {
        const t = scope.temp()
        const present = _`(${t} = ${this.read(expression.path, context, false)}, ${t} !== undefined && ${t} !== null)`
        return expression.negated ? _`!${present}` : present
      }
      case 'count': {
        const t = scope.temp()
        return _`(${t} = ${this.value(expression.path, context)}, Array.isArray(${t}) ? ${t}.length : undefined)`
      }
      case 'quantifier':
        return this.quantifier(expression, context)
      default:
        return unexpectedNode(expression)
    }
  }

  /**
   * A quantifier becomes a module-level function of the subject, the missing list, the collection and the
   * variables in scope. The caller reads the collection (from its shared locals, in whole-set functions).
   */
  private quantifier(expression: Expression & { type: 'quantifier' }, context: Context): Code {
    const { variables } = context
    const collection = this.read(expression.collection, context, true)
    const outer = [...variables.values()].map((variable) => variable.js)
    let compiled = this.quantifierFunctions.get(expression)
    if (!compiled) this.quantifierFunctions.set(expression, (compiled = new Map()))
    let entry = compiled.get(context.track)
    if (!entry) {
      const fn = name('q', this.quantifiers++)
      const scope = new FunctionScope()
      const resolved = resolvePath(expression.collection, variables, this.program.definitions)
      const staticBase = resolved.kind === 'variable' ? [variables.get(resolved.name)!.staticPath, ...resolved.rest].join('.') : expression.collection.segments.join('.')
      const index = this.variables++
      const variable: Variable = { js: name('v', index), staticPath: `${staticBase}[]`, plain: { js: name('p', index) } }
      // Outer items are parameters here; their flags stay in their own functions.
      const inner = new Map([...variables].map(([key, outerVariable]) => [key, { js: outerVariable.js, staticPath: outerVariable.staticPath }]))
      inner.set(expression.variable, variable)
      // Inside the loop, facts are read from `s` (no shared locals); tracking as the caller.
      const body = this.truth(expression.body, { scope, variables: inner, track: context.track, facts: undefined, pristine: PRISTINE })
      const some = expression.quantifier === 'some'
      entry = { fn, memo: scope.memo }
      compiled.set(context.track, entry)
      const params = join([SUBJECT, _`m`, _`a`, PRISTINE, ...outer, ...(scope.memo ? [_`c`] : [])], ', ')
      const { key } = variable.plain!
      const flag = key === undefined ? EMPTY : _`    const ${variable.plain!.js} = ${plainTest(variable.js, key)};\n`
      this.functions.push(
        _`function ${fn}(${params}) {\n${scope.declarations()}  if (!Array.isArray(a)) return undefined;\n  let r = ${!some};\n  for (let i = 0; i < a.length; i++) {\n${
          _`    const ${variable.js} = a[i];\n${flag}    const x = ${body};\n    if (x === ${some}) return x;\n    if (x === undefined) r = undefined;\n  }\n  return r;\n}`
        }`,
      )
    }
    if (entry.memo) context.scope.memo = true
    return _`${entry.fn}(${join([SUBJECT, _`m`, collection, context.pristine, ...outer, ...(entry.memo ? [_`c`] : [])], ', ')})`
  }
}

/** Whether code is a fact read once into a shared local (`f3`): tested twice without a temporary. */
function isFact(code: Code): boolean {
  return code instanceof Name && code.prefix === 'f'
}

/** Nodes a definition may have to be inlined where it is used (larger ones are computed once, by a function). */
const INLINE_NODES = 64

/** Whether an expression has at most {@link INLINE_NODES} nodes (counted without recursion, stopping at the bound). */
function small(expression: Expression): boolean {
  let count = 0
  visitor.build({
    default(_node, state, walk) {
      if (++count > INLINE_NODES) walk.stop()
      else walk.children(state)
    },
  })(expression, undefined)
  return count <= INLINE_NODES
}

const PRELUDE = _`const own = Object.prototype.hasOwnProperty;
/** Own-property read: never from a prototype (so a polluted Object.prototype changes nothing), never from an array. */
function get(o, k) {
  return typeof o === "object" && o !== null && own.call(o, k) && !Array.isArray(o) ? o[k] : undefined;
}
/** A value as a truth value: true, false, or undefined (unknown). */
function tb(v) {
  return v === true || v === false ? v : undefined;
}`

/**
 * Compile a checked program to the source of a standalone ES module. It exports `rules`
 * (id, clauses, modality, evaluate), `STATUSES`, `evaluateAll(subject, missing?, out?)` and the metadata.
 */
export function generateModule(program: CheckedProgram, metadata: ModuleMetadata): string {
  return generate(program, metadata, 'module')
}

/**
 * The same code as {@link generateModule}, as the body of a function that returns what the module exports
 * (`new Function(body)()`). For harnesses that evaluate millions of programs: an imported module is never freed.
 */
export function generateFunctionBody(program: CheckedProgram, metadata: ModuleMetadata): string {
  return generate(program, metadata, 'function')
}

function generate(program: CheckedProgram, metadata: ModuleMetadata, form: 'module' | 'function'): string {
  const generator = new Generator(program)
  const functions = program.rules.map((rule, index) => generator.rule(rule, index))
  const whole = [generator.whole(program.rules, true), generator.whole(program.rules, false)]
  const entries = program.rules.map(
    (rule, index) => _`  { id: ${rule.id}, clauses: ${literal(rule.clauses)}, modality: ${rule.modality}, evaluate: ${functions[index]!} }`,
  )
  const exported = form === 'module' ? _`export ` : EMPTY
  return join(
    [
      _`// Generated by diptych from a policy's rules. Do not edit: run \`diptych build\`.`,
      PRELUDE,
      generator.output(),
      ...whole,
      _`/** Statuses by code: a rule's evaluate(subject, missing) returns an index into this list. */`,
      _`${exported}const STATUSES = ${literal(STATUSES)};`,
      _`${exported}const policy = ${metadata.policy};`,
      _`${exported}const version = ${metadata.version};`,
      _`${exported}const sourceHash = ${metadata.sourceHash};`,
      _`/** The rules, in source order. */`,
      _`${exported}const rules = [\n${join(entries, ',\n')}\n];`,
      _`/** The checked rules as data (their syntax trees), for an interpreter's explanations without the parser. */`,
      _`${exported}const program = ${programLiteral(program)};`,
      _`/**\n * Evaluate every rule: one status code a rule, in \`out\` (a new Uint8Array unless given).\n * \`missing\`, if an array, receives the paths of facts left out; without it the fast path runs.\n */`,
      _`${exported}function evaluateAll(s, missing = null, out = new Uint8Array(${functions.length})) {\n  return missing === null ? fast(s, out) : all(s, missing, out);\n}`,
      ...(form === 'function' ? [_`return { STATUSES, policy, version, sourceHash, rules, program, evaluateAll };`] : []),
      EMPTY,
    ],
    '\n\n',
  ).text
}

/** A checked program as a literal (Maps as entry lists). */
function programLiteral(program: CheckedProgram): Code {
  return literal({ rules: program.rules, definitions: [...program.definitions], classifications: [...program.classifications] })
}

/** A checked program as a JSON literal (Maps as entry lists), safe to paste into JavaScript source. */
export function serialiseProgram(program: CheckedProgram): string {
  return programLiteral(program).text
}

/** The inverse of {@link serialiseProgram}, for a parsed program object. */
export function deserialiseProgram(data: { rules: CheckedProgram['rules']; definitions: Array<[string, Expression]>; classifications: Array<[string, 'obligation' | 'prohibition' | 'permission' | 'informative']> }): CheckedProgram {
  return { rules: data.rules, definitions: new Map(data.definitions), classifications: new Map(data.classifications) }
}
