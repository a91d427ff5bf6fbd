/** `walk-forward`: walk-forward analysis of a strategy on a CSV file, run on a worker thread. */
import { EngineError } from '../engine/errors.ts';
import { DEFAULT_MAX_RUNS } from '../engine/optimizer/plan.ts';
import { DEFAULT_CHUNK_SIZE } from '../engine/optimizer/progress.ts';
import { startJobThread } from '../jobs/job-thread.ts';
import type { WalkForwardView } from '../jobs/job-views.ts';
import { loadCsvBars } from './csv-bars.ts';
import { ENGINE_FLAGS, toBacktestOptions, toCliError, toRawParams } from './engine-flags.ts';
import { usageError } from './errors.ts';
import { type FlagSpec, parseFlags, required, toNumber } from './flags.ts';
import type { CliIo } from './io.ts';
import { toJsonText } from './json-output.ts';
import { toRange } from './optimize-command.ts';
import { RULE_FLAGS, toStrategyChoice } from './rule-flags.ts';
import { formatNumber, formatRows, formatStats } from './table.ts';

export const WALK_FORWARD_HELP = `Usage: backtest-graphql walk-forward --csv FILE (--strategy NAME | RULES) --grid NAME=FROM:TO:STEP... --train-bars N --test-bars N [flags]

Optimizes the grid on each training window and runs the best params on the test bars that
follow (indicators warmed on earlier bars only); the out-of-sample equity is stitched, the cash
carried from one window to the next.

  --csv FILE                 price data (required)
  --strategy NAME            strategy to analyse (or the rule flags of "optimize --help")
  --grid NAME=FROM:TO:STEP   a param range (repeatable, required)
  --param NAME=VALUE         a fixed param for every run (repeatable)
  --constraint EXPR          keep only combinations where EXPR holds, e.g. "fast < slow"
  --maximize STAT            the statistic to maximize on each training window (default sqn)
  --train-bars N             bars in each training window (required)
  --test-bars N              bars in each test window; windows step by this many (required)
  --anchored                 train every window from the first bar (a growing window)
  engine flags as in "backtest --help"; --json prints JSON instead of a table

--json prints GraphQL's WalkForwardResult: {"windows": [{"trainFrom", "trainTo", "testFrom",
"testTo", "params", "inSampleValue", "outOfSample"}], "outOfSample", "equityCurve", "efficiency"}.`;

const WALK_FORWARD_FLAGS: FlagSpec = {
  ...ENGINE_FLAGS,
  ...RULE_FLAGS,
  grid: 'list',
  constraint: 'value',
  maximize: 'value',
  'train-bars': 'value',
  'test-bars': 'value',
  anchored: 'switch',
};

const FLAG_OF: Readonly<Record<string, string>> = { trainBars: '--train-bars', testBars: '--test-bars' };

export async function walkForwardCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('walk-forward', argv, WALK_FORWARD_FLAGS);
  if (flags.help) {
    io.out(WALK_FORWARD_HELP);
    return 0;
  }
  const csv = required('walk-forward', flags, 'csv');
  const trainBars = toNumber('--train-bars', required('walk-forward', flags, 'train-bars'));
  const testBars = toNumber('--test-bars', required('walk-forward', flags, 'test-bars'));
  const { ref } = await toStrategyChoice('walk-forward', flags);
  const grid = (flags.lists.get('grid') ?? []).map(toRange);
  if (grid.length === 0) throw usageError('walk-forward: at least one --grid name=from:to:step is required');
  const maximize = flags.values.get('maximize') ?? 'sqn';
  const bars = await loadCsvBars(csv);
  const thread = startJobThread(
    {
      kind: 'WALK_FORWARD',
      bars,
      strategy: ref,
      grid,
      params: toRawParams(flags),
      constraint: flags.values.get('constraint'),
      maximize,
      options: toBacktestOptions(flags),
      maxRuns: DEFAULT_MAX_RUNS,
      walkForward: { trainBars, testBars, anchored: flags.switches.has('anchored') },
      chunkSize: DEFAULT_CHUNK_SIZE,
    },
    () => {},
  );
  let result: WalkForwardView;
  try {
    const output = await thread.output;
    if (output.kind !== 'WALK_FORWARD') throw new Error('the walk-forward thread answered something else');
    result = output.walkForward;
  } catch (error) {
    if (error instanceof EngineError && FLAG_OF[error.field]) {
      throw usageError(`${FLAG_OF[error.field]}: ${error.message}`);
    }
    throw toCliError(error);
  }
  const { windows, outOfSample, equityCurve, efficiency } = result;
  if (flags.switches.has('json')) {
    io.out(toJsonText({ windows, outOfSample, equityCurve, efficiency }));
    return 0;
  }
  io.out(`${ref.name} on ${csv}: ${windows.length} windows, ${result.runCount} in-sample runs\n`);
  io.out(
    formatRows(
      [
        ['train', 'test', 'params', `in-sample ${maximize}`, 'out-of-sample return %'],
        ...windows.map((w) => [
          `${w.trainFrom} … ${w.trainTo}`,
          `${w.testFrom} … ${w.testTo}`,
          Object.entries(w.params)
            .map(([name, value]) => `${name}=${value}`)
            .join(' '),
          formatNumber(w.inSampleValue ?? Number.NaN),
          formatNumber(w.outOfSample.returnPct ?? Number.NaN),
        ]),
      ],
      [false, false, false, true, true],
    ),
  );
  io.out(`\nefficiency ${efficiency === null ? '—' : formatNumber(efficiency)}; stitched out-of-sample:`);
  const stats = Object.fromEntries(Object.entries(outOfSample).map(([k, v]) => [k, v ?? Number.NaN]));
  io.out(formatStats(stats as unknown as Parameters<typeof formatStats>[0]));
  return 0;
}
