/**
 * Debian's Chromium, headless, through playwright-core, with every request to another host than
 * the service cut off and recorded (`.ci/run` installs the `chromium` package when it is missing).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Where the browser tests save their screenshots (ignored by git). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '.artifacts', 'screenshots');

export function warnIfNoChromium(suite: string): void {
  if (!chromiumAvailable)
    console.warn(
      `SKIPPED ${suite}: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
    );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface IsolatedContext {
  context: BrowserContext;
  /** Every request the pages tried to send to another origin (all aborted). */
  outside: string[];
  /** Every request body the pages sent to the service's /graphql. */
  graphqlBodies: string[];
}

/** A browser context whose requests may reach `origin` only. */
export async function isolatedContext(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
): Promise<IsolatedContext> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  const outside: string[] = [];
  const graphqlBodies: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      outside.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname === '/graphql' && route.request().method() === 'POST') {
      graphqlBodies.push(route.request().postData() ?? '');
    }
    return route.continue();
  });
  // WebSockets are not routed by context.route: record and refuse them too.
  await context.routeWebSocket(/.*/, (ws) => {
    if (new URL(ws.url()).origin.replace(/^ws/, 'http') !== origin) outside.push(ws.url());
    ws.close();
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return { context, outside, graphqlBodies };
}
