import type {
  DashboardBacktestQuery,
  DashboardBacktestQueryVariables,
} from '../../schema/generated/graphql.ts';
import { OperationError, request } from '../api.ts';
import { equityChart, priceChart, syncTimeScales } from '../charts.ts';
import { h } from '../dom.ts';
import { engineOptions } from '../engine-options.ts';
import { formatParams } from '../format.ts';
import { clearErrors, showErrors } from '../form-errors.ts';
import { statsTable } from '../stats.ts';
import { type Catalogue, strategyForm } from '../strategy-form.ts';
import { tradesTable } from '../trades-table.ts';
import { busy, errorsOf, markStale, OPEN_BACKTEST, type OpenBacktest, warningsList } from './common.ts';

/** The backtest view: the form, then prices with trades, equity and drawdown, statistics, trades. */
export function backtestView(panel: HTMLElement, catalogue: Catalogue): void {
  const strategy = strategyForm(catalogue, { grid: false, allowRules: true });
  const engine = engineOptions();
  const run = h(
    'button',
    { type: 'submit', className: 'primary', 'data-testid': 'run-backtest' },
    'Run backtest',
  );
  const errorBox = h('div', { className: 'errors' });
  const form = h(
    'form',
    { className: 'panel form', 'data-testid': 'backtest-form', novalidate: true, 'aria-label': 'Backtest' },
    strategy.element,
    engine.element,
    h('div', { className: 'actions' }, run),
    errorBox,
  );
  const results = h('div', { className: 'results', 'aria-live': 'polite' });
  panel.append(h('div', { className: 'layout' }, form, results));
  let charts: { remove(): void }[] = [];

  // "Backtest" on a run elsewhere (the optimization's best runs) fills this form and runs it.
  document.addEventListener(OPEN_BACKTEST, (event) => {
    strategy.set((event as CustomEvent<OpenBacktest>).detail);
    location.hash = '#backtest';
    form.requestSubmit();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    let variables: DashboardBacktestQueryVariables;
    try {
      const s = strategy.read();
      const { grid: _grid, ...chosen } = s;
      variables = {
        ticker: s.ticker,
        from: s.from,
        to: s.to,
        input: { ...chosen, params: s.strategy === undefined ? undefined : s.params, ...engine.read() },
      };
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
      return;
    }
    const done = busy(run, 'Running…', results);
    try {
      const data = await request<DashboardBacktestQuery>('DashboardBacktest', variables);
      for (const c of charts) c.remove();
      charts = render(results, data);
      markStale(results, false);
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
      markStale(results, true);
      if (!(error instanceof OperationError)) throw error;
    } finally {
      done();
    }
  });
}

function render(results: HTMLElement, data: DashboardBacktestQuery): { remove(): void }[] {
  const result = data.backtest!;
  const series = data.priceSeries!;
  const price = h('div', { className: 'chart price', 'data-testid': 'price-chart', role: 'img' });
  const equity = h('div', {
    className: 'chart equity with-trades',
    'data-testid': 'equity-chart',
    role: 'img',
  });
  const s = result.stats;
  price.setAttribute(
    'aria-label',
    `${series.ticker} daily candlesticks with volume and ${result.trades.length} trades`,
  );
  equity.setAttribute(
    'aria-label',
    `Equity from ${s.start} to ${s.end}, final ${s.equityFinal}, with drawdown`,
  );
  const headline = h(
    'div',
    { className: 'headline' },
    h(
      'h2',
      {},
      `${result.ticker} · ${result.strategy}`,
      h('span', { className: 'muted' }, ` ${formatParams(result.params)}`),
    ),
    h(
      'ul',
      { className: 'kpis' },
      kpi('Return', `${s.returnPct?.toFixed(2) ?? '—'} %`, s.returnPct),
      kpi('Buy & hold', `${s.buyHoldReturnPct?.toFixed(2) ?? '—'} %`, s.buyHoldReturnPct),
      kpi('Max. drawdown', `${s.maxDrawdownPct?.toFixed(2) ?? '—'} %`, null),
      kpi('Sharpe', s.sharpeRatio?.toFixed(2) ?? '—', null),
      kpi('Trades', String(s.tradeCount), null),
    ),
    h(
      'p',
      { className: 'muted small' },
      `${result.cached ? 'cached' : 'computed'} in ${result.timings.totalMs.toFixed(0)} ms · ${series.barCount} bars`,
    ),
  );
  results.replaceChildren(
    headline,
    warningsList(result.warnings),
    h('section', { className: 'panel' }, h('h3', {}, 'Price and trades'), price, legend()),
    h('section', { className: 'panel' }, h('h3', {}, 'Equity, drawdown and P/L per trade [%]'), equity),
    h(
      'div',
      { className: 'tables' },
      h('section', { className: 'panel' }, statsTable(s)),
      h('section', { className: 'panel grow' }, tradesTable(result.trades)),
    ),
  );
  const charts = [
    priceChart(price, series.columns, result.trades),
    equityChart(equity, result.equityCurve, result.trades),
  ];
  syncTimeScales(charts);
  return charts;
}

function kpi(label: string, value: string, sign: number | null | undefined) {
  const tone = sign == null ? '' : sign > 0 ? 'up' : sign < 0 ? 'down' : '';
  return h('li', {}, h('span', { className: 'label' }, label), h('strong', { className: tone }, value));
}

function legend() {
  return h(
    'p',
    { className: 'legend muted small' },
    h('span', { className: 'mark long' }, '▲'),
    ' long entry ',
    h('span', { className: 'mark short' }, '▼'),
    ' short entry ',
    h('span', { className: 'mark win' }, '●'),
    ' exit with a gain ',
    h('span', { className: 'mark loss' }, '●'),
    ' exit with a loss',
  );
}
