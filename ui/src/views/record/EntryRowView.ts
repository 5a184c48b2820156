// One entry as a row: status (changed in place), kind, date, text, Spanish text,
// agencies, notes; Edit opens the editor in place, Delete asks first. After a change the
// row shows the entry as the shell returned it; nothing else is redrawn.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { EntryView } from "../../bindings/EntryView";
import type { EntryDate } from "../../bindings/EntryDate";
import { dateKnown, dateShown, dateSource, prepareDates } from "../../dateWords";
import type { Status } from "../../bindings/Status";
import { STATUSES, kindLabel, statusLabel } from "../../labels";
import { EntryEditor } from "../../components/EntryEditor";
import { confirmDialog } from "../../components/ConfirmDialog";
import { NotesList } from "./NotesList";
import type { RecordHost } from "./host";
import type { Touched } from "./changes";
import { t } from "../../i18n";
import { bilingual } from "../../components/Bilingual";

export class EntryRowView {
  readonly el: HTMLElement;
  private editing = false;

  constructor(
    private readonly host: RecordHost,
    private entry: EntryView,
  ) {
    this.el = h("div", { class: "entry", tabindex: 0, dataset: { entryId: String(entry.id) } });
    this.renderRow();
  }

  get id(): number {
    return this.entry.id;
  }

  /** Whether the editor is open (the row must then stay in the DOM). */
  get busy(): boolean {
    return this.editing;
  }

  /** Shows the entry as it now is. */
  update(entry: EntryView) {
    this.entry = entry;
    if (!this.editing) this.renderRow();
    // An edited date not yet seen in Spanish: its words follow the row's first paint.
    if (entry.date && !dateKnown(entry.date)) {
      void prepareDates(this.host.ctx.api, [entry.date]).then(() => {
        if (!this.editing && this.entry === entry) this.renderRow();
      });
    }
  }

  private renderRow() {
    const e = this.entry;
    const notes = new NotesList(
      this.host.ctx,
      { kind: "entry", id: e.id },
      e.notes,
      (message) => this.host.changed(this.touched(), message),
      false,
    );
    const text = bilingual(e.text, e.text_es, { class: "entry-text" });
    replace(
      this.el,
      h("div", { class: "entry-meta" }, this.statusSelect(), this.kindDate()),
      h(
        "div",
        { class: "entry-main" },
        text.main,
        text.other,
        e.agencies.length
          ? h(
              "ul",
              { class: "agencies", aria: { label: t("entry.agencies") } },
              e.agencies.map((a) => h("li", { class: "chip" }, a)),
            )
          : null,
        notes.el,
      ),
      h(
        "div",
        { class: "entry-actions" },
        h("button", { type: "button", class: "button subtle", on: { click: () => this.edit() } }, t("action.edit")),
        notes.addButton,
        h("button", { type: "button", class: "button subtle danger-text", on: { click: () => void this.remove() } }, t("action.delete")),
      ),
    );
  }

  private statusSelect(): HTMLSelectElement {
    const e = this.entry;
    const select = h(
      "select",
      {
        class: `status status-${e.status}`,
        aria: { label: t("entry.status") },
        title: e.status_phrase ? t("entry.status_read_from", { phrase: e.status_phrase }) : t("entry.status"),
      },
      STATUSES.map((s) => h("option", { value: s }, statusLabel(s))),
    );
    select.value = e.status;
    select.addEventListener("change", () => void this.setStatus(select.value as Status, select));
    return select;
  }

  private kindDate(): HTMLElement {
    const e = this.entry;
    return h(
      "span",
      { class: "kind-date" },
      h("span", { class: "kind" }, kindLabel(e.kind)),
      e.date
        ? h("span", { class: "date", title: this.dateTitle(e.date) }, dateShown(e.date))
        : h("span", { class: "date undated" }, t("entry.undated")),
    );
  }

  /** The source's words when Spanish words show, and the EDTF value (or its absence). */
  private dateTitle(date: EntryDate): string {
    const value = date.edtf ? `EDTF ${date.edtf}` : t("entry.no_calendar_date");
    const source = dateSource(date);
    return source ? `${source} · ${value}` : value;
  }

  private touched(): Touched {
    const initiativeId = this.entry.initiative_id;
    if (initiativeId === null) return { scope: "general" };
    return { scope: "entry", initiativeId, entryId: this.entry.id };
  }

  private async setStatus(status: Status, select: HTMLSelectElement) {
    select.disabled = true;
    try {
      const current = await this.host.ctx.api.updateEntry(this.entry.id, [{ field: "status", value: status }]);
      await this.host.changed(this.touched(), t("entry.status_set", { status: statusLabel(status) }), current);
    } catch (e) {
      select.value = this.entry.status;
      this.host.ctx.notice.show(errorMessage(e), "error");
    } finally {
      select.disabled = false;
    }
  }

  private edit() {
    this.editing = true;
    const close = () => {
      this.editing = false;
      this.renderRow();
      this.el.focus();
    };
    const editor = new EntryEditor(this.entry, {
      readDate: this.host.ctx.api.readDate,
      onSave: async (changes) => {
        const current = await this.host.ctx.api.updateEntry(this.entry.id, changes);
        this.entry = current;
        close();
        await this.host.changed(this.touched(), t("entry.saved"), current);
      },
      onCancel: close,
    });
    replace(this.el, editor.el);
    editor.focus();
  }

  private async remove() {
    const ok = await confirmDialog(t("entry.delete_question"), this.entry.text, t("entry.delete_confirm"));
    if (!ok) return;
    this.host.ctx.notice.show(t("entry.deleting"), "busy");
    try {
      await this.host.ctx.api.deleteEntry(this.entry.id);
      const initiativeId = this.entry.initiative_id;
      await this.host.changed(initiativeId === null ? { scope: "general" } : { scope: "entries", initiativeId }, t("entry.deleted"));
    } catch (e) {
      this.host.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
