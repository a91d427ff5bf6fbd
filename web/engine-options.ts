import { field, h, input } from './dom.ts';

export interface EngineOptionValues {
  cash: number;
  commission: number;
  spread: number;
  margin: number;
  tradeOnClose: boolean;
  hedging: boolean;
  exclusiveOrders: boolean;
  finalizeTrades: boolean;
}

/** backtesting.py's engine options, folded away under "Engine options". */
export function engineOptions(): { element: HTMLElement; read(): EngineOptionValues } {
  const num = (name: string, value: string, step = 'any') =>
    input({ type: 'number', name, value, step, inputmode: 'decimal' });
  const check = (name: string, checked: boolean) => input({ type: 'checkbox', name, checked });
  const cash = num('cash', '10000');
  const commission = num('commission', '0');
  const spread = num('spread', '0');
  const margin = num('margin', '1');
  const tradeOnClose = check('tradeOnClose', false);
  const hedging = check('hedging', false);
  const exclusiveOrders = check('exclusiveOrders', false);
  const finalizeTrades = check('finalizeTrades', true);
  const element = h(
    'details',
    { className: 'engine' },
    h('summary', {}, 'Engine options'),
    h(
      'div',
      { className: 'row' },
      field('Cash', cash, { fields: ['input.cash'] }),
      field('Commission rate', commission, { fields: ['input.commission'], hint: 'e.g. 0.002' }),
      field('Spread', spread, { fields: ['input.spread'] }),
      field('Margin', margin, { fields: ['input.margin'], hint: 'leverage = 1 / margin' }),
    ),
    h(
      'div',
      { className: 'row checks' },
      field('Trade on close', tradeOnClose, { className: 'check', fields: ['input.tradeOnClose'] }),
      field('Hedging', hedging, { className: 'check', fields: ['input.hedging'] }),
      field('Exclusive orders', exclusiveOrders, { className: 'check', fields: ['input.exclusiveOrders'] }),
      field('Finalize trades', finalizeTrades, { className: 'check', fields: ['input.finalizeTrades'] }),
    ),
  );
  return {
    element,
    read: () => ({
      cash: Number(cash.value),
      commission: Number(commission.value),
      spread: Number(spread.value),
      margin: Number(margin.value),
      tradeOnClose: tradeOnClose.checked,
      hedging: hedging.checked,
      exclusiveOrders: exclusiveOrders.checked,
      finalizeTrades: finalizeTrades.checked,
    }),
  };
}
