import type {
  DashboardStrategiesQuery,
  ParamRangeInput,
  RuleParamInput,
  RuleStrategyInput,
} from '../schema/generated/graphql.ts';
import { OperationError } from './api.ts';
import { field, h, input } from './dom.ts';

export type Catalogue = NonNullable<DashboardStrategiesQuery['strategies']>;
type Param = Catalogue[number]['params'][number];

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
}

export const DEFAULT_RANGE = { ticker: 'GOOG', from: '2004-08-19', to: '2013-03-01' };

function bounds(p: Param): string {
  const min = p.min ?? '−∞';
  const max = p.max ?? '∞';
  return p.min == null && p.max == null ? p.description : `${p.description} (${min} to ${max})`;
}

function defaultGrid(p: Param): { from: number; to: number; step: number } {
  const d = Number(p.default);
  const low = Math.max(p.min ?? -Infinity, d / 2);
  const high = Math.min(p.max ?? Infinity, d * 2);
  const int = p.type === 'INT';
  const from = int ? Math.ceil(low) : low;
  const to = int ? Math.floor(high) : high;
  const raw = (to - from) / 8;
  const step = int ? Math.max(1, Math.round(raw)) : Number(raw.toPrecision(2)) || 1;
  return { from, to, step };
}

/** `fast=10:2:50, slow=30` → rule params (default, then optional min and max). */
export function parseRuleParams(text: string): RuleParamInput[] {
  const params: RuleParamInput[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const match = /^([A-Za-z_]\w*)\s*=\s*([^:]+)(?::([^:]*))?(?::([^:]*))?$/.exec(part);
    const nums = match?.slice(2).map((v) => (v === undefined || v.trim() === '' ? undefined : Number(v)));
    if (match === null || nums === undefined || nums.some((n) => n !== undefined && !Number.isFinite(n))) {
      throw new OperationError([
        {
          message: `"${part}": write name=default:min:max, e.g. fast=10:2:50`,
          extensions: { field: 'input.rules.params' },
        },
      ]);
    }
    params.push({ name: match[1], default: nums[0]!, min: nums[1], max: nums[2] });
  }
  return params;
}

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
  const rulesBox = h('fieldset', { className: 'rules', hidden: true }, h('legend', {}, 'Rules'));
  const ruleInputs = {
    entry: input({
      name: 'entry',
      value: 'crossover(sma(close, fast), sma(close, slow))',
      spellcheck: 'false',
    }),
    exit: input({ name: 'exit', value: '', spellcheck: 'false' }),
    shortEntry: input({
      name: 'shortEntry',
      value: 'crossunder(sma(close, fast), sma(close, slow))',
      spellcheck: 'false',
    }),
    shortExit: input({ name: 'shortExit', value: '', spellcheck: 'false' }),
    params: input({ name: 'ruleParams', value: 'fast=10:2:100, slow=30:5:300', spellcheck: 'false' }),
  };
  rulesBox.append(
    field('Entry (long)', ruleInputs.entry, { fields: ['input.rules.entry', 'input.rules'] }),
    field('Exit (long)', ruleInputs.exit, { fields: ['input.rules.exit'] }),
    field('Entry (short)', ruleInputs.shortEntry, { fields: ['input.rules.shortEntry'] }),
    field('Exit (short)', ruleInputs.shortExit, { fields: ['input.rules.shortExit'] }),
    field('Rule params', ruleInputs.params, {
      fields: ['input.rules.params'],
      hint: 'name=default:min:max, comma-separated',
    }),
  );

  type ParamControls = {
    param: Param;
    value: HTMLInputElement;
    vary?: HTMLInputElement;
    range?: HTMLInputElement[];
  };
  let controls: ParamControls[] = [];

  const renderParams = () => {
    const chosen = catalogue.find((s) => s.name === select.value);
    const rules = select.value === RULES;
    rulesBox.hidden = !rules;
    paramsBox.hidden = rules;
    description.textContent = rules
      ? 'Conditions over the bars; see the README for the functions.'
      : (chosen?.description ?? '');
    paramsBox.replaceChildren(paramsBox.firstElementChild!);
    controls = [];
    let numeric = 0;
    for (const p of chosen?.params ?? []) {
      const isBool = p.type === 'BOOLEAN';
      const value = isBool
        ? input({ type: 'checkbox', name: p.name, checked: p.default === true })
        : input({
            type: 'number',
            name: p.name,
            value: String(p.default),
            step: p.type === 'INT' ? '1' : 'any',
            min: p.min ?? undefined,
            max: p.max ?? undefined,
            inputmode: p.type === 'INT' ? 'numeric' : 'decimal',
          });
      const c: ParamControls = { param: p, value };
      const row = h(
        'div',
        { className: 'param-row' },
        field(p.name, value, { fields: [`input.params.${p.name}`], hint: bounds(p) }),
      );
      if (options.grid && !isBool) {
        const g = defaultGrid(p);
        c.vary = input({ type: 'checkbox', name: `vary-${p.name}`, checked: numeric < 2 });
        c.range = [g.from, g.to, g.step].map((v, k) =>
          input({
            type: 'number',
            name: `${p.name}-${['from', 'to', 'step'][k]}`,
            value: String(v),
            step: 'any',
          }),
        );
        const range = h(
          'div',
          { className: 'range' },
          field(`${p.name} from`, c.range[0], { fields: ['input.grid'] }),
          field(`${p.name} to`, c.range[1]),
          field(`${p.name} step`, c.range[2]),
        );
        const vary = c.vary;
        const toggle = () => {
          range.hidden = !vary.checked;
          value.disabled = vary.checked;
        };
        vary.addEventListener('change', () => {
          toggle();
          changed();
        });
        toggle();
        row.append(
          field(`Vary ${p.name}`, vary, { className: 'check', fields: [`input.grid.${p.name}`] }),
          range,
        );
        numeric += 1;
      }
      paramsBox.append(row);
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
    varied: () => controls.filter((c) => c.vary?.checked === true).map((c) => c.param.name),
    read() {
      const values: StrategyValues = {
        ticker: ticker.value.trim(),
        from: from.value,
        to: to.value,
        params: {},
        grid: [],
      };
      if (select.value === RULES) {
        const text = (el: HTMLInputElement) => (el.value.trim() === '' ? undefined : el.value.trim());
        values.rules = {
          entry: text(ruleInputs.entry),
          exit: text(ruleInputs.exit),
          shortEntry: text(ruleInputs.shortEntry),
          shortExit: text(ruleInputs.shortExit),
          params: parseRuleParams(ruleInputs.params.value),
        };
        return values;
      }
      values.strategy = select.value;
      for (const c of controls) {
        if (c.vary?.checked === true && c.range !== undefined) {
          const [f, t, s] = c.range.map((el) => Number(el.value));
          values.grid.push({ name: c.param.name, from: f, to: t, step: s });
        } else if (c.param.type === 'BOOLEAN') {
          values.params[c.param.name] = c.value.checked;
        } else if (c.value.value.trim() !== '') {
          values.params[c.param.name] = Number(c.value.value);
        }
      }
      return values;
    },
  };
}
