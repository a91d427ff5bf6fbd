type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;
type Child = Node | string | number | null | undefined | false;

/** `h('button', { type: 'submit', onclick }, 'Run')`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'className') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
  return el;
}

let nextId = 0;
/** A unique element id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled input in a `.field` wrapper that also holds its error message. */
export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  options: { fields?: string[]; hint?: string; className?: string } = {},
): HTMLDivElement {
  input.id ||= uid('f');
  const hintId = options.hint === undefined ? undefined : `${input.id}-hint`;
  if (hintId !== undefined) input.setAttribute('aria-describedby', hintId);
  const wrapper = h(
    'div',
    { className: `field ${options.className ?? ''}`.trim(), 'data-fields': (options.fields ?? []).join(' ') },
    h('label', { for: input.id }, label),
    input,
    hintId === undefined ? null : h('small', { id: hintId, className: 'hint' }, options.hint ?? ''),
  );
  return wrapper;
}

export function input(attrs: Attrs): HTMLInputElement {
  return h('input', attrs);
}

export function clear(el: Element): void {
  el.replaceChildren();
}
