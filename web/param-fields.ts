import type { DashboardStrategiesQuery, ParamRangeInput } from '../schema/generated/graphql.ts';
import { field, h, input } from './dom.ts';

export type Param = NonNullable<DashboardStrategiesQuery['strategies']>[number]['params'][number];

export interface ParamControl {
  param: Param;
  row: HTMLElement;
  /** The grid varies it (grid mode, ticked). */
  varied(): boolean;
  /** Sets its value (and stops varying it). */
  set(value: unknown): void;
  /** Adds its value to `params`, or its range to `grid` when varied. */
  read(into: { params: Record<string, number | boolean>; grid: ParamRangeInput[] }): void;
}

function bounds(p: Param): string {
  const min = p.min ?? '−∞';
  const max = p.max ?? '∞';
  return p.min == null && p.max == null ? p.description : `${p.description} (${min} to ${max})`;
}

/** From half to twice the default, within the bounds, in about eight steps. */
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

/**
 * One strategy param: an input with its bounds (a checkbox for a boolean) and, in grid mode, a
 * "Vary" box that swaps the value for a from/to/step range.
 */
export function paramControl(
  p: Param,
  options: { grid: boolean; vary: boolean; onVaryChange: () => void },
): ParamControl {
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
  const row = h(
    'div',
    { className: 'param-row' },
    field(p.name, value, { fields: [`input.params.${p.name}`], hint: bounds(p) }),
  );
  let vary: HTMLInputElement | undefined;
  let range: HTMLInputElement[] = [];
  if (options.grid && !isBool) {
    const g = defaultGrid(p);
    const box = input({ type: 'checkbox', name: `vary-${p.name}`, checked: options.vary });
    range = (['from', 'to', 'step'] as const).map((k) =>
      input({ type: 'number', name: `${p.name}-${k}`, value: String(g[k]), step: 'any' }),
    );
    const rangeRow = h(
      'div',
      { className: 'range' },
      field(`${p.name} from`, range[0], { fields: ['input.grid'] }),
      field(`${p.name} to`, range[1]),
      field(`${p.name} step`, range[2]),
    );
    const toggle = () => {
      rangeRow.hidden = !box.checked;
      value.disabled = box.checked;
    };
    box.addEventListener('change', () => {
      toggle();
      options.onVaryChange();
    });
    toggle();
    row.append(
      field(`Vary ${p.name}`, box, { className: 'check', fields: [`input.grid.${p.name}`] }),
      rangeRow,
    );
    vary = box;
  }
  return {
    param: p,
    row,
    varied: () => vary?.checked === true,
    set(v) {
      if (vary?.checked === true) vary.click();
      if (isBool) value.checked = v === true;
      else value.value = String(v);
    },
    read(into) {
      if (vary?.checked === true) {
        const [from, to, step] = range.map((el) => Number(el.value));
        into.grid.push({ name: p.name, from, to, step });
      } else if (isBool) {
        into.params[p.name] = value.checked;
      } else if (value.value.trim() !== '') {
        into.params[p.name] = Number(value.value);
      }
    },
  };
}
