// Settings: the interface language, where the database is, backups (make one now, list
// them, put a chosen one back after a confirmation), JSON export and import.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { DatabaseInfo } from "../../bindings/DatabaseInfo";
import type { BackupRow } from "../../bindings/BackupRow";
import { confirmDialog } from "../../components/ConfirmDialog";
import { dateTime, lang, LANGS, num, setLang, t, tn, type Lang } from "../../i18n";

/** What kind of backup a row is, in words ("daily", "before a restore"). */
export function backupKind(kind: string): string {
  if (kind === "daily") return t("backups.kind_daily");
  if (kind === "manual") return t("backups.kind_manual");
  const what = kind.replace(/^before-/, "");
  if (what === "restore" || what === "import" || what === "encrypt" || what === "decrypt" || what === "passphrase")
    return t(`backups.before_${what}`);
  if (/^v\d+$/.test(what)) return t("backups.before_upgrade");
  return kind;
}

/** A size in bytes as KB or MB, in the interface's locale. */
export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${num(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB` : `${num(Math.ceil(bytes / 1024))} KB`;
}

export class SettingsView implements View {
  readonly el: HTMLElement;
  private readonly info: HTMLElement;
  private readonly backups: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    this.info = h("dl", { class: "facts" });
    this.backups = h("div", { class: "backup-list", aria: { live: "polite" } });
    this.el = h(
      "section",
      { class: "view settings-view", aria: { labelledby: "settings-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "settings-title" }, t("settings.title"))),
      this.languageCard(),
      h("div", { class: "card" }, h("h2", {}, t("settings.database")), this.info),
      h(
        "div",
        { class: "card" },
        h("h2", {}, t("settings.backup")),
        h("p", {}, t("settings.backup_explain")),
        h(
          "button",
          { type: "button", id: "backup-now", class: "button primary", on: { click: () => void this.backup() } },
          t("settings.backup_now"),
        ),
        this.backups,
      ),
      h(
        "div",
        { class: "card" },
        h("h2", {}, t("settings.exchange")),
        h("p", {}, t("settings.exchange_explain")),
        h(
          "div",
          { class: "row" },
          h("button", { type: "button", class: "button", on: { click: () => void this.exportJson() } }, t("settings.export_json")),
          h("button", { type: "button", class: "button", on: { click: () => this.ctx.navigate("import") } }, t("settings.import")),
        ),
      ),
    );
  }

  /** English / Español; the whole window follows at once. */
  private languageCard(): HTMLElement {
    const id = uid("language");
    const select = h(
      "select",
      { id, class: "language-select" },
      LANGS.map((l) => h("option", { value: l, lang: l }, t(`settings.lang_${l}`))),
    );
    select.value = lang();
    select.addEventListener("change", () => setLang(select.value as Lang));
    return h(
      "div",
      { class: "card" },
      h("h2", {}, t("settings.language")),
      h("div", { class: "field language-field" }, h("label", { for: id }, t("settings.language_label")), select),
      h("p", { class: "muted" }, t("settings.language_explain")),
    );
  }

  async show() {
    try {
      this.render(await this.ctx.api.databaseInfo());
    } catch (e) {
      replace(this.info, h("p", { class: "error-text" }, errorMessage(e)));
    }
    await this.listBackups();
  }

  private render(info: DatabaseInfo) {
    const row = (term: string, value: string) => [h("dt", {}, term), h("dd", {}, value)];
    replace(
      this.info,
      row(t("settings.location"), info.path),
      row(
        t("settings.contents"),
        [tn("import.n_pillars", info.pillars), tn("record.initiatives", info.initiatives), tn("record.entries", info.entries)].join(" · "),
      ),
      row(t("settings.encrypted"), info.encrypted ? t("settings.yes") : t("settings.no")),
      row(t("settings.backup_folder"), info.backup_dir),
      row(t("settings.last_backup"), info.last_backup ?? t("settings.none_yet")),
    );
  }

  private async listBackups() {
    let rows: BackupRow[];
    try {
      rows = await this.ctx.api.listBackups();
    } catch (e) {
      replace(this.backups, h("p", { class: "error-text" }, errorMessage(e)));
      return;
    }
    if (rows.length === 0) {
      replace(this.backups, h("p", { class: "muted" }, t("backups.none")));
      return;
    }
    replace(
      this.backups,
      h("h3", {}, t("backups.heading")),
      h(
        "table",
        { class: "backups-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, t("backups.when")),
            h("th", {}, t("backups.kind")),
            h("th", { class: "num" }, t("backups.size")),
            h("th", {}, ""),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map((b) => this.backupRow(b)),
        ),
      ),
    );
  }

  private backupRow(b: BackupRow): HTMLElement {
    const name = b.path.split(/[\\/]/).pop() ?? b.path;
    return h(
      "tr",
      { dataset: { path: b.path } },
      h("td", {}, h("span", { class: "backup-when" }, dateTime(b.written)), h("span", { class: "muted backup-file" }, name)),
      h("td", {}, backupKind(b.kind), b.encrypted ? ` · ${t("backups.encrypted")}` : ""),
      h("td", { class: "num" }, size(b.bytes)),
      h(
        "td",
        { class: "num" },
        h(
          "button",
          {
            type: "button",
            class: "button subtle restore-backup",
            aria: { label: t("backups.restore_label", { when: dateTime(b.written) }) },
            on: { click: () => void this.restore(b) },
          },
          t("backups.restore"),
        ),
      ),
    );
  }

  /** Puts backup `b` in place of the record after the person confirms; the views start afresh. */
  private async restore(b: BackupRow) {
    const ok = await confirmDialog(
      t("backups.confirm_question", { when: dateTime(b.written) }),
      t("backups.confirm_detail"),
      t("backups.restore"),
    );
    if (!ok) return;
    this.ctx.notice.show(t("backups.restoring"), "busy");
    try {
      const info = await this.ctx.api.restoreBackup(b.path);
      this.ctx.reopened(info, t("backups.restored", { when: dateTime(b.written) }));
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
      await this.show();
    }
  }

  private async backup() {
    try {
      const path = await this.ctx.api.backupNow();
      this.ctx.notice.show(t("settings.backed_up", { path }), "ok");
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
      this.ctx.notice.show(t("settings.exported", { path }), "ok");
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
