import type {
  PortfolioBacktestInput,
  Rebalance,
  RunPortfolioMutation,
} from '../../schema/generated/graphql.ts';
import { request } from '../api.ts';
import { equityChart } from '../charts.ts';
import { field, h, input } from '../dom.ts';
import { formatMoney, formatPct } from '../format.ts';
import { clearErrors, showErrors } from '../form-errors.ts';
import { statsTable } from '../stats.ts';
import { type Catalogue, DEFAULT_RANGE } from '../strategy-form.ts';
import { busy, errorsOf, markStale, warningsList } from './common.ts';

type Portfolio = NonNullable<RunPortfolioMutation['runPortfolioBacktest']>;

/** The portfolio view: holdings and weights, rebalancing, then the equity curve and per-holding results. */
export function portfolioView(panel: HTMLElement, catalogue: Catalogue): void {
  const rows = h('div', { className: 'holdings' });
  const addRow = (ticker: string, weight: string) => {
    const i = rows.children.length;
    const t = input({ name: `holding-ticker-${i}`, value: ticker, autocomplete: 'off', spellcheck: 'false' });
    const w = input({
      type: 'number',
      name: `holding-weight-${i}`,
      value: weight,
      step: 'any',
      min: 0,
      max: 1,
      inputmode: 'decimal',
    });
    const remove = h(
      'button',
      { type: 'button', className: 'ghost', 'aria-label': `Remove holding ${i + 1}` },
      '×',
    );
    const row = h(
      'div',
      { className: 'row holding' },
      field(`Ticker ${i + 1}`, t, { fields: [`input.holdings[${i}].ticker`] }),
      field('Weight', w, { fields: [`input.holdings[${i}].weight`], hint: '0 to 1' }),
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      rows.querySelector<HTMLInputElement>('input')?.focus();
    });
    rows.append(row);
    return t;
  };
  addRow(DEFAULT_RANGE.ticker, '1');
  const add = h('button', { type: 'button', className: 'ghost' }, '+ Add holding');
  add.addEventListener('click', () => addRow('', '0').focus());
  const from = input({ type: 'date', name: 'from', value: DEFAULT_RANGE.from });
  const to = input({ type: 'date', name: 'to', value: DEFAULT_RANGE.to });
  const cash = input({ type: 'number', name: 'cash', value: '10000', step: 'any' });
  const commission = input({ type: 'number', name: 'commission', value: '0', step: 'any' });
  const rebalance = h(
    'select',
    { name: 'rebalance' },
    ['NEVER', 'MONTHLY', 'QUARTERLY', 'YEARLY'].map((r) =>
      h('option', { value: r }, r.charAt(0) + r.slice(1).toLowerCase()),
    ),
  );
  rebalance.value = 'MONTHLY';
  const strategy = h(
    'select',
    { name: 'strategy' },
    h('option', { value: '' }, 'None: hold the target weights'),
    catalogue.map((s) => h('option', { value: s.name }, `${s.name} on each holding`)),
  );
  const run = h(
    'button',
    { type: 'submit', className: 'primary', 'data-testid': 'run-portfolio' },
    'Run portfolio',
  );
  const errorBox = h('div', { className: 'errors' });
  const form = h(
    'form',
    { className: 'panel form', novalidate: true, 'aria-label': 'Portfolio' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Holdings'),
      h('div', { className: 'field', 'data-fields': 'input.holdings' }, rows),
      add,
    ),
    h(
      'div',
      { className: 'row' },
      field('From', from, { fields: ['input.from'] }),
      field('To', to, { fields: ['input.to'] }),
      field('Rebalance', rebalance, { fields: ['input.rebalance'] }),
    ),
    h(
      'div',
      { className: 'row' },
      field('Cash', cash, { fields: ['input.cash'] }),
      field('Commission rate', commission, { fields: ['input.commission'] }),
      field('Strategy', strategy, { fields: ['input.strategy', 'input.params'], className: 'grow' }),
    ),
    h('div', { className: 'actions' }, run),
    errorBox,
  );
  const results = h('div', { className: 'results', 'aria-live': 'polite' });
  panel.append(h('div', { className: 'layout' }, form, results));
  let chart: { remove(): void } | undefined;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const holdings = [...rows.querySelectorAll('.holding')].map((row) => {
      const [t, w] = row.querySelectorAll('input');
      return { ticker: t.value.trim().toUpperCase(), weight: Number(w.value) };
    });
    const value: PortfolioBacktestInput = {
      holdings,
      from: from.value,
      to: to.value,
      cash: Number(cash.value),
      commission: Number(commission.value),
      rebalance: rebalance.value as Rebalance,
      strategy: strategy.value === '' ? undefined : strategy.value,
    };
    const done = busy(run, 'Running…', results);
    try {
      const data = await request<RunPortfolioMutation>('RunPortfolio', { input: value });
      chart?.remove();
      chart = render(results, data.runPortfolioBacktest!);
      markStale(results, false);
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
      markStale(results, true);
    } finally {
      done();
    }
  });
}

function render(results: HTMLElement, p: Portfolio): { remove(): void } {
  const equity = h('div', {
    className: 'chart equity',
    'data-testid': 'equity-chart',
    role: 'img',
    'aria-label': 'Portfolio equity with drawdown',
  });
  const palette = ['#58a6ff', '#3fb950', '#d29922', '#d2a8ff', '#f778ba', '#79c0ff', '#56d364'];
  const allocation = h(
    'div',
    { className: 'allocation', 'aria-hidden': 'true' },
    p.holdings.map((x, i) =>
      h('span', {
        style: `width:${(x.weight * 100).toFixed(2)}%;background:${palette[i % palette.length]}`,
        title: `${x.ticker} ${formatPct(x.weight * 100)} %`,
      }),
    ),
  );
  results.replaceChildren(
    h(
      'div',
      { className: 'headline' },
      h('h2', {}, p.holdings.map((x) => `${x.ticker} ${Math.round(x.weight * 100)}%`).join(' · ')),
      h(
        'p',
        { className: 'muted' },
        `return ${formatPct(p.stats.returnPct)} % · max. drawdown ${formatPct(p.stats.maxDrawdownPct)} %`,
      ),
      allocation,
    ),
    warningsList((p as { warnings?: string[] }).warnings ?? []),
    h('section', { className: 'panel' }, h('h3', {}, 'Equity and drawdown'), equity),
    h(
      'div',
      { className: 'tables' },
      h('section', { className: 'panel' }, statsTable(p.stats)),
      h(
        'section',
        { className: 'panel grow' },
        h(
          'div',
          { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Holdings' },
          h(
            'table',
            { className: 'holdings-table', 'data-testid': 'holdings-table' },
            h('caption', {}, 'Holdings'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Ticker', 'Weight [%]', 'Final value [$]', 'P/L [$]', 'Return [%]', 'Trades'].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              p.holdings.map((x) =>
                h(
                  'tr',
                  {},
                  h('td', {}, x.ticker),
                  h('td', {}, formatPct(x.weight * 100)),
                  h('td', {}, formatMoney(x.finalValue)),
                  h('td', { className: x.pnl >= 0 ? 'up' : 'down' }, formatMoney(x.pnl)),
                  h('td', {}, formatPct(x.returnPct)),
                  h('td', {}, String(x.trades)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return equityChart(equity, p.equityCurve);
}
