import type { Logger } from '../observability/logger.ts';
import { createCsvProvider } from './csv-provider.ts';
import type { PriceProvider } from './types.ts';
import { createYahooProvider } from './yahoo-provider.ts';

/** Which provider to use and how (`PRICE_PROVIDER`, `PRICE_CSV_DIR`, `YAHOO_*`). */
export interface ProviderSettings {
  kind: 'yahoo' | 'csv';
  csvDir: string | undefined;
  yahoo: { baseUrl: string | undefined; timeoutMs: number; concurrency: number; retries: number };
}

/** The provider the settings select. */
export function createProvider(config: ProviderSettings, logger: Logger): PriceProvider {
  if (config.kind === 'csv') return createCsvProvider({ dir: config.csvDir! });
  return createYahooProvider({
    baseUrl: config.yahoo.baseUrl,
    timeoutMs: config.yahoo.timeoutMs,
    retries: config.yahoo.retries,
    concurrency: config.yahoo.concurrency,
    logger: logger.child({ component: 'yahoo' }),
  });
}
