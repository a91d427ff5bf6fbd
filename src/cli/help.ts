const ENGINE_FLAGS_HELP = `  --cash N                   initial cash (default 10000)
  --commission RATE          commission per fill as a fraction of traded value, in [-0.1, 0.1)
  --fixed-commission AMOUNT  fixed commission per fill (added to the rate)
  --spread RATE              bid-ask spread as a fraction of price, on entries
  --margin M                 required margin in (0, 1]; leverage = 1/M (default 1)
  --trade-on-close           market orders fill at the close of the signal bar
  --hedging                  opposite orders open new trades instead of closing
  --exclusive-orders         each order closes open trades and cancels pending orders
  --no-finalize              leave trades open at the end (not in the trade statistics)
  --json                     print JSON instead of a table`;

export const MAIN_HELP = `Usage: backtest-graphql <command> [flags]

Commands:
  backtest   one backtest of a strategy on a price CSV file
  optimize   a grid sweep of a strategy's params on a price CSV file
  walk-forward  walk-forward analysis: optimize on each train window, test on the next bars
  import     store the bars of a price CSV file in the database
  warm       load the configured warm tickers into the store and cache
  migrate    apply the database migrations
  worker     run queued jobs from QUEUE_URL (BullMQ) until SIGTERM

Run "backtest-graphql <command> --help" for the flags of a command.
Exit codes: 0 success, 1 runtime failure, 2 usage error.`;

const RULE_FLAGS_HELP = `  or, instead of --strategy, a rule strategy:
  --rules FILE.json          a RuleStrategyInput as JSON ({"entry": "...", "params": [...]})
  --entry EXPR               when true and not long: close any short, buy
  --exit EXPR                when true and long: close the long
  --short-entry EXPR         when true and not short: close any long, sell
  --short-exit EXPR          when true and short: close the short
  --rule-param NAME=DEFAULT[:MIN[:MAX]]  a param the expressions use (repeatable)`;

export const BACKTEST_HELP = `Usage: backtest-graphql backtest --csv FILE (--strategy NAME | RULES) [flags]

FILE is backtesting.py's CSV (,Open,High,Low,Close,Volume) or Yahoo's
(Date,Open,High,Low,Close,Adj Close,Volume). Trades are finalized at the end
unless --no-finalize.

  --csv FILE                 price data (required)
  --strategy NAME            SmaCross, EmaCross, MacdCross, RsiReversion,
                             BollingerReversion, DonchianBreakout, BuyAndHold
  --param NAME=VALUE         a strategy param: a number, or true/false (repeatable)
${RULE_FLAGS_HELP}
${ENGINE_FLAGS_HELP}

--json prints {"stats": {...}, "trades": [{"size", "entryDate", "exitDate", "entryPrice", ...}], "equityCurve": [{"date", "equity", "drawdownPct"}, ...]}
with NaN and infinities as null.`;

export const OPTIMIZE_HELP = `Usage: backtest-graphql optimize --csv FILE (--strategy NAME | RULES) --grid NAME=FROM:TO:STEP... [flags]

  --csv FILE                 price data (required)
  --strategy NAME            strategy to optimize
${RULE_FLAGS_HELP}
  --grid NAME=FROM:TO:STEP   a param range, TO included when a whole number of steps away (repeatable, required)
  --param NAME=VALUE         a fixed param for every run (repeatable)
  --constraint EXPR          keep only combinations where EXPR holds, e.g. "fast < slow"
  --maximize STAT            the statistic to maximize (default sqn), e.g. returnPct, sharpeRatio
${ENGINE_FLAGS_HELP}

--json prints {"runCount", "elapsedMs", "best": {"params", "value", "stats"}, "runs": [...]}.`;

export const IMPORT_HELP = `Usage: backtest-graphql import --ticker T --csv FILE

Validates the bars of FILE and stores them for ticker T in the database of DATABASE_URL
(default file:./data/backtest.db), recording the covered date range.`;

export const WARM_HELP = `Usage: backtest-graphql warm

Loads WARM_TICKERS (the last WARM_YEARS years) through the price provider into the store and
cache, then prints one row per ticker. Exits with 1 when any ticker failed.`;

export const MIGRATE_HELP = `Usage: backtest-graphql migrate

Applies the migrations of the database selected by DATABASE_URL.`;
