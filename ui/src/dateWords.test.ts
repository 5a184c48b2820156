import { afterEach, describe, expect, it, vi } from "vitest";
import { setLang } from "./i18n";
import { clearDateWords, dateShown, dateSource, dateSpan, prepareDates } from "./dateWords";
import type { EntryDate } from "./bindings/EntryDate";

const june: EntryDate = { edtf: "2021-06", text: "June 2021", cadence: null };
const monthly: EntryDate = { edtf: null, text: "monthly", cadence: "monthly" };

describe("date words", () => {
  afterEach(() => {
    setLang("en");
    clearDateWords();
  });

  it("shows the source's words in English and asks for nothing", async () => {
    const source = { dateWords: vi.fn() };
    await prepareDates(source, [june]);
    expect(source.dateWords).not.toHaveBeenCalled();
    expect(dateShown(june)).toBe("June 2021");
    expect(dateSource(june)).toBeUndefined();
  });

  it("shows Spanish words asked once for a batch, with the source's words as the title", async () => {
    setLang("es");
    const source = { dateWords: vi.fn(async () => ["junio de 2021", "Mensual"]) };
    await prepareDates(source, [june, null, monthly, june]);
    await prepareDates(source, [june]);
    expect(source.dateWords).toHaveBeenCalledTimes(1);
    expect(source.dateWords).toHaveBeenCalledWith([june, monthly]);
    const span = dateSpan(june);
    expect(span.textContent).toBe("junio de 2021");
    expect(span.title).toBe("June 2021");
    expect(dateShown(monthly)).toBe("Mensual");
  });

  it("keeps the source's words when the words cannot be had", async () => {
    setLang("es");
    await prepareDates({ dateWords: vi.fn(async () => Promise.reject(new Error("down"))) }, [june]);
    expect(dateShown(june)).toBe("June 2021");
    expect(dateSource(june)).toBeUndefined();
  });
});
