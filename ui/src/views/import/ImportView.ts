// Import a fact sheet or a Briefbook JSON export: choose a file or paste text, see what
// would be added or changed, then confirm or cancel. Errors are the core's words.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, Focus, View } from "../../context";
import type { ImportInput } from "../../bindings/ImportInput";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { MergeReport } from "../../bindings/MergeReport";
import { ProgressBar } from "../../components/ProgressBar";
import type { PairChoice } from "../../bindings/PairChoice";
import { TranslationPreviewCard } from "./TranslationPreviewCard";
import { t, tn, type PluralKey } from "../../i18n";

export class ImportView implements View {
  readonly el: HTMLElement;
  private readonly paste: HTMLTextAreaElement;
  private readonly fileLabel: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly progress = new ProgressBar();
  /** Read the next document as a translation of the record rather than new content. */
  private readonly asTranslation: HTMLInputElement;
  /** The preview on screen, which Import applies exactly. */
  private token: string | null = null;

  constructor(private readonly ctx: AppContext) {
    this.paste = h("textarea", {
      id: "import-paste",
      rows: 10,
      placeholder: t("import.paste_placeholder"),
    });
    this.fileLabel = h("span", { class: "muted" }, t("import.no_file"));
    this.asTranslation = h("input", { type: "checkbox", id: "import-as-translation" });
    this.preview = h("div", { class: "import-preview", aria: { live: "polite" } });
    this.el = h(
      "section",
      { class: "view import-view", aria: { labelledby: "import-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "import-title" }, t("import.title"))),
      h("p", { class: "lead" }, t("import.lead")),
      h("p", {}, h("label", { class: "check" }, this.asTranslation, t("import.as_translation"))),
      h(
        "div",
        { class: "import-sources" },
        h(
          "div",
          { class: "card" },
          h("h2", {}, t("import.from_file")),
          h(
            "div",
            { class: "row" },
            h(
              "button",
              { type: "button", id: "import-choose", class: "button", on: { click: () => void this.chooseFile() } },
              t("import.choose"),
            ),
            this.fileLabel,
          ),
          h("p", { class: "muted", id: "import-drop-hint" }, t("import.drop_hint")),
        ),
        h(
          "div",
          { class: "card" },
          h("h2", {}, h("label", { for: "import-paste" }, t("import.or_paste"))),
          this.paste,
          h(
            "div",
            { class: "row" },
            h(
              "button",
              { type: "button", id: "import-preview-paste", class: "button", on: { click: () => void this.previewPaste() } },
              t("import.preview_paste"),
            ),
          ),
        ),
      ),
      this.progress.el,
      this.preview,
    );
  }

  /** Shown with a dropped document: preview it as if it had been chosen. */
  show(focus?: Focus) {
    if (focus?.droppedPath) void this.previewFile(focus.droppedPath);
  }

  private async chooseFile() {
    try {
      const path = await this.ctx.api.pickOpenPath("importable");
      if (!path) return;
      await this.previewFile(path);
    } catch (e) {
      this.showError(e);
    }
  }

  private async previewFile(path: string) {
    replace(this.fileLabel, path);
    await this.runPreview({ kind: "file", path });
  }

  private async previewPaste() {
    if (!this.paste.value.trim()) {
      this.showError(new Error(t("import.paste_first")));
      this.paste.focus();
      return;
    }
    await this.runPreview({ kind: "text", text: this.paste.value });
  }

  private async runPreview(input: ImportInput) {
    if (this.asTranslation.checked) return this.runTranslationPreview(input);
    this.token = null;
    replace(this.preview, h("p", { class: "muted" }, t("import.reading")));
    try {
      const preview = await this.progress.during((report) => this.ctx.api.previewImport(input, report));
      this.token = preview.token;
      this.renderPreview(preview);
    } catch (e) {
      this.showError(e);
    }
  }

  private renderPreview(p: ImportPreview) {
    const r = p.report;
    const confirm = h(
      "button",
      { type: "button", id: "import-confirm", class: "button primary", disabled: r.lines.length === 0 },
      t("import.confirm"),
    );
    const cancel = h("button", { type: "button", id: "import-cancel", class: "button" }, t("action.cancel"));
    confirm.addEventListener("click", () => void this.apply());
    cancel.addEventListener("click", () => {
      this.token = null;
      replace(this.preview, h("p", { class: "muted" }, t("import.cancelled")));
    });
    replace(
      this.preview,
      h(
        "div",
        { class: "card preview-card" },
        h(
          "h2",
          {},
          t("import.preview_of", { title: p.title }),
          h("span", { class: "muted" }, ` · ${p.format === "json" ? t("import.format_json") : t("import.format_document")}`),
        ),
        counts(r),
        r.lines.length === 0
          ? h("p", {}, t("import.nothing_new"))
          : h(
              "ul",
              { class: "merge-lines" },
              r.lines.map((l) =>
                h(
                  "li",
                  { class: `merge-${l.action}` },
                  h("span", { class: "merge-action" }, l.action === "add" ? t("import.add") : t("import.update")),
                  h("span", { class: "merge-entity" }, l.entity),
                  h("span", { class: "merge-what" }, l.what),
                  l.detail ? h("span", { class: "merge-detail muted" }, l.detail) : null,
                ),
              ),
            ),
        notesOn(p),
        h("div", { class: "actions" }, cancel, confirm),
      ),
    );
    confirm.focus();
  }

  private async apply() {
    const token = this.token;
    if (!token) return;
    try {
      const report = await this.progress.during((progress) => this.ctx.api.applyImport(token, progress));
      this.token = null;
      replace(
        this.preview,
        h(
          "div",
          { class: "card" },
          h("h2", {}, t("import.imported")),
          counts(report),
          h(
            "button",
            { type: "button", class: "button primary", on: { click: () => this.ctx.navigate("record") } },
            t("import.show_record"),
          ),
        ),
      );
      this.ctx.notice.show(t("import.imported_notice", { added: report.added_entries, updated: report.updated }), "ok");
      this.ctx.recordChanged();
    } catch (e) {
      this.showError(e);
    }
  }

  private async runTranslationPreview(input: ImportInput) {
    this.token = null;
    replace(this.preview, h("p", { class: "muted" }, t("import.reading")));
    try {
      const preview = await this.ctx.api.previewTranslation(input, null);
      const cancel = () => replace(this.preview, h("p", { class: "muted" }, t("import.cancelled")));
      const card = new TranslationPreviewCard(preview, (choice) => void this.applyTranslation(preview.token, choice), cancel);
      replace(this.preview, card.el);
    } catch (e) {
      this.showError(e);
    }
  }

  private async applyTranslation(token: string, choice: PairChoice) {
    try {
      const report = await this.ctx.api.applyTranslation(token, choice);
      const said = t("translate_import.done", { filled: report.filled, applied: report.applied });
      replace(
        this.preview,
        h(
          "div",
          { class: "card" },
          h("h2", {}, t("import.imported")),
          h("p", {}, said),
          h(
            "button",
            { type: "button", class: "button primary", on: { click: () => this.ctx.navigate("translations") } },
            t("nav.translations"),
          ),
        ),
      );
      this.ctx.notice.show(said, "ok");
      this.ctx.recordChanged();
    } catch (e) {
      this.showError(e);
    }
  }

  private showError(e: unknown) {
    replace(
      this.preview,
      h("div", { class: "card error-card", role: "alert" }, h("h2", {}, t("import.cannot")), h("p", {}, errorMessage(e))),
    );
  }
}

function counts(r: MergeReport): HTMLElement {
  const items: [number, PluralKey][] = [
    [r.added_pillars, "import.n_pillars"],
    [r.added_initiatives, "import.n_initiatives"],
    [r.added_entries, "record.entries"],
    [r.added_notes, "import.n_notes"],
    [r.added_agencies, "import.n_agencies"],
    [r.added_sources, "import.n_sources"],
  ];
  const added =
    items
      .filter(([n]) => n > 0)
      .map(([n, what]) => tn(what, n))
      .join(", ") || t("import.nothing");
  return h(
    "p",
    { class: "merge-counts" },
    t(r.dry_run ? "import.would_add" : "import.added", { what: added }),
    ` · ${t(r.dry_run ? "import.would_update" : "import.updated", { n: r.updated })} · ${tn("import.unchanged", r.unchanged_entries)}`,
  );
}

/** How the document was read (the lines and rule behind each thing made), what the reader
 * could not place, and the page furniture it left out, folded away. */
function notesOn(p: ImportPreview): HTMLElement | null {
  if (p.warnings.length === 0 && p.dropped.length === 0 && p.explanations.length === 0) return null;
  const list = (items: string[]) =>
    h(
      "ul",
      { class: "muted" },
      items.map((t) => h("li", {}, t)),
    );
  return h(
    "div",
    { class: "preview-notes" },
    p.explanations.length
      ? h("details", { id: "import-explanations" }, h("summary", {}, tn("import.explained", p.explanations.length)), list(p.explanations))
      : null,
    p.warnings.length ? h("details", {}, h("summary", {}, t("import.not_placed", { n: p.warnings.length })), list(p.warnings)) : null,
    p.dropped.length
      ? h("details", { id: "import-dropped" }, h("summary", {}, tn("import.dropped", p.dropped.length)), list(p.dropped))
      : null,
  );
}
