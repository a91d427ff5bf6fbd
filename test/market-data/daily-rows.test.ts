import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvProvider } from '../../src/market-data/csv-provider.ts';
import { parsePriceCsv } from '../../src/market-data/csv.ts';
import { toDailyRows } from '../../src/market-data/daily-rows.ts';
import { runCli } from '../cli/run-cli.ts';
import { sharedDataDir } from '../support/shared-data.ts';

const EURUSD = join(sharedDataDir, 'EURUSD.csv');
const hasEurusd = existsSync(EURUSD);
if (!hasEurusd) console.warn(`SKIPPED intraday CSV tests on EURUSD: ${EURUSD} is absent`);

const HOURLY = `,Open,High,Low,Close,Volume
2024-01-02 10:00:00,1.10,1.12,1.09,1.11,100
2024-01-02 09:00:00,1.08,1.11,1.07,1.10,50
2024-01-02 11:00:00,1.11,1.13,1.10,1.12,25
2024-01-03 09:00:00,1.12,1.14,1.12,1.13,10
`;

describe('intraday rows become daily bars', () => {
  it('takes the first open, highest high, lowest low, last close and summed volume of each date', () => {
    const daily = toDailyRows(parsePriceCsv(HOURLY));
    expect(daily.intradayRows).toBe(3);
    expect(daily.aggregatedDays).toBe(1);
    expect(
      daily.rows.map(({ date, open, high, low, close, volume }) => ({
        date,
        open,
        high,
        low,
        close,
        volume,
      })),
    ).toEqual([
      { date: '2024-01-02', open: 1.08, high: 1.13, low: 1.07, close: 1.12, volume: 175 },
      { date: '2024-01-03', open: 1.12, high: 1.14, low: 1.12, close: 1.13, volume: 10 },
    ]);
  });

  it('leaves a daily file as it is', () => {
    const rows = parsePriceCsv(',Open,High,Low,Close,Volume\n2024-01-03,2,3,1,2,5\n2024-01-02,1,2,1,1.5,4\n');
    const daily = toDailyRows(rows);
    expect(daily.intradayRows).toBe(0);
    expect(daily.rows.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03']);
  });

  it.skipIf(!hasEurusd)(
    'serves hourly EURUSD through the csv provider as daily bars of all its hours',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'intraday-'));
      writeFileSync(join(dir, 'EURUSD.csv'), readFileSync(EURUSD));
      const series = await createCsvProvider({ dir }).fetchDaily('EURUSD', '2000-01-01', '2100-01-01');
      // Recomputed here from the raw lines: every hour of one day.
      const lines = readFileSync(EURUSD, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const day = series.bars[10].date;
      const hours = lines.filter((f) => f[0].startsWith(day)).map((f) => f.slice(1, 6).map(Number));
      expect(hours.length).toBeGreaterThan(1);
      expect(series.bars[10]).toMatchObject({
        open: hours[0][0],
        high: Math.max(...hours.map((h) => h[1])),
        low: Math.min(...hours.map((h) => h[2])),
        close: hours[hours.length - 1][3],
        volume: hours.reduce((s, h) => s + h[4], 0),
      });
      expect(new Set(series.bars.map((b) => b.date)).size).toBe(series.bars.length);
    },
  );

  it.skipIf(!hasEurusd)('says so in the import summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intraday-import-'));
    const run = await runCli(['import', '--ticker', 'EURUSD', '--csv', EURUSD], {
      DATABASE_URL: `file:${join(dir, 'db.sqlite')}`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/intraday rows aggregated into \d+ daily bars/);
  });
});
