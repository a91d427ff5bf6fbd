/**
 * The dashboard in Debian's Chromium against the real service process (SQLite, the CSV price
 * provider on GOOG and a second series the test writes), with other hosts cut off.
 */
import { join } from 'node:path';
import documents from '../../schema/generated/persisted-documents.json' with { type: 'json' };
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_STATS } from '../support/anchor.ts';
import {
  chromiumAvailable,
  type IsolatedContext,
  isolatedContext,
  launchChromium,
  SCREENSHOT_DIR,
  warnIfNoChromium,
} from '../support/browser.ts';
import type { ServiceProcess } from '../support/service-process.ts';
import { sharedDataAvailable, warnIfNoSharedData } from '../support/shared-data.ts';
import { runGoogBacktest, startDashboardService, statsOf } from './dashboard-support.ts';

warnIfNoSharedData('the dashboard in Chromium');
warnIfNoChromium('the dashboard in Chromium');

/** backtesting.py 0.6.6's `Backtest.run()` labels, in its order. */
const BACKTESTING_PY_LABELS = [
  'Start', 'End', 'Duration', 'Exposure Time [%]', 'Equity Final [$]', 'Equity Peak [$]', 'Commissions [$]',
  'Return [%]', 'Buy & Hold Return [%]', 'Return (Ann.) [%]', 'Volatility (Ann.) [%]', 'CAGR [%]',
  'Sharpe Ratio', 'Sortino Ratio', 'Calmar Ratio', 'Alpha [%]', 'Beta', 'Max. Drawdown [%]',
  'Avg. Drawdown [%]', 'Max. Drawdown Duration', 'Avg. Drawdown Duration', '# Trades', 'Win Rate [%]',
  'Best Trade [%]', 'Worst Trade [%]', 'Avg. Trade [%]', 'Max. Trade Duration', 'Avg. Trade Duration',
  'Profit Factor', 'Expectancy [%]', 'SQN', 'Kelly Criterion',
];

/** The hex sha256 of a persisted operation, as the page sends it. */
function hashOf(name: string): string {
  const entry = Object.entries(documents as Record<string, string>).find(([, text]) =>
    new RegExp(`\\b(query|mutation|subscription) ${name}\\b`).test(text),
  );
  return entry![0].replace(/^sha256:/, '');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe.skipIf(!sharedDataAvailable || !chromiumAvailable)('the dashboard in Chromium', () => {
  let service: ServiceProcess;
  let browser: Browser;
  let desktop: IsolatedContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startDashboardService(), launchChromium()]);
    desktop = await isolatedContext(browser, service.url, { width: 1280, height: 800 });
    page = await desktop.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${service.url}/`);
    await page.locator('body[data-ready="true"]').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

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
    expect(await page.locator('th:has(button[data-sort="pnl"])').getAttribute('aria-sort')).toBe('descending');
  });

  it('shows a bad param\'s error next to that field and focuses it', async () => {
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
      new MutationObserver(() => seen.push(`${bar.dataset.state}:${(bar as HTMLProgressElement).value}`)).observe(bar, {
        attributes: true,
      });
    });
    await panel.getByTestId('run-optimization').click();
    const heatmap = panel.getByTestId('heatmap');
    await heatmap.waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.at(-1)).toBe('SUCCEEDED:1');
    expect(seen.some((s) => /^(QUEUED|RUNNING):/.test(s) && Number(s.split(':')[1]) < 1)).toBe(true);
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
    await form.getByLabel('Entry (long)', { exact: true }).fill('crossover(sma(clsoe, fast), sma(close, slow))');
    await page.getByTestId('run-backtest').click();
    const error = form.locator('.field:has(input[name="entry"])').getByTestId('field-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('did you mean "close"');
    // …and once corrected they run.
    await form.getByLabel('Entry (long)', { exact: true }).fill('crossover(sma(close, fast), sma(close, slow))');
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
    expect(desktop.graphqlBodies.length).toBeGreaterThan(5);
    for (const body of desktop.graphqlBodies) {
      const parsed = JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
      expect(parsed.query).toBeUndefined();
      expect(parsed.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(desktop.outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
