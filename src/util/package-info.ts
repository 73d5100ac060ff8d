// diptych's own package.json, found from this module: `dist/util/` in the package and `dist/bundle/` of the command
// line's bundle are both two folders below the package's root, so the one relative path holds for both.
import { readFileSync } from 'node:fs'

/** diptych's own version (for `--version` and SARIF). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}
