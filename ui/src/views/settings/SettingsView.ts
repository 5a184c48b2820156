// Settings: where the database is, back up now, JSON export and import.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { DatabaseInfo } from "../../bindings/DatabaseInfo";

export class SettingsView implements View {
  readonly el: HTMLElement;
  private readonly info: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    this.info = h("dl", { class: "facts" });
    this.el = h(
      "section",
      { class: "view settings-view", aria: { labelledby: "settings-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "settings-title" }, "Settings")),
      h("div", { class: "card" }, h("h2", {}, "Database"), this.info),
      h(
        "div",
        { class: "card" },
        h("h2", {}, "Backup"),
        h(
          "p",
          {},
          "A backup is a complete copy of the database file, written to the backup folder. Restoring one is offered if the database is ever damaged.",
        ),
        h("button", { type: "button", id: "backup-now", class: "button primary", on: { click: () => void this.backup() } }, "Back up now"),
      ),
      h(
        "div",
        { class: "card" },
        h("h2", {}, "Exchange"),
        h(
          "p",
          {},
          "Export the whole record as one Briefbook JSON document (to move it to another computer or keep it in version control), or import such a document.",
        ),
        h(
          "div",
          { class: "row" },
          h("button", { type: "button", class: "button", on: { click: () => void this.exportJson() } }, "Export JSON…"),
          h(
            "button",
            { type: "button", class: "button", on: { click: () => this.ctx.navigate("import") } },
            "Import JSON or a fact sheet…",
          ),
        ),
      ),
    );
  }

  async show() {
    try {
      this.render(await this.ctx.api.databaseInfo());
    } catch (e) {
      replace(this.info, h("p", { class: "error-text" }, errorMessage(e)));
    }
  }

  private render(info: DatabaseInfo) {
    const row = (term: string, value: string) => [h("dt", {}, term), h("dd", {}, value)];
    replace(
      this.info,
      row("Location", info.path),
      row("Contents", `${info.pillars} pillars · ${info.initiatives} initiatives · ${info.entries} entries`),
      row("Backup folder", info.backup_dir),
      row("Last backup", info.last_backup ?? "none yet"),
    );
  }

  private async backup() {
    try {
      const path = await this.ctx.api.backupNow();
      this.ctx.notice.show(`Backed up to ${path}`, "ok");
      await this.show();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private async exportJson() {
    try {
      const path = await this.ctx.api.pickSavePath("briefbook-record.json", "json");
      if (!path) return;
      await this.ctx.api.exportJson(path);
      this.ctx.notice.show(`Exported to ${path}`, "ok");
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
