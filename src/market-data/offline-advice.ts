/** What to do when Yahoo Finance cannot be reached: appended to the error and the start-up warning. */
export const OFFLINE_ADVICE =
  'Without access to Yahoo Finance, serve prices from CSV files (PRICE_PROVIDER=csv with ' +
  'PRICE_CSV_DIR=<folder of TICKER.csv files>) or load them into the store with ' +
  '`npm run cli -- import --ticker T --csv FILE`.';
