/**
 * The reference data the suite reads, as published upstream: each file's repository, pinned
 * commit, path there, and SHA-256. `npm run fetch-data` downloads exactly these bytes.
 */

export interface ReferenceFile {
  /** Path inside the reference data folder. */
  readonly name: string;
  /** `owner/name` on GitHub. */
  readonly repo: string;
  readonly commit: string;
  /** Path inside the repository at `commit`. */
  readonly path: string;
  readonly sha256: string;
}

/** backtesting.py's tag 0.6.6, the version whose results the engine reproduces. */
const BACKTESTING_PY = { repo: 'kernc/backtesting.py', commit: '9c2b8e1c99f3a860883222ba8d6d5b5cac3a932d' };
/** yahoo-finance2's tag v3.1.0 (the fixtures are unchanged from v3.0.0 to it). */
const YAHOO_FINANCE2 = { repo: 'gadicc/yahoo-finance2', commit: 'ebc6a8eb9ed856b6697f1bda915bb762a591bd17' };

const backtestingPy = (name: string, sha256: string): ReferenceFile => ({
  ...BACKTESTING_PY,
  name,
  path: `backtesting/test/${name}`,
  sha256,
});

const yahooFixture = (file: string, sha256: string): ReferenceFile => ({
  ...YAHOO_FINANCE2,
  name: `yahoo/${file}`,
  path: `tests/fixtures/http/${file}`,
  sha256,
});

export const REFERENCE_FILES: readonly ReferenceFile[] = [
  backtestingPy('GOOG.csv', '60e961a567490b157f71888df9e6afb36190a34a40a6286aa38988e2343f1b1a'),
  backtestingPy('EURUSD.csv', '81e977905a006cc8fbc034ebdb83c999a8ed6ba00191dc7ea5ef5b386fb74a82'),
  backtestingPy('BTCUSD.csv', 'ff253d97891080e5226f99d8a8f334621cecf33c5e1d8e5278cb5728024552d9'),
  yahooFixture(
    'chart-AAPL-2020-01-01-to-2020-01-03.json',
    '96a9f8775119e74c826d6ec1aecb4765ccdc3458377238fccb12813abcca11b4',
  ),
  yahooFixture(
    'chart-AAPL-2020-08-31-to-2020-11-07.json',
    '94dfe3cd1d5defe5c6f69339d0a5e2e6fe0abf952af062ce8d3dd80ab9f25d00',
  ),
  yahooFixture(
    'chart-BTC-USD-2020-01-01-to-2020-01-03.json',
    '32c7a6320ec865d38dce9b7aab5812fc0da97db2a57f6eba0ab05956622c3ee2',
  ),
  yahooFixture(
    'historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json',
    '4ff5660c9265466ff646dfb3dfc1d4f7060e846f55de1da15eebed77c55cb683',
  ),
  yahooFixture(
    'historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json',
    'a69586e657532b27b683e79f66960ed05a089d8af0c2f930df2edc10d86a6b3d',
  ),
];

/**
 * Files derived from backtesting.py 0.6.6 runs (its trade list and equity curve for GOOG
 * SmaCross(10, 30) with finalize_trades=True). They are published nowhere, so they cannot be
 * fetched; the tests that compare against them skip without them.
 */
export const DERIVED_FILES: readonly string[] = [
  'reference/GOOG-SmaCross-10-30-finalize.trades.csv',
  'reference/GOOG-SmaCross-10-30-finalize.equity.csv',
];
