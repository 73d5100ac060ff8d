// HTML pages: the main content of a page, its chrome removed, read by the same walk as Markdown. The two Mozilla
// documents published as HTML give the same blocks as their Markdown (test/fixtures/corpus-html/README.md).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from '../../src/diagnostics/index.js'
import { parseHtmlPage } from '../../src/ingest/html-page.js'
import { importDocument } from '../../src/ingest/import.js'
import { parseMarkdown } from '../../src/ingest/parse-markdown.js'
import { looksLikeHtml, sourceFormat } from '../../src/ingest/read-source.js'
import type { Block, ParsedDocument } from '../../src/text/document.js'
import { LIMITS } from '../../src/util/limits.js'
import { ROOT, diagnosticOf, put, run, tempProject } from '../helpers.js'

const FIXTURES = join(ROOT, 'test/fixtures/corpus-html')
const fixture = (path: string) => readFile(join(FIXTURES, path), 'utf8')
/** The Markdown of the same documents: the corpus copies (test/fixtures/corpus/README.md). */
const MARKDOWN = join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs')

/** What a block is, beside its place: the fields both readers must agree on. */
const shape = (block: Block) => ({
  form: block.form,
  level: block.level,
  text: block.text,
  depth: block.depth,
  parent: block.parent,
  number: block.number,
  cells: block.cells,
  header: block.header,
  links: block.links,
})

const DOCUMENTS = [
  { name: 'firefox_cloud_services_tos', blocks: 51, headings: 14, rows: 0 },
  { name: 'mozilla_accounts_privacy_notice', blocks: 84, headings: 17, rows: 22 },
] as const

