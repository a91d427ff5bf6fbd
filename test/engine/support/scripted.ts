import { defineStrategy, type NextContext } from '../../../src/engine/strategy.ts';

/** A strategy without indicators (first `next()` at bar 1) whose `next` is the given function. */
export function scripted(next: (ctx: NextContext) => void) {
  return defineStrategy({
    name: 'Scripted',
    description: 'test strategy',
    params: {},
    init: () => ({ next }),
  });
}

/** Visible bar count as the reference's `len(self.data)` inside next(). */
export function visible(ctx: NextContext): number {
  return ctx.i + 1;
}
