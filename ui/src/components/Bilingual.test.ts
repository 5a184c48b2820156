import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../i18n";
import { bilingual, preferredText, shown } from "./Bilingual";

describe("which version of a record text comes first", () => {
  it("is the English in English, with the Spanish beneath", () => {
    expect(shown("Supply chains", "Cadenas de suministro", "en")).toEqual({
      main: { text: "Supply chains", lang: "en" },
      other: { text: "Cadenas de suministro", lang: "es" },
      fallback: false,
    });
  });

  it("is the Spanish in Spanish, with the English beneath", () => {
    expect(shown("Supply chains", "Cadenas de suministro", "es")).toEqual({
      main: { text: "Cadenas de suministro", lang: "es" },
      other: { text: "Supply chains", lang: "en" },
      fallback: false,
    });
  });

  it("falls back to the English in Spanish when there is no Spanish (a blank one counts as none)", () => {
    for (const missing of [null, undefined, "", "  "]) {
      expect(shown("Supply chains", missing, "es")).toEqual({ main: { text: "Supply chains", lang: "en" }, other: null, fallback: true });
    }
  });

  it("shows a Spanish-only text in either language, and nothing for neither", () => {
    expect(shown(null, "Resumen", "en")).toEqual({ main: { text: "Resumen", lang: "es" }, other: null, fallback: false });
    expect(shown(null, "Resumen", "es").main?.text).toBe("Resumen");
    expect(shown(null, null, "es")).toEqual({ main: null, other: null, fallback: false });
  });

  it("gives a Spanish-only text in English its ES tag and the Spanish look", () => {
    const { main, other } = bilingual(null, "Resumen", { class: "summary" });
    expect(main?.className).toBe("summary spanish");
    expect(main?.lang).toBe("es");
    expect(main?.textContent).toBe("ESResumen");
    expect(other).toBeNull();
  });
});

describe("a bilingual text on screen", () => {
  afterEach(() => setLang("en"));

  it("in English: the English, then the Spanish tagged ES", () => {
    const { main, other } = bilingual("Supply chains", "Cadenas de suministro", { tag: "h3", class: "initiative-title" });
    expect(main?.tagName).toBe("H3");
    expect(main?.textContent).toBe("Supply chains");
    expect(main?.hasAttribute("lang")).toBe(false);
    expect(other?.className).toBe("spanish");
    expect(other?.lang).toBe("es");
    expect(other?.textContent).toBe("ESCadenas de suministro");
  });

  it("in Spanish: the Spanish, then the English tagged EN in muted text", () => {
    setLang("es");
    const { main, other } = bilingual("Supply chains", "Cadenas de suministro", { class: "entry-text" });
    expect(main?.textContent).toBe("Cadenas de suministro");
    expect(main?.className).toBe("entry-text");
    expect(other?.className).toBe("english");
    expect(other?.lang).toBe("en");
    expect(other?.querySelector(".lang-tag")?.textContent).toBe("EN");
    expect(preferredText("Supply chains", "Cadenas de suministro")).toBe("Cadenas de suministro");
  });

  it("in Spanish without a translation: the English, marked EN and in English", () => {
    setLang("es");
    const { main, other } = bilingual("Supply chains", null, { class: "entry-text" });
    expect(main?.lang).toBe("en");
    const marker = main?.querySelector(".lang-tag.fallback");
    expect(marker?.textContent).toBe("EN");
    expect(marker?.getAttribute("title")).toMatch(/español/);
    expect(main?.textContent).toBe("ENSupply chains");
    expect(other).toBeNull();
    expect(preferredText("Supply chains", null)).toBe("Supply chains");
  });
});
