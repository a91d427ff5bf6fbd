import type { CorporateAction, DailyBar } from './types.ts';

/**
 * Price adjustment and corporate-action detection. Pure functions.
 *
 * Yahoo's chart OHLC are split-adjusted (every split, including ones after the bar, is already
 * divided out) but not dividend-adjusted; `adjClose` is split- and dividend-adjusted.
 * `adjusted: false` serves the bars as Yahoo gives them; `adjusted: true` serves `toAdjusted`.
 */

/**
 * Dividend-adjusted bars: open, high, low and close scaled by adjClose / close, so the close
 * equals adjClose and the intraday shape is preserved. Volume is unchanged. A bar whose
 * factor is not a finite positive number is passed through unscaled.
 */
export function toAdjusted(bars: readonly DailyBar[]): DailyBar[] {
  return bars.map((bar) => {
    const factor = bar.adjClose / bar.close;
    if (!Number.isFinite(factor) || factor <= 0) return { ...bar };
    return {
      date: bar.date,
      open: bar.open * factor,
      high: bar.high * factor,
      low: bar.low * factor,
      close: bar.adjClose,
      adjClose: bar.adjClose,
      volume: bar.volume,
    };
  });
}

const RELATIVE_TOLERANCE = 1e-9;

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function actionKey(action: CorporateAction): string {
  return `${action.date}|${action.kind}`;
}

/**
 * Actions in `fetched` that `stored` does not know: a (date, kind) that is absent, or present
 * with a different value (Yahoo occasionally corrects a dividend amount). Sorted by date.
 */
export function newActions(
  stored: readonly CorporateAction[],
  fetched: readonly CorporateAction[],
): CorporateAction[] {
  const known = new Map<string, number>();
  for (const action of stored) known.set(actionKey(action), action.value);
  const fresh = fetched.filter((action) => {
    const value = known.get(actionKey(action));
    return value === undefined || !sameValue(value, action.value);
  });
  return fresh.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Whether stored history of the ticker must be rebuilt after these new actions. Yahoo revises
 * every earlier OHLC (and volume) when a split happens, and every earlier adjClose when a
 * dividend is paid; bars stored before the event are stale either way, so any new split or
 * dividend means refetching (or rescaling) the ticker's whole stored range.
 */
export function requiresRefetch(actions: readonly CorporateAction[]): boolean {
  return actions.some((action) => action.kind === 'split' || action.kind === 'dividend');
}
