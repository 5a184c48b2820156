// The translation editor: every text of the record beside its Spanish version, a pillar
// at a time (the dialogue's own texts first), with how much of each pillar is translated
// and a "missing only" filter. A pillar's texts are read when it is chosen and drawn a
// page at a time, so a record of 12,000 entries stays quick. Each saved translation is
// one undoable change.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { TextKind } from "../../bindings/TextKind";
import type { TranslationGroup } from "../../bindings/TranslationGroup";
import type { TranslationRow } from "../../bindings/TranslationRow";
import { roman } from "../../labels";
import { t } from "../../i18n";
import { TranslationRowView, type RowHost } from "./TranslationRowView";

/** Rows drawn at first and added by each "Show more". */
export const TRANSLATION_PAGE = 100;

/** A group's key, to keep the choice across reloads. */
const keyOf = (g: TranslationGroup) => `${g.dialogue_id}:${g.pillar_id ?? "d"}`;

/** "II · Title" for a pillar, the dialogue's name for its own texts. */
export function groupLabel(g: TranslationGroup): string {
  return g.number === null ? t("translations.dialogue_texts", { dialogue: g.dialogue }) : `${roman(g.number)} · ${g.title}`;
}

/** The filled part of a group's bar (set through the CSSOM: the CSP forbids style attributes). */
function fill(pct: number): HTMLElement {
  const el = h("span", { class: "group-fill" });
  el.style.width = `${pct}%`;
  return el;
}

export class TranslationsView implements View, RowHost {
  readonly el: HTMLElement;
  private readonly groupsEl: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLElement;
  private readonly status: HTMLElement;
  readonly missingOnly: HTMLInputElement;
  private groups: TranslationGroup[] = [];
  private chosen: string | null = null;
  private rows: TranslationRow[] = [];
  private shown = 0;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    this.groupsEl = h("ul", { class: "translation-groups", aria: { label: t("translations.pillars") } });
    this.list = h("ol", { class: "translation-list", id: "translation-list" });
    this.more = h("div", { class: "entries-more" });
    this.status = h("p", { class: "muted translation-status", aria: { live: "polite" } });
    this.missingOnly = h("input", { type: "checkbox", id: "translations-missing-only" });
    this.missingOnly.addEventListener("change", () => this.draw());
    this.el = h(
      "section",
      { class: "view translations-view", aria: { labelledby: "translations-title" } },
      h(
        "header",
        { class: "view-header" },
        h("h1", { id: "translations-title" }, t("translations.title")),
        h(
          "label",
          { class: "check header-check", for: "translations-missing-only" },
          this.missingOnly,
          h("span", {}, t("translations.missing_only")),
        ),
      ),
      h("p", { class: "lead" }, t("translations.lead")),
      h(
        "div",
        { class: "translations-layout" },
        h("nav", { class: "translation-nav" }, this.groupsEl),
        h("div", { class: "translation-main" }, this.status, this.list, this.more),
      ),
    );
  }

  async show() {
    await this.loadGroups();
    const first = this.groups.find((g) => keyOf(g) === this.chosen) ?? this.groups.find((g) => g.pillar_id !== null) ?? this.groups[0];
    if (first) await this.choose(first);
    else replace(this.status, t("record.empty"));
  }

  /** The pillars with their counts; the chosen one stays marked. */
  private async loadGroups() {
    try {
      this.groups = await this.ctx.api.translationGroups();
    } catch (e) {
      replace(this.groupsEl, h("li", { class: "error-text" }, errorMessage(e)));
      return;
    }
    replace(
      this.groupsEl,
      this.groups.map((g) => {
        const pct = g.total ? Math.round((100 * g.translated) / g.total) : 100;
        return h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "translation-group",
              dataset: { key: keyOf(g) },
              aria: { current: keyOf(g) === this.chosen ? "true" : "false" },
              on: { click: () => void this.choose(g) },
            },
            h("span", { class: "group-name" }, groupLabel(g)),
            h("span", { class: "group-count" }, t("translations.count", { translated: g.translated, total: g.total })),
            h("span", { class: "group-bar", aria: { hidden: "true" } }, fill(pct)),
          ),
        );
      }),
    );
  }

  /** Reads the texts of group `g` and draws the first page. */
  private async choose(g: TranslationGroup) {
    const seq = ++this.seq;
    this.chosen = keyOf(g);
    for (const b of this.groupsEl.querySelectorAll<HTMLElement>(".translation-group"))
      b.setAttribute("aria-current", String(b.dataset.key === this.chosen));
    replace(this.status, t("common.loading"));
    try {
      const rows = await this.ctx.api.translationTexts(g.dialogue_id, g.pillar_id);
      if (seq !== this.seq) return;
      this.rows = rows;
      this.draw();
    } catch (e) {
      if (seq === this.seq) replace(this.status, h("span", { class: "error-text" }, errorMessage(e)));
    }
  }

  private visible(): TranslationRow[] {
    return this.missingOnly.checked ? this.rows.filter((r) => !r.text_es) : this.rows;
  }

  private draw() {
    this.shown = 0;
    this.list.replaceChildren();
    this.drawMore();
  }

  /** Draws the next page of rows and says how many are shown. */
  private drawMore() {
    const rows = this.visible();
    const next = rows.slice(this.shown, this.shown + TRANSLATION_PAGE);
    this.list.append(...next.map((r) => new TranslationRowView(this, r).el));
    this.shown += next.length;
    const missing = this.rows.filter((r) => !r.text_es).length;
    replace(this.status, t("translations.status", { shown: this.shown, total: rows.length, missing }));
    const left = rows.length - this.shown;
    replace(
      this.more,
      left > 0
        ? h(
            "button",
            { type: "button", class: "button subtle show-more", id: "translations-more", on: { click: () => this.drawMore() } },
            t("initiative.show_more", { n: Math.min(TRANSLATION_PAGE, left) }),
          )
        : null,
      rows.length === 0
        ? h("p", { class: "muted" }, this.missingOnly.checked ? t("translations.all_done") : t("translations.no_texts"))
        : null,
    );
  }

  async save(kind: TextKind, id: number, text: string | null) {
    await this.ctx.api.setTranslation(kind, id, text);
    const row = this.rows.find((r) => r.kind === kind && r.id === id);
    if (row) row.text_es = text;
    this.ctx.notice.show(t("translations.saved"), "ok", { label: t("action.undo"), run: () => void this.undo() });
    await this.loadGroups();
  }

  /** Undoes the newest change and shows the chosen pillar as it now is. */
  private async undo() {
    try {
      const what = await this.ctx.api.undoLast();
      this.ctx.notice.show(what ? t("record.undone", { what }) : t("record.nothing_to_undo"), "ok");
      await this.show();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
