import type {
  DashboardStartWalkForwardMutation,
  DashboardWalkForwardResultQuery,
  OptimizeStat,
  WalkForwardInput,
} from '../../schema/generated/graphql.ts';
import { request } from '../api.ts';
import { equityChart } from '../charts.ts';
import { field, h, input } from '../dom.ts';
import { engineOptions } from '../engine-options.ts';
import { formatParams, formatPct, formatRatio } from '../format.ts';
import { clearErrors, showErrors } from '../form-errors.ts';
import { jobResult, progressView } from '../job-progress.ts';
import { STATS, statsTable } from '../stats.ts';
import { type Catalogue, strategyForm } from '../strategy-form.ts';
import { busy, errorsOf } from './common.ts';
import { maximizeSelect } from './optimize.ts';

type WalkForward = NonNullable<NonNullable<DashboardWalkForwardResultQuery['job']>['walkForward']>;

/** The walk-forward view: windows on a timeline with their params, out-of-sample equity and statistics. */
export function walkForwardView(panel: HTMLElement, catalogue: Catalogue): void {
  const strategy = strategyForm(catalogue, { grid: true, allowRules: false });
  const engine = engineOptions();
  const trainBars = input({
    type: 'number',
    name: 'trainBars',
    value: '500',
    min: 2,
    step: '1',
    inputmode: 'numeric',
  });
  const testBars = input({
    type: 'number',
    name: 'testBars',
    value: '250',
    min: 1,
    step: '1',
    inputmode: 'numeric',
  });
  const anchored = input({ type: 'checkbox', name: 'anchored' });
  const constraint = input({ name: 'constraint', value: 'fast < slow', spellcheck: 'false' });
  const maximize = maximizeSelect();
  const start = h(
    'button',
    { type: 'submit', className: 'primary', 'data-testid': 'run-walk-forward' },
    'Start walk-forward',
  );
  const errorBox = h('div', { className: 'errors' });
  const progress = progressView('Walk-forward progress');
  const form = h(
    'form',
    { className: 'panel form', novalidate: true, 'aria-label': 'Walk-forward analysis' },
    strategy.element,
    h(
      'div',
      { className: 'row' },
      field('Training bars', trainBars, { fields: ['input.trainBars'] }),
      field('Test bars', testBars, { fields: ['input.testBars'] }),
      field('Anchored', anchored, {
        className: 'check',
        fields: ['input.anchored'],
        hint: 'train from the first bar',
      }),
    ),
    h(
      'div',
      { className: 'row' },
      field('Constraint', constraint, { fields: ['input.constraint'], className: 'grow' }),
      field('Maximize', maximize, { fields: ['input.maximize'] }),
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
  let chart: { remove(): void } | undefined;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const s = strategy.read();
    const stat = maximize.value as OptimizeStat;
    const inputValue: WalkForwardInput = {
      ticker: s.ticker,
      from: s.from,
      to: s.to,
      strategy: s.strategy,
      params: s.params,
      grid: s.grid,
      constraint: constraint.value.trim() === '' ? undefined : constraint.value.trim(),
      maximize: stat,
      trainBars: Number(trainBars.value),
      testBars: Number(testBars.value),
      anchored: anchored.checked,
      ...engine.read(),
    };
    const done = busy(start, 'Running…', results);
    results.replaceChildren();
    chart?.remove();
    chart = undefined;
    try {
      const started = await request<DashboardStartWalkForwardMutation>('DashboardStartWalkForward', {
        input: inputValue,
      });
      const fetchJob = async () =>
        (
          await request<DashboardWalkForwardResultQuery>('DashboardWalkForwardResult', {
            id: started.startWalkForward.id,
          })
        ).job;
      const job = await jobResult(started.startWalkForward, progress, fetchJob, (message) =>
        showErrors(form, [{ message }], errorBox),
      );
      const wf = job?.walkForward;
      if (wf != null)
        chart = render(
          results,
          wf,
          STATS.find(([k]) => k === stat)?.[1] ?? stat,
          s.grid.map((g) => g.name),
        );
    } catch (error) {
      showErrors(form, errorsOf(error), errorBox);
    } finally {
      done();
    }
  });
}

