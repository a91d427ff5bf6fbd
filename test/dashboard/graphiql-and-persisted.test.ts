/**
 * GraphiQL from the service's own assets, with every other host cut off; and the dashboard on a
 * deployment that runs persisted operations only. Debian's Chromium against real service processes.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  isolatedContext,
  launchChromium,
  SCREENSHOT_DIR,
  warnIfNoChromium,
} from '../support/browser.ts';
import type { ServiceProcess } from '../support/service-process.ts';
import { sharedDataAvailable, warnIfNoSharedData } from '../support/shared-data.ts';
import { runGoogBacktest, startDashboardService, statsOf } from './dashboard-support.ts';

warnIfNoSharedData('GraphiQL and persisted operations in Chromium');
warnIfNoChromium('GraphiQL and persisted operations in Chromium');

describe.skipIf(!sharedDataAvailable || !chromiumAvailable)(
  'GraphiQL and persisted operations in Chromium',
  () => {
    let browser: Browser;
    let open: ServiceProcess;
    let persistedOnly: ServiceProcess;

    beforeAll(async () => {
      [browser, open, persistedOnly] = await Promise.all([
        launchChromium(),
        startDashboardService(),
        startDashboardService({ PERSISTED_OPERATIONS_ONLY: 'true' }),
      ]);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all([open?.stop(), persistedOnly?.stop()]);
    });

    it('loads GraphiQL and runs its example operation with other hosts cut off', async () => {
      const { context, outside } = await isolatedContext(browser, open.url, { width: 1280, height: 800 });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${open.url}/graphql`);
        const run = page.locator('.graphiql-execute-button');
        await run.waitFor({ timeout: 30_000 });
        await expect.poll(() => page.locator('.graphiql-query-editor').textContent()).toContain('strategies');
        const answered = page.waitForResponse(
          (r) =>
            r.url().endsWith('/graphql') &&
            r.request().method() === 'POST' &&
            (r.request().postData() ?? '').includes('Example'),
        );
        await run.click();
        const response = await answered;
        expect(response.status()).toBe(200);
        const body = (await response.json()) as { data: { strategies: { name: string }[] } };
        expect(body.data.strategies.map((s) => s.name)).toContain('SmaCross');
        await expect
          .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 10_000 })
          .toContain('SmaCross');
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'graphiql-1280x800.png') });
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('PERSISTED_OPERATIONS_ONLY=true: the dashboard still works, and a query sent as text is refused clearly', async () => {
      const { context, outside } = await isolatedContext(browser, persistedOnly.url, {
        width: 1280,
        height: 800,
      });
      try {
        const page = await context.newPage();
        await page.goto(`${persistedOnly.url}/`);
        await page.locator('body[data-ready="true"]').waitFor();
        await runGoogBacktest(page, '10', '30');
        await page.getByTestId('stats-table').waitFor();
        expect((await statsOf(page)).values.tradeCount).toBe('66');
        expect(await page.getByTestId('price-chart').getAttribute('data-marker-count')).toBe('132');

        // A job and its progress subscription (Server-Sent Events) by hash too.
        await page.getByRole('tab', { name: 'Optimize' }).click();
        await page.getByTestId('run-optimization').click();
        await page.locator('#view-optimize').getByTestId('heatmap').waitFor({ timeout: 60_000 });
        expect(
          await page.locator('#view-optimize').getByTestId('job-progress').getAttribute('data-state'),
        ).toBe('SUCCEEDED');

        const refused = await page.evaluate(async () => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ strategies { name } }' }),
          });
          return { status: response.status, body: await response.json() };
        });
        expect(refused.status).toBe(400);
        expect(refused.body.data ?? null).toBeNull();
        expect(refused.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
        expect(refused.body.errors[0].message).toMatch(
          /only its persisted operations \(PERSISTED_OPERATIONS_ONLY=true\)/,
        );
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    });
  },
);
