// One entry as a row: status (changed in place), kind, date, text, Spanish text,
// agencies, notes; Edit opens the editor in place, Delete asks first.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext } from "../../context";
import type { Entry } from "../../bindings/Entry";
import type { Status } from "../../bindings/Status";
import { STATUSES, kindLabel, statusLabel } from "../../labels";
import { EntryEditor } from "../../components/EntryEditor";
import { confirmDialog } from "../../components/ConfirmDialog";
import { NotesList } from "./NotesList";

export class EntryRowView {
  readonly el: HTMLElement;

  constructor(private readonly ctx: AppContext, private readonly entry: Entry, private readonly changed: () => void) {
    this.el = h("div", { class: "entry", tabindex: 0, dataset: { entryId: String(entry.id) } });
    this.renderRow();
  }

  private renderRow() {
    const e = this.entry;
    const status = h(
      "select",
      { class: `status status-${e.status}`, aria: { label: "Status" }, title: e.status_phrase ? `Read from “${e.status_phrase}”` : "Status" },
      STATUSES.map((s) => h("option", { value: s }, statusLabel[s])),
    );
    status.value = e.status;
    status.addEventListener("change", () => void this.setStatus(status.value as Status, status));
    const notes = new NotesList(this.ctx, { kind: "entry", id: e.id ?? 0 }, e.notes, this.changed, false);
    replace(
      this.el,
      h(
        "div",
        { class: "entry-meta" },
        status,
        h(
          "span",
          { class: "kind-date" },
          h("span", { class: "kind" }, kindLabel[e.kind]),
          e.date ? h("span", { class: "date", title: e.date.edtf ? `EDTF ${e.date.edtf}` : "No calendar date" }, e.date.text) : h("span", { class: "date undated" }, "undated"),
        ),
      ),
      h(
        "div",
        { class: "entry-main" },
        h("p", { class: "entry-text" }, e.text),
        e.text_es ? h("p", { class: "spanish", lang: "es" }, h("span", { class: "lang-tag" }, "ES"), e.text_es) : null,
        e.agencies.length ? h("ul", { class: "agencies", aria: { label: "Agencies" } }, e.agencies.map((a) => h("li", { class: "chip" }, a))) : null,
        notes.el,
      ),
      h(
        "div",
        { class: "entry-actions" },
        h("button", { type: "button", class: "button subtle", on: { click: () => this.edit() } }, "Edit"),
        notes.addButton,
        h("button", { type: "button", class: "button subtle danger-text", on: { click: () => void this.remove() } }, "Delete"),
      ),
    );
  }

  private async setStatus(status: Status, select: HTMLSelectElement) {
    try {
      await this.ctx.api.updateEntry(this.entry.id ?? 0, [{ field: "status", value: status }]);
      this.entry.status = status;
      select.className = `status status-${status}`;
      this.ctx.notice.show(`Status set to ${statusLabel[status]}`, "ok", { label: "Undo", run: () => void this.undo() });
    } catch (e) {
      select.value = this.entry.status;
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private async undo() {
    try {
      const what = await this.ctx.api.undoLast();
      this.ctx.notice.show(what ? `Undone: ${what}` : "Nothing to undo", "ok");
      this.changed();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private edit() {
    const editor = new EntryEditor(this.entry, {
      readDate: this.ctx.api.readDate,
      onSave: async (changes) => {
        await this.ctx.api.updateEntry(this.entry.id ?? 0, changes);
        this.ctx.notice.show("Entry saved", "ok", { label: "Undo", run: () => void this.undo() });
        this.changed();
      },
      onCancel: () => {
        this.renderRow();
        this.el.focus();
      },
    });
    replace(this.el, editor.el);
    editor.focus();
  }

  private async remove() {
    const ok = await confirmDialog("Delete this entry?", this.entry.text, "Delete entry");
    if (!ok) return;
    try {
      await this.ctx.api.deleteEntry(this.entry.id ?? 0);
      this.ctx.notice.show("Entry deleted", "ok", { label: "Undo", run: () => void this.undo() });
      this.changed();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
