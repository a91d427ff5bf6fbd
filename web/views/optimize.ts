import type {
  DashboardOptimizationResultQuery,
  DashboardStartOptimizationMutation,
  OptimizeInput,
  OptimizeStat,
} from '../../schema/generated/graphql.ts';
import { request } from '../api.ts';
import { field, h, input } from '../dom.ts';
import { engineOptions } from '../engine-options.ts';
import { formatPct, formatRatio } from '../format.ts';
import { clearErrors, showErrors } from '../form-errors.ts';
import { heatmapTable } from '../heatmap.ts';
import { jobResult, progressView } from '../job-progress.ts';
import { STATS } from '../stats.ts';
import { type Catalogue, strategyForm } from '../strategy-form.ts';
import { busy, errorsOf, OPEN_BACKTEST, type OpenBacktest, warningsList } from './common.ts';

type Optimization = NonNullable<NonNullable<DashboardOptimizationResultQuery['job']>['optimization']>;

/** The statistics an optimization can maximize (every number of BacktestStats). */
export function maximizeSelect(): HTMLSelectElement {
  const select = h('select', { name: 'maximize' });
  for (const [key, label, kind] of STATS)
    if (kind !== 'date') select.append(h('option', { value: key }, label));
  select.value = 'sqn';
  return select;
}

/** The optimization view: a grid search as a job, its progress, then the heatmap and best runs. */
export function optimizeView(panel: HTMLElement, catalogue: Catalogue): void {
  const strategy = strategyForm(catalogue, { grid: true, allowRules: false });
  const engine = engineOptions();
  const constraint = input({ name: 'constraint', value: 'fast < slow', spellcheck: 'false' });
  const maximize = maximizeSelect();
  const xSelect = h('select', { name: 'heatmap-x' });
  const ySelect = h('select', { name: 'heatmap-y' });
  const syncAxes = () => {
    const names = strategy.varied();
    for (const [select, k] of [
      [xSelect, 0],
      [ySelect, 1],
    ] as const) {
      const keep = select.value;
      select.replaceChildren(...names.map((n) => h('option', { value: n }, n)));
      select.value =
        names.includes(keep) && !(k === 1 && keep === xSelect.value) ? keep : (names[k] ?? names[0] ?? '');
    }
  };
  strategy.onChange(syncAxes);
  syncAxes();
  const start = h(
    'button',
    { type: 'submit', className: 'primary', 'data-testid': 'run-optimization' },
    'Start optimization',
  );
  const errorBox = h('div', { className: 'errors' });
  const progress = progressView('Optimization progress');
  const form = h(
    'form',
    { className: 'panel form', novalidate: true, 'aria-label': 'Optimization' },
    strategy.element,
    h(
      'div',
      { className: 'row' },
      field('Constraint', constraint, {
        fields: ['input.constraint'],
        className: 'grow',
        hint: 'e.g. fast < slow',
      }),
      field('Maximize', maximize, { fields: ['input.maximize'] }),
    ),
    h(
      'div',
      { className: 'row' },
      field('Heatmap rows', xSelect, { fields: ['x'] }),
      field('Heatmap columns', ySelect, { fields: ['y'] }),
    ),
    engine.element,
    h('div', { className: 'actions' }, start),
    errorBox,
  );
  const results = h('div', { className: 'results', 'aria-live': 'polite' });
  panel.append(
    h(
      'div',
      { className: 'layout' },
      form,
      h('div', {}, h('div', { className: 'panel' }, progress.element), results),
    ),
  );

  // After a run, choosing other heatmap params redraws it from the stored job.
  let last: { id: string; stat: string; source: RunSource } | undefined;
  const redraw = async () => {
    if (last === undefined || xSelect.value === ySelect.value) return;
    try {
      const data = await request<DashboardOptimizationResultQuery>('DashboardOptimizationResult', {
        id: last.id,
        x: xSelect.value,
        y: ySelect.value,
      });
      if (data.job?.optimization != null) render(results, data.job.optimization, last.stat, last.source);
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
    }
  };
  xSelect.addEventListener('change', redraw);
  ySelect.addEventListener('change', redraw);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const s = strategy.read();
    const stat = maximize.value as OptimizeStat;
    const inputValue: OptimizeInput = {
      ticker: s.ticker,
      from: s.from,
      to: s.to,
      strategy: s.strategy,
      params: s.params,
      grid: s.grid,
      constraint: constraint.value.trim() === '' ? undefined : constraint.value.trim(),
      maximize: stat,
      ...engine.read(),
    };
    const x = xSelect.value;
    const y = ySelect.value;
    last = undefined;
    const done = busy(start, 'Running…', results);
    results.replaceChildren();
    try {
      const started = await request<DashboardStartOptimizationMutation>('DashboardStartOptimization', {
        input: inputValue,
      });
      const fetchJob = async () =>
        (
          await request<DashboardOptimizationResultQuery>('DashboardOptimizationResult', {
            id: started.startOptimization.id,
            x,
            y,
          })
        ).job;
      const job = await jobResult(started.startOptimization, progress, fetchJob, (message) =>
        showErrors(form, [{ message }], errorBox),
      );
      const optimization = job?.optimization;
      if (optimization != null) {
        const source = { ticker: s.ticker, from: s.from, to: s.to, strategy: s.strategy ?? '' };
        last = { id: started.startOptimization.id, stat, source };
        render(results, optimization, stat, source);
      }
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
    } finally {
      done();
    }
  });
}

