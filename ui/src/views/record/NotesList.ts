// Briefing notes on an initiative or an entry (points to make, if raised, background):
// listed, added, deleted.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext } from "../../context";
import type { Note } from "../../bindings/Note";
import type { NoteKind } from "../../bindings/NoteKind";
import type { NoteTarget } from "../../bindings/NoteTarget";
import { NOTE_KINDS, noteLabel } from "../../labels";
import { confirmDialog } from "../../components/ConfirmDialog";

export class NotesList {
  readonly el: HTMLElement;
  /** "+ Note"; placed by the caller when `placeAdd` is false (an entry shows it among its actions). */
  readonly addButton: HTMLButtonElement;
  private readonly form: HTMLElement;

  constructor(private readonly ctx: AppContext, private readonly target: NoteTarget, notes: Note[], private readonly changed: () => void, placeAdd = true) {
    this.form = h("div", { class: "note-form-slot" });
    const add = h("button", { type: "button", class: placeAdd ? "link add-note" : "button subtle", on: { click: () => this.openForm(add) } }, placeAdd ? "+ Note" : "Note");
    this.addButton = add;
    this.el = h(
      "div",
      { class: "notes" },
      notes.length
        ? h(
            "ul",
            { class: "note-list" },
            notes.map((n) =>
              h(
                "li",
                { class: `note note-${n.kind}` },
                h("span", { class: "note-kind" }, noteLabel[n.kind]),
                h("span", { class: "note-text" }, n.text),
                h("button", { type: "button", class: "link danger-text", aria: { label: `Delete note: ${n.text}` }, on: { click: () => void this.remove(n) } }, "Delete"),
              ),
            ),
          )
        : null,
      this.form,
      placeAdd ? add : null,
    );
  }

  private openForm(add: HTMLElement) {
    add.hidden = true;
    const kindId = uid("note-kind");
    const textId = uid("note-text");
    const kind = h("select", { id: kindId }, NOTE_KINDS.map((k) => h("option", { value: k }, noteLabel[k])));
    const text = h("textarea", { id: textId, rows: 2 });
    const error = h("div", { class: "form-error", role: "alert" });
    const close = () => {
      replace(this.form);
      add.hidden = false;
      add.focus();
    };
    const form = h(
      "form",
      { class: "note-form" },
      h("div", { class: "field" }, h("label", { for: kindId }, "Kind"), kind),
      h("div", { class: "field wide" }, h("label", { for: textId }, "Note"), text),
      error,
      h("div", { class: "actions" }, h("button", { type: "button", class: "button", on: { click: close } }, "Cancel"), h("button", { type: "submit", class: "button primary" }, "Add note")),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!text.value.trim()) {
        replace(error, "Note: type some text first");
        text.focus();
        return;
      }
      try {
        await this.ctx.api.addNote(this.target, kind.value as NoteKind, text.value.trim());
        this.ctx.notice.show("Note added", "ok");
        this.changed();
      } catch (err) {
        replace(error, errorMessage(err));
      }
    });
    form.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    });
    replace(this.form, form);
    text.focus();
  }

  private async remove(note: Note) {
    if (!(await confirmDialog("Delete this note?", note.text, "Delete note"))) return;
    try {
      await this.ctx.api.deleteNote(note.id ?? 0);
      this.ctx.notice.show("Note deleted", "ok");
      this.changed();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
