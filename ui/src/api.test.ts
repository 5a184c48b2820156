import { afterEach, describe, expect, it, vi } from "vitest";
import { api, errorMessage } from "./api";
import { setLang } from "./i18n";
import { call } from "./ipc";

vi.mock("./ipc", async (original) => ({ ...(await original<typeof import("./ipc")>()), call: vi.fn(async () => null) }));

describe("errorMessage", () => {
  afterEach(() => setLang("en"));

  it("leads with a sentence for the code in the interface's language and keeps the core's detail", () => {
    const e = { code: "not_found", message: "no entry with id 7" };
    expect(errorMessage(e)).toBe("Not found: no entry with id 7");
    setLang("es");
    expect(errorMessage(e)).toBe("No se encontró: no entry with id 7");
    expect(errorMessage({ code: "locked", message: "the record is being changed by another Briefbook window" })).toMatch(
      /^El expediente está ocupado: the record/,
    );
  });

  it("shows other failures as they are", () => {
    expect(errorMessage(new Error("Paste some text first"))).toBe("Paste some text first");
    expect(errorMessage("plain")).toBe("plain");
  });
});

describe("commands that answer in the interface's language", () => {
  afterEach(() => setLang("en"));

  it("send the current language with a typed date and with a view's dates", async () => {
    setLang("es");
    await api.readDate("June 2021");
    expect(call).toHaveBeenLastCalledWith("read_date", { text: "June 2021", lang: "es" });
    const june = { edtf: "2021-06", text: "June 2021", cadence: null };
    await api.dateWords([june]);
    expect(call).toHaveBeenLastCalledWith("date_words", { dates: [june], lang: "es" });
  });
});
