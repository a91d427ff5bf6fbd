/**
 * The dashboard's backtest view in Debian's Chromium against the real service process (SQLite, the
 * CSV price provider on GOOG), with other hosts cut off: backtesting.py's numbers, every trade on
 * the chart, field errors, rule strategies, the keyboard and a phone.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_STATS } from '../support/anchor.ts';
import { chromiumAvailable, isolatedContext, SCREENSHOT_DIR, warnIfNoChromium } from '../support/browser.ts';
import type { ServiceProcess } from '../support/service-process.ts';
import { sharedDataAvailable, warnIfNoSharedData } from '../support/shared-data.ts';
import {
  BACKTESTING_PY_LABELS,
  type DashboardSession,
  expectHashesOnlyAndNoOtherHost,
  openDashboard,
  runGoogBacktest,
  shot,
  statsOf,
} from './dashboard-support.ts';

warnIfNoSharedData('the backtest view in Chromium');
warnIfNoChromium('the backtest view in Chromium');

describe.skipIf(!sharedDataAvailable || !chromiumAvailable)('the backtest view in Chromium', () => {
  let session: DashboardSession;
  let page: Page;
  let service: ServiceProcess;
  let browser: Browser;
  beforeAll(async () => {
    session = await openDashboard();
    ({ page, service, browser } = session);
  }, 60_000);
  afterAll(() => session?.close());

  it("runs GOOG SmaCross(10, 30) and shows backtesting.py's statistics, in its order and wording", async () => {
    await runGoogBacktest(page, '10', '30');
    await page.getByTestId('stats-table').waitFor();
    const { labels, values } = await statsOf(page);
    expect(labels).toEqual(BACKTESTING_PY_LABELS);
    for (const [key, want] of Object.entries(ANCHOR_STATS)) {
      if (typeof want === 'string') expect(values[key], key).toBe(want);
      else if (want === 0) expect(Number(values[key]), key).toBe(0);
      else expect(Math.abs(Number(values[key]) - want) / Math.abs(want), key).toBeLessThanOrEqual(1e-9);
    }
    await expect.poll(() => page.locator('tr[data-stat="tradeCount"] td').textContent()).toBe('66');
    // What a reader sees: backtesting.py's numbers, rounded for display.
    const shown = (stat: string) => page.locator(`tr[data-stat="${stat}"] td`).textContent();
    expect(await shown('equityFinal')).toBe('51,422.99');
    expect(await shown('returnPct')).toBe('414.23');
    expect(await shown('maxDrawdownPct')).toBe('-47.98');
    expect(await shown('sharpeRatio')).toBe('0.581');
    expect(await shown('durationDays')).toBe('3116 days');
    await shot(page, 'backtest-1280x800');
  });

  it("draws every trade's entry and exit on the price chart, and the equity curve", async () => {
    const trades = page.getByTestId('trades-table').locator('tbody tr');
    await expect.poll(() => trades.count()).toBe(66);
    // Read back from lightweight-charts' markers() after they were set: entry and exit of each trade.
    expect(await page.getByTestId('price-chart').getAttribute('data-marker-count')).toBe(String(2 * 66));
    expect(await page.getByTestId('price-chart').locator('canvas').count()).toBeGreaterThan(0);
    const equityPoints = Number(await page.getByTestId('equity-chart').getAttribute('data-point-count'));
    expect(equityPoints).toBe(Number(await page.getByTestId('price-chart').getAttribute('data-bar-count')));
  });

  it('sorts the trades table by a column, both ways, from the keyboard', async () => {
    const header = page.getByTestId('trades-table').getByRole('button', { name: 'P/L [$]' });
    await header.focus();
    await page.keyboard.press('Enter');
    const pnl = () =>
      page
        .getByTestId('trades-table')
        .locator('td[data-col="pnl"]')
        .allTextContents()
        .then((t) => t.map((v) => Number(v.replace(/,/g, ''))));
    const ascending = await pnl();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    const descending = await pnl();
    expect(descending).toEqual([...ascending].reverse());
    expect(await page.locator('th:has(button[data-sort="pnl"])').getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it("shows a bad param's error next to that field and focuses it", async () => {
    await runGoogBacktest(page, '0', '30');
    const field = page.getByTestId('backtest-form').locator('.field:has(input[name="fast"])');
    const error = field.getByTestId('field-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('fast');
    expect(await page.getByTestId('field-error').count()).toBe(1);
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('fast');
    await shot(page, 'backtest-field-error-1280x800');
    // From the keyboard: the focused field corrected, Enter runs the form again and clears the error.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('field-error').count()).toBe(0);
    await expect.poll(() => page.locator('tr[data-stat="tradeCount"] td').textContent()).toBe('66');
  });

  it('labels every control of every form', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('form input, form select')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0)
        .map((el) => (el as HTMLInputElement).name),
    );
    expect(unlabelled).toEqual([]);
  });

  it('runs a saved rule strategy from the catalogue, and rules typed into the form', async () => {
    const saved = await service.gql(
      `mutation S($input: SaveStrategyInput!) { saveStrategy(input: $input) { name } }`,
      {
        input: {
          name: 'SmaTwin',
          description: 'SmaCross written as rules',
          rules: {
            entry: 'crossover(sma(close, fast), sma(close, slow))',
            shortEntry: 'crossunder(sma(close, fast), sma(close, slow))',
            params: [
              { name: 'fast', default: 10, min: 1, max: 200 },
              { name: 'slow', default: 30, min: 2, max: 400 },
            ],
          },
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    await page.getByRole('tab', { name: 'Backtest' }).click();
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    const form = page.getByTestId('backtest-form');
    expect(await form.locator('optgroup[label="Saved rules"] option').allTextContents()).toEqual(['SmaTwin']);
    await form.getByLabel('Strategy', { exact: true }).selectOption('SmaTwin');
    // Its params, with their bounds, come from the catalogue.
    expect(await form.getByLabel('slow', { exact: true }).getAttribute('max')).toBe('400');
    await page.getByTestId('run-backtest').click();
    // The rules reproduce SmaCross exactly: the same 66 trades.
    await expect.poll(() => page.locator('h2').first().textContent()).toContain('SmaTwin');
    expect((await statsOf(page)).values.tradeCount).toBe('66');
    expect((await statsOf(page)).values.returnPct).toBe(String(ANCHOR_STATS.returnPct));

    // Rules typed in: a mistake is shown beside the rule it is in…
    await form.getByLabel('Strategy', { exact: true }).selectOption('__rules__');
    await form
      .getByLabel('Entry (long)', { exact: true })
      .fill('crossover(sma(clsoe, fast), sma(close, slow))');
    await page.getByTestId('run-backtest').click();
    const error = form.locator('.field:has(input[name="entry"])').getByTestId('field-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('did you mean "close"');
    // …and once corrected they run.
    await form
      .getByLabel('Entry (long)', { exact: true })
      .fill('crossover(sma(close, fast), sma(close, slow))');
    await page.getByTestId('run-backtest').click();
    await expect.poll(() => page.getByTestId('field-error').count()).toBe(0);
    await expect.poll(async () => (await statsOf(page)).values.tradeCount).toBe('66');
    await shot(page, 'backtest-rules-1280x800');
  });

  it('is usable on a phone (390×844): nothing overflows sideways, charts fit, every view renders', async () => {
    const phone = await isolatedContext(browser, service.url, { width: 390, height: 844 });
    try {
      const p = await phone.context.newPage();
      await p.goto(`${service.url}/`);
      await p.locator('body[data-ready="true"]').waitFor();
      await runGoogBacktest(p, '10', '30');
      await p.getByTestId('stats-table').waitFor();
      await p.getByTestId('price-chart').locator('canvas').first().waitFor();
      const widths = await p.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        price: document.querySelector('[data-testid="price-chart"]')!.getBoundingClientRect().right,
        equity: document.querySelector('[data-testid="equity-chart"]')!.getBoundingClientRect().right,
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.price).toBeLessThanOrEqual(390);
      expect(widths.equity).toBeLessThanOrEqual(390);
      expect(await p.getByTestId('price-chart').getAttribute('data-marker-count')).toBe('132');
      await shot(p, 'backtest-390x844');
      for (const view of ['Optimize', 'Walk-forward', 'Portfolio']) {
        await p.getByRole('tab', { name: view }).click();
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await p.screenshot({ path: join(SCREENSHOT_DIR, `${view.toLowerCase()}-390x844.png`) });
      }
      expect(phone.outside).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('sent only persisted-operation hashes, and no request left the service', () => {
    expectHashesOnlyAndNoOtherHost(session);
  });
});
