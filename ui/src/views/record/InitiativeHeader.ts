// An initiative's title and summary (with Spanish versions), edited in place.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { InitiativeOutline } from "../../bindings/InitiativeOutline";
import type { InitiativeChange } from "../../bindings/InitiativeChange";
import type { RecordHost } from "./host";
import { t } from "../../i18n";
import { bilingual, preferredText } from "../../components/Bilingual";

type Field = { input: HTMLInputElement | HTMLTextAreaElement; el: HTMLElement };

function field(label: string, value: string, multiline: boolean, lang?: string): Field {
  const id = uid("init");
  const input = multiline ? h("textarea", { id, rows: 2, lang, value }) : h("input", { id, type: "text", lang, value });
  return { input, el: h("div", { class: "field wide" }, h("label", { for: id }, label), input) };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

export class InitiativeHeader {
  readonly el: HTMLElement;

  constructor(
    private readonly host: RecordHost,
    private readonly initiative: InitiativeOutline,
  ) {
    this.el = h("header", { class: "initiative-header" });
    this.renderView();
  }

  private renderView() {
    const i = this.initiative;
    // Each text in the interface's language first, the other beneath it.
    const title = bilingual(i.title, i.title_es, { tag: "h3", class: "initiative-title" });
    const summary = bilingual(i.summary, i.summary_es, { class: "summary", otherClass: "summary" });
    replace(
      this.el,
      h("div", { class: "initiative-titles" }, title.main, title.other, summary.main, summary.other),
      h(
        "button",
        {
          type: "button",
          class: "button subtle",
          aria: { label: t("initiative.edit_label", { title: preferredText(i.title, i.title_es) }) },
          on: { click: () => this.renderForm() },
        },
        t("action.edit"),
      ),
    );
  }

  private renderForm() {
    const i = this.initiative;
    const fields = {
      title: field(t("initiative.title"), i.title, false),
      titleEs: field(t("initiative.title_es"), i.title_es ?? "", false, "es"),
      summary: field(t("initiative.summary"), i.summary ?? "", true),
      summaryEs: field(t("initiative.summary_es"), i.summary_es ?? "", true, "es"),
    };
    const error = h("div", { class: "form-error", role: "alert" });
    const submit = h("button", { type: "submit", class: "button primary" }, t("action.save"));
    const form = h(
      "form",
      { class: "initiative-form" },
      Object.values(fields).map((f) => f.el),
      error,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "button", on: { click: () => this.renderView() } }, t("action.cancel")),
        submit,
      ),
    );
    form.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") this.renderView();
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save(fields, error, submit);
    });
    replace(this.el, form);
    fields.title.input.focus();
  }

  private changes(fields: Record<"title" | "titleEs" | "summary" | "summaryEs", Field>): InitiativeChange[] {
    const i = this.initiative;
    const changes: InitiativeChange[] = [];
    const title = fields.title.input.value.trim();
    if (title !== i.title) changes.push({ field: "title", value: title });
    if (orNull(fields.titleEs.input.value) !== i.title_es) changes.push({ field: "title_es", value: orNull(fields.titleEs.input.value) });
    if (orNull(fields.summary.input.value) !== i.summary) changes.push({ field: "summary", value: orNull(fields.summary.input.value) });
    if (orNull(fields.summaryEs.input.value) !== i.summary_es)
      changes.push({ field: "summary_es", value: orNull(fields.summaryEs.input.value) });
    return changes;
  }

  private async save(fields: Record<"title" | "titleEs" | "summary" | "summaryEs", Field>, error: HTMLElement, submit: HTMLButtonElement) {
    if (!fields.title.input.value.trim()) {
      replace(error, t("initiative.needs_title"));
      fields.title.input.focus();
      return;
    }
    const changes = this.changes(fields);
    if (!changes.length) {
      this.renderView();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("action.saving");
    try {
      await this.host.ctx.api.updateInitiative(this.initiative.id, changes);
      await this.host.changed({ scope: "heading", initiativeId: this.initiative.id }, t("initiative.saved"));
    } catch (err) {
      replace(error, errorMessage(err));
      submit.disabled = false;
      submit.textContent = t("action.save");
    }
  }
}
