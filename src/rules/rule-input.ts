/**
 * The plain-data shapes of a rule strategy. `RuleStrategyInput` mirrors the GraphQL inputs
 * `RuleStrategyInput` / `RuleParamInput` (absent and null mean the same); `CanonicalRules` is
 * what canonicalRules makes of it: plain JSON with a fixed key order, so it can be hashed for
 * cache keys and sent to a worker thread, where defineRuleStrategy re-creates the strategy.
 */

export type RuleName = 'entry' | 'exit' | 'shortEntry' | 'shortExit';

export const RULE_NAMES: readonly RuleName[] = ['entry', 'exit', 'shortEntry', 'shortExit'];

export interface RuleParamInput {
  readonly name: string;
  readonly default: number;
  readonly min?: number | null;
  readonly max?: number | null;
  /** Default true. */
  readonly integer?: boolean | null;
}

export interface RuleStrategyInput {
  /** When true and not long: close any short, buy. */
  readonly entry?: string | null;
  /** When true and long: close the long. */
  readonly exit?: string | null;
  /** When true and not short: close any long, sell. */
  readonly shortEntry?: string | null;
  /** When true and short: close the short. */
  readonly shortExit?: string | null;
  readonly params?: readonly RuleParamInput[] | null;
  /** Order size: a fraction of available margin in (0, 1), or whole units >= 1. */
  readonly size?: number | null;
  /** Stop-loss distance from the signal bar's close in percent, [0, 99]; 0 = none. */
  readonly stopLossPct?: number | null;
  /** Take-profit distance from the signal bar's close in percent, [0, 1000]; 0 = none. */
  readonly takeProfitPct?: number | null;
  /** Trailing stop-loss at this many ATRs (100-bar mean true range) from the close; > 0. */
  readonly trailingAtr?: number | null;
}

export interface CanonicalRuleParam {
  readonly name: string;
  readonly default: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly integer: boolean;
}

export interface CanonicalRules {
  /** Trimmed expression texts; null when not given. */
  readonly entry: string | null;
  readonly exit: string | null;
  readonly shortEntry: string | null;
  readonly shortExit: string | null;
  /** Sorted by name. A param used as a window without a min has min 1. */
  readonly params: readonly CanonicalRuleParam[];
  /** null = the engine's default size. */
  readonly size: number | null;
  /** null = off (an input of 0 is off too). */
  readonly stopLossPct: number | null;
  readonly takeProfitPct: number | null;
  readonly trailingAtr: number | null;
}
