// The browser the browser tests drive: found as `npm test`'s pretest finds it (scripts/ensure-browser.js), launched
// headless without a sandbox; when there is none, the tests fail with one line that says what to install.
import { type Browser, chromium } from 'playwright-core'
import { findChromium } from '../scripts/ensure-browser.js'

export { findChromium }

/** Launch the Chromium `findChromium` finds: `DIPTYCH_CHROMIUM`, playwright's own, then the common install paths. */
export async function launchChromium(env: Record<string, string | undefined> = process.env): Promise<Browser> {
  const found = await findChromium(env)
  if ('problem' in found) throw new Error(`The browser tests need Chromium: ${found.problem}`)
  return chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}
