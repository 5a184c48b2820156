import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { es } from "./es";
import { catalogue, dateTime, initialLang, lang, monthYear, num, setLang, t, tn } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the catalogues", () => {
  afterEach(() => setLang("en"));

  it("hold every key in both languages, none empty", () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(es).sort()).toEqual(keys);
    for (const key of keys) {
      expect(en[key as keyof typeof en].trim(), `en ${key}`).not.toBe("");
      expect(es[key as keyof typeof es].trim(), `es ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(es[key as keyof typeof es]), key).toEqual(placeholders(text));
    }
  });

  it("give every plural key both forms", () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith(".one")) expect(Object.keys(en)).toContain(key.replace(/\.one$/, ".other"));
      if (key.endsWith(".other")) expect(Object.keys(en)).toContain(key.replace(/\.other$/, ".one"));
    }
  });

  it("translate most texts (the Spanish catalogue is not a copy of the English)", () => {
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === es[k as keyof typeof es]);
    // Words that read the same in both ("General", "ES", the language names, "no").
    expect(same.length).toBeLessThan(10);
  });
});

describe("the language", () => {
  afterEach(() => setLang("en"));

  it("starts from a saved choice, else from the system locale", () => {
    expect(initialLang("es", "en-US")).toBe("es");
    expect(initialLang("en", "es-MX")).toBe("en");
    expect(initialLang(null, "es-MX")).toBe("es");
    expect(initialLang(null, "es")).toBe("es");
    expect(initialLang(null, "fr-FR")).toBe("en");
    expect(initialLang("klingon", "de")).toBe("en");
  });

  it("switches every message, number and date at once, and is remembered", () => {
    setLang("es");
    expect(lang()).toBe("es");
    expect(localStorage.getItem("briefbook.lang")).toBe("es");
    expect(document.documentElement.lang).toBe("es");
    expect(t("nav.settings")).toBe("Ajustes");
    expect(tn("record.entries", 1)).toBe("1 registro");
    expect(tn("record.entries", 12000)).toBe(`${num(12000)} registros`);
    expect(num(12000)).toBe(new Intl.NumberFormat("es-MX").format(12000));
    expect(monthYear(2021, 6)).toMatch(/junio/);
    expect(dateTime("2026-11-30T07:00:00Z", { month: "long", timeZone: "UTC" })).toBe("noviembre");
    setLang("en");
    expect(t("nav.settings")).toBe("Settings");
    expect(tn("record.entries", 12000)).toBe("12,000 entries");
    expect(monthYear(2021, 6)).toBe("June 2021");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("record.undone", { what: "status of entry 3" })).toBe("Undone: status of entry 3");
    expect(t("record.undone")).toBe("Undone: {what}");
    expect(catalogue("es")["record.undone"]).toBe("Deshecho: {what}");
  });

  it("shows an unreadable date as it came", () => {
    expect(dateTime("not a date")).toBe("not a date");
  });
});
