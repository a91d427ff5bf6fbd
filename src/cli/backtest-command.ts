import { runBacktest } from '../engine/backtest.ts';
import { loadCsvBars } from './csv-bars.ts';
import { checkParams, ENGINE_FLAGS, toBacktestOptions, toCliError, toRawParams } from './engine-flags.ts';
import { parseFlags, required } from './flags.ts';
import { BACKTEST_HELP } from './help.ts';
import { RULE_FLAGS, toStrategyChoice } from './rule-flags.ts';
import type { CliIo } from './io.ts';
import { backtestJson, toJsonText } from './json-output.ts';
import { formatStats } from './table.ts';

/** `backtest`: one backtest of a strategy on a CSV file; no server, no database. */
export async function backtestCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('backtest', argv, { ...ENGINE_FLAGS, ...RULE_FLAGS });
  if (flags.help) {
    io.out(BACKTEST_HELP);
    return 0;
  }
  const csv = required('backtest', flags, 'csv');
  const { definition: strategy } = await toStrategyChoice('backtest', flags);
  const params = toRawParams(flags);
  checkParams(strategy, params);
  const options = toBacktestOptions(flags);
  const bars = await loadCsvBars(csv);
  let result: ReturnType<typeof runBacktest>;
  try {
    result = runBacktest({ bars, strategy, params, options });
  } catch (error) {
    throw toCliError(error);
  }
  if (flags.switches.has('json')) {
    io.out(toJsonText(backtestJson(result, bars)));
    return 0;
  }
  const open = result.openTrades.length;
  io.out(`${strategy.name} on ${csv}: ${bars.length} bars\n`);
  io.out(formatStats(result.stats));
  io.out(`\n${result.trades.length} closed trades${open > 0 ? `, ${open} still open (--no-finalize)` : ''}`);
  return 0;
}
