// Shown instead of the app when the database cannot be opened (damaged, written by a
// newer Briefbook, or encrypted): says why, asks for the passphrase of an encrypted
// record, and offers another file or the last backup.

import { h, replace } from "../../dom";
import { errorMessage, type Api, type IpcError } from "../../api";
import type { DatabaseInfo } from "../../bindings/DatabaseInfo";
import { t } from "../../i18n";

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
        h("h1", { id: "recovery-title" }, error.code === "encrypted" ? t("recovery.encrypted") : t("recovery.cannot_open")),
        h("p", { class: "recovery-reason" }, error.message),
        path ? h("p", { class: "muted" }, `${t("recovery.database")} `, h("code", {}, path)) : null,
        error.code === "encrypted" ? this.unlockForm() : null,
        h("p", {}, t("recovery.explain")),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            { type: "button", id: "recovery-other", class: "button", on: { click: () => void this.openOther() } },
            t("recovery.open_other"),
          ),
          h(
            "button",
            { type: "button", id: "recovery-restore", class: "button primary", on: { click: () => void this.restore() } },
            t("recovery.restore_last"),
          ),
        ),
        this.message,
      ),
    );
  }

  /** A passphrase field: the key stays in the app's memory, never on disk. */
  private unlockForm(): HTMLElement {
    const input = h("input", {
      type: "password",
      id: "recovery-passphrase",
      autocomplete: "current-password",
      aria: { label: t("recovery.passphrase") },
    }) as HTMLInputElement;
    const form = h(
      "form",
      { class: "unlock-form" },
      h("label", { for: "recovery-passphrase" }, t("recovery.passphrase")),
      input,
      h("button", { type: "submit", id: "recovery-unlock", class: "button primary" }, t("recovery.unlock")),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.unlock(input);
    });
    return form;
  }

  private async unlock(input: HTMLInputElement) {
    try {
      this.opened(await this.api.unlockDatabase(input.value));
    } catch (e) {
      input.value = "";
      replace(this.message, errorMessage(e));
      input.focus();
    }
  }

  private async openOther() {
    try {
      const path = await this.api.pickOpenPath("database");
      if (path) this.opened(await this.api.openDatabase(path));
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
