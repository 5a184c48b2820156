import { afterEach, describe, expect, it, vi } from "vitest";
import { SettingsView, backupKind } from "./SettingsView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { BackupRow } from "../../bindings/BackupRow";
import { lang, setLang } from "../../i18n";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const INFO = {
  path: "/data/briefbook.sqlite",
  backup_dir: "/data/backups",
  last_backup: null,
  encrypted: false,
  pillars: 4,
  initiatives: 13,
  entries: 28,
};
const BACKUPS: BackupRow[] = [
  { path: "/data/backups/b-manual.sqlite", bytes: 300_000, written: "2026-11-29T10:00:00Z", kind: "manual", encrypted: false },
  { path: "/data/backups/b-daily.sqlite", bytes: 290_000, written: "2026-11-28T09:00:00Z", kind: "daily", encrypted: false },
];

function setUp(restoreFails = false) {
  const api = {
    databaseInfo: vi.fn(async () => INFO),
    listBackups: vi.fn(async () => BACKUPS),
    restoreBackup: vi.fn(async (path: string) => {
      if (restoreFails) throw { code: "invalid_input", message: `${path} is not one of this record's backups` };
      return INFO;
    }),
  };
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  const view = new SettingsView(ctx);
  document.body.replaceChildren(view.el, ctx.notice.el);
  return { api, ctx, view };
}

/** Answers the confirmation dialog that is open. */
function answer(ok: boolean) {
  const dialog = document.querySelector("dialog.confirm")!;
  dialog.querySelector<HTMLButtonElement>(ok ? "#confirm-ok" : ".actions .button:not(#confirm-ok)")!.click();
}

describe("SettingsView", () => {
  afterEach(() => setLang("en"));

  it("lists the backups, newest first, with their kind and size", async () => {
    const { view } = setUp();
    await view.show();
    const rows = [...view.el.querySelectorAll(".backups-table tbody tr")];
    expect(rows.map((r) => (r as HTMLElement).dataset.path)).toEqual(BACKUPS.map((b) => b.path));
    expect(rows[0].textContent).toContain("made by hand");
    expect(rows[0].textContent).toContain("293 KB");
    expect(rows[1].textContent).toContain("daily");
  });

  it("restores the chosen backup only after confirmation, then starts the views afresh", async () => {
    const { api, ctx, view } = setUp();
    await view.show();
    view.el.querySelectorAll<HTMLButtonElement>(".restore-backup")[1].click();
    answer(false);
    await flush();
    expect(api.restoreBackup).not.toHaveBeenCalled();
    view.el.querySelectorAll<HTMLButtonElement>(".restore-backup")[1].click();
    expect(document.querySelector("dialog.confirm")?.textContent).toContain("kept in the backup folder");
    answer(true);
    await flush();
    expect(api.restoreBackup).toHaveBeenCalledWith("/data/backups/b-daily.sqlite");
    expect(ctx.reopened).toHaveBeenCalledWith(INFO, expect.stringContaining("Restored the backup of"));
  });

  it("shows a refused restore and keeps the record open", async () => {
    const { ctx, view } = setUp(true);
    await view.show();
    view.el.querySelector<HTMLButtonElement>(".restore-backup")!.click();
    answer(true);
    await flush();
    await flush();
    expect(ctx.reopened).not.toHaveBeenCalled();
    expect(ctx.notice.el.textContent).toContain("is not one of this record's backups");
  });

  it("switches the language from its menu", async () => {
    const { view } = setUp();
    await view.show();
    const select = view.el.querySelector<HTMLSelectElement>(".language-select")!;
    select.value = "es";
    select.dispatchEvent(new Event("change"));
    expect(lang()).toBe("es");
    expect(backupKind("before-restore")).toBe("antes de una restauración");
    expect(backupKind("before-v3")).toBe("antes de una actualización");
    expect(backupKind("something-else")).toBe("something-else");
  });
});
