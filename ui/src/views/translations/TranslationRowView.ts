// One text beside its Spanish version, which is edited in place and saved on its own
// (Save, or Ctrl+Enter). A missing translation is marked; a saved one can be undone from
// the status line like any other edit.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { TextKind } from "../../bindings/TextKind";
import type { TranslationRow } from "../../bindings/TranslationRow";
import { t } from "../../i18n";

export interface RowHost {
  /** Saves `text` (null removes it) as the Spanish version of a row's text; rejects with the shell's error. */
  save(kind: TextKind, id: number, text: string | null): Promise<void>;
}

export class TranslationRowView {
  readonly el: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly error: HTMLElement;

  constructor(
    private readonly host: RowHost,
    private row: TranslationRow,
  ) {
    const id = uid("tr");
    this.input = h("textarea", {
      id,
      rows:
        row.text.length > 120 ? 3 : row.kind === "pillar_title" || row.kind === "initiative_title" || row.kind === "dialogue_name" ? 1 : 2,
      lang: "es",
      class: "translation-input",
      value: row.text_es ?? "",
      placeholder: t("translations.missing_placeholder"),
    });
    this.saveButton = h("button", { type: "button", class: "button subtle translation-save", disabled: true }, t("action.save"));
    this.error = h("div", { class: "form-error", role: "alert" });
    this.el = h("li", {
      class: "translation-row",
      dataset: { kind: row.kind, id: String(row.id) },
    });
    this.input.addEventListener("input", () => this.dirty());
    this.input.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.save();
      } else if (e.key === "Escape") {
        this.input.value = this.row.text_es ?? "";
        this.dirty();
      }
    });
    this.saveButton.addEventListener("click", () => void this.save());
    this.draw(id);
  }

  /** Whether the Spanish field differs from what is stored. */
  get changed(): boolean {
    return (this.input.value.trim() || null) !== (this.row.text_es ?? null);
  }

  private draw(id: string) {
    const r = this.row;
    replace(
      this.el,
      h(
        "div",
        { class: "translation-source" },
        h(
          "span",
          { class: "translation-kind" },
          t(`translations.kind_${r.kind}`),
          r.initiative ? h("span", { class: "muted" }, ` · ${r.initiative}`) : null,
        ),
        h("p", { class: "translation-text", lang: "en" }, r.text),
      ),
      h(
        "div",
        { class: "translation-target" },
        h("label", { for: id, class: "visually-hidden" }, t("translations.spanish_of", { text: r.text.slice(0, 80) })),
        this.input,
        h("div", { class: "translation-actions" }, this.badge(), this.saveButton),
        this.error,
      ),
    );
    this.el.classList.toggle("missing", !r.text_es);
  }

  private badge(): HTMLElement {
    return h(
      "span",
      { class: this.row.text_es ? "badge done" : "badge missing" },
      this.row.text_es ? t("translations.translated") : t("translations.missing"),
    );
  }

  private dirty() {
    this.saveButton.disabled = !this.changed;
    this.el.classList.toggle("dirty", this.changed);
  }

  async save(): Promise<boolean> {
    if (!this.changed) return true;
    const text = this.input.value.trim() || null;
    this.saveButton.disabled = true;
    this.saveButton.textContent = t("action.saving");
    replace(this.error);
    try {
      await this.host.save(this.row.kind, this.row.id, text);
      this.row = { ...this.row, text_es: text };
      const badge = this.el.querySelector(".badge");
      badge?.replaceWith(this.badge());
      this.el.classList.toggle("missing", !text);
      this.el.classList.remove("dirty");
      return true;
    } catch (e) {
      replace(this.error, errorMessage(e));
      this.saveButton.disabled = false;
      return false;
    } finally {
      this.saveButton.textContent = t("action.save");
    }
  }
}
