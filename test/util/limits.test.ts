// The README's table of limits is the one the code enforces.
import { describe, expect, it } from 'vitest'
import { LIMITS, LIMITS_MARKERS, limitsMarkdown } from '../../src/util/limits.js'
import { replaceGenerated } from '../../src/util/readme.js'
import { readRepo } from '../helpers.js'

describe('limits', () => {
  it('the README lists every limit with the value the code enforces', async () => {
    const readme = await readRepo('README.md')
    expect(replaceGenerated(readme, LIMITS_MARKERS, limitsMarkdown())).toBe(readme)
    expect(readme).toContain(`| ${LIMITS.profileDepth} levels | \`eval/too-deep\` |`)
  })
})
