// Rendered docs: the Markdown round trip, the Markdown lint, the HTML validation, and the page in a real browser.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HtmlValidate } from 'html-validate'
import type { Browser } from 'playwright-core'
import remarkParse from 'remark-parse'
import remarkPresetLintRecommended from 'remark-preset-lint-recommended'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/catalogue/types.js'
import { findChromium, launchChromium } from '../helpers-browser.js'
import { ROOT, put, readRepo, run, tempProject } from '../helpers.js'

const catalogue = JSON.parse(await readRepo('policy/pinterest/catalogue.json')) as Catalogue
const clauses = catalogue.sections.flatMap((section) => section.clauses)
let root: string
let docs: string

beforeAll(async () => {
  root = await tempProject({ locales: true })
  await run(['build', '--root', root], root)
  const rendered = await run(['render', '--out', 'site', '--root', root], root)
  expect(rendered).toMatchObject({ code: 0, stderr: 'diptych render: site/en.md, site/nl.md, site/index.html (pinterest 1.0.0)\n' })
  docs = join(root, 'site')
})

describe('rendered Markdown', () => {
  it('imports again to the same catalogue (round trip)', async () => {
    const again = await tempProject()
    await put(again, 'policy/pinterest/catalogue.json', '')
    for (const locale of ['en', 'nl']) {
      const imported = await run(['import', join(docs, `${locale}.md`), '--locale', locale, '--root', again], again)
      expect(imported.code).toBe(0)
    }
    expect((await run(['build', '--root', again], again)).code).toBe(0)
    expect(await readFile(join(again, 'policy/pinterest/catalogue.json'), 'utf8')).toBe(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8'))
  })

  it('passes remark-lint’s recommended preset', async () => {
    for (const locale of ['en', 'nl']) {
      const file = new VFile({ path: `${locale}.md`, value: await readFile(join(docs, `${locale}.md`), 'utf8') })
      await unified().use(remarkParse).use(remarkPresetLintRecommended).use(remarkStringify).process(file)
      expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([])
    }
  })
})

describe('rendered HTML', () => {
  // HTML5 allows any character but white space in an ID; the clause IDs contain dots, so `valid-id` runs relaxed.
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'valid-id': ['error', { relaxed: true }] } })

  it('is valid HTML (html-validate, recommended)', async () => {
    const report = await validator.validateString(await readFile(join(docs, 'index.html'), 'utf8'), 'index.html')
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([])
  })

  it('the compliance report page is valid HTML and links every clause to the docs', async () => {
    const { code, stdout } = await run(['eval', 'examples/breaks-byok-credentials.json', '--format', 'html', '--docs', 'site/index.html', '--root', root], root)
    expect(code).toBe(1)
    const report = await validator.validateString(stdout, 'report.html')
    expect(report.valid).toBe(true)
    expect(stdout).toContain('<a href="site/index.html#basics.end-users-request">basics.end-users-request</a>')
    expect(stdout).toContain('<section id="violated"><h2>Violated (3)</h2>')
    expect(stdout).toContain('<p lang="nl">Een bring-your-own-key-toepassing moet de API-inloggegevens van de eindgebruiker lokaal opslaan, niet op de server.</p>')
  })
})

describe('the browser of the browser tests', () => {
  it('is the one DIPTYCH_CHROMIUM names, before any lookup; a wrong path says what to install', async () => {
    expect(await findChromium({ DIPTYCH_CHROMIUM: process.execPath })).toEqual({ path: process.execPath, from: 'DIPTYCH_CHROMIUM' })
    const wrong = await findChromium({ DIPTYCH_CHROMIUM: '/nowhere/chrome' })
    expect(wrong).toEqual({ problem: expect.stringMatching(/^DIPTYCH_CHROMIUM=\/nowhere\/chrome: no such file; install Chromium \(Debian\/Ubuntu: apt-get install chromium; .*npx playwright-core install chromium\)/) })
    await expect(launchChromium({ DIPTYCH_CHROMIUM: '/nowhere/chrome' })).rejects.toThrow('The browser tests need Chromium: DIPTYCH_CHROMIUM=/nowhere/chrome: no such file')
    // Unset: playwright's own browser or a common path, whichever this machine has, or what to install.
    const found = await findChromium({})
    if ('path' in found) expect(['playwright', 'common path']).toContain(found.from)
    else expect(found.problem).toMatch(/^no Chromium found \(DIPTYCH_CHROMIUM unset, none at .*\/usr\/bin\/chromium.*\); install Chromium/)
  })
})

