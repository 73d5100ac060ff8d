// A URL works like a file: `diptych import <url>` and a manifest's sources fetch the page (redirects followed, a time
// and a size limit, only http and https), and the bytes' sha256 is kept in sources.lock.json. Pages are served from a
// local server on 127.0.0.1, never the internet.
import { createHash } from 'node:crypto'
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { VFile, formatOneLine, isDiagnostic } from '../../src/diagnostics/index.js'
import { DEFAULT_FETCH_TIMEOUT_MS, fetchSource, fetchTimeoutMs, isUrl } from '../../src/ingest/fetch-source.js'
import { importDocument } from '../../src/ingest/import.js'
import { loadSource } from '../../src/ingest/read-source.js'
import { LIMITS } from '../../src/util/limits.js'
import { ROOT, put, readRepo, run, tempProject } from '../helpers.js'

const savedPage = await readFile(join(ROOT, 'test/fixtures/corpus-html/saved-page.html'), 'utf8')
const policyMarkdown = await readFile(join(ROOT, 'test/fixtures/corpus/mozilla-legal-docs/en/firefox_cloud_services_tos.md'), 'utf8')
const pinterest = { en: await readRepo('policy/pinterest/sources/en.txt'), nl: await readRepo('policy/pinterest/sources/nl.txt') }

/** What the server answers on each path; a test may change an entry. */
type Route = (request: IncomingMessage, response: ServerResponse) => void
const send =
  (body: string | Uint8Array, type?: string, status = 200): Route =>
  (_request, response) => {
    response.writeHead(status, type ? { 'content-type': type } : {})
    response.end(body)
  }
const routes = new Map<string, Route>()
const requests: string[] = []
let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    const route = routes.get(request.url ?? '')
    if (route) route(request, response)
    else send('Not here', 'text/plain', 404)(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  routes.set('/privacy', send(savedPage, 'text/html; charset=utf-8'))
  routes.set('/old-privacy', (_request, response) => {
    response.writeHead(301, { location: '/moved' })
    response.end()
  })
  routes.set('/moved', (_request, response) => {
    response.writeHead(302, { location: `${base}/privacy` })
    response.end()
  })
  routes.set('/terms', send(policyMarkdown, 'text/markdown; charset=utf-8'))
  routes.set('/raw/terms.md', send(policyMarkdown, 'text/plain; charset=utf-8'))
  routes.set('/en.txt', send(pinterest.en, 'text/plain; charset=utf-8'))
  routes.set('/nl.txt', send(pinterest.nl, 'text/plain; charset=utf-8'))
  routes.set('/gone', send('Gone for good', 'text/plain', 410))
  routes.set('/never', () => undefined)
  routes.set('/logo.png', send(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'))
  routes.set('/latin1', send(new Uint8Array([...Buffer.from('<!doctype html><main><h1>Privacy</h1><p>Caf', 'latin1'), 0xe9, ...Buffer.from(' data.</p></main>', 'latin1')]), 'text/html; charset=windows-1252'))
  routes.set('/bad-utf8', send(new Uint8Array([...Buffer.from('Title\n\nCaf'), 0xe9, 0x0a]), 'text/plain'))
  routes.set('/huge', (_request, response) => {
    // Streamed without a length: the reader stops at the limit.
    response.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    let sent = 0
    const more = () => {
      while (sent <= LIMITS.fetchedBytes) {
        sent += chunk.length
        if (!response.write(chunk)) return void response.once('drain', more)
      }
      response.end()
    }
    response.on('close', () => (sent = Infinity))
    more()
  })
  routes.set('/declared-huge', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(LIMITS.fetchedBytes + 1) })
    response.write('<!doctype html>')
  })
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

afterEach(() => {
  vi.unstubAllEnvs()
})