describe('the corpus documents published as HTML', () => {
  for (const locale of ['en', 'nl'] as const) {
    for (const document of DOCUMENTS) {
      it(`${locale}/${document.name}: the HTML gives the blocks of the Markdown`, async () => {
        const html = parseHtmlPage(await fixture(`${locale}/html/${document.name}.html`), `${document.name}.html`)
        const markdown = parseMarkdown(await readFile(join(MARKDOWN, `${locale}/${document.name}.md`), 'utf8'), `${document.name}.md`)
        expect(html.blocks.length).toBe(document.blocks)
        expect(html.blocks.map(shape)).toEqual(markdown.blocks.map(shape))
        expect(html.title?.text).toBe(markdown.title?.text)
        expect(html.meta).toEqual(markdown.meta)
        expect(html.blocks.filter((block) => block.form === 'heading').length).toBe(document.headings)
        expect(html.blocks.filter((block) => block.form === 'row').length).toBe(document.rows)
        // Heading `id`s are slugs of the heading in the page's own language: none becomes an ID.
        expect(html.blocks.filter((block) => block.id !== undefined)).toEqual([])
      })
    }
    it(`${locale}: an <a id> anchor is text, not a link`, async () => {
      const text = await fixture(`${locale}/html/mozilla_accounts_privacy_notice.html`)
      expect(text).toContain('<a id="bookmark-how-we-use-data"></a>')
      const links = parseHtmlPage(text, 'x.html').blocks.flatMap((block) => block.links ?? [])
      expect(links.length).toBeGreaterThan(20)
      expect(links.filter((link) => link.url === '' || !/^(?:https?:|mailto:|#)/.test(link.url))).toEqual([])
    })
  }

  it('English and Dutch pages have the same structure, so a translation takes the reference’s IDs', async () => {
    const root = await tempProject()
    await put(root, 'policy/accounts/policy.json', JSON.stringify({ id: 'accounts', title: { en: 'Mozilla Accounts Privacy Notice', nl: 'Privacyverklaring' }, reference: 'en', locales: ['en', 'nl'], version: '1.0.0' }))
    const page = (locale: string) => join(FIXTURES, `${locale}/html/mozilla_accounts_privacy_notice.html`)
    const collector = new VFile()
    const en = await importDocument({ root, policy: 'accounts', locale: 'en', file: page('en'), collector })
    const nl = await importDocument({ root, policy: 'accounts', locale: 'nl', file: page('nl'), collector })
    const ids = (markdown: string) => parseMarkdown(markdown, 'x.md').blocks.map((block) => block.id)
    expect(en.sections + en.clauses).toBe(84)
    expect(ids(nl.markdown)).toEqual(ids(en.markdown))
    // The Dutch heading ids of the page (`hoe-mozilla-uw-gegevens-verwerkt`) are not IDs: the English words are.
    expect(nl.markdown).not.toContain('{#hoe-mozilla-uw-gegevens-verwerkt}')
    expect(await fixture('nl/html/mozilla_accounts_privacy_notice.html')).toContain('id="hoe-mozilla-uw-gegevens-verwerkt"')
    expect(nl.ids.generated).toBe(0)
  })
})

describe('a page saved from a browser', () => {
  it('reads only the main content: no navigation, header, footer, sidebar, script, style, form, cookie banner', async () => {
    const text = await fixture('saved-page.html')
    const document = parseHtmlPage(text, 'saved-page.html')
    expect(document.title).toEqual({ text: 'Privacy Policy', line: 27 })
    expect(document.meta).toEqual({ effective: '2026-05-04', effectiveText: 'Effective May 4, 2026' })
    expect(document.blocks.map((block) => [block.form, block.level, block.text, block.line])).toEqual([
      ['paragraph', undefined, 'Effective May 4, 2026', 28],
      ['paragraph', undefined, 'This policy explains what Example Shop collects and why.', 30],
      ['heading', 1, 'What we collect', 31],
      ['item', undefined, 'Your name and e-mail address.', 33],
      ['item', undefined, 'The orders you place.', 34],
      ['heading', 1, 'Your rights', 37],
      ['paragraph', undefined, 'You may ask us to erase your data at any time.', 38],
    ])
    expect(document.blocks.flatMap((block) => block.links ?? [])).toEqual([{ text: 'e-mail address', url: 'mailto:privacy@example.org' }])
    const all = JSON.stringify(document)
    for (const chrome of ['Products', 'Search', 'Home', 'Skip to content', 'Tracking', 'track(', 'font-family', 'cookies', 'Accept all', 'Newsletter', 'All rights reserved', 'Imprint', 'enable JavaScript', 'Share this page', 'Related']) {
      expect(all, chrome).not.toContain(chrome)
    }
  })

  it('takes [role=main], else an article, else the body', () => {
    const page = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`
    const texts = (body: string) => parseHtmlPage(page(body), 'p.html').blocks.map((block) => block.text)
    expect(texts('<nav><p>Menu</p></nav><div role="main"><h2>Data</h2><p>We keep it.</p></div><p>Outside</p>')).toEqual(['Data', 'We keep it.'])
    expect(texts('<div><p>Intro outside</p></div><article><h2>Data</h2><p>We keep it.</p></article>')).toEqual(['Data', 'We keep it.'])
    expect(texts('<header><p>Site</p></header><h2>Data</h2><p>We keep it.</p><footer><p>©</p></footer>')).toEqual(['Data', 'We keep it.'])
    // A `main` that is itself hidden is not the content.
    expect(texts('<main hidden><p>Old</p></main><h2>Data</h2><p>We keep it.</p>')).toEqual(['Data', 'We keep it.'])
  })

  it('keeps an article’s own header (its title) and drops hidden parts', () => {
    const document = parseHtmlPage(
      '<!doctype html><body><main><header><h1 id="privacy">Privacy</h1></header><p>Text.</p><p hidden>Draft.</p><p aria-hidden="true">Icon</p><section><footer><p>Section note.</p></footer></section></main></body>',
      'p.html',
    )
    expect(document.title?.text).toBe('Privacy')
    expect(document.blocks.map((block) => block.text)).toEqual(['Text.', 'Section note.'])
  })

  it('keeps an accordion’s headings (buttons) and its collapsed panels, but not other hidden parts', () => {
    const document = parseHtmlPage(
      `<!doctype html><main><h1>Privacy FAQ</h1>
      <h2><button aria-expanded="false" aria-controls="a1 a1-note">What do you collect?</button></h2>
      <div id="a1" role="region" hidden><p>Your e-mail address.</p></div>
      <h2><button aria-expanded="false" aria-controls="a2">Do you sell it?</button></h2>
      <div id="a2" aria-hidden="true"><p>Never.</p></div>
      <div id="modal" hidden><p>Subscribe now!</p></div>
      <span class="icon" aria-hidden="true">★</span></main>`,
      'faq.html',
    )
    expect(document.blocks.map((block) => [block.form, block.text])).toEqual([
      ['heading', 'What do you collect?'],
      ['paragraph', 'Your e-mail address.'],
      ['heading', 'Do you sell it?'],
      ['paragraph', 'Never.'],
    ])
  })

  it('reads tables as rows, <br> as a space, lists nested', () => {
    const document = parseHtmlPage(
      '<!doctype html><main><h1>T</h1><h2>Data</h2><table><thead><tr><th>Kind</th><th>Why</th></tr></thead><tbody><tr><td>Name<br>and e-mail</td><td>Login</td></tr></tbody></table><ul><li>One<ul><li>Inner</li></ul></li></ul></main>',
      'p.html',
    )
    expect(document.blocks.map((block) => [block.form, block.text, block.depth, block.cells ?? null])).toEqual([
      ['heading', 'Data', 0, null],
      ['row', 'Kind | Why', 0, ['Kind', 'Why']],
      ['row', 'Name and e-mail | Login', 0, ['Name and e-mail', 'Login']],
      ['item', 'One', 0, null],
      ['item', 'Inner', 1, null],
    ])
  })

  it('refuses elements nested deeper than the limit, before anything recurses over them', () => {
    const nested = (levels: number) => `<!doctype html><body>\n${'<div>'.repeat(levels)}<p>Deep.</p>${'</div>'.repeat(levels)}</body>`
    expect(parseHtmlPage(nested(LIMITS.htmlNesting - 10), 'ok.html').blocks.map((block) => block.text)).toEqual(['Deep.'])
    expect(diagnosticOf(() => parseHtmlPage(nested(LIMITS.htmlNesting + 10), 'deep.html'))).toMatch(/^deep\.html:2:\d+: Elements nested too deep: more than 512 levels \(ingest\/html-too-deep\)$/)
    // So deep that the parser's own tree building would overflow the stack.
    expect(diagnosticOf(() => parseHtmlPage(nested(50_000), 'deeper.html'))).toMatch(/^deeper\.html(?::2:\d+)?: Elements nested too deep: more than 512 levels \(ingest\/html-too-deep\)$/)
  })

  it('refuses an empty page and a page without content, naming the file', () => {
    expect(diagnosticOf(() => parseHtmlPage('  \n', 'empty.html'))).toBe('empty.html: The text is empty (ingest/empty)')
    expect(diagnosticOf(() => parseHtmlPage('<!doctype html><html><body><nav><p>Menu</p></nav><script>x()</script></body></html>', 'chrome.html'))).toBe(
      'chrome.html:1:1: No structure found: no heading, paragraph, item or table row (ingest/no-structure)',
    )
  })
})

describe('which reader a source needs', () => {
  it('by content type, then extension, then the text', () => {
    expect(sourceFormat('/policy', 'x', 'text/html')).toBe('html')
    expect(sourceFormat('/policy.md', '<html>', 'text/html')).toBe('html')
    expect(sourceFormat('/policy', '# x', 'text/markdown')).toBe('markdown')
    expect(sourceFormat('/policy.md', '# x', 'text/plain')).toBe('markdown')
    expect(sourceFormat('/policy', 'Title\n\nText', 'text/plain')).toBe('text')
    expect(sourceFormat('page.HTM', 'x')).toBe('html')
    expect(sourceFormat('page.html', 'x')).toBe('html')
    expect(sourceFormat('page.markdown', 'x')).toBe('markdown')
    expect(sourceFormat('page.txt', '<!DOCTYPE html>\n<html lang="en">')).toBe('html')
    expect(sourceFormat('page', '\n  <html>\n<body>')).toBe('html')
    expect(sourceFormat('page.txt', 'Use <html> tags\n')).toBe('text')
  })

  it('sniffs a page by its opening only', () => {
    expect(looksLikeHtml('<!-- saved from url=(0042)https://example.org/ -->\n<!DOCTYPE html>')).toBe(true)
    expect(looksLikeHtml('\uFEFF<html>')).toBe(true)
    expect(looksLikeHtml('<h1>Fragment</h1>')).toBe(false)
    expect(looksLikeHtml('<htmlx>')).toBe(false)
    // Many comments and no page: answered at once (no backtracking over where each comment ends).
    const started = Date.now()
    expect(looksLikeHtml(`${'<!---->'.repeat(5_000)}x`)).toBe(false)
    expect(Date.now() - started).toBeLessThan(100)
  })
})

describe('diptych import and align with HTML', () => {
  it('imports .html, .htm and a text sniffed as HTML, each to the same Markdown', async () => {
    const root = await tempProject()
    await put(root, 'policy/saved/policy.json', JSON.stringify({ id: 'saved', title: { en: 'Privacy Policy' }, reference: 'en', locales: ['en'], version: '1.0.0' }))
    const text = await fixture('saved-page.html')
    const outputs: string[] = []
    for (const name of ['page.html', 'page.htm', 'page.txt']) {
      const file = await put(root, name, text)
      const result = await run(['import', file, '--locale', 'en', '--policy', 'saved', '--root', root, '--dry-run'], root)
      expect(result.stderr).toMatch(/: 2 sections, 5 clauses;/)
      expect(result.code).toBe(0)
      outputs.push(result.stderr)
    }
    expect(new Set(outputs).size).toBe(1)
    const written = await run(['import', join(root, 'page.html'), '--locale', 'en', '--policy', 'saved', '--root', root], root)
    expect(written.code).toBe(0)
    const markdown = await readFile(join(root, 'locales/en/saved.md'), 'utf8')
    expect(markdown).toContain('## What we collect {#what-we-collect}')
    expect(markdown).toContain('[e-mail address](mailto:privacy@example.org)')
    expect(markdown).not.toMatch(/cookie|Newsletter/i)
  }, 60_000)

  it('`diptych align a.html b.html` reads both as pages, and finds what it finds in their Markdown', async () => {
    const name = 'mozilla_accounts_privacy_notice'
    // The published pair passes every check; the same slip planted in both forms of the Dutch text ("niet langer dan
    // 25 maanden" become 26) is found in both, at their own places.
    const root = await tempProject()
    const plant = async (path: string, file: string) => put(root, file, (await readFile(path, 'utf8')).replace('25 maanden', '26 maanden'))
    const nlHtml = await plant(join(FIXTURES, `nl/html/${name}.html`), `nl/${name}.html`)
    const nlMarkdown = await plant(join(MARKDOWN, `nl/${name}.md`), `nl/${name}.md`)
    const html = await run(['align', join(FIXTURES, `en/html/${name}.html`), nlHtml, '--format', 'json'])
    const markdown = await run(['align', join(MARKDOWN, `en/${name}.md`), nlMarkdown, '--format', 'json'])
    expect(html.code).toBe(markdown.code)
    const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ check: string; message: string }> }).findings.map((finding) => `${finding.check}: ${finding.message}`)
    expect(findings(html.stdout)).toEqual([expect.stringMatching(/^number-mismatch: Numbers differ: 25 missing from the translation; 26 not in the reference/)])
    expect(findings(html.stdout)).toEqual(findings(markdown.stdout))
    const text = await run(['align', join(FIXTURES, `en/html/${name}.html`), join(FIXTURES, `nl/html/${name}.html`)])
    expect(text.stdout + text.stderr).toContain('84 en blocks, 84 nl blocks')
  }, 60_000)
})

describe('the HTML reader on a document it shares with Markdown', () => {
  it('a page with no main element is read from its body', async () => {
    const text = await fixture('en/html/firefox_cloud_services_tos.html')
    const wrapped = `<!DOCTYPE html><html><head><title>x</title><script>var a = "Summary"</script></head><body>${text}</body></html>`
    const plain: ParsedDocument = parseHtmlPage(text, 'a.html')
    expect(parseHtmlPage(wrapped, 'b.html').blocks.map(shape)).toEqual(plain.blocks.map(shape))
  })
})