describe('rendered page in Chromium', () => {
  let browser: Browser | undefined
  const console: string[] = []
  const url = () => `file://${join(docs, 'index.html')}`

  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  const open = async (width: number, hash = '') => {
    const page = await browser!.newPage({ viewport: { width, height: 900 } })
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`))
    await page.goto(url() + hash)
    return page
  }

  it('shows every clause in both columns, each in its language', async () => {
    const page = await open(1280)
    const shown = await page.$$eval('article', (articles) =>
      articles.map((article) => ({
        id: article.id,
        kind: article.querySelector('.badge')?.textContent,
        texts: Object.fromEntries([...article.querySelectorAll(':scope > .pair > p')].map((p) => [p.getAttribute('lang'), p.textContent])),
      })),
    )
    expect(shown).toEqual(clauses.map((clause) => ({ id: clause.id, kind: clause.kind, texts: { en: clause.text['en'], nl: clause.text['nl'] } })))
    expect(await page.$$eval('section > .pair > h2', (headings) => headings.map((heading) => `${heading.getAttribute('lang')}:${heading.textContent}`))).toEqual(
      catalogue.sections.flatMap((section) => [`en:${section.title['en']}`, `nl:${section.title['nl']}`]),
    )
    expect(await page.$eval('header a', (link) => link.getAttribute('href'))).toBe('https://policy.pinterest.com/en/developer-guidelines')
    expect(await page.$eval('.meta-line', (line) => line.textContent)).toContain('Version 1.0.0, released 2026-11-23')
    await page.close()
  })

  it('scrolls each clause’s anchor to its clause', async () => {
    const page = await open(1280)
    for (const clause of clauses) {
      await page.goto(`${url()}#${clause.id}`)
      const box = await page.$eval(`[id="${clause.id}"]`, (element) => {
        const rect = element.getBoundingClientRect()
        return { top: rect.top, bottom: rect.bottom, height: window.innerHeight, target: element.matches(':target') }
      })
      expect(box.target, clause.id).toBe(true)
      // At the top of the viewport, or (near the end of the page) at least wholly in view.
      expect(box.top >= 0 && (box.top <= 20 || box.bottom <= box.height), `${clause.id} at ${box.top}`).toBe(true)
    }
    await page.close()
  }, 60_000)

  it('shows the rules folded under their clauses', async () => {
    const page = await open(1280, '#basics.end-users-request')
    const rules = await page.$$eval('[id="basics.end-users-request"] details', (details) => details.map((detail) => ({ open: (detail as HTMLDetailsElement).open, summary: detail.querySelector('summary')?.textContent, code: detail.querySelector('code')?.textContent })))
    expect(rules.map((rule) => [rule.open, rule.summary])).toEqual([
      [false, 'Checked by rule byok-stored-locally (must)'],
      [false, 'Checked by rule byok-no-passwords-or-cookies (must not)'],
    ])
    expect(rules[0]!.code).toMatch(/^rule byok-stored-locally \{\n\s+implements basics\.end-users-request\n/)
    await page.close()
  })

  it('puts the columns side by side on a desktop and stacks them on a phone; saves screenshots', async () => {
    const layout = async (width: number) => {
      const page = await open(width)
      const [en, nl] = await page.$$eval(`[id="${clauses[0]!.id}"] > .pair > p`, (columns) => columns.map((column) => column.getBoundingClientRect().toJSON() as DOMRect))
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      await mkdir(join(ROOT, 'test-results/screenshots'), { recursive: true })
      const shot = join(ROOT, `test-results/screenshots/docs-${width}.png`)
      await page.screenshot({ path: shot, fullPage: false })
      await page.close()
      return { en: en!, nl: nl!, scrollWidth, shot }
    }
    const desktop = await layout(1280)
    expect(Math.abs(desktop.en.top - desktop.nl.top)).toBeLessThan(2)
    expect(desktop.nl.left).toBeGreaterThan(desktop.en.right)
    const phone = await layout(375)
    expect(Math.abs(phone.en.left - phone.nl.left)).toBeLessThan(2)
    expect(phone.nl.top).toBeGreaterThanOrEqual(phone.en.bottom)
    expect(phone.scrollWidth).toBeLessThanOrEqual(375)
    for (const shot of [desktop.shot, phone.shot]) expect((await stat(shot)).size).toBeGreaterThan(10_000)
  })

  it('logs nothing to the console', () => {
    expect(console).toEqual([])
  })
})
