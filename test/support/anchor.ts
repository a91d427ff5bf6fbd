/**
 * backtesting.py 0.6.6's own asserted statistics (its test_compute_stats) for GOOG,
 * SmaCross(10, 30), finalize_trades, under BacktestStats' names and in its order (`commissions`
 * is 0 where the reference omits the key).
 */
import { expect } from 'vitest';

export const ANCHOR_STATS: Record<string, number | string> = {
  start: '2004-08-19',
  end: '2013-03-01',
  durationDays: 3116,
  exposureTimePct: 96.74115456238361,
  equityFinal: 51422.98999999996,
  equityPeak: 75787.44,
  commissions: 0,
  returnPct: 414.2298999999996,
  buyHoldReturnPct: 522.0601851851852,
  returnAnnPct: 21.191099249053224,
  volatilityAnnPct: 36.49716090702389,
  cagrPct: 21.160245705962623,
  sharpeRatio: 0.5806232244485349,
  sortinoRatio: 1.0853434352488662,
  calmarRatio: 0.44166409202994605,
  alphaPct: 394.37391142027462,
  beta: 0.03803390709192,
  maxDrawdownPct: -47.98012705007589,
  avgDrawdownPct: -5.925851581948801,
  maxDrawdownDurationDays: 584,
  avgDrawdownDurationDays: 41,
  tradeCount: 66,
  winRatePct: 46.96969696969697,
  bestTradePct: 53.59595229490424,
  worstTradePct: -18.39887353835481,
  avgTradePct: 2.531715975158555,
  maxTradeDurationDays: 183,
  avgTradeDurationDays: 46,
  profitFactor: 2.167945974262033,
  expectancyPct: 3.2748078066748834,
  sqn: 1.0766187356697705,
  kellyCriterion: 0.1518705127029717,
};

/** Every anchor statistic within 1e-9 relative (exact where the reference value is 0). */
export function expectAnchorStats(stats: Record<string, unknown>): void {
  for (const [key, want] of Object.entries(ANCHOR_STATS)) {
    const got = stats[key];
    if (typeof want === 'string') {
      expect(String(got), key).toBe(want);
    } else {
      expect(typeof got, key).toBe('number');
      if (want === 0) expect(got, key).toBe(0);
      else expect(Math.abs((got as number) - want) / Math.abs(want), key).toBeLessThanOrEqual(1e-9);
    }
  }
}
