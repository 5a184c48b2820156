// Small form helpers of the packet builder: a checkbox, blank-as-unset text, list
// membership.

import { h } from "../../dom";

/** A labelled checkbox that reports each change. */
export function checkbox(label: string, checked: boolean, onChange: (on: boolean) => void, id?: string): HTMLElement {
  const box = h("input", { type: "checkbox", id, checked });
  box.addEventListener("change", () => onChange(box.checked));
  return h("label", { class: "check" }, box, h("span", {}, label));
}

/** Blank text means "not set". */
export function orNull(v: string): string | null {
  return v.trim() ? v.trim() : null;
}

/** Adds `item` to `list` or removes it, keeping the list free of repeats. */
export function toggle<T>(list: T[], item: T, on: boolean) {
  const i = list.indexOf(item);
  if (on && i < 0) list.push(item);
  if (!on && i >= 0) list.splice(i, 1);
}
