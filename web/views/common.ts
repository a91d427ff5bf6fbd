import { type GraphQLErrorShape, OperationError } from '../api.ts';
import { h } from '../dom.ts';

/** The event that asks the backtest view to run a strategy with these params. */
export const OPEN_BACKTEST = 'dashboard:open-backtest';
export interface OpenBacktest {
  ticker: string;
  from: string;
  to: string;
  strategy: string;
  params: Record<string, unknown>;
}

/** Dims results that no longer match the form (its last run failed); undone by the next success. */
export function markStale(results: HTMLElement, stale: boolean): void {
  const dim = stale && results.childElementCount > 0;
  results.classList.toggle('stale', dim);
  if (dim) results.setAttribute('title', 'From the previous run');
  else results.removeAttribute('title');
}

export function errorsOf(error: unknown): GraphQLErrorShape[] {
  if (error instanceof OperationError) return error.errors;
  return [{ message: error instanceof Error ? error.message : String(error) }];
}

/** Disables `button` with a busy label and marks `region` busy; returns the undo. */
export function busy(button: HTMLButtonElement, label: string, region: HTMLElement): () => void {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = label;
  region.setAttribute('aria-busy', 'true');
  return () => {
    button.disabled = false;
    button.textContent = original;
    region.removeAttribute('aria-busy');
  };
}

export function warningsList(warnings: readonly string[]): HTMLElement | string {
  if (warnings.length === 0) return '';
  return h(
    'ul',
    { className: 'warnings', role: 'status' },
    warnings.map((w) => h('li', {}, w)),
  );
}
