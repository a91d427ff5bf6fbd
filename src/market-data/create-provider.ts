import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import { createCsvProvider } from './csv-provider.ts';
import type { PriceProvider } from './types.ts';
import { createYahooProvider } from './yahoo-provider.ts';

/** The provider `PRICE_PROVIDER` selects. */
export function createProvider(config: Config['provider'], logger: Logger): PriceProvider {
  if (config.kind === 'csv') return createCsvProvider({ dir: config.csvDir! });
  return createYahooProvider({
    baseUrl: config.yahoo.baseUrl,
    timeoutMs: config.yahoo.timeoutMs,
    retries: config.yahoo.retries,
    concurrency: config.yahoo.concurrency,
    logger: logger.child({ component: 'yahoo' }),
  });
}
