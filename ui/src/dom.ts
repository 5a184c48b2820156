// A tiny DOM builder. User text is only ever set as text (textContent / text nodes),
// never parsed as HTML: this module has no way to set innerHTML.

export type Child = Node | string | number | null | undefined | false;
/** An event handler; `never` lets each handler name the event type it expects. */
type Handler = (event: never) => void;
export type Props = {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  name?: string;
  for?: string;
  checked?: boolean;
  disabled?: boolean;
  hidden?: boolean;
  tabindex?: number;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  on?: Record<string, Handler>;
  [attribute: string]: unknown;
};

/** Creates an element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "class") el.className = String(value);
    else if (key === "on") {
      for (const [event, handler] of Object.entries(value as Record<string, Handler>)) {
        el.addEventListener(event, handler as EventListener);
      }
    } else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "aria") {
      for (const [name, v] of Object.entries(value as Record<string, string>)) {
        el.setAttribute(`aria-${name}`, v);
      }
    } else if (key === "value") (el as HTMLInputElement).value = String(value);
    else if (key === "checked") (el as HTMLInputElement).checked = Boolean(value);
    else if (key === "disabled") (el as HTMLInputElement).disabled = Boolean(value);
    else if (key === "hidden") el.hidden = Boolean(value);
    else if (key === "tabindex") el.tabIndex = Number(value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Runs `fn` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

let nextId = 0;
/** A document-unique id for label/input pairs. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
