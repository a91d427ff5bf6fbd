/**
 * The dashboard's job and portfolio views in Debian's Chromium against the real service process
 * (SQLite, the CSV price provider on GOOG and a calm series), with other hosts cut off: an
 * optimization's live progress then its heatmap, a walk-forward timeline, a portfolio.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, type IsolatedContext, warnIfNoChromium } from '../support/browser.ts';
import { sharedDataAvailable, warnIfNoSharedData } from '../support/shared-data.ts';
import {
  BACKTESTING_PY_LABELS,
  type DashboardSession,
  expectHashesOnlyAndNoOtherHost,
  hashOf,
  openDashboard,
  shot,
  statsOf,
} from './dashboard-support.ts';

warnIfNoSharedData('the optimization, walk-forward and portfolio views in Chromium');
warnIfNoChromium('the optimization, walk-forward and portfolio views in Chromium');

describe.skipIf(!sharedDataAvailable || !chromiumAvailable)(
  'the optimization, walk-forward and portfolio views in Chromium',
  () => {
    let session: DashboardSession;
    let page: Page;
    let desktop: IsolatedContext;
    beforeAll(async () => {
      session = await openDashboard();
      ({ page, desktop } = session);
    }, 60_000);
    afterAll(() => session?.close());

    it('runs an optimization as a job: the progress bar moves, then the heatmap and best runs appear', async () => {
      // Keyboard: from the Backtest tab, the right arrow selects Optimize.
      await page.getByRole('tab', { name: 'Backtest' }).focus();
      await page.keyboard.press('ArrowRight');
      const panel = page.locator('#view-optimize');
      await panel.waitFor({ state: 'visible' });
      await panel.getByLabel('Ticker', { exact: true }).fill('GOOG');
      await panel.getByLabel('From', { exact: true }).fill('2004-08-19');
      await panel.getByLabel('To', { exact: true }).fill('2013-03-01');
      await panel.locator('input[name="fast-from"]').fill('4');
      await panel.locator('input[name="fast-to"]').fill('40');
      await panel.locator('input[name="fast-step"]').fill('2');
      await panel.locator('input[name="slow-from"]').fill('10');
      await panel.locator('input[name="slow-to"]').fill('120');
      await panel.locator('input[name="slow-step"]').fill('5');
      // Record every state the progress bar shows.
      await panel.getByTestId('job-progress').evaluate((bar) => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() =>
          seen.push(`${bar.dataset.state}:${(bar as HTMLProgressElement).value}`),
        ).observe(bar, {
          attributes: true,
        });
      });
      await panel.getByTestId('run-optimization').click();
      const heatmap = panel.getByTestId('heatmap');
      await heatmap.waitFor({ timeout: 60_000 });
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(seen.at(-1)).toBe('SUCCEEDED:1');
      // The bar moved while the job ran: at least one state strictly between start and end.
      const between = seen.filter(
        (s) => /^RUNNING:/.test(s) && Number(s.split(':')[1]) > 0 && Number(s.split(':')[1]) < 1,
      );
      expect(between.length, seen.join(' ')).toBeGreaterThan(0);
      const progressValues = seen.map((s) => Number(s.split(':')[1]));
      expect(progressValues).toEqual([...progressValues].sort((a, b) => a - b));
      // 19 fast values (rows) × 23 slow values (columns); cells where fast ≥ slow have no run.
      expect(await heatmap.locator('tbody tr').count()).toBe(19);
      expect(await heatmap.locator('tbody tr').first().locator('td').count()).toBe(23);
      const filled = await heatmap.locator('td[data-value]').count();
      expect(filled).toBeGreaterThan(300);
      expect(Number(await heatmap.getAttribute('data-cells'))).toBe(filled);
      expect(await panel.getByTestId('best-runs').locator('tbody tr').count()).toBe(10);
      // Progress came over the jobProgress subscription: the result was fetched once, not polled.
      const sent = (name: string) => desktop.graphqlBodies.filter((b) => b.includes(hashOf(name))).length;
      expect(sent('DashboardJobProgress')).toBeGreaterThanOrEqual(1);
      expect(sent('DashboardOptimizationResult')).toBe(1);
      await shot(page, 'optimize-1280x800');
      // Other heatmap params redraw it from the stored job: slow along the rows now.
      await panel.getByLabel('Heatmap columns', { exact: true }).selectOption('fast');
      await panel.getByLabel('Heatmap rows', { exact: true }).selectOption('slow');
      await expect.poll(() => panel.getByTestId('heatmap').locator('tbody tr').count()).toBe(23);
      expect(await panel.getByTestId('heatmap').locator('tbody tr').first().locator('td').count()).toBe(19);
      // "Backtest" on the best run opens it in the backtest view: the same trades as in the sweep.
      const best = panel.getByTestId('best-runs').locator('tbody tr').first();
      const sweepTrades = await best.locator('td').nth(-2).textContent();
      await best.getByRole('button', { name: /^Backtest fast=\d+, slow=\d+$/ }).click();
      const backtest = page.locator('#view-backtest');
      await backtest.waitFor({ state: 'visible' });
      await expect
        .poll(() => backtest.locator('tr[data-stat="tradeCount"] td').textContent())
        .toBe(sweepTrades);
      expect(await backtest.getByLabel('fast', { exact: true }).inputValue()).toBe(
        await best.locator('td').nth(1).textContent(),
      );
    });

    it('runs a walk-forward analysis: windows on a timeline, out-of-sample equity and statistics', async () => {
      await page.getByRole('tab', { name: 'Walk-forward' }).click();
      const panel = page.locator('#view-walk-forward');
      await panel.getByLabel('Training bars', { exact: true }).fill('500');
      await panel.getByLabel('Test bars', { exact: true }).fill('250');
      await panel.getByTestId('run-walk-forward').click();
      const timeline = panel.getByTestId('walk-forward-timeline');
      await timeline.waitFor({ timeout: 60_000 });
      // 2148 bars: windows start every 250 bars after the first 500.
      expect(await timeline.locator('li').count()).toBe(Math.ceil((2148 - 500) / 250));
      expect(await panel.getByTestId('job-progress').getAttribute('data-state')).toBe('SUCCEEDED');
      await panel.getByTestId('equity-chart').locator('canvas').first().waitFor();
      expect((await statsOf(panel)).labels).toEqual(BACKTESTING_PY_LABELS);
      await shot(page, 'walk-forward-1280x800');
    });

    it('runs a portfolio: holdings, weights, rebalancing, equity and per-holding results', async () => {
      await page.getByRole('tab', { name: 'Portfolio' }).click();
      const panel = page.locator('#view-portfolio');
      await panel.getByLabel('Ticker 1', { exact: true }).fill('GOOG');
      await panel.getByLabel('Weight', { exact: true }).first().fill('0.6');
      await panel.getByRole('button', { name: '+ Add holding' }).click();
      await panel.getByLabel('Ticker 2', { exact: true }).fill('CALM');
      await panel.getByLabel('Weight', { exact: true }).nth(1).fill('0.4');
      await panel.getByLabel('Rebalance', { exact: true }).selectOption('MONTHLY');
      await panel.getByTestId('run-portfolio').click();
      const holdings = panel.getByTestId('holdings-table');
      await holdings.waitFor();
      expect(await holdings.locator('tbody tr td:first-child').allTextContents()).toEqual(['CALM', 'GOOG']);
      await panel.getByTestId('equity-chart').locator('canvas').first().waitFor();
      await panel.getByTestId('stats-table').waitFor();
      await shot(page, 'portfolio-1280x800');
    });

    it('sent only persisted-operation hashes, and no request left the service', () => {
      expectHashesOnlyAndNoOtherHost(session);
    });
  },
);