/** A project holding the Pinterest policy and a one-language policy `saved`. */
async function project(): Promise<string> {
  const root = await tempProject()
  await put(root, 'policy/saved/policy.json', JSON.stringify({ id: 'saved', title: { en: 'Privacy Policy' }, reference: 'en', locales: ['en'], version: '1.0.0' }))
  return root
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')

/** The one-line form (`file: reason (rule)`) of the diagnostic a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (isDiagnostic(error)) return formatOneLine(error)
    throw error
  }
  throw new Error('expected a diagnostic')
}

describe('fetching a source', () => {
  it('tells a URL from a path', () => {
    expect(isUrl('https://example.org/policy')).toBe(true)
    expect(isUrl('file:///etc/passwd')).toBe(true)
    expect(isUrl('ftp://example.org/x')).toBe(true)
    expect(isUrl('sources/en.txt')).toBe(false)
    expect(isUrl('C:\\policy\\en.txt')).toBe(false)
    expect(isUrl('./https:/x')).toBe(false)
  })

  it('fetches a page, follows redirects, and hashes its bytes', async () => {
    const fetched = await fetchSource(`${base}/old-privacy`)
    expect(fetched.url).toBe(`${base}/old-privacy`)
    expect(fetched.finalUrl).toBe(`${base}/privacy`)
    expect(fetched.mediaType).toBe('text/html')
    expect(fetched.charset).toBe('utf-8')
    expect(fetched.sha256).toBe(sha256(savedPage))
    expect(Date.parse(fetched.fetched)).not.toBeNaN()
  })

  it('picks the reader by content type, then by the URL’s extension', async () => {
    expect((await loadSource(`${base}/privacy`, { cwd: ROOT })).format).toBe('html')
    expect((await loadSource(`${base}/terms`, { cwd: ROOT })).format).toBe('markdown')
    expect((await loadSource(`${base}/raw/terms.md`, { cwd: ROOT })).format).toBe('markdown')
    expect((await loadSource(`${base}/en.txt`, { cwd: ROOT })).format).toBe('text')
    expect((await loadSource(`${base}/en.txt`, { cwd: ROOT, format: 'markdown' })).format).toBe('markdown')
  })

  it('decodes the charset a page declares, and refuses bytes that are not UTF-8 when none is declared', async () => {
    const page = await loadSource(`${base}/latin1`, { cwd: ROOT })
    expect(page.text).toContain('<p>Café data.</p>')
    expect(await failure(loadSource(`${base}/bad-utf8`, { cwd: ROOT }))).toContain(`${base}/bad-utf8:3:4: Invalid UTF-8 byte 0xe9`)
  })

  it('refuses file:, ftp: and other schemes, a URL with a password, and a URL that is not one', async () => {
    expect(await failure(fetchSource('file:///etc/passwd'))).toContain('file:///etc/passwd: Refused: only http and https URLs are fetched, not `file:`; save the page and import the file instead (ingest/invalid-url)')
    expect(await failure(fetchSource('ftp://127.0.0.1/policy.txt'))).toContain('ftp://127.0.0.1/policy.txt: Refused: only http and https URLs are fetched, not `ftp:`')
    expect(await failure(fetchSource('data:text/plain,Hello'))).toContain('(ingest/invalid-url)')
    expect(await failure(fetchSource(`http://user:secret@127.0.0.1:1/x`))).toContain('Refused: the URL holds a user name or password (ingest/invalid-url)')
    expect(await failure(fetchSource('http://'))).toContain('http://: Not a valid URL')
    expect(requests.filter((path) => path.includes('passwd') || path.includes('policy.txt'))).toEqual([])
  })

  it('fails on a status other than 2xx, naming the URL', async () => {
    expect(await failure(fetchSource(`${base}/missing`))).toContain(`${base}/missing: The server answered HTTP 404 Not Found (ingest/fetch-status)`)
    expect(await failure(fetchSource(`${base}/gone`))).toContain('HTTP 410 Gone (ingest/fetch-status)')
  })

  it('fails on a page over the size limit, streamed or declared', async () => {
    expect(await failure(fetchSource(`${base}/huge`))).toContain(`${base}/huge: The page is larger than ${LIMITS.fetchedBytes.toLocaleString('en')} bytes (ingest/too-large)`)
    expect(await failure(fetchSource(`${base}/declared-huge`))).toContain('(ingest/too-large)')
    expect(await failure(fetchSource(`${base}/privacy`, { maxBytes: 100 }))).toContain('The page is larger than 100 bytes (ingest/too-large)')
  }, 30_000)

  it('fails on a server that never answers, after the time limit', async () => {
    const started = Date.now()
    expect(await failure(fetchSource(`${base}/never`, { timeoutMs: 200 }))).toContain(`${base}/never: No answer within 200 ms (DIPTYCH_FETCH_TIMEOUT_MS sets the limit) (ingest/fetch-timeout)`)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('fails on a refused connection and on something that is not text', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(await failure(fetchSource(`http://127.0.0.1:${port}/policy`))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/policy: Cannot fetch the page: .*ECONNREFUSED.* \(ingest\/fetch-failed\)$/)
    expect(await failure(fetchSource(`${base}/logo.png`))).toContain('The page is `image/png`, expected HTML, Markdown or plain text (ingest/unsupported-content-type)')
  })

  it('takes its time limit from DIPTYCH_FETCH_TIMEOUT_MS', () => {
    expect(fetchTimeoutMs({})).toBe(DEFAULT_FETCH_TIMEOUT_MS)
    expect(DEFAULT_FETCH_TIMEOUT_MS).toBe(30_000)
    expect(fetchTimeoutMs({ DIPTYCH_FETCH_TIMEOUT_MS: '1500' })).toBe(1500)
    expect(() => fetchTimeoutMs({ DIPTYCH_FETCH_TIMEOUT_MS: 'soon' })).toThrow('DIPTYCH_FETCH_TIMEOUT_MS is `soon`, expected a positive whole number of milliseconds')
    expect(() => fetchTimeoutMs({ DIPTYCH_FETCH_TIMEOUT_MS: '0' })).toThrow('positive whole number')
  })
})

describe('diptych import <url>', () => {
  it('imports a page as it imports the saved file, and records its sha256', async () => {
    const root = await project()
    const result = await run(['import', `${base}/privacy`, '--locale', 'en', '--policy', 'saved', '--root', root], root)
    expect(result.stderr).toMatch(/^diptych import: locales\/en\/saved\.md written: 2 sections, 5 clauses;/)
    expect(result.code).toBe(0)
    const fromUrl = await readFile(join(root, 'locales/en/saved.md'), 'utf8')
    const file = await put(root, 'saved.html', savedPage)
    const fromFile = await importDocument({ root, policy: 'saved', locale: 'en', file, collector: new VFile(), dryRun: true })
    expect(fromFile.markdown).toBe(fromUrl)
    const lock = JSON.parse(await readFile(join(root, 'policy/saved/sources.lock.json'), 'utf8')) as Record<string, { url: string; sha256: string; fetched: string }>
    expect(Object.keys(lock)).toEqual(['en'])
    expect(lock['en']).toMatchObject({ url: `${base}/privacy`, sha256: sha256(savedPage) })
    expect(new Date(lock['en']!.fetched).getTime()).toBeLessThanOrEqual(Date.now())
    // The maintainer sees what was fetched, and its hash, in the import line.
    expect(result.stderr).toContain(`fetched ${base}/privacy: sha256 ${sha256(savedPage)}`)
  }, 60_000)

  it('returns what it fetched, and warns when the published page changed', async () => {
    const root = await project()
    const url = `${base}/changing`
    routes.set('/changing', send(savedPage, 'text/html'))
    const first = await importDocument({ root, policy: 'saved', locale: 'en', file: url, collector: new VFile() })
    expect(first.source).toMatchObject({ url, sha256: sha256(savedPage), changed: false })
    const lockText = await readFile(join(root, 'policy/saved/sources.lock.json'), 'utf8')
    // The same bytes again: the record (and its date) stays as it was.
    const same = await importDocument({ root, policy: 'saved', locale: 'en', file: url, collector: new VFile() })
    expect(same.source).toEqual({ ...first.source })
    expect(await readFile(join(root, 'policy/saved/sources.lock.json'), 'utf8')).toBe(lockText)
    const changedPage = savedPage.replace('The orders you place.', 'The orders you place and return.')
    routes.set('/changing', send(changedPage, 'text/html'))
    const collector = new VFile()
    const changed = await importDocument({ root, policy: 'saved', locale: 'en', file: url, collector })
    expect(changed.source).toMatchObject({ url, sha256: sha256(changedPage), changed: true })
    expect(collector.messages.map((message) => `${message.file}: ${message.ruleId}`)).toContain(`${url}: source-changed`)
    expect(collector.messages.find((message) => message.ruleId === 'source-changed')?.reason).toMatch(/^The published page changed since \d{4}-\d\d-\d\dT.*: sha256 [0-9a-f]{12}… is now [0-9a-f]{12}…$/)
    expect(JSON.parse(await readFile(join(root, 'policy/saved/sources.lock.json'), 'utf8'))).toMatchObject({ en: { sha256: sha256(changedPage) } })
  }, 60_000)

  it('a dry run fetches but writes no record', async () => {
    const root = await project()
    const result = await run(['import', `${base}/privacy`, '--locale', 'en', '--policy', 'saved', '--root', root, '--dry-run'], root)
    expect(result.code).toBe(0)
    await expect(readFile(join(root, 'policy/saved/sources.lock.json'), 'utf8')).rejects.toThrow('ENOENT')
  }, 60_000)

  const failing: Array<[string, () => string, RegExp]> = [
    ['a file: URL', () => 'file:///etc/passwd', /^diptych: file:\/\/\/etc\/passwd: Refused: only http and https URLs are fetched, not `file:`.* \(ingest\/invalid-url\)\n$/],
    ['an ftp: URL', () => 'ftp://127.0.0.1/policy', /^diptych: ftp:\/\/127\.0\.0\.1\/policy: Refused: .*`ftp:`.* \(ingest\/invalid-url\)\n$/],
    ['a 404', () => `${base}/missing`, /^diptych: http:\/\/127\.0\.0\.1:\d+\/missing: The server answered HTTP 404 Not Found \(ingest\/fetch-status\)\n$/],
    ['a page over the size limit', () => `${base}/declared-huge`, /^diptych: http:\/\/127\.0\.0\.1:\d+\/declared-huge: The page is larger than [\d,]+ bytes \(ingest\/too-large\)\n$/],
    ['a server that never answers', () => `${base}/never`, /^diptych: http:\/\/127\.0\.0\.1:\d+\/never: No answer within 300 ms \(DIPTYCH_FETCH_TIMEOUT_MS sets the limit\) \(ingest\/fetch-timeout\)\n$/],
  ]
  for (const [what, url, expected] of failing) {
    it(`refuses ${what}: one line naming the URL, exit code 2, nothing written`, async () => {
      vi.stubEnv('DIPTYCH_FETCH_TIMEOUT_MS', '300')
      const root = await project()
      const result = await run(['import', url(), '--locale', 'en', '--policy', 'saved', '--root', root], root)
      expect(result.stderr).toMatch(expected)
      expect(result.code).toBe(2)
      await expect(readFile(join(root, 'locales/en/saved.md'), 'utf8')).rejects.toThrow('ENOENT')
    }, 30_000)
  }

  it('refuses a sources lock of the wrong shape at its field', async () => {
    const root = await project()
    await put(root, 'policy/saved/sources.lock.json', '{\n  "en": { "url": "https://example.org/p", "sha256": "abc", "fetched": "2026-01-01T00:00:00Z" }\n}\n')
    const result = await run(['import', `${base}/privacy`, '--locale', 'en', '--policy', 'saved', '--root', root], root)
    expect(result.stderr).toMatch(/^diptych: policy\/saved\/sources\.lock\.json:2:\d+: .*sha256.* \(ingest\/invalid-sources-lock\)\n/)
    expect(result.code).toBe(2)
  }, 30_000)

  it('a time limit given as an option wins over the default', async () => {
    const root = await project()
    expect(await failure(importDocument({ root, policy: 'saved', locale: 'en', file: `${base}/never`, collector: new VFile(), fetchTimeoutMs: 100 }))).toContain('No answer within 100 ms')
  })
})

describe('a manifest whose sources are URLs', () => {
  const manifestWith = async (root: string, sources: Record<string, string>) => {
    const path = join(root, 'policy/pinterest/policy.json')
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    await writeFile(path, JSON.stringify({ ...manifest, sources }, null, 2))
  }

  it('`build --from-sources` fetches them, gives the catalogue of the files, and keeps their hashes', async () => {
    const root = await tempProject()
    await manifestWith(root, { en: `${base}/en.txt`, nl: `${base}/nl.txt` })
    const first = await run(['build', '--from-sources', '--root', root], root)
    expect(first.stderr).not.toContain('error')
    expect(first.code).toBe(0)
    for (const locale of ['en', 'nl']) {
      expect(await readFile(join(root, `locales/${locale}/pinterest.md`), 'utf8')).toBe(await readRepo(`locales/${locale}/pinterest.md`))
    }
    expect(JSON.parse(await readFile(join(root, 'policy/pinterest/catalogue.json'), 'utf8'))).toEqual(JSON.parse(await readRepo('policy/pinterest/catalogue.json')))
    const lockPath = join(root, 'policy/pinterest/sources.lock.json')
    const lock = await readFile(lockPath, 'utf8')
    expect(JSON.parse(lock)).toEqual({
      // With the hash of the Markdown each import wrote (a build from sources refuses to replace an edited one).
      en: { url: `${base}/en.txt`, sha256: sha256(pinterest.en), fetched: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), markdown: sha256(await readFile(join(root, 'locales/en/pinterest.md'), 'utf8')) },
      nl: { url: `${base}/nl.txt`, sha256: sha256(pinterest.nl), fetched: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), markdown: sha256(await readFile(join(root, 'locales/nl/pinterest.md'), 'utf8')) },
    })

    // Built again from the same pages: nothing changes, the record included.
    const again = await run(['build', '--from-sources', '--root', root], root)
    expect(again.code).toBe(0)
    expect(again.stderr).not.toContain('source-changed')
    expect(await readFile(lockPath, 'utf8')).toBe(lock)

    // The published English page changed (one byte): the build says so and records the new hash.
    routes.set('/en.txt', send(`${pinterest.en}\n`, 'text/plain'))
    try {
      const changed = await run(['build', '--from-sources', '--root', root], root)
      expect(changed.code).toBe(0)
      expect(changed.stderr).toMatch(/en\.txt\n\s*warning The published page changed since \d{4}-[^\n]*: sha256 [0-9a-f]{12}… is now [0-9a-f]{12}… +source-changed +ingest/)
      expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ en: { sha256: sha256(`${pinterest.en}\n`) }, nl: JSON.parse(lock).nl })
    } finally {
      routes.set('/en.txt', send(pinterest.en, 'text/plain; charset=utf-8'))
    }
  }, 120_000)

  it('a source URL that fails stops the build with one line naming it', async () => {
    const root = await tempProject()
    await manifestWith(root, { en: `${base}/missing`, nl: 'sources/nl.txt' })
    const result = await run(['build', '--from-sources', '--root', root], root)
    expect(result.stderr).toMatch(/^diptych: http:\/\/127\.0\.0\.1:\d+\/missing: The server answered HTTP 404 Not Found \(ingest\/fetch-status\)\n$/)
    expect(result.code).toBe(2)
  }, 60_000)

  it('the manifest refuses a source of another scheme', async () => {
    const root = await tempProject()
    await manifestWith(root, { en: 'ftp://example.org/en.txt', nl: 'sources/nl.txt' })
    const result = await run(['build', '--from-sources', '--root', root], root)
    expect(result.stderr).toContain('(policy/invalid-manifest)')
    expect(result.stderr).toMatch(/^diptych: policy\/pinterest\/policy\.json:\d+:\d+: Invalid manifest: field `sources\.en` must match pattern/)
    expect(result.code).toBe(2)
    expect(requests.some((path) => path.includes('example'))).toBe(false)
  }, 60_000)
})
