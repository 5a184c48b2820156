// Edits one entry in place (or types a new one): text, Spanish text, kind, status, date
// and agencies. Saving sends only what changed, as one change the user can undo. Nothing
// typed is lost when the date cannot be read or the shell refuses the change.

import { h, replace, uid } from "../dom";
import { DateInput, type DateReader } from "./DateInput";
import { KINDS, STATUSES, kindLabel, parseAgencies, statusLabel } from "../labels";
import type { EntryView } from "../bindings/EntryView";
import type { EntryChange } from "../bindings/EntryChange";
import type { EntryKind } from "../bindings/EntryKind";
import type { NewEntry } from "../bindings/NewEntry";
import type { Status } from "../bindings/Status";
import { t } from "../i18n";
import { errorMessage } from "../api";

/** The fields the editor shows and changes. */
export type EditableEntry = Pick<EntryView, "text" | "text_es" | "kind" | "status" | "date" | "agencies">;

export interface EntryEditorDeps {
  readDate: DateReader;
  /** Saves an edit; rejects with the shell's error. */
  onSave?: (changes: EntryChange[]) => Promise<void>;
  /** Creates an entry; rejects with the shell's error. */
  onCreate?: (entry: NewEntry) => Promise<void>;
  onCancel: () => void;
}

export class EntryEditor {
  readonly el: HTMLFormElement;
  readonly text: HTMLTextAreaElement;
  readonly textEs: HTMLTextAreaElement;
  readonly kind: HTMLSelectElement;
  readonly status: HTMLSelectElement;
  readonly agencies: HTMLInputElement;
  readonly date: DateInput;
  private readonly error: HTMLElement;
  private readonly saveButton: HTMLButtonElement;

  constructor(
    private readonly entry: EditableEntry | null,
    private readonly deps: EntryEditorDeps,
  ) {
    const ids = { text: uid("text"), es: uid("text-es"), kind: uid("kind"), status: uid("status"), ag: uid("agencies") };
    this.text = h("textarea", { id: ids.text, rows: 3, required: "", value: entry?.text ?? "" });
    this.textEs = h("textarea", { id: ids.es, rows: 2, lang: "es", value: entry?.text_es ?? "" });
    this.kind = h(
      "select",
      { id: ids.kind },
      KINDS.map((k) => h("option", { value: k, selected: (entry?.kind ?? "commitment") === k ? "" : undefined }, kindLabel(k))),
    );
    this.status = h(
      "select",
      { id: ids.status },
      STATUSES.map((s) => h("option", { value: s, selected: (entry?.status ?? "planned") === s ? "" : undefined }, statusLabel(s))),
    );
    this.kind.value = entry?.kind ?? "commitment";
    this.status.value = entry?.status ?? "planned";
    this.agencies = h("input", {
      id: ids.ag,
      type: "text",
      value: (entry?.agencies ?? []).join(", "),
      placeholder: t("editor.agencies_placeholder"),
    });
    this.date = new DateInput(deps.readDate, entry?.date ?? null);
    this.error = h("div", { class: "form-error", role: "alert" });
    this.saveButton = h("button", { type: "submit", class: "button primary" }, entry ? t("editor.save") : t("editor.add"));
    this.el = h(
      "form",
      { class: "entry-editor", novalidate: "", aria: { label: entry ? t("editor.edit_label") : t("editor.new_label") } },
      h("div", { class: "field wide" }, h("label", { for: ids.text }, t("editor.text")), this.text),
      h(
        "div",
        { class: "field wide" },
        h("label", { for: ids.es }, `${t("editor.text_es")} `, h("span", { class: "muted" }, t("editor.optional"))),
        this.textEs,
      ),
      h(
        "div",
        { class: "field-row" },
        h("div", { class: "field" }, h("label", { for: ids.kind }, t("editor.kind")), this.kind),
        h("div", { class: "field" }, h("label", { for: ids.status }, t("editor.status")), this.status),
        this.date.el,
        h("div", { class: "field" }, h("label", { for: ids.ag }, t("editor.agencies")), this.agencies),
      ),
      this.error,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "button", on: { click: () => deps.onCancel() } }, t("action.cancel")),
        this.saveButton,
      ),
    );
    this.el.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    this.el.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        deps.onCancel();
      } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.save();
      }
    });
  }

  /** The fields that differ from the entry being edited (all of them for a new entry). */
  async changes(): Promise<EntryChange[]> {
    const text = this.text.value.trim();
    if (!text) throw new Error(t("editor.needs_text"));
    const date = await this.date.value();
    const es = this.textEs.value.trim() || null;
    const agencies = parseAgencies(this.agencies.value);
    const kind = this.kind.value as EntryKind;
    const status = this.status.value as Status;
    const old = this.entry;
    const out: EntryChange[] = [];
    if (!old || old.text !== text) out.push({ field: "text", value: text });
    if (!old || (old.text_es ?? null) !== es) out.push({ field: "text_es", value: es });
    if (!old || old.kind !== kind) out.push({ field: "kind", value: kind });
    if (!old || old.status !== status) out.push({ field: "status", value: status });
    if (!old || JSON.stringify(old.date ?? null) !== JSON.stringify(date)) out.push({ field: "date", value: date });
    if (!old || old.agencies.join("\u0000") !== agencies.join("\u0000")) out.push({ field: "agencies", value: agencies });
    return out;
  }

  async save(): Promise<boolean> {
    replace(this.error);
    let changes: EntryChange[];
    try {
      changes = await this.changes();
    } catch (e) {
      this.fail(e);
      return false;
    }
    this.saveButton.disabled = true;
    try {
      if (this.entry) {
        if (changes.length === 0) {
          this.deps.onCancel();
          return true;
        }
        await this.deps.onSave?.(changes);
      } else {
        await this.deps.onCreate?.({
          kind: this.kind.value as EntryKind,
          text: this.text.value.trim(),
          status: this.status.value as Status,
          date: await this.date.value(),
          agencies: parseAgencies(this.agencies.value),
        });
      }
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  focus() {
    this.text.focus();
  }

  private fail(e: unknown) {
    replace(this.error, errorMessage(e));
    if (this.date.current.kind === "invalid") this.date.input.focus();
  }
}
