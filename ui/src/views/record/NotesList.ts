// Briefing notes on an initiative or an entry (objective, points to make, if raised,
// background, press; a question may carry its answer): listed, added, deleted. The owner
// is told of each saved change, to show it and offer to undo it.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext } from "../../context";
import type { NoteView } from "../../bindings/NoteView";
import type { NoteKind } from "../../bindings/NoteKind";
import type { NoteTarget } from "../../bindings/NoteTarget";
import { noteLabel } from "../../labels";
import { confirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n";
import { bilingual } from "../../components/Bilingual";

/** Every kind a note on the record may have; if raised and press take an answer. */
const RECORD_NOTE_KINDS: NoteKind[] = ["objective", "points_to_make", "if_raised", "background", "press"];
const takesAnswer = (kind: string) => kind === "if_raised" || kind === "press";

export class NotesList {
  readonly el: HTMLElement;
  /** "+ Note"; placed by the caller when `placeAdd` is false (an entry shows it among its actions). */
  readonly addButton: HTMLButtonElement;
  private readonly form: HTMLElement;

  constructor(
    private readonly ctx: AppContext,
    private readonly target: NoteTarget,
    notes: NoteView[],
    private readonly saved: (message: string) => Promise<void>,
    placeAdd = true,
  ) {
    this.form = h("div", { class: "note-form-slot" });
    const add = h(
      "button",
      { type: "button", class: placeAdd ? "link add-note" : "button subtle", on: { click: () => this.openForm(add) } },
      placeAdd ? t("notes.add_short") : t("notes.note"),
    );
    this.addButton = add;
    this.el = h(
      "div",
      { class: "notes" },
      notes.length
        ? h(
            "ul",
            { class: "note-list" },
            notes.map((n) => this.note(n)),
          )
        : null,
      this.form,
      placeAdd ? add : null,
    );
  }

  private note(n: NoteView): HTMLElement {
    const text = bilingual(n.text, n.text_es, { tag: "span", class: "note-text", otherTag: "span", otherClass: "note-other" });
    return h(
      "li",
      { class: `note note-${n.kind}` },
      h("span", { class: "note-kind" }, noteLabel(n.kind)),
      h("span", { class: "note-body" }, text.main, text.other),
      n.answer ? h("span", { class: "note-answer" }, `→ ${n.answer}`) : null,
      h(
        "button",
        {
          type: "button",
          class: "link danger-text",
          aria: { label: t("notes.delete_label", { text: n.text }) },
          on: { click: () => void this.remove(n) },
        },
        t("action.delete"),
      ),
    );
  }

  private openForm(add: HTMLElement) {
    add.hidden = true;
    const kindId = uid("note-kind");
    const textId = uid("note-text");
    const kind = h(
      "select",
      { id: kindId },
      RECORD_NOTE_KINDS.map((k) => h("option", { value: k }, noteLabel(k))),
    );
    kind.value = "points_to_make";
    const text = h("textarea", { id: textId, rows: 2 });
    const answerId = uid("note-answer");
    const answer = h("textarea", { id: answerId, rows: 2, class: "note-answer-input" });
    const answerField = h("div", { class: "field wide", hidden: true }, h("label", { for: answerId }, t("notes.answer")), answer);
    kind.addEventListener("change", () => (answerField.hidden = !takesAnswer(kind.value)));
    const error = h("div", { class: "form-error", role: "alert" });
    const close = () => {
      replace(this.form);
      add.hidden = false;
      add.focus();
    };
    const submit = h("button", { type: "submit", class: "button primary" }, t("notes.add"));
    const form = h(
      "form",
      { class: "note-form" },
      h("div", { class: "field" }, h("label", { for: kindId }, t("notes.kind")), kind),
      h("div", { class: "field wide" }, h("label", { for: textId }, t("notes.note")), text),
      answerField,
      error,
      h("div", { class: "actions" }, h("button", { type: "button", class: "button", on: { click: close } }, t("action.cancel")), submit),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.add(kind.value as NoteKind, text, takesAnswer(kind.value) ? answer.value : "", error, submit);
    });
    form.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    });
    replace(this.form, form);
    text.focus();
  }

  private async add(kind: NoteKind, text: HTMLTextAreaElement, answer: string, error: HTMLElement, submit: HTMLButtonElement) {
    if (!text.value.trim()) {
      replace(error, t("notes.needs_text"));
      text.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("notes.adding");
    replace(error);
    try {
      await this.ctx.api.addAnsweredNote(this.target, kind, text.value.trim(), answer.trim() || null);
      await this.saved(t("notes.added"));
    } catch (err) {
      replace(error, errorMessage(err));
    } finally {
      submit.disabled = false;
      submit.textContent = t("notes.add");
    }
  }

  private async remove(note: NoteView) {
    if (!(await confirmDialog(t("notes.delete_question"), note.text, t("notes.delete_confirm")))) return;
    this.ctx.notice.show(t("notes.deleting"), "busy");
    try {
      await this.ctx.api.deleteNote(note.id);
      await this.saved(t("notes.deleted"));
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
