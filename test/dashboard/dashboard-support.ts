/** The dashboard tests' service (GOOG and a calm series via the CSV provider) and page steps. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import documents from '../../schema/generated/persisted-documents.json' with { type: 'json' };
import { type IsolatedContext, isolatedContext, launchChromium, SCREENSHOT_DIR } from '../support/browser.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { sharedDataPath } from '../support/shared-data.ts';

/** A price folder the test controls: GOOG and a calm series on GOOG's dates. */
export function writePriceDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-dashboard-prices-'));
  const goog = sharedDataPath('GOOG.csv');
  copyFileSync(goog, join(dir, 'GOOG.csv'));
  const dates = readFileSync(goog, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  const rows = dates.map((date, i) => {
    const close = 50 * 1.0003 ** i * (1 + 0.02 * Math.sin(i / 17));
    const open = close * (1 + 0.003 * Math.cos(i / 5));
    return `${date},${open.toFixed(4)},${(Math.max(open, close) * 1.004).toFixed(4)},${(Math.min(open, close) * 0.996).toFixed(4)},${close.toFixed(4)},${100_000 + (i % 50) * 1000}`;
  });
  writeFileSync(join(dir, 'CALM.csv'), `,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  return dir;
}

export async function startDashboardService(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-dashboard-'));
  const service = await startService({
    DATABASE_URL: `file:${join(dir, 'dashboard.db')}`,
    PRICE_PROVIDER: 'csv',
    PRICE_CSV_DIR: writePriceDir(),
    ...env,
  });
  await service.ready();
  return service;
}

/** Fills the backtest form with GOOG SmaCross(fast, slow) over the whole file and runs it. */
export async function runGoogBacktest(page: Page, fast: string, slow: string): Promise<void> {
  const form = page.getByTestId('backtest-form');
  await form.getByLabel('Ticker', { exact: true }).fill('GOOG');
  await form.getByLabel('From', { exact: true }).fill('2004-08-19');
  await form.getByLabel('To', { exact: true }).fill('2013-03-01');
  await form.getByLabel('Strategy', { exact: true }).selectOption('SmaCross');
  await form.getByLabel('fast', { exact: true }).fill(fast);
  await form.getByLabel('slow', { exact: true }).fill(slow);
  await page.getByTestId('run-backtest').click();
}

export async function statsOf(
  scope: Page | Locator,
): Promise<{ labels: string[]; values: Record<string, string> }> {
  return scope
    .getByTestId('stats-table')
    .first()
    .evaluate((table) => {
      const rows = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
      return {
        labels: rows.map((r) => r.querySelector('th')!.textContent!.trim()),
        values: Object.fromEntries(rows.map((r) => [r.dataset.stat!, r.querySelector('td')!.dataset.value!])),
      };
    });
}

/** backtesting.py 0.6.6's `Backtest.run()` labels, in its order. */
export const BACKTESTING_PY_LABELS = [
  'Start',
  'End',
  'Duration',
  'Exposure Time [%]',
  'Equity Final [$]',
  'Equity Peak [$]',
  'Commissions [$]',
  'Return [%]',
  'Buy & Hold Return [%]',
  'Return (Ann.) [%]',
  'Volatility (Ann.) [%]',
  'CAGR [%]',
  'Sharpe Ratio',
  'Sortino Ratio',
  'Calmar Ratio',
  'Alpha [%]',
  'Beta',
  'Max. Drawdown [%]',
  'Avg. Drawdown [%]',
  'Max. Drawdown Duration',
  'Avg. Drawdown Duration',
  '# Trades',
  'Win Rate [%]',
  'Best Trade [%]',
  'Worst Trade [%]',
  'Avg. Trade [%]',
  'Max. Trade Duration',
  'Avg. Trade Duration',
  'Profit Factor',
  'Expectancy [%]',
  'SQN',
  'Kelly Criterion',
];

/** The hex sha256 of a persisted operation, as the page sends it. */
export function hashOf(name: string): string {
  const entry = Object.entries(documents as Record<string, string>).find(([, text]) =>
    new RegExp(`\\b(query|mutation|subscription) ${name}\\b`).test(text),
  );
  return entry![0].replace(/^sha256:/, '');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface DashboardSession {
  service: ServiceProcess;
  browser: Browser;
  desktop: IsolatedContext;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** The service, one browser and a 1280×800 page on `/`, ready (the catalogue loaded). */
export async function openDashboard(): Promise<DashboardSession> {
  const [service, browser] = await Promise.all([startDashboardService(), launchChromium()]);
  const desktop = await isolatedContext(browser, service.url, { width: 1280, height: 800 });
  const page = await desktop.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${service.url}/`);
  await page.locator('body[data-ready="true"]').waitFor();
  return {
    service,
    browser,
    desktop,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await service.stop();
    },
  };
}

/** Every /graphql request carried only a persisted-operation hash; nothing went to another host. */
export function expectHashesOnlyAndNoOtherHost(session: DashboardSession): void {
  expect(session.desktop.graphqlBodies.length).toBeGreaterThan(3);
  for (const body of session.desktop.graphqlBodies) {
    const parsed = JSON.parse(body) as {
      query?: string;
      extensions?: { persistedQuery?: { sha256Hash?: string } };
    };
    expect(parsed.query).toBeUndefined();
    expect(parsed.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(session.desktop.outside).toEqual([]);
  expect(session.pageErrors).toEqual([]);
}
