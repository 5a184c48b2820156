// The preview of a translation import: each text of the record beside the text the
// document gives in the other language, with how sure the pairing is and a box to keep
// or leave it; what of the document paired with nothing, and what of the record the
// document does not cover. Nothing is stored until the person applies it.

import { h } from "../../dom";
import type { PairChoice } from "../../bindings/PairChoice";
import type { PairKind } from "../../bindings/PairKind";
import type { TranslationPreview } from "../../bindings/TranslationPreview";
import { num, t, tn, type MessageKey } from "../../i18n";

const KIND: Record<PairKind, MessageKey> = {
  pillar: "translate_import.kind_pillar",
  initiative_title: "translate_import.kind_initiative",
  initiative_summary: "translate_import.kind_summary",
  entry: "translate_import.kind_entry",
};

export class TranslationPreviewCard {
  readonly el: HTMLElement;
  private readonly boxes = new Map<number, HTMLInputElement>();

  constructor(
    private readonly p: TranslationPreview,
    onApply: (choice: PairChoice) => void,
    onCancel: () => void,
  ) {
    const apply = h(
      "button",
      { type: "button", id: "import-confirm", class: "button primary", disabled: p.pairs.length === 0 },
      t("translate_import.apply"),
    );
    const cancel = h("button", { type: "button", id: "import-cancel", class: "button" }, t("action.cancel"));
    apply.addEventListener("click", () => onApply(this.choice()));
    cancel.addEventListener("click", onCancel);
    const other = p.language === "es" ? t("translate_import.spanish") : t("translate_import.english");
    this.el = h(
      "div",
      { class: "card preview-card translation-preview" },
      h("h2", {}, t("translate_import.preview_of", { title: p.title, language: other })),
      h(
        "p",
        { class: "merge-counts" },
        t("translate_import.counts", {
          translated: num(p.translated_entries),
          entries: num(p.record_entries),
          fill: num(p.would_fill),
        }),
      ),
      h(
        "table",
        { class: "pairs" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("translate_import.keep")),
            h("th", { scope: "col" }, t("translate_import.record_text")),
            h("th", { scope: "col" }, t("translate_import.translated_text", { language: other })),
            h("th", { scope: "col" }, t("translate_import.confidence")),
          ),
        ),
        h(
          "tbody",
          {},
          p.pairs.map((pair) => {
            const box = h("input", {
              type: "checkbox",
              id: `pair-${pair.number}`,
              "aria-label": t("translate_import.keep_pair", { n: pair.number }),
            });
            box.checked = pair.accepted;
            this.boxes.set(pair.number, box);
            return h(
              "tr",
              { class: pair.unchanged ? "pair unchanged" : "pair", "data-pair": String(pair.number) },
              h("td", {}, box, h("span", { class: "muted" }, ` ${pair.number}`)),
              h("td", {}, h("span", { class: "pair-kind muted" }, t(KIND[pair.kind])), h("div", {}, pair.record_text)),
              h("td", { lang: p.language }, pair.translated_text),
              h("td", { class: "num" }, `${Math.round(pair.confidence * 100)} %`),
            );
          }),
        ),
      ),
      this.listed(
        "translate-unmatched",
        tn("translate_import.unmatched", p.unmatched.length),
        p.unmatched.map((u) => (u.line ? `${t("translate_import.line", { n: u.line })}: ${u.text}` : u.text)),
      ),
      this.listed("translate-untranslated", tn("translate_import.untranslated", p.untranslated.length), p.untranslated),
      h("div", { class: "actions" }, cancel, apply),
    );
  }

  /** Pairs the person unticked (of those proposed) and ticked (of those held back). */
  choice(): PairChoice {
    const choice: PairChoice = { reject: [], accept: [] };
    for (const pair of this.p.pairs) {
      const kept = this.boxes.get(pair.number)?.checked ?? pair.accepted;
      if (pair.accepted && !kept) choice.reject.push(pair.number);
      if (!pair.accepted && kept) choice.accept.push(pair.number);
    }
    return choice;
  }

  private listed(id: string, summary: string, items: string[]): HTMLElement | null {
    if (items.length === 0) return null;
    return h(
      "details",
      { id, open: true },
      h("summary", {}, summary),
      h(
        "ul",
        { class: "muted" },
        items.map((text) => h("li", {}, text)),
      ),
    );
  }
}
