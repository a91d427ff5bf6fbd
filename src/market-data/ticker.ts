/**
 * Yahoo-style ticker symbols, upper case: letters, digits and . - ^ = _ (BRK-B, ^GSPC, EURUSD=X,
 * 7203.T). One pattern for request validation, configuration and the providers (where it also
 * keeps a symbol from reaching a URL path or a file name unchecked).
 */
const TICKER_PATTERN = /^[A-Z0-9^][A-Z0-9.\-^=_]{0,31}$/;

export function isTicker(value: string): boolean {
  return TICKER_PATTERN.test(value);
}
