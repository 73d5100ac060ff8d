// Every expression node type against every pass: parse → check (types included) → compile → interpret, both
// evaluators agreeing. The table's keys are the `Expression['type']` union, exactly: a new node type without a row
// here fails `tsc`, as it fails in the grammar's AST, the type checker, the code generator and the interpreter.
import { describe, expect, it } from 'vitest'
import type { Expression } from '../../src/dsl/ast.js'
import { topExpressions } from '../../src/dsl/ast.js'
import { interpretAll } from '../../src/dsl/interpret/evaluate.js'
import { visitor } from '../../src/dsl/visitor.js'
import { compile, diagnose, parseOk } from './helpers.js'

/** A predicate that uses the node type (with others where it must), and one the type checker refuses. */
interface Row {
  predicate: string
  illTyped: string
}

const ROWS = {
  literal: { predicate: 'true', illTyped: '"yes"' },
  path: { predicate: 'kids', illTyped: 'name' },
  not: { predicate: '(not kids)', illTyped: '(not age)' },
  binary: { predicate: 'kids implies age >= 13', illTyped: 'kids and age' },
  compare: { predicate: 'age >= 13', illTyped: 'name > 3' },
  in: { predicate: 'storage in ["local", "server"]', illTyped: 'storage in ["cloud"]' },
  test: { predicate: 'name starts with "a"', illTyped: 'age starts with "a"' },
  exists: { predicate: 'exists url', illTyped: 'exists nothing' },
  quantifier: { predicate: 'every a in actions: a.auto', illTyped: 'every a in name: a' },
  count: { predicate: 'count(tags) > 1', illTyped: 'count(name) > 1' },
} satisfies Record<Expression['type'], Row>

/** `true` only when the two types are the same. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const exact: Same<keyof typeof ROWS, Expression['type']> = true

const SUBJECTS: unknown[] = [
  {},
  { name: 'abc', age: 20, kids: true, tags: ['a', 'b'], storage: 'local', url: null, actions: [{ auto: true }] },
  { name: 'xyz', age: 5, kids: false, tags: [], storage: 'server', url: 'u', actions: [{ auto: false }, {}] },
  { name: 'a', age: 13, kids: true, tags: ['c'], actions: [{ auto: true }, { auto: true }] },
]

const rule = (predicate: string): string => `rule r { implements s.one must ${predicate} message { en: "x", nl: "y" } }`

/** The node types of a parsed program, through the one visitor. */
function nodeTypes(source: string): Set<Expression['type']> {
  const types = new Set<Expression['type']>()
  visitor.build({
    default(node, state, walk) {
      types.add(node.type)
      walk.children(state)
    },
  })(topExpressions(parseOk(source)), undefined)
  return types
}

describe('every node type goes through every pass', () => {
  it('the table has a row for every node type, and no other (checked by tsc too)', () => {
    expect(exact).toBe(true)
    expect(Object.keys(ROWS).sort()).toEqual(['binary', 'compare', 'count', 'exists', 'in', 'literal', 'not', 'path', 'quantifier', 'test'])
  })

  for (const [type, row] of Object.entries(ROWS) as Array<[Expression['type'], Row]>) {
    it(`${type}: parsed, checked, compiled and interpreted alike`, async () => {
      expect(nodeTypes(rule(row.predicate))).toContain(type)
      const { program, module } = await compile(rule(row.predicate))
      for (const subject of SUBJECTS) {
        const interpreted = interpretAll(program, subject)
        expect(module.rules.map((compiled) => module.STATUSES[compiled.evaluate(subject, null)])).toEqual(interpreted)
        expect([...module.evaluateAll(subject, [])].map((code) => module.STATUSES[code])).toEqual(interpreted)
        expect([...module.evaluateAll(subject)].map((code) => module.STATUSES[code])).toEqual(interpreted)
      }
    })

    it(`${type}: the type checker refuses it ill-typed`, () => {
      expect(nodeTypes(rule(row.illTyped))).toContain(type)
      expect(diagnose(rule(row.illTyped)).length).toBeGreaterThan(0)
    })
  }
})
