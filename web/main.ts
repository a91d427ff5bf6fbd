/** The dashboard: four views behind tabs, each built from the strategy catalogue. */
import './styles.css';
import type { DashboardStrategiesQuery } from '../schema/generated/graphql.ts';
import { request } from './api.ts';
import { h } from './dom.ts';
import type { Catalogue } from './strategy-form.ts';
import { backtestView } from './views/backtest.ts';
import { errorsOf } from './views/common.ts';
import { optimizeView } from './views/optimize.ts';
import { portfolioView } from './views/portfolio.ts';
import { walkForwardView } from './views/walk-forward.ts';

const VIEWS: Record<string, (panel: HTMLElement, catalogue: Catalogue) => void> = {
  backtest: backtestView,
  optimize: optimizeView,
  'walk-forward': walkForwardView,
  portfolio: portfolioView,
};

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

function show(view: string, focus = false): void {
  const name = view in VIEWS ? view : 'backtest';
  for (const tab of tabs) {
    const selected = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focus) tab.focus();
  }
  for (const panel of document.querySelectorAll<HTMLElement>('[data-view-panel]')) {
    panel.hidden = panel.dataset.viewPanel !== name;
  }
  document.body.dataset.view = name;
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
}

for (const [i, tab] of tabs.entries()) {
  tab.addEventListener('click', () => show(tab.dataset.view!));
  tab.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      show(tabs[event.key === 'Home' ? 0 : tabs.length - 1].dataset.view!, true);
    } else if (step !== 0) {
      event.preventDefault();
      show(tabs[(i + step + tabs.length) % tabs.length].dataset.view!, true);
    }
  });
}
window.addEventListener('hashchange', () => show(location.hash.slice(1)));

async function start(): Promise<void> {
  show(location.hash.slice(1));
  let catalogue: Catalogue;
  try {
    catalogue = (await request<DashboardStrategiesQuery>('DashboardStrategies')).strategies ?? [];
  } catch (error) {
    document.querySelector('main')!.prepend(
      h(
        'div',
        { className: 'form-error', role: 'alert' },
        `The strategy catalogue did not load: ${errorsOf(error)
          .map((e) => e.message)
          .join(' ')}`,
      ),
    );
    return;
  }
  for (const [name, build] of Object.entries(VIEWS)) {
    build(document.querySelector<HTMLElement>(`[data-view-panel="${name}"]`)!, catalogue);
  }
  document.body.dataset.ready = 'true';
}

void start();
