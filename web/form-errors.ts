import type { GraphQLErrorShape } from './api.ts';
import { h } from './dom.ts';

/** Removes the errors shown in `form` and its general error box. */
export function clearErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll('.field-error, .form-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id !== '' && !id.endsWith('-error'));
    if (described.length > 0) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/** The `.field` whose `data-fields` names `path` exactly, else the one naming its longest prefix. */
function fieldFor(form: HTMLElement, path: string): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestLength = -1;
  for (const el of form.querySelectorAll<HTMLElement>('.field[data-fields]')) {
    for (const name of (el.dataset.fields ?? '').split(' ')) {
      if (name === '') continue;
      const matches =
        path === name ||
        path.startsWith(`${name}.`) ||
        path.startsWith(`${name}[`) ||
        path.startsWith(`${name}:`);
      if (matches && name.length > bestLength) {
        best = el;
        bestLength = name.length;
      }
    }
  }
  return best;
}

/**
 * Shows each error next to the field its `extensions.field` names (`data-testid="field-error"`,
 * wired to the input with aria-describedby), the rest in the form's error box; focuses the
 * first field at fault.
 */
export function showErrors(form: HTMLElement, errors: GraphQLErrorShape[], box: HTMLElement): void {
  clearErrors(form);
  let first: HTMLElement | undefined;
  const general: string[] = [];
  for (const error of errors) {
    const path = error.extensions?.field;
    const wrapper = path === undefined ? undefined : fieldFor(form, path);
    const control = wrapper?.querySelector<HTMLElement>('input, select, textarea');
    if (wrapper === undefined || control === null || control === undefined) {
      general.push(error.message);
      continue;
    }
    const id = `${control.id}-error`;
    if (wrapper.querySelector(`[id="${id}"]`) !== null) continue;
    // Beside its field the message needs no path: "input.params.fast: fast must be …" → "fast must be …".
    const message = error.message.startsWith(`${path}: `)
      ? error.message.slice(path!.length + 2)
      : error.message;
    wrapper.append(
      h('p', { className: 'field-error', id, 'data-testid': 'field-error', role: 'alert' }, message),
    );
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute(
      'aria-describedby',
      `${control.getAttribute('aria-describedby') ?? ''} ${id}`.trim(),
    );
    first ??= control;
  }
  if (general.length > 0) {
    box.append(
      h(
        'div',
        { className: 'form-error', role: 'alert', 'data-testid': 'form-error' },
        ...general.map((m) => h('p', {}, m)),
      ),
    );
  }
  first?.focus();
}
