import type { BooleanParamSpec, NextContext, NumberParamSpec } from '../engine/strategy.ts';

/**
 * The stop-loss / take-profit params every built-in strategy shares, and the entries that attach
 * them. Distances are percentages of the signal bar's close (the last price the strategy knows
 * when it decides), as in SmaCross; 0 turns either off. A long's SL sits below that close and its
 * TP above; a short's the other way round. A short's TP of 100 % or more would be a price <= 0
 * and is therefore never reached.
 */
export const stopLossPctParam = {
  type: 'float',
  default: 0,
  min: 0,
  max: 99,
  description: 'Stop-loss distance from the signal close in percent (0 = none)',
} as const satisfies NumberParamSpec;

export const takeProfitPctParam = {
  type: 'float',
  default: 0,
  min: 0,
  max: 1000,
  description: 'Take-profit distance from the signal close in percent (0 = none)',
} as const satisfies NumberParamSpec;

export function longOnlyParam(defaultValue: boolean, description: string): BooleanParamSpec {
  return { type: 'boolean', default: defaultValue, description };
}

/** SL/TP as fractions of the signal close (0 = off). */
export interface RiskFractions {
  readonly sl: number;
  readonly tp: number;
}

export function toRiskFractions(params: { stopLossPct: number; takeProfitPct: number }): RiskFractions {
  return { sl: params.stopLossPct / 100, tp: params.takeProfitPct / 100 };
}

/** Buys with the default size, with SL/TP placed around `price` when they are on. */
export function enterLong(ctx: NextContext, price: number, risk: RiskFractions): void {
  if (risk.sl === 0 && risk.tp === 0) ctx.buy();
  else ctx.buy({ sl: risk.sl ? price * (1 - risk.sl) : 0, tp: risk.tp ? price * (1 + risk.tp) : 0 });
}

/** Sells short with the default size, with SL/TP placed around `price` when they are on. */
export function enterShort(ctx: NextContext, price: number, risk: RiskFractions): void {
  if (risk.sl === 0 && risk.tp === 0) ctx.sell();
  else ctx.sell({ sl: risk.sl ? price * (1 + risk.sl) : 0, tp: risk.tp ? price * (1 - risk.tp) : 0 });
}
