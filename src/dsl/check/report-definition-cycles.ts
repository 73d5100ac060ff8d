// Report definitions that use themselves, directly or through others (they could never be evaluated).
// Linear in the program: the strongly connected components of the definitions' graph (Tarjan, without recursion),
// then, for each definition in a cycle, a shortest way back to itself (breadth first, bounded).
import { usedDefinitions } from '../definitions.js'
import type { CheckPass } from './context.js'
import { report } from './context.js'

/** The longest cycle shown in full; a longer one is shown by its ends. */
const TRAIL_SHOWN = 12
/** Definitions a search for the way back may visit (a cycle through thousands is reported without its trail). */
const SEARCH_LIMIT = 256

export const reportDefinitionCycles: CheckPass = (context) => {
  const { definitions } = context.program
  const names = [...definitions.keys()]
  const uses = new Map(names.map((name) => [name, usedDefinitions(definitions.get(name)!, definitions)]))
  const component = components(names, uses)
  for (const unit of context.units) {
    for (const item of unit.program.items) {
      // A repeated definition (reported as a duplicate) is not the one in use.
      if (item.type !== 'define' || definitions.get(item.name) !== item.body) continue
      const own = component.get(item.name)!
      if (!own.cyclic) continue
      const trail = wayBack(item.name, uses, (name) => component.get(name) === own)
      const shown = trail === undefined ? `through ${own.size} definitions` : trail.length <= TRAIL_SHOWN ? trail.join(' → ') : [...trail.slice(0, 5), '…', ...trail.slice(-5)].join(' → ')
      report(context, unit.file, item.loc, `Definition \`${item.name}\` uses itself: ${shown}`, 'dsl/definition-cycle')
    }
  }
}

interface Component {
  size: number
  /** More than one definition, or one that uses itself. */
  cyclic: boolean
}

/** Tarjan's strongly connected components, with an explicit stack. */
function components(names: readonly string[], uses: ReadonlyMap<string, readonly string[]>): Map<string, Component> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const result = new Map<string, Component>()
  let counter = 0
  for (const root of names) {
    if (index.has(root)) continue
    const work: Array<[string, number]> = [[root, 0]]
    index.set(root, counter)
    low.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const [name, next] = frame
      const edges = uses.get(name)!
      if (next < edges.length) {
        frame[1]++
        const target = edges[next]!
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push([target, 0])
        } else if (onStack.has(target)) low.set(name, Math.min(low.get(name)!, index.get(target)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(name)!))
      if (low.get(name) === index.get(name)) {
        const members: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          members.push(member)
        } while (member !== name)
        const component: Component = { size: members.length, cyclic: members.length > 1 || edges.includes(name) }
        for (const each of members) result.set(each, component)
      }
    }
  }
  return result
}

/** A shortest trail from `start` back to itself inside its component (`start → … → start`), if found within the limit. */
function wayBack(start: string, uses: ReadonlyMap<string, readonly string[]>, inside: (name: string) => boolean): string[] | undefined {
  const parent = new Map<string, string>()
  const queue: string[] = [start]
  for (let head = 0; head < queue.length && head < SEARCH_LIMIT; head++) {
    const name = queue[head]!
    for (const next of uses.get(name)!) {
      if (next === start) {
        const trail = [start]
        for (let at: string | undefined = name; at !== undefined && at !== start; at = parent.get(at)) trail.push(at)
        trail.push(start)
        return [start, ...trail.slice(1, -1).reverse(), start]
      }
      if (parent.has(next) || !inside(next)) continue
      parent.set(next, name)
      queue.push(next)
    }
  }
  return undefined
}
