// File trees by hash, for tests that assert a command wrote nothing, or everything.
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Every file under `root` (relative path, `/`-separated) with the sha256 of its content; folders end in `/`. */
export async function treeOf(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {}
  const walk = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${prefix}${entry.name}`
      if (entry.isDirectory()) {
        tree[`${path}/`] = 'folder'
        await walk(join(folder, entry.name), `${path}/`)
      } else {
        tree[path] = createHash('sha256').update(await readFile(join(folder, entry.name))).digest('hex')
      }
    }
  }
  await walk(root, '')
  return tree
}

/** The paths whose content differs between two trees (added, removed or changed). */
export function changedPaths(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((path) => a[path] !== b[path]).sort()
}
