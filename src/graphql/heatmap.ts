import { heatmapOf } from '../backtests/heatmap-view.ts';
import type { Heatmap as HeatmapData } from '../engine/optimizer/heatmap.ts';
import { builder } from './builder.ts';
import { OptimizationResult } from './optimize.ts';

const Heatmap = builder.objectRef<HeatmapData>('Heatmap').implement({
  description: 'The best value per pair of values of two optimized params (the others maximized over).',
  fields: (t) => ({
    x: t.exposeString('x', { description: 'The param along the rows.' }),
    y: t.exposeString('y', { description: 'The param along the columns.' }),
    xValues: t.floatList({ description: 'Values of x, ascending.', resolve: (h) => h.xValues }),
    yValues: t.floatList({ description: 'Values of y, ascending.', resolve: (h) => h.yValues }),
    values: t.field({
      type: t.listRef(t.listRef('Float', { nullable: true })),
      description:
        '`values[i][j]`: the best value at x = xValues[i], y = yValues[j]; null when no run has it.',
      resolve: (h) => h.values,
    }),
  }),
});

builder.objectField(OptimizationResult, 'heatmap', (t) =>
  t.field({
    type: Heatmap,
    nullable: true,
    description: 'The runs as a grid over two optimized params, e.g. x: "fast", y: "slow".',
    args: {
      x: t.arg.string({ required: true, description: 'An optimized param (rows).' }),
      y: t.arg.string({ required: true, description: 'Another optimized param (columns).' }),
    },
    resolve: (result, { x, y }) => heatmapOf(result, x, y),
  }),
);
