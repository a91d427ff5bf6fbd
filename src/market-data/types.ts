/**
 * Market data domain types shared by providers, the repository and the read-through cache.
 * Dates are exchange-local trading days as `YYYY-MM-DD` strings.
 */

/** One daily bar as the provider reports it: OHLC split-adjusted, `adjClose` also dividend-adjusted. */
export interface DailyBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

export type CorporateActionKind = 'split' | 'dividend';

/**
 * A split or dividend on a trading day. For a split `value` is the ratio new/old shares
 * (4 for a 4:1 split, 0.5 for a 1:2 reverse split); for a dividend the cash amount per share.
 */
export interface CorporateAction {
  date: string;
  kind: CorporateActionKind;
  value: number;
}

/** What a provider returns for (ticker, from, to). Bars sorted by date, not yet validated. */
export interface ProviderSeries {
  ticker: string;
  currency: string | null;
  exchangeTimezone: string;
  bars: DailyBar[];
  actions: CorporateAction[];
}

export interface FetchOptions {
  signal?: AbortSignal;
}

/**
 * The one port for market data. `from` and `to` are inclusive trading dates.
 * Errors: NotFoundError (unknown or delisted ticker), UpstreamUnavailableError (provider down,
 * timed out after retries, or a response that failed validation).
 */
export interface PriceProvider {
  readonly name: string;
  fetchDaily(ticker: string, from: string, to: string, options?: FetchOptions): Promise<ProviderSeries>;
}
