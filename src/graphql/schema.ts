import { builder } from './builder.ts';
import './scalars.ts';
import './backtest.ts';
import './strategies.ts';
import './optimize.ts';
import './heatmap.ts';
import './walk-forward.ts';
import './jobs.ts';
import './portfolio.ts';
import './price-series.ts';
import './service-stats.ts';
import './warm-cache.ts';

/** Builds the executable schema from the type files imported above. No I/O. */
export function buildSchema() {
  return builder.toSchema({ sortSchema: true });
}
