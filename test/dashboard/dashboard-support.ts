/** The dashboard tests' service (GOOG and a calm series via the CSV provider) and page steps. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { sharedDataPath } from '../support/shared-data.ts';

/** A price folder the test controls: GOOG and a calm series on GOOG's dates. */
export function writePriceDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-dashboard-prices-'));
  const goog = sharedDataPath('GOOG.csv');
  copyFileSync(goog, join(dir, 'GOOG.csv'));
  const dates = readFileSync(goog, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
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

export async function statsOf(scope: Page | Locator): Promise<{ labels: string[]; values: Record<string, string> }> {
  return scope.getByTestId('stats-table').first().evaluate((table) => {
    const rows = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
    return {
      labels: rows.map((r) => r.querySelector('th')!.textContent!.trim()),
      values: Object.fromEntries(rows.map((r) => [r.dataset.stat!, r.querySelector('td')!.dataset.value!])),
    };
  });
}

