import type { ChartTrade } from './charts.ts';
import { h } from './dom.ts';
import { formatMoney, formatNumber, formatPct } from './format.ts';

export interface TradeRow extends ChartTrade {
  returnPct?: number | null;
  commission: number;
}

type Column = {
  key: keyof TradeRow | 'duration';
  label: string;
  value: (t: TradeRow) => number | string | null;
  show: (t: TradeRow) => string;
};

const dayMs = 86_400_000;
const duration = (t: TradeRow) =>
  t.exitDate == null ? null : Math.round((Date.parse(t.exitDate) - Date.parse(t.entryDate)) / dayMs);

const COLUMNS: Column[] = [
  { key: 'entryDate', label: 'Entry', value: (t) => t.entryDate, show: (t) => t.entryDate },
  { key: 'exitDate', label: 'Exit', value: (t) => t.exitDate ?? null, show: (t) => t.exitDate ?? 'open' },
  { key: 'size', label: 'Size', value: (t) => t.size, show: (t) => formatNumber(t.size) },
  {
    key: 'entryPrice',
    label: 'Entry price',
    value: (t) => t.entryPrice,
    show: (t) => formatMoney(t.entryPrice),
  },
  {
    key: 'exitPrice',
    label: 'Exit price',
    value: (t) => t.exitPrice ?? null,
    show: (t) => formatMoney(t.exitPrice),
  },
  { key: 'pnl', label: 'P/L [$]', value: (t) => t.pnl ?? null, show: (t) => formatMoney(t.pnl) },
  {
    key: 'returnPct',
    label: 'Return [%]',
    value: (t) => t.returnPct ?? null,
    show: (t) => formatPct(t.returnPct),
  },
  { key: 'duration', label: 'Duration [days]', value: duration, show: (t) => formatNumber(duration(t)) },
];

function compare(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The trades, sortable by any column: each header is a button (Enter or Space sorts; again
 * reverses), and `aria-sort` says the current order.
 */
export function tradesTable(trades: TradeRow[]): HTMLElement {
  let sortKey: Column['key'] = 'entryDate';
  let ascending = true;
  const tbody = h('tbody');
  const headers = COLUMNS.map((column) => {
    const button = h('button', { type: 'button', className: 'sort', 'data-sort': column.key }, column.label);
    const th = h('th', { scope: 'col' }, button);
    button.addEventListener('click', () => {
      ascending = sortKey === column.key ? !ascending : true;
      sortKey = column.key;
      render();
    });
    return th;
  });
  const render = () => {
    const column = COLUMNS.find((c) => c.key === sortKey)!;
    const rows = [...trades].sort((a, b) => compare(column.value(a), column.value(b)) * (ascending ? 1 : -1));
    tbody.replaceChildren(
      ...rows.map((t) =>
        h(
          'tr',
          { className: (t.pnl ?? 0) >= 0 ? 'win' : 'loss' },
          COLUMNS.map((c) => h('td', { 'data-col': c.key }, c.show(t))),
        ),
      ),
    );
    COLUMNS.forEach((c, i) => {
      headers[i].setAttribute(
        'aria-sort',
        c.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none',
      );
    });
  };
  render();
  return h(
    'div',
    { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Trades' },
    h(
      'table',
      { className: 'trades', 'data-testid': 'trades-table' },
      h('caption', {}, `Trades (${trades.length})`),
      h('thead', {}, h('tr', {}, headers)),
      tbody,
    ),
  );
}
