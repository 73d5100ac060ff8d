// Read an HTML page (a policy as published, or saved from a browser) into a document: the page's main content, its
// chrome (navigation, banners, scripts, forms) removed, turned into mdast and read by the same walk as Markdown.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { parseHtmlBounded } from './html-depth.js'
import { matches, select } from 'hast-util-select'
import { type Handle, defaultHandlers, toMdast } from 'hast-util-to-mdast'
import type { Root } from 'mdast'
import { type VFile, fail } from '../diagnostics/index.js'
import { type ParsedDocument, collapseWhitespace } from '../text/document.js'
import { blocksFromMdast } from './parse-markdown.js'

/** The element that holds a page's content, first found first: else the whole `body`. */
const CONTENT = ['main', '[role=main]', 'article'] as const

/**
 * What is never a policy's text: navigation, landmarks around the content, scripts and styles, forms, dialogs (cookie
 * banners). A `header` or `footer` is the page's banner or footer only outside `article`, `aside`, `main`, `nav` and
 * `section` (HTML-AAM): one inside them (an article's title) is content. A `button` is kept for its text: an
 * accordion's headings are buttons (`<h3><button>What we collect</button></h3>`).
 */
const CHROME = [
  'nav',
  'aside',
  'form',
  'dialog',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[role=search]',
  '[role=dialog]',
  '[role=alertdialog]',
].join(', ')

/** What is hidden: dropped, unless it is the panel of a disclosure (see {@link disclosedIds}). */
const HIDDEN = '[hidden], [aria-hidden=true]'

/** Elements inside which a `header` or `footer` belongs to its section (HTML-AAM), not to the page. */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section'])

/**
 * Read an HTML page: the first `main`, `[role=main]` or `article` (else `body`) with its chrome removed, turned into
 * mdast (hast-util-to-mdast) and read as Markdown is ({@link blocksFromMdast}): an `<h1>` first is the title, headings
 * keep their levels, lists nest, table rows are rows, links keep their targets. An element's `id` is not read: a
 * heading's `id` is usually made from its text in the page's own language, so a translation would get other IDs.
 * An `<a>` without `href` (an anchor) is its text, not a link. A `datetime` (`<time datetime>`) dates the document.
 */
export function parseHtmlPage(text: string, file: string, collector?: VFile): ParsedDocument {
  if (/^\s*$/u.test(text)) fail('The text is empty', { file, ruleId: 'ingest/empty' })
  const page = parseHtmlBounded(text, file)
  const chrome = { disclosed: disclosedIds(page) }
  const content = contentOf(page, chrome)
  removeChrome(content, [], chrome)
  const tree = toMdast(content, { handlers: { a: anchorOrLink } })
  const document = blocksFromMdast(asRoot(tree), file, collector)
  if (document.meta?.effective === undefined) {
    const dated = select('[datetime]', content)
    const date = dated && String(dated.properties['dateTime'] ?? '')
    if (dated && date && /^\d{4}-\d{2}-\d{2}/.test(date)) {
      // The line that states it is the block the element stands in (`Effective <time>May 4, 2026</time>`).
      const text = collapseWhitespace(textOf(dated))
      const block = text === '' ? undefined : document.blocks.find((candidate) => candidate.text.includes(text))
      document.meta = { ...document.meta, effective: date, effectiveText: block?.text ?? text }
    }
  }
  return document
}


/** What tells chrome from content on a page. */
interface Chrome {
  disclosed: ReadonlySet<string>
}

/**
 * The `id`s of the panels a button opens (`aria-controls`): a collapsed accordion hides its answers (`hidden`,
 * `aria-hidden`), and they are the policy's text all the same.
 */
function disclosedIds(page: HastRoot): Set<string> {
  const ids = new Set<string>()
  const stack: Array<HastRoot | Element> = [page]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'element') {
      const controls: unknown = node.properties['ariaControls']
      for (const id of Array.isArray(controls) ? controls : typeof controls === 'string' ? controls.split(/\s+/) : []) ids.add(String(id))
    }
    for (const child of node.children) if (child.type === 'element') stack.push(child)
  }
  return ids
}

/** The element that holds the page's content, as a root of its own. */
function contentOf(page: HastRoot, chrome: Chrome): HastRoot {
  for (const selector of CONTENT) {
    const found = select(selector, page)
    if (found && !inChrome(page, found, chrome)) return { type: 'root', children: [found] }
  }
  const body = select('body', page)
  return body ? { type: 'root', children: body.children } : page
}

/** Whether `target` is chrome or lies inside chrome (a hidden `main`, an `article` in a sidebar is not the content). */
function inChrome(page: HastRoot, target: Element, chrome: Chrome): boolean {
  const path = pathTo(page, target)
  return path === undefined || path.some((element, index) => isChrome(element, path.slice(0, index).map((above) => above.tagName), chrome))
}

/** The elements from the root down to `target`, or `undefined` when it is not in the tree. */
function pathTo(node: HastRoot | Element, target: Element): Element[] | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child === target) return [child]
    const below = pathTo(child, target)
    if (below) return [child, ...below]
  }
  return undefined
}

/** Whether an element (below `ancestors`, names of its enclosing elements) is chrome. */
function isChrome(element: Element, ancestors: readonly string[], chrome: Chrome): boolean {
  if (matches(CHROME, element)) return true
  if (matches(HIDDEN, element)) return !chrome.disclosed.has(String(element.properties['id'] ?? ''))
  if (element.tagName === 'header' || element.tagName === 'footer') return !ancestors.some((name) => SECTIONING.has(name))
  return false
}

/** Remove chrome from a tree, in place. */
function removeChrome(node: HastRoot | Element, ancestors: string[], chrome: Chrome): void {
  const kept: Array<HastContent & ElementContent> = []
  for (const child of node.children as Array<HastContent & ElementContent>) {
    if (child.type === 'element') {
      if (isChrome(child, ancestors, chrome)) continue
      removeChrome(child, [...ancestors, child.tagName], chrome)
    }
    kept.push(child)
  }
  node.children = kept
}

/** An `<a>` with an `href` is a link; one without (`<a id="…"></a>`, an anchor) is only its content. */
const anchorOrLink: Handle = (state, node) => {
  if (node.properties['href'] === undefined || node.properties['href'] === null) return state.all(node)
  return defaultHandlers.a(state, node)
}

/** The mdast of a root is a root; anything else (never, for a root) is wrapped in one. */
function asRoot(tree: ReturnType<typeof toMdast>): Root {
  return tree.type === 'root' ? tree : ({ type: 'root', children: [tree] } as Root)
}

/** The text of an element, as a browser would copy it (roughly). */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}
