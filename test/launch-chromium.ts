import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'

// Debian's Chromium, headless, with the background networking off: on this machine's closed
// network Chromium's own connections are refused many at a time and slow every page.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * How long a page may take to show what a step waits for. Generous on purpose: CI runs on two cores
 * with two test files (and a server each) at once, and a browser step is not a speed test.
 */
export const BROWSER_STEP_MS = 60_000

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** A fresh context (own cookies and storage) whose every wait allows for a loaded machine. */
export async function newBrowserContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options })
  context.setDefaultTimeout(BROWSER_STEP_MS)
  return context
}
