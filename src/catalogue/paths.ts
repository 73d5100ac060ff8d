// Where a project's files are: the policy folder, its manifest, catalogue and locale files (no heavy imports).
import { join, relative, sep } from 'node:path'
import { fail } from '../diagnostics/index.js'

/** Paths of one policy inside a project root. */
export interface PolicyPaths {
  root: string
  policy: string
  folder: string
  manifest: string
  catalogue: string
  hints: string
  locale(locale: string): string
  /** A path relative to the root, with `/`, for messages and the catalogue. */
  display(path: string): string
}

/** Paths of `policy` under `root`. */
export function policyPaths(root: string, policy: string): PolicyPaths {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy)) {
    fail(`Invalid policy name \`${policy}\`, expected lowercase letters, digits and \`-\``, { file: '<arguments>', ruleId: 'cli/invalid-policy' })
  }
  const folder = join(root, 'policy', policy)
  return {
    root,
    policy,
    folder,
    manifest: join(folder, 'policy.json'),
    catalogue: join(folder, 'catalogue.json'),
    hints: join(folder, 'hints.json'),
    locale: (locale) => join(root, 'locales', locale, `${policy}.md`),
    display: (path) => relative(root, path).split(sep).join('/'),
  }
}
