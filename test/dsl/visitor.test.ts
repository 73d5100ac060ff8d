import { describe, expect, it } from 'vitest'
import type { Expression } from '../../src/dsl/ast.js'
import { topExpressions } from '../../src/dsl/ast.js'
import { usedDefinitions } from '../../src/dsl/definitions.js'
import { visitor } from '../../src/dsl/visitor.js'
import { parseOk } from './helpers.js'

const LOC = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }

describe('the visitor', () => {
  it('walks every node in source order by default, and only handles the types it names', () => {
    const program = parseOk('define d = kids and (age > 3 or name starts with "a")\ndefine e = every a in actions: not a.auto')
    const paths: string[] = []
    visitor.build({ path: (node) => void paths.push(node.segments.join('.')) })(topExpressions(program), undefined)
    expect(paths).toEqual(['kids', 'age', 'name', 'actions', 'a.auto'])
  })

  it('lets a handler choose the children and their state, and stop the walk', () => {
    const program = parseOk('define d = some a in actions: a.auto and kids')
    const scoped: Array<[string, boolean]> = []
    visitor.build<ReadonlySet<string>>({
      path: (node, names) => void scoped.push([node.segments[0]!, names.has(node.segments[0]!)]),
      quantifier(node, names, walk) {
        walk.visit(node.collection, names)
        walk.visit(node.body, new Set([...names, node.variable]))
      },
    })(topExpressions(program), new Set())
    expect(scoped).toEqual([['actions', false], ['a', true], ['kids', false]])
    let seen = 0
    visitor.build({
      default(_node, state, walk) {
        if (++seen === 2) walk.stop()
        else walk.children(state)
      },
    })(topExpressions(program), undefined)
    expect(seen).toBe(2)
  })

  it('walks a tree 100,000 levels deep without recursion', () => {
    let node: Expression = { type: 'path', segments: ['kids'], loc: LOC }
    for (let index = 0; index < 100_000; index++) node = { type: 'binary', op: 'and', left: node, right: { type: 'path', segments: ['d'], loc: LOC }, loc: LOC }
    let count = 0
    visitor.build({ default: (_node, state, walk) => void (count++, walk.children(state)) })(node, undefined)
    expect(count).toBe(200_001)
    expect(usedDefinitions(node, new Map([['d', null]]))).toEqual(['d'])
  })
})
