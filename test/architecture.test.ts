// The layering of src/ (.dependency-cruiser.cjs): no import cycle, no upward import, nothing imports the CLI.
import { join } from 'node:path'
import { type ICruiseResult, cruise } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers.js'

/** Cruise src/ with the project's rule file, from the project root (the rule file's paths are relative to it). */
async function cruiseSource(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'))
  const tsConfig = extractTSConfig(join(ROOT, 'tsconfig.json'))
  const result = await cruise(['src'], { ...options, baseDir: ROOT, tsConfig: { fileName: join(ROOT, 'tsconfig.json') } }, {}, { tsConfig })
  return result.output as ICruiseResult
}

describe('the layers of src/ (.dependency-cruiser.cjs)', () => {
  it('hold: no cycle, no upward import, nothing imports the CLI', async () => {
    const result = await cruiseSource()
    const violations = result.summary.violations.map((violation) => {
      const cycle = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : ''
      return `${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`
    })
    expect(violations, `layering violations (see .dependency-cruiser.cjs):\n${violations.join('\n')}`).toEqual([])
    // The rules ran on the whole tree, not on an empty selection.
    expect(result.modules.filter((module) => module.source.startsWith('src/')).length).toBeGreaterThan(50)
  }, 60_000)

  it('name every folder of src/ as a layer', async () => {
    const result = await cruiseSource()
    const folders = new Set(result.modules.map((module) => /^src\/([^/]+)\//.exec(module.source)?.[1]).filter((folder) => folder !== undefined))
    const rules = (await import(join(ROOT, '.dependency-cruiser.cjs'))) as { default: { forbidden: Array<{ name: string }> } }
    const layers = new Set(rules.default.forbidden.map((rule) => /^(.+)-imports-only-below$/.exec(rule.name)?.[1]).filter((layer) => layer !== undefined))
    expect([...folders].filter((folder) => folder !== 'cli' && !layers.has(folder))).toEqual([])
  }, 60_000)
})
