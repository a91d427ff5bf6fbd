import pino from 'pino';
import { parseConfig } from '../config.ts';
import { toTicker } from '../inputs/series.ts';
import { toDailyRows } from '../market-data/daily-rows.ts';
import { validateBars } from '../market-data/validate.ts';
import { chooseLogFormat } from '../observability/log-format.ts';
import { createLogger } from '../observability/logger.ts';
import { createServices, type Services } from '../services.ts';
import { parseCsvRows, readCsvText } from './csv-bars.ts';
import { runtimeError, usageError } from './errors.ts';
import { parseFlags, required } from './flags.ts';
import { IMPORT_HELP, MIGRATE_HELP, WARM_HELP } from './help.ts';
import type { CliIo } from './io.ts';
import { formatRows } from './table.ts';

/** Builds the services from the environment (logs on stderr), runs `use`, and always disposes. */
async function withServices(io: CliIo, use: (services: Services) => Promise<number>): Promise<number> {
  const config = parseConfig(io.env);
  const logger = createLogger(
    config.logLevel,
    pino.destination({ fd: 2, sync: true }),
    chooseLogFormat(config.logFormat, process.stderr.isTTY),
  );
  const services = createServices(config, logger);
  try {
    return await use(services);
  } finally {
    await services.dispose();
  }
}

/** `import --ticker T --csv FILE`: validated bars of a price CSV into the store, with coverage. */
export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('import', argv, { ticker: 'value', csv: 'value' });
  if (flags.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const rawTicker = required('import', flags, 'ticker');
  let ticker: string;
  try {
    ticker = toTicker(rawTicker, '--ticker');
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const csv = required('import', flags, 'csv');
  const daily = toDailyRows(parseCsvRows(csv, await readCsvText(csv)));
  const report = validateBars(
    daily.rows.map((r) => ({
      date: r.date,
      open: r.open,
      high: r.high,
      low: r.low,
      close: r.close,
      adjClose: r.adjClose ?? r.close,
      volume: r.volume,
    })),
  );
  const { bars } = report;
  if (bars.length === 0) throw runtimeError(`--csv ${csv}: no valid bars (${report.dropped} dropped)`);
  return withServices(io, async (services) => {
    await services.migrate();
    await services.repository.upsertBars(bars.map((bar) => ({ ticker, ...bar })));
    const from = bars[0].date;
    const to = bars[bars.length - 1].date;
    await services.repository.addCoverage([{ ticker, from, to, fetchedAtMs: Date.now() }]);
    const aggregated =
      daily.intradayRows === 0
        ? ''
        : `; ${daily.intradayRows} intraday rows aggregated into ${daily.aggregatedDays} daily bars (first open, highest high, lowest low, last close, summed volume)`;
    io.out(
      `imported ${bars.length} bars of ${ticker} (${from} to ${to}); ` +
        `dropped ${report.dropped}, repaired ${report.repaired}, merged ${report.merged}${aggregated}`,
    );
    return 0;
  });
}

/** `warm`: loads the configured warm tickers through the normal read-through path. */
export async function warmCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (parseFlags('warm', argv, {}).help) {
    io.out(WARM_HELP);
    return 0;
  }
  return withServices(io, async (services) => {
    await services.migrate();
    const outcomes = await services.warm();
    const rows = outcomes.map((o) => [o.ticker, o.ok ? 'ok' : 'failed', String(o.barCount), o.error ?? '']);
    io.out(formatRows([['ticker', 'status', 'bars', 'error'], ...rows], [false, false, true, false]));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  });
}

/** `migrate`: applies the database migrations. */
export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (parseFlags('migrate', argv, {}).help) {
    io.out(MIGRATE_HELP);
    return 0;
  }
  return withServices(io, async (services) => {
    await services.migrate();
    io.out(`migrated the ${services.repository.dialect} database`);
    return 0;
  });
}
