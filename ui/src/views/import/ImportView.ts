// Import a fact sheet or a Briefbook JSON export: choose a file or paste text, see what
// would be added or changed, then confirm or cancel. Errors are the core's words.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { ImportInput } from "../../bindings/ImportInput";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { MergeReport } from "../../bindings/MergeReport";
import { ProgressBar } from "../../components/ProgressBar";

export class ImportView implements View {
  readonly el: HTMLElement;
  private readonly paste: HTMLTextAreaElement;
  private readonly fileLabel: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly progress = new ProgressBar();
  /** The preview on screen, which Import applies exactly. */
  private token: string | null = null;

  constructor(private readonly ctx: AppContext) {
    this.paste = h("textarea", {
      id: "import-paste",
      rows: 10,
      placeholder: "Paste the text of a fact sheet or statement, or a Briefbook JSON export",
    });
    this.fileLabel = h("span", { class: "muted" }, "No file chosen");
    this.preview = h("div", { class: "import-preview", aria: { live: "polite" } });
    this.el = h(
      "section",
      { class: "view import-view", aria: { labelledby: "import-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "import-title" }, "Import")),
      h(
        "p",
        { class: "lead" },
        "Bring in a fact sheet, joint statement or press release (text, Markdown, a saved web page, Word or PDF) or a Briefbook JSON export. You see what would change before anything is saved.",
      ),
      h(
        "div",
        { class: "import-sources" },
        h(
          "div",
          { class: "card" },
          h("h2", {}, "From a file"),
          h(
            "div",
            { class: "row" },
            h(
              "button",
              { type: "button", id: "import-choose", class: "button", on: { click: () => void this.chooseFile() } },
              "Choose file…",
            ),
            this.fileLabel,
          ),
        ),
        h(
          "div",
          { class: "card" },
          h("h2", {}, h("label", { for: "import-paste" }, "Or paste text")),
          this.paste,
          h(
            "div",
            { class: "row" },
            h(
              "button",
              { type: "button", id: "import-preview-paste", class: "button", on: { click: () => void this.previewPaste() } },
              "Preview pasted text",
            ),
          ),
        ),
      ),
      this.progress.el,
      this.preview,
    );
  }

  show() {}

  private async chooseFile() {
    try {
      const path = await this.ctx.api.pickOpenPath("importable");
      if (!path) return;
      replace(this.fileLabel, path);
      await this.runPreview({ kind: "file", path });
    } catch (e) {
      this.showError(e);
    }
  }

  private async previewPaste() {
    if (!this.paste.value.trim()) {
      this.showError(new Error("Paste some text first"));
      this.paste.focus();
      return;
    }
    await this.runPreview({ kind: "text", text: this.paste.value });
  }

  private async runPreview(input: ImportInput) {
    this.token = null;
    replace(this.preview, h("p", { class: "muted" }, "Reading…"));
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
      "Import",
    );
    const cancel = h("button", { type: "button", id: "import-cancel", class: "button" }, "Cancel");
    confirm.addEventListener("click", () => void this.apply());
    cancel.addEventListener("click", () => {
      this.token = null;
      replace(this.preview, h("p", { class: "muted" }, "Import cancelled; nothing was changed."));
    });
    replace(
      this.preview,
      h(
        "div",
        { class: "card preview-card" },
        h("h2", {}, `Preview: ${p.title}`, h("span", { class: "muted" }, p.format === "json" ? " · Briefbook JSON" : " · fact sheet")),
        counts(r),
        r.lines.length === 0
          ? h("p", {}, "Nothing new: the record already holds everything in this document.")
          : h(
              "ul",
              { class: "merge-lines" },
              r.lines.map((l) =>
                h(
                  "li",
                  { class: `merge-${l.action}` },
                  h("span", { class: "merge-action" }, l.action === "add" ? "Add" : "Update"),
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
          h("h2", {}, "Imported"),
          counts(report),
          h("button", { type: "button", class: "button primary", on: { click: () => this.ctx.navigate("record") } }, "Show the record"),
        ),
      );
      this.ctx.notice.show(`Imported: ${report.added_entries} entries added, ${report.updated} updated`, "ok");
      this.ctx.recordChanged();
    } catch (e) {
      this.showError(e);
    }
  }

  private showError(e: unknown) {
    replace(this.preview, h("div", { class: "card error-card", role: "alert" }, h("h2", {}, "Cannot import"), h("p", {}, errorMessage(e))));
  }
}

function counts(r: MergeReport): HTMLElement {
  const items: [number, string][] = [
    [r.added_pillars, "pillars"],
    [r.added_initiatives, "initiatives"],
    [r.added_entries, "entries"],
    [r.added_notes, "notes"],
    [r.added_agencies, "agencies"],
    [r.added_sources, "sources"],
  ];
  return h(
    "p",
    { class: "merge-counts" },
    `${r.dry_run ? "Would add" : "Added"}: `,
    items
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(", ") || "nothing",
    ` · ${r.dry_run ? "would update" : "updated"} ${r.updated} · ${r.unchanged_entries} entries unchanged`,
  );
}

/** What the reader could not place, and the page furniture it left out, folded away. */
function notesOn(p: ImportPreview): HTMLElement | null {
  if (p.warnings.length === 0 && p.dropped.length === 0) return null;
  const list = (items: string[]) =>
    h(
      "ul",
      { class: "muted" },
      items.map((t) => h("li", {}, t)),
    );
  return h(
    "div",
    { class: "preview-notes" },
    p.warnings.length ? h("details", {}, h("summary", {}, `${p.warnings.length} not placed`), list(p.warnings)) : null,
    p.dropped.length
      ? h("details", { id: "import-dropped" }, h("summary", {}, `${p.dropped.length} lines left out as page furniture`), list(p.dropped))
      : null,
  );
}
