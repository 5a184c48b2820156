import { describe, expect, it, vi } from "vitest";
import { RecoveryView } from "./RecoveryView";
import type { Api } from "../../api";
import type { DatabaseInfo } from "../../bindings/DatabaseInfo";

const info: DatabaseInfo = {
  path: "/data/briefbook.db",
  backup_dir: "/data/backups",
  last_backup: null,
  encrypted: true,
  pillars: 4,
  initiatives: 12,
  entries: 28,
};

function fakeApi(unlock: (passphrase: string) => Promise<DatabaseInfo>) {
  return { unlockDatabase: vi.fn(unlock), pickOpenPath: vi.fn(), openDatabase: vi.fn(), restoreLastBackup: vi.fn() };
}

describe("RecoveryView", () => {
  it("asks for the passphrase of an encrypted record and opens it", async () => {
    const api = fakeApi(async () => info);
    const opened = vi.fn();
    const view = new RecoveryView(
      api as unknown as Api,
      { code: "encrypted", message: "briefbook.db is encrypted; its passphrase is needed to open it" },
      "/data/briefbook.db",
      opened,
    );
    expect(view.el.textContent).toContain("The record is encrypted");
    const input = view.el.querySelector<HTMLInputElement>("#recovery-passphrase")!;
    input.value = "correct horse";
    view.el.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith(info));
    expect(api.unlockDatabase).toHaveBeenCalledWith("correct horse");
  });

  it("says a wrong passphrase is wrong and clears the field", async () => {
    const api = fakeApi(async () => {
      throw { code: "encrypted", message: "the passphrase for briefbook.db is wrong; nothing was changed" };
    });
    const view = new RecoveryView(api as unknown as Api, { code: "encrypted", message: "encrypted" }, null, vi.fn());
    const input = view.el.querySelector<HTMLInputElement>("#recovery-passphrase")!;
    input.value = "wrong";
    view.el.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(view.el.querySelector("[role=alert]")!.textContent).toContain("is wrong"));
    expect(input.value).toBe("");
  });

  it("offers no passphrase field for a damaged file", () => {
    const view = new RecoveryView(
      fakeApi(async () => info) as unknown as Api,
      { code: "damaged_database", message: "not a Briefbook database" },
      null,
      vi.fn(),
    );
    expect(view.el.querySelector("#recovery-passphrase")).toBeNull();
  });
});
