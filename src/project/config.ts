// The project's configuration: `diptych.config.json` at the root, or the `diptych` key of its package.json. It names
// the policy every command works on when `--policy` is not given.
import { join } from 'node:path'
import { fail } from '../diagnostics/index.js'
import { readTextIfExists } from '../util/read-file.js'
import { DEFAULT_POLICY } from './paths.js'

/** The config file `diptych init` writes in an empty folder. */
export const CONFIG_FILE = 'diptych.config.json'

/** What a project's configuration says. */
export interface ProjectConfig {
  /** The policy a command works on when none is named. */
  policy: string
  /** Where it was read from, relative to the root (undefined: no configuration, the built-in default). */
  file?: string | undefined
}

const POLICY = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Read the project's configuration: `diptych.config.json`, else package.json's `diptych` key, else the default. */
export async function readProjectConfig(root: string): Promise<ProjectConfig> {
  for (const [name, pick] of [
    [CONFIG_FILE, (value: unknown) => value],
    ['package.json', (value: unknown) => (isObject(value) && Object.hasOwn(value, 'diptych') ? value['diptych'] : undefined)],
  ] as const) {
    const text = await readTextIfExists(join(root, name), { file: name, inside: root })
    if (text === undefined) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      fail('Unexpected text: the file is not JSON', { file: name, ruleId: 'json/syntax' })
    }
    const config = pick(parsed)
    if (config === undefined) continue
    const policy = isObject(config) && Object.hasOwn(config, 'policy') ? config['policy'] : undefined
    if (typeof policy !== 'string' || !POLICY.test(policy)) {
      fail(`Field \`${name === CONFIG_FILE ? 'policy' : 'diptych.policy'}\` must be a policy ID (lowercase letters, digits, dashes)`, { file: name, ruleId: 'cli/invalid-policy' })
    }
    return { policy, file: name }
  }
  return { policy: DEFAULT_POLICY }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
