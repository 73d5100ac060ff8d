#!/usr/bin/env node
// Find the Chromium the browser tests drive (never downloaded by this script): `DIPTYCH_CHROMIUM` when set, then
// playwright's own browser (`npx playwright-core install chromium`), then the common install paths. Run before the
// tests: when none exists it installs Debian's chromium with apt-get if it runs as root on Debian, and otherwise says
// what to install; the browser tests use the same lookup (test/helpers-browser.ts) and say the same.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The environment variable naming the browser, before any lookup. */
export const CHROMIUM_VARIABLE = 'DIPTYCH_CHROMIUM'

/** Where Chromium (or Chrome, which playwright drives alike) usually stands, by platform. */
export const COMMON_PATHS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/opt/homebrew/bin/chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files\\Chromium\\Application\\chrome.exe'],
}

/** What to install, said when no browser is found. */
export const INSTALL_HINT =
  `install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium; any system: npx playwright-core install chromium), ` +
  `or set ${CHROMIUM_VARIABLE} to the path of a Chromium or Chrome executable`

/** Playwright's own browser, where `playwright-core install chromium` puts it (undefined without playwright-core). */
async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core')
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/**
 * The Chromium to drive: `{ path, from }` (`from`: the variable, `playwright` or `common path`), or `{ problem }`, one
 * line that says what is missing and what to install.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Promise<{ path: string, from: string } | { problem: string }>}
 */
export async function findChromium(env = process.env) {
  const given = env[CHROMIUM_VARIABLE]
  if (given !== undefined && given !== '') {
    // A path the user gave that does not exist is their mistake to hear about, not a reason to look elsewhere.
    return existsSync(given) ? { path: given, from: CHROMIUM_VARIABLE } : { problem: `${CHROMIUM_VARIABLE}=${given}: no such file; ${INSTALL_HINT}` }
  }
  const playwright = await playwrightChromium()
  if (playwright !== undefined && existsSync(playwright)) return { path: playwright, from: 'playwright' }
  const common = COMMON_PATHS[/** @type {keyof typeof COMMON_PATHS} */ (process.platform)] ?? []
  const found = common.find((path) => existsSync(path))
  if (found !== undefined) return { path: found, from: 'common path' }
  return { problem: `no Chromium found (${CHROMIUM_VARIABLE} unset, none at ${[playwright, ...common].filter(Boolean).join(', ')}); ${INSTALL_HINT}` }
}

async function ensure() {
  let found = await findChromium()
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if ('problem' in found && !process.env[CHROMIUM_VARIABLE] && root && existsSync('/usr/bin/apt-get')) {
    process.stderr.write('ensure-browser: installing Debian’s chromium for the browser tests (apt-get)…\n')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', env })
    spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'ignore', env })
    found = await findChromium()
  }
  if ('problem' in found) process.stderr.write(`ensure-browser: the browser tests will fail: ${found.problem}\n`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await ensure()
