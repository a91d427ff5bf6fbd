import { EngineError } from './errors.ts';

/**
 * Commission per fill: a rate (fraction of traded value, −10% ≤ rate < 10%, negative = rebate),
 * a fixed amount plus a rate per fill, or a function of (signed size, price).
 */
export type Commission =
  | number
  | { readonly fixed: number; readonly rate: number }
  | ((size: number, price: number) => number);

export interface BacktestOptions {
  /** Initial cash (> 0). Default 10,000. */
  readonly cash?: number;
  /** Default 0. Charged at entry (on the spread-adjusted price) and at exit. */
  readonly commission?: Commission;
  /** Bid-ask spread as a fraction of price, applied to entry prices only. Default 0. */
  readonly spread?: number;
  /** Required margin ratio in (0, 1]; leverage = 1/margin. Default 1. */
  readonly margin?: number;
  /** Market orders fill at the close of the bar they were placed on. Default false. */
  readonly tradeOnClose?: boolean;
  /** Opposite orders open new trades instead of closing existing ones. Default false. */
  readonly hedging?: boolean;
  /** Each new order cancels pending orders and closes open trades. Default false. */
  readonly exclusiveOrders?: boolean;
  /** Close open trades at the end so they count in the statistics. Default false here. */
  readonly finalizeTrades?: boolean;
  /** Annual risk-free rate for Sharpe, Sortino and Alpha, in (−1, 1). Default 0. */
  readonly riskFreeRate?: number;
}

export interface ResolvedOptions {
  readonly cash: number;
  readonly commissionFixed: number;
  readonly commissionRate: number;
  readonly commissionFn: ((size: number, price: number) => number) | null;
  readonly spread: number;
  readonly leverage: number;
  readonly tradeOnClose: boolean;
  readonly hedging: boolean;
  readonly exclusiveOrders: boolean;
  readonly finalizeTrades: boolean;
  readonly riskFreeRate: number;
}

function finite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new EngineError(field, `${field} must be a finite number`);
  return value;
}

function checkRate(field: string, rate: number): number {
  finite(field, rate);
  if (rate < -0.1 || rate >= 0.1)
    throw new EngineError(field, `${field} must be in [-0.1, 0.1), got ${rate}`);
  return rate;
}

/** Validates options and fills defaults; throws EngineError naming the option at fault. */
export function resolveOptions(options: BacktestOptions = {}): ResolvedOptions {
  const cash = finite('options.cash', options.cash ?? 10_000);
  if (cash <= 0) throw new EngineError('options.cash', 'options.cash must be positive');
  const margin = finite('options.margin', options.margin ?? 1);
  if (!(margin > 0 && margin <= 1))
    throw new EngineError('options.margin', 'options.margin must be in (0, 1]');
  const spread = checkRate('options.spread', options.spread ?? 0);
  const riskFreeRate = finite('options.riskFreeRate', options.riskFreeRate ?? 0);
  if (!(riskFreeRate > -1 && riskFreeRate < 1)) {
    throw new EngineError('options.riskFreeRate', 'options.riskFreeRate must be in (-1, 1)');
  }
  const commission = options.commission ?? 0;
  let commissionFixed = 0;
  let commissionRate = 0;
  let commissionFn: ResolvedOptions['commissionFn'] = null;
  if (typeof commission === 'function') commissionFn = commission;
  else if (typeof commission === 'number') commissionRate = checkRate('options.commission', commission);
  else {
    commissionFixed = finite('options.commission.fixed', commission.fixed);
    commissionRate = checkRate('options.commission.rate', commission.rate);
  }
  return {
    cash,
    commissionFixed,
    commissionRate,
    commissionFn,
    spread,
    leverage: 1 / margin,
    tradeOnClose: options.tradeOnClose ?? false,
    hedging: options.hedging ?? false,
    exclusiveOrders: options.exclusiveOrders ?? false,
    finalizeTrades: options.finalizeTrades ?? false,
    riskFreeRate,
  };
}
