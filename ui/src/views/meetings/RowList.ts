// One list of a meeting (objectives, agenda items, participants, press lines, notes):
// rows added, removed and moved in place, so a row's fields (and what was typed in them)
// survive changes to its neighbours. The list's array is kept in the rows' order.

import { h, replace } from "../../dom";
import { t } from "../../i18n";

/** One row as built by the list's owner. */
export interface RowView {
  fields: HTMLElement[];
}

export interface RowListOptions<T> {
  /** The list's name in the core's messages ("agenda"), set as `data-list`. */
  name: string;
  /** What one row is ("Agenda item"), for labels. */
  what: string;
  addLabel: string;
  items: T[];
  blank: () => T;
  /** Builds a row's fields; `position()` is its current 1-based place. */
  row: (item: T, position: () => number) => RowView;
  changed: () => void;
}

interface Row<T> {
  item: T;
  view: RowView;
  el: HTMLLIElement;
}

export class RowList<T> {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private rows: Row<T>[] = [];

  constructor(private readonly o: RowListOptions<T>) {
    this.list = h("ol", { class: "meeting-rows", dataset: { list: o.name } });
    this.empty = h("p", { class: "muted" }, t("meetings.empty_list"));
    const add = h("button", { type: "button", class: "link add-row", dataset: { add: o.name } }, o.addLabel);
    add.addEventListener("click", () => this.add());
    for (const item of o.items) this.rows.push(this.build(item));
    this.el = h("div", { class: "meeting-list" }, this.empty, this.list, add);
    this.layout();
  }

  /** Adds a blank row at the end and focuses its first field. */
  add(): void {
    const row = this.build(this.o.blank());
    this.rows.push(row);
    this.layout();
    this.o.changed();
    row.el.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }

  /** The row element at a 0-based index (to point at a field the core refused). */
  rowAt(index: number): HTMLElement | null {
    return this.rows[index]?.el ?? null;
  }

  private build(item: T): Row<T> {
    const row: Row<T> = { item, view: { fields: [] }, el: h("li", { class: "meeting-row" }) };
    row.view = this.o.row(item, () => this.rows.indexOf(row) + 1);
    return row;
  }

  private move(row: Row<T>, delta: number) {
    const i = this.rows.indexOf(row);
    const j = i + delta;
    if (j < 0 || j >= this.rows.length) return;
    [this.rows[i], this.rows[j]] = [this.rows[j], this.rows[i]];
    this.layout();
    this.o.changed();
    row.el.querySelector<HTMLElement>(delta < 0 ? ".move-up" : ".move-down")?.focus();
  }

  private remove(row: Row<T>) {
    const i = this.rows.indexOf(row);
    this.rows.splice(i, 1);
    this.layout();
    this.o.changed();
    const next = this.rows[Math.min(i, this.rows.length - 1)];
    (next?.el.querySelector<HTMLElement>(".remove-row") ?? this.el.querySelector<HTMLElement>(".add-row"))?.focus();
  }

  /** Puts the rows in order in the DOM (moving, not rebuilding, their fields), renews the
   * actions' labels and keeps the array in the same order. */
  private layout() {
    const what = this.o.what.toLowerCase();
    this.o.items.splice(0, this.o.items.length, ...this.rows.map((r) => r.item));
    this.empty.hidden = this.rows.length > 0;
    for (const [i, row] of this.rows.entries()) {
      const n = i + 1;
      row.el.dataset.index = String(i);
      const actions = h(
        "div",
        { class: "row-actions" },
        h("span", { class: "row-number", aria: { hidden: "true" } }, String(n)),
        h(
          "button",
          {
            type: "button",
            class: "button subtle move-up",
            disabled: i === 0,
            aria: { label: t("meetings.move_up", { what, n }) },
            on: { click: () => this.move(row, -1) },
          },
          "↑",
        ),
        h(
          "button",
          {
            type: "button",
            class: "button subtle move-down",
            disabled: i === this.rows.length - 1,
            aria: { label: t("meetings.move_down", { what, n }) },
            on: { click: () => this.move(row, 1) },
          },
          "↓",
        ),
        h(
          "button",
          {
            type: "button",
            class: "button subtle danger-text remove-row",
            aria: { label: t("meetings.remove_row", { what, n }) },
            on: { click: () => this.remove(row) },
          },
          t("meetings.remove"),
        ),
      );
      if (row.el.childElementCount === 0) row.el.append(h("div", { class: "row-fields" }, row.view.fields), actions);
      else row.el.replaceChild(actions, row.el.lastElementChild as Element);
    }
    replace(
      this.list,
      this.rows.map((r) => r.el),
    );
  }
}