function render(
  results: HTMLElement,
  wf: WalkForward,
  statLabel: string,
  varied: string[],
): { remove(): void } {
  const chosen = (params: Record<string, unknown>) =>
    formatParams(Object.fromEntries(varied.map((n) => [n, params[n]])));
  const first = Date.parse(wf.windows[0]?.trainFrom ?? '');
  const last = Date.parse(wf.windows.at(-1)?.testTo ?? '');
  const span = Math.max(1, last - first);
  const pos = (date: string) => ((Date.parse(date) - first) / span) * 100;
  const seg = (from: string, to: string, className: string, label: string) =>
    h('span', {
      className: `seg ${className}`,
      style: `left:${pos(from).toFixed(2)}%;width:${Math.max(0.4, pos(to) - pos(from)).toFixed(2)}%`,
      title: label,
    });
  const timeline = h(
    'ol',
    { className: 'timeline', 'data-testid': 'walk-forward-timeline', 'aria-label': 'Windows' },
    wf.windows.map((w, i) => {
      const ret = w.outOfSample.returnPct ?? 0;
      return h(
        'li',
        {},
        h('span', { className: 'win-label' }, `#${i + 1} ${chosen(w.params)}`),
        h(
          'span',
          { className: 'track' },
          seg(w.trainFrom, w.trainTo, 'train', `train ${w.trainFrom} to ${w.trainTo}`),
          seg(
            w.testFrom,
            w.testTo,
            ret >= 0 ? 'test up' : 'test down',
            `test ${w.testFrom} to ${w.testTo}: ${formatPct(ret)} %`,
          ),
        ),
      );
    }),
  );
  const equity = h('div', {
    className: 'chart equity',
    'data-testid': 'equity-chart',
    role: 'img',
    'aria-label': 'Out-of-sample equity with drawdown',
  });
  results.replaceChildren(
    h(
      'div',
      { className: 'headline' },
      h('h2', {}, `${wf.windows.length} windows`),
      h(
        'p',
        { className: 'muted' },
        `efficiency ${formatRatio(wf.efficiency)} · out-of-sample return ${formatPct(wf.outOfSample.returnPct)} %`,
      ),
    ),
    h(
      'section',
      { className: 'panel' },
      h('h3', {}, 'Windows'),
      timeline,
      h(
        'div',
        { className: 'timeline-axis small muted', 'aria-hidden': 'true' },
        h('span', {}, wf.windows[0]?.trainFrom ?? ''),
        h('span', {}, wf.windows.at(-1)?.testTo ?? ''),
      ),
      h(
        'p',
        { className: 'legend small muted' },
        h('span', { className: 'mark train' }, '■'),
        ' training ',
        h('span', { className: 'mark win' }, '■'),
        ' test, gain ',
        h('span', { className: 'mark loss' }, '■'),
        ' test, loss',
      ),
    ),
    h('section', { className: 'panel' }, h('h3', {}, 'Out-of-sample equity'), equity),
    h(
      'div',
      { className: 'tables' },
      h('section', { className: 'panel' }, statsTable(wf.outOfSample, 'Out-of-sample statistics')),
      h(
        'section',
        { className: 'panel grow windows-panel' },
        h(
          'div',
          { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Windows table' },
          h(
            'table',
            { className: 'windows' },
            h('caption', {}, 'Windows'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['#', 'Train', 'Test', 'Params', `In-sample ${statLabel}`, 'Test return [%]', '# Trades'].map(
                  (c) => h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              wf.windows.map((w, i) =>
                h(
                  'tr',
                  {},
                  h('td', {}, String(i + 1)),
                  h('td', {}, `${w.trainFrom} – ${w.trainTo}`),
                  h('td', {}, `${w.testFrom} – ${w.testTo}`),
                  h('td', {}, chosen(w.params)),
                  h('td', {}, formatRatio(w.inSampleValue)),
                  h(
                    'td',
                    { className: (w.outOfSample.returnPct ?? 0) >= 0 ? 'up' : 'down' },
                    formatPct(w.outOfSample.returnPct),
                  ),
                  h('td', {}, String(w.outOfSample.tradeCount)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return equityChart(equity, wf.equityCurve);
}
