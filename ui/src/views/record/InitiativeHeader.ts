// An initiative's title and summary (with Spanish versions), edited in place.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext } from "../../context";
import type { Initiative } from "../../bindings/Initiative";
import type { InitiativeChange } from "../../bindings/InitiativeChange";

export class InitiativeHeader {
  readonly el: HTMLElement;

  constructor(private readonly ctx: AppContext, private readonly initiative: Initiative, private readonly changed: () => void) {
    this.el = h("header", { class: "initiative-header" });
    this.renderView();
  }

  private renderView() {
    const i = this.initiative;
    replace(
      this.el,
      h(
        "div",
        { class: "initiative-titles" },
        h("h3", { class: "initiative-title" }, i.title),
        i.title_es ? h("p", { class: "spanish", lang: "es" }, h("span", { class: "lang-tag" }, "ES"), i.title_es) : null,
        i.summary ? h("p", { class: "summary" }, i.summary) : null,
        i.summary_es ? h("p", { class: "spanish summary", lang: "es" }, h("span", { class: "lang-tag" }, "ES"), i.summary_es) : null,
      ),
      h("button", { type: "button", class: "button subtle", aria: { label: `Edit initiative ${i.title}` }, on: { click: () => this.renderForm() } }, "Edit"),
    );
  }

  private renderForm() {
    const i = this.initiative;
    const field = (label: string, value: string, multiline: boolean, lang?: string) => {
      const id = uid("init");
      const input = multiline ? h("textarea", { id, rows: 2, lang, value }) : h("input", { id, type: "text", lang, value });
      return { input, el: h("div", { class: "field wide" }, h("label", { for: id }, label), input) };
    };
    const title = field("Title", i.title, false);
    const titleEs = field("Spanish title", i.title_es ?? "", false, "es");
    const summary = field("Summary", i.summary ?? "", true);
    const summaryEs = field("Spanish summary", i.summary_es ?? "", true, "es");
    const error = h("div", { class: "form-error", role: "alert" });
    const form = h(
      "form",
      { class: "initiative-form" },
      title.el,
      titleEs.el,
      summary.el,
      summaryEs.el,
      error,
      h("div", { class: "actions" }, h("button", { type: "button", class: "button", on: { click: () => this.renderView() } }, "Cancel"), h("button", { type: "submit", class: "button primary" }, "Save")),
    );
    form.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") this.renderView();
    });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const orNull = (v: string) => (v.trim() ? v.trim() : null);
      const changes: InitiativeChange[] = [];
      if (!title.input.value.trim()) {
        replace(error, "Title: an initiative needs a title");
        title.input.focus();
        return;
      }
      if (title.input.value.trim() !== i.title) changes.push({ field: "title", value: title.input.value.trim() });
      if (orNull(titleEs.input.value) !== (i.title_es ?? null)) changes.push({ field: "title_es", value: orNull(titleEs.input.value) });
      if (orNull(summary.input.value) !== (i.summary ?? null)) changes.push({ field: "summary", value: orNull(summary.input.value) });
      if (orNull(summaryEs.input.value) !== (i.summary_es ?? null)) changes.push({ field: "summary_es", value: orNull(summaryEs.input.value) });
      try {
        if (changes.length) await this.ctx.api.updateInitiative(i.id ?? 0, changes);
        if (changes.length) this.ctx.notice.show("Initiative saved", "ok");
        this.changed();
      } catch (err) {
        replace(error, errorMessage(err));
      }
    });
    replace(this.el, form);
    title.input.focus();
  }
}
