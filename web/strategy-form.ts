import type {
  DashboardStrategiesQuery,
  ParamRangeInput,
  RuleStrategyInput,
} from '../schema/generated/graphql.ts';
import { field, h, input } from './dom.ts';
import { type ParamControl, paramControl } from './param-fields.ts';
import { ruleFields } from './rule-fields.ts';

export type Catalogue = NonNullable<DashboardStrategiesQuery['strategies']>;

export const RULES = '__rules__';

export interface StrategyValues {
  ticker: string;
  from: string;
  to: string;
  strategy?: string;
  rules?: RuleStrategyInput;
  params: Record<string, number | boolean>;
  grid: ParamRangeInput[];
}

export interface StrategyForm {
  element: HTMLElement;
  read(): StrategyValues;
  /** Names of the params the grid varies (grid mode). */
  varied(): string[];
  onChange(listener: () => void): void;
  /** Fills the form: ticker, dates, a strategy of the catalogue and its params. */
  set(values: {
    ticker: string;
    from: string;
    to: string;
    strategy: string;
    params: Record<string, unknown>;
  }): void;
}

export const DEFAULT_RANGE = { ticker: 'GOOG', from: '2004-08-19', to: '2013-03-01' };

/** Ticker, dates, a strategy from the catalogue (or rules as text) and its params or grid. */
export function strategyForm(
  catalogue: Catalogue,
  options: { grid: boolean; allowRules: boolean },
): StrategyForm {
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const l of listeners) l();
  };
  const ticker = input({
    name: 'ticker',
    value: DEFAULT_RANGE.ticker,
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  ticker.addEventListener('input', () => {
    ticker.value = ticker.value.toUpperCase();
  });
  const from = input({ name: 'from', type: 'date', value: DEFAULT_RANGE.from, required: true });
  const to = input({ name: 'to', type: 'date', value: DEFAULT_RANGE.to, required: true });

  const select = h('select', { name: 'strategy' });
  const builtIns = catalogue.filter((s) => s.kind === 'BUILT_IN');
  const saved = catalogue.filter((s) => s.kind === 'RULES');
  select.append(
    h(
      'optgroup',
      { label: 'Built-in' },
      builtIns.map((s) => h('option', { value: s.name }, s.name)),
    ),
  );
  if (saved.length > 0)
    select.append(
      h(
        'optgroup',
        { label: 'Saved rules' },
        saved.map((s) => h('option', { value: s.name }, s.name)),
      ),
    );
  if (options.allowRules)
    select.append(h('optgroup', { label: 'Your own' }, h('option', { value: RULES }, 'Rules (enter below)')));
  select.value = catalogue.some((s) => s.name === 'SmaCross') ? 'SmaCross' : (catalogue[0]?.name ?? '');

  const description = h('p', { className: 'description', 'aria-live': 'polite' });
  const paramsBox = h(
    'fieldset',
    { className: 'params' },
    h('legend', {}, options.grid ? 'Params and grid' : 'Params'),
  );
  const rules = ruleFields();
  const rulesBox = rules.element;

  let controls: ParamControl[] = [];

  const renderParams = () => {
    const chosen = catalogue.find((s) => s.name === select.value);
    const typed = select.value === RULES;
    rulesBox.hidden = !typed;
    paramsBox.hidden = typed;
    description.textContent = typed
      ? 'Conditions over the bars; see the README for the functions.'
      : (chosen?.description ?? '');
    paramsBox.replaceChildren(paramsBox.firstElementChild!);
    controls = [];
    for (const p of chosen?.params ?? []) {
      const numericSoFar = controls.filter((c) => c.param.type !== 'BOOLEAN').length;
      const c = paramControl(p, { grid: options.grid, vary: numericSoFar < 2, onVaryChange: changed });
      paramsBox.append(c.row);
      controls.push(c);
    }
    if ((chosen?.params.length ?? 0) === 0) paramsBox.append(h('p', { className: 'muted' }, 'No params.'));
    changed();
  };
  select.addEventListener('change', renderParams);

  const element = h(
    'div',
    { className: 'strategy-form' },
    h(
      'div',
      { className: 'row' },
      field('Ticker', ticker, { fields: ['input.ticker', 'ticker'], className: 'ticker' }),
      field('From', from, { fields: ['input.from', 'from'] }),
      field('To', to, { fields: ['input.to', 'to'] }),
      field('Strategy', select, { fields: ['input.strategy', 'input.params'], className: 'grow' }),
    ),
    description,
    paramsBox,
    rulesBox,
  );
  renderParams();

  return {
    element,
    onChange: (l) => listeners.push(l),
    set(values) {
      ticker.value = values.ticker;
      from.value = values.from;
      to.value = values.to;
      select.value = values.strategy;
      renderParams();
      for (const c of controls) if (c.param.name in values.params) c.set(values.params[c.param.name]);
    },
    varied: () => controls.filter((c) => c.varied()).map((c) => c.param.name),
    read() {
      const values: StrategyValues = {
        ticker: ticker.value.trim(),
        from: from.value,
        to: to.value,
        params: {},
        grid: [],
      };
      if (select.value === RULES) {
        values.rules = rules.read();
        return values;
      }
      values.strategy = select.value;
      for (const c of controls) c.read(values);
      return values;
    },
  };
}
