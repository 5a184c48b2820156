import { afterEach, describe, expect, it } from "vitest";
import { errorMessage } from "./api";
import { setLang } from "./i18n";

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
