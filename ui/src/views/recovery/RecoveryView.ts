// Shown instead of the app when the database cannot be opened (damaged, or written by a
// newer Briefbook): says why, and offers another file or the last backup.

import { h, replace } from "../../dom";
import { errorMessage, type Api, type IpcError } from "../../api";
import type { DatabaseInfo } from "../../bindings/DatabaseInfo";

export class RecoveryView {
  readonly el: HTMLElement;
  private readonly message: HTMLElement;

  constructor(
    private readonly api: Api,
    error: IpcError,
    path: string | null,
    private readonly opened: (info: DatabaseInfo) => void,
  ) {
    this.message = h("p", { class: "form-error", role: "alert" });
    this.el = h(
      "main",
      { class: "recovery", aria: { labelledby: "recovery-title" } },
      h(
        "div",
        { class: "card recovery-card" },
        h("h1", { id: "recovery-title" }, "The record cannot be opened"),
        h("p", { class: "recovery-reason" }, error.message),
        path ? h("p", { class: "muted" }, "Database: ", h("code", {}, path)) : null,
        h(
          "p",
          {},
          "Nothing has been changed. You can open another database file, or put back the most recent backup (the current file is kept beside it with the extension .replaced).",
        ),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            { type: "button", id: "recovery-other", class: "button", on: { click: () => void this.openOther() } },
            "Open another file…",
          ),
          h(
            "button",
            { type: "button", id: "recovery-restore", class: "button primary", on: { click: () => void this.restore() } },
            "Restore the last backup",
          ),
        ),
        this.message,
      ),
    );
  }

  private async openOther() {
    try {
      const path = await this.api.pickOpenPath("database");
      if (path) this.opened(await this.api.openRecord(path));
    } catch (e) {
      replace(this.message, errorMessage(e));
    }
  }

  private async restore() {
    try {
      this.opened(await this.api.restoreLastBackup());
    } catch (e) {
      replace(this.message, errorMessage(e));
    }
  }
}
