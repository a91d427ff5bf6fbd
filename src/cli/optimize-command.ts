import { createOptimizerPool, type OptimizationResult } from '../backtests/optimizer-pool.ts';
import type { ParamRange } from '../engine/optimizer/grid.ts';
import type { OptimizationRun } from '../engine/optimizer/optimize.ts';
import { loadCsvBars } from './csv-bars.ts';
import { ENGINE_FLAGS, toBacktestOptions, toCliError, toRawParams } from './engine-flags.ts';
import { usageError } from './errors.ts';
import { type FlagSpec, parseFlags, required, toNumber } from './flags.ts';
import { OPTIMIZE_HELP } from './help.ts';
import { RULE_FLAGS, toStrategyChoice } from './rule-flags.ts';
import type { CliIo } from './io.ts';
import { statsJson, toJsonText } from './json-output.ts';
import { formatNumber, formatRows, formatStats } from './table.ts';

const OPTIMIZE_FLAGS: FlagSpec = {
  ...ENGINE_FLAGS,
  ...RULE_FLAGS,
  grid: 'list',
  constraint: 'value',
  maximize: 'value',
};
const TOP_RUNS = 10;
/**
 * Sweeps up to this many bar-steps (runs × bars) run on the CLI's own thread: one thread does
 * about 5 M a second, and starting the worker threads (each loading the engine) takes longer
 * than a sweep this size gains from two of them.
 */
const INLINE_BAR_STEPS = 4_000_000;

/** `optimize`: a grid sweep on a CSV file, run on the optimizer's worker threads when it is big. */
export async function optimizeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('optimize', argv, OPTIMIZE_FLAGS);
  if (flags.help) {
    io.out(OPTIMIZE_HELP);
    return 0;
  }
  const csv = required('optimize', flags, 'csv');
  const { ref } = await toStrategyChoice('optimize', flags);
  const grid = (flags.lists.get('grid') ?? []).map(toRange);
  if (grid.length === 0) throw usageError('optimize: at least one --grid name=from:to:step is required');
  const params = toRawParams(flags);
  const options = toBacktestOptions(flags);
  const bars = await loadCsvBars(csv);
  const pool = createOptimizerPool({ inlineBarSteps: INLINE_BAR_STEPS });
  let result: OptimizationResult;
  try {
    result = await pool.optimize({
      bars,
      strategy: ref,
      grid,
      constraint: flags.values.get('constraint'),
      maximize: flags.values.get('maximize'),
      params,
      options,
    });
  } catch (error) {
    throw toCliError(error);
  } finally {
    await pool.close();
  }
  if (flags.switches.has('json')) {
    io.out(toJsonText(optimizationJson(result)));
    return 0;
  }
  const maximize = flags.values.get('maximize') ?? 'sqn';
  io.out(`${ref.name} on ${csv}: ${result.runCount} runs in ${result.elapsedMs.toFixed(0)} ms\n`);
  io.out(`best ${maximize} = ${formatNumber(result.best.value)} with ${describe(result.best)}\n`);
  io.out(formatStats(result.best.stats));
  const top = [...result.runs].sort(byValueDescending).slice(0, TOP_RUNS);
  io.out(`\ntop ${top.length} runs by ${maximize}:`);
  io.out(
    formatRows(
      [['params', maximize], ...top.map((r) => [describe(r), formatNumber(r.value)])],
      [false, true],
    ),
  );
  return 0;
}

/** The same shape as the GraphQL OptimizationResult. */
function optimizationJson(result: OptimizationResult): unknown {
  const run = (r: OptimizationRun) => ({ params: r.params, value: r.value, stats: statsJson(r.stats) });
  return {
    runCount: result.runCount,
    elapsedMs: result.elapsedMs,
    best: run(result.best),
    runs: result.runs.map(run),
  };
}

export function toRange(entry: string): ParamRange {
  const match = /^([^=]+)=([^:]+):([^:]+):([^:]+)$/.exec(entry.trim());
  if (match === null) throw usageError(`--grid: expected name=from:to:step, got "${entry}"`);
  const name = match[1].trim();
  const what = `--grid ${name}`;
  return {
    name,
    from: toNumber(what, match[2]),
    to: toNumber(what, match[3]),
    step: toNumber(what, match[4]),
  };
}

function describe(run: OptimizationRun): string {
  return Object.entries(run.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

function byValueDescending(a: OptimizationRun, b: OptimizationRun): number {
  if (Number.isNaN(a.value)) return Number.isNaN(b.value) ? 0 : 1;
  if (Number.isNaN(b.value)) return -1;
  return a.value > b.value ? -1 : a.value < b.value ? 1 : 0;
}