type RunSource = Omit<OpenBacktest, 'params'>;

/** A button that opens a run in the backtest view. */
function backtestButton(source: RunSource, params: Record<string, unknown>, label: string) {
  const button = h(
    'button',
    { type: 'button', className: 'ghost small', 'aria-label': `Backtest ${label}` },
    'Backtest',
  );
  button.addEventListener('click', () =>
    document.dispatchEvent(new CustomEvent<OpenBacktest>(OPEN_BACKTEST, { detail: { ...source, params } })),
  );
  return button;
}

function render(results: HTMLElement, o: Optimization, stat: string, source: RunSource) {
  const label = STATS.find(([k]) => k === stat)?.[1] ?? stat;
  const top = [...o.runs]
    .filter((r) => r.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 10);
  // The params the grid varied: those with more than one value among the runs.
  const paramNames = Object.keys(o.best.params).filter(
    (n) => new Set(o.runs.map((r) => String(r.params[n]))).size > 1,
  );
  const bestAt = paramNames.map((n) => `${n}=${o.best.params[n]}`).join(', ');
  results.replaceChildren(
    h(
      'div',
      { className: 'headline' },
      h('h2', {}, `${o.runCount} runs in ${(o.elapsedMs / 1000).toFixed(1)} s`),
      h('p', { className: 'muted' }, `best ${label}: ${formatRatio(o.best.value)} at ${bestAt}`),
    ),
    warningsList(o.warnings),
    h(
      'section',
      { className: 'panel' },
      h('h3', {}, 'Heatmap'),
      o.heatmap == null
        ? h('p', { className: 'muted' }, 'Vary two params for a heatmap.')
        : heatmapTable(o.heatmap, label),
    ),
    h(
      'section',
      { className: 'panel' },
      h(
        'div',
        { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Best runs' },
        h(
          'table',
          { className: 'best-runs', 'data-testid': 'best-runs' },
          h('caption', {}, 'Best runs'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, '#'),
              paramNames.map((n) => h('th', { scope: 'col' }, n)),
              h('th', { scope: 'col' }, label),
              h('th', { scope: 'col' }, 'Return [%]'),
              h('th', { scope: 'col' }, 'Sharpe'),
              h('th', { scope: 'col' }, 'Max. DD [%]'),
              h('th', { scope: 'col' }, '# Trades'),
              h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'Open')),
            ),
          ),
          h(
            'tbody',
            {},
            top.map((r, i) =>
              h(
                'tr',
                {},
                h('td', {}, String(i + 1)),
                paramNames.map((n) => h('td', {}, String(r.params[n]))),
                h('td', {}, formatRatio(r.value)),
                h('td', {}, formatPct(r.stats.returnPct)),
                h('td', {}, formatRatio(r.stats.sharpeRatio)),
                h('td', {}, formatPct(r.stats.maxDrawdownPct)),
                h('td', {}, String(r.stats.tradeCount)),
                h(
                  'td',
                  {},
                  backtestButton(source, r.params, paramNames.map((n) => `${n}=${r.params[n]}`).join(', ')),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
