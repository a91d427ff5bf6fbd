import { h } from './dom.ts';
import { formatRatio } from './format.ts';

export interface HeatmapData {
  x: string;
  y: string;
  xValues: number[];
  yValues: number[];
  values: (number | null)[][];
}

/** Red (worst) through dark to green (best). */
function color(t: number): string {
  const hue = t * 130;
  return `hsl(${hue.toFixed(0)} 70% ${(28 + t * 14).toFixed(0)}%)`;
}

/**
 * The best value per pair of two params as a table of coloured cells: rows x, columns y; each
 * cell's value is in its title, `aria-label` and `data-value`; empty cells had no run.
 */
export function heatmapTable(data: HeatmapData, stat: string): HTMLElement {
  const finite = data.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const scale = (v: number) => (max === min ? 1 : (v - min) / (max - min));
  const table = h(
    'table',
    { className: 'heatmap', 'data-testid': 'heatmap', 'data-cells': finite.length },
    h('caption', {}, `Best ${stat} by ${data.x} (rows) and ${data.y} (columns)`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', className: 'corner' }, `${data.x} \\ ${data.y}`),
        data.yValues.map((y) => h('th', { scope: 'col' }, String(y))),
      ),
    ),
    h(
      'tbody',
      {},
      data.xValues.map((x, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(x)),
          data.yValues.map((y, j) => {
            const v = data.values[i]?.[j] ?? null;
            const label = `${data.x}=${x}, ${data.y}=${y}: ${v === null ? 'no run' : formatRatio(v)}`;
            return h('td', {
              className: v === null ? 'empty' : '',
              style: v === null ? undefined : `background:${color(scale(v))}`,
              title: label,
              'aria-label': label,
              'data-value': v === null ? undefined : String(v),
            });
          }),
        ),
      ),
    ),
  );
  const scaleBar = h(
    'p',
    { className: 'scale small muted' },
    h('span', {}, formatRatio(min)),
    h('span', { className: 'gradient', 'aria-hidden': 'true' }),
    h('span', {}, formatRatio(max)),
  );
  return h(
    'div',
    { className: 'heatmap-wrap' },
    h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Heatmap' }, table),
    scaleBar,
  );
}
