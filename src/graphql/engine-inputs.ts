import type { builder } from './builder.ts';

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** Engine options shared by BacktestInput and OptimizeInput, with the reference's defaults. */
export function engineOptionFields(t: FieldBuilder) {
  return {
    cash: t.float({ defaultValue: 10000, description: 'Initial cash.' }),
    commission: t.float({
      defaultValue: 0,
      description: 'Commission rate per fill, e.g. 0.002 (−0.1 to 0.1).',
    }),
    fixedCommission: t.float({
      defaultValue: 0,
      description: 'Fixed commission per fill, added to the rate.',
    }),
    spread: t.float({
      defaultValue: 0,
      description: 'Bid-ask spread as a fraction of price (entries only).',
    }),
    margin: t.float({ defaultValue: 1, description: 'Margin requirement in (0, 1]; leverage = 1/margin.' }),
    tradeOnClose: t.boolean({ defaultValue: false, description: 'Market orders fill at the current close.' }),
    hedging: t.boolean({ defaultValue: false, description: 'Allow long and short trades at once.' }),
    exclusiveOrders: t.boolean({ defaultValue: false, description: 'Each order closes the previous trade.' }),
    finalizeTrades: t.boolean({
      defaultValue: true,
      description: 'Close open trades at the end so they count.',
    }),
  };
}
