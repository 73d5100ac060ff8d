// The depth of a parsed value (jsonTooDeep, on every profile) agrees with the scan of its text (jsonDepthOffset, for the place).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDepthOffset, jsonTooDeep } from '../../src/util/json-lines.js'

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(null, 1, 'x[{', true), fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('tree'), { maxKeys: 3 })),
}))

describe('JSON depth', () => {
  it('a parsed value is too deep exactly when its text opens a level past the limit', () => {
    fc.assert(fc.property(tree, fc.integer({ min: 0, max: 6 }), (value, limit) => jsonTooDeep(value, limit) === jsonDepthOffset(JSON.stringify(value), limit) >= 0), { numRuns: 3000, seed: 12 })
  })

  it('walks 100,000 levels without recursion', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown
    expect(jsonTooDeep(deep, 100)).toBe(true)
    expect(jsonTooDeep(deep, 100_000)).toBe(false)
  })
})
