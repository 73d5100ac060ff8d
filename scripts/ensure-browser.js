#!/usr/bin/env node
// Run before the tests: the browser tests need Debian's Chromium at /usr/bin/chromium (never a downloaded browser).
// Installs it with apt-get when this runs as root on Debian; otherwise says how, and the browser tests will say so too.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (root && existsSync('/usr/bin/apt-get')) {
    process.stderr.write('ensure-browser: installing Debian’s chromium for the browser tests (apt-get)…\n')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', env })
    spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'ignore', env })
  }
  if (!existsSync(CHROMIUM)) process.stderr.write(`ensure-browser: ${CHROMIUM} is missing; install Debian’s chromium package (apt-get install chromium) for the browser tests\n`)
}
