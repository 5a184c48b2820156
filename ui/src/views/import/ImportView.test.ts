import { describe, expect, it, vi } from "vitest";
import { ImportView } from "./ImportView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { ImportInput } from "../../bindings/ImportInput";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { TranslationPreview } from "../../bindings/TranslationPreview";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const PREVIEW: ImportPreview = {
  token: "t1",
  format: "fact_sheet",
  title: "Fact sheet, June 2022",
  report: {
    dry_run: true,
    lines: [{ action: "add", kind: "initiative", path: "Pillar IV › Binational Digital Skills Exchange" }],
    added_pillars: 0,
    added_initiatives: 1,
    added_entries: 0,
    added_agencies: 0,
    added_notes: 0,
    added_sources: 0,
    updated: 0,
    unchanged_entries: 0,
  } as unknown as ImportPreview["report"],
  warnings: [],
  dropped: ["line 3: FOR IMMEDIATE RELEASE"],
  explanations: ['line 11: initiative "Binational Digital Skills Exchange" in Pillar 4: title-like line under a pillar'],
};

const TRANSLATION: TranslationPreview = {
  token: "tr1",
  title: "Hoja informativa",
  dialogue: "HLED",
  language: "es",
  pairs: [
    {
      number: 1,
      kind: "pillar",
      record_text: "Building Back Together",
      translated_text: "Reconstruir juntos",
      confidence: 0.9,
      accepted: true,
      unchanged: false,
    },
    {
      number: 2,
      kind: "entry",
      record_text: "Both governments signed an MOU.",
      translated_text: "Ambos gobiernos firmaron un MOU.",
      confidence: 0.8,
      accepted: true,
      unchanged: false,
    },
    {
      number: 3,
      kind: "entry",
      record_text: "A weak pair.",
      translated_text: "Un par dudoso.",
      confidence: 0.4,
      accepted: false,
      unchanged: false,
    },
  ],
  unmatched: [{ kind: "entry", text: "Un párrafo solo en español.", line: 14 }],
  untranslated: ["An entry the document leaves out."],
  record_entries: 3,
  translated_entries: 2,
  would_fill: 2,
};

function setUp(fails = false) {
  const api = {
    previewTranslation: vi.fn(async () => TRANSLATION),
    applyTranslation: vi.fn(async () => ({ applied: 2, filled: 2, dry_run: false })),
    previewImport: vi.fn(async (input: ImportInput) => {
      if (fails) throw { code: "invalid_input", message: "sheet.txt: no dialogue structure found" };
      expect(input).toBeDefined();
      return PREVIEW;
    }),
  };
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  const view = new ImportView(ctx);
  document.body.replaceChildren(view.el, ctx.notice.el);
  return { api, view };
}

describe("ImportView", () => {
  it("previews a document dropped on the window as if it had been chosen", async () => {
    const { api, view } = setUp();
    view.show({ droppedPath: "/home/ana/sheet.txt" });
    await flush();
    await flush();
    expect(api.previewImport).toHaveBeenCalledTimes(1);
    expect(api.previewImport.mock.calls[0][0]).toEqual({ kind: "file", path: "/home/ana/sheet.txt" });
    expect(view.el.textContent).toContain("/home/ana/sheet.txt");
    expect(view.el.querySelector("#import-explanations")?.textContent).toContain('initiative "Binational Digital Skills Exchange"');
    expect(view.el.querySelector("#import-dropped")?.textContent).toContain("FOR IMMEDIATE RELEASE");
  });

  it("shows the core's refusal of a dropped document and keeps nothing to confirm", async () => {
    const { view } = setUp(true);
    view.show({ droppedPath: "/home/ana/sheet.txt" });
    await flush();
    await flush();
    expect(view.el.textContent).toContain("no dialogue structure found");
    expect(view.el.querySelector("#import-confirm")).toBeNull();
  });

  it("does nothing when shown without a dropped document", async () => {
    const { api, view } = setUp();
    view.show();
    await flush();
    expect(api.previewImport).not.toHaveBeenCalled();
  });

  it("reads a document as a translation: pairs side by side, the person's choice applied", async () => {
    const { api, view } = setUp();
    const ctx = (view as unknown as { ctx: AppContext }).ctx;
    view.el.querySelector<HTMLInputElement>("#import-as-translation")!.click();
    view.show({ droppedPath: "/home/ana/hoja.txt" });
    await flush();
    await flush();
    expect(api.previewTranslation).toHaveBeenCalledWith({ kind: "file", path: "/home/ana/hoja.txt" }, null);
    expect(api.previewImport).not.toHaveBeenCalled();
    const rows = view.el.querySelectorAll("tr.pair");
    expect(rows.length).toBe(3);
    expect(rows[0].textContent).toContain("Building Back Together");
    expect(rows[0].textContent).toContain("Reconstruir juntos");
    expect(view.el.querySelector("#translate-unmatched")?.textContent).toContain("Un párrafo solo en español.");
    expect(view.el.querySelector("#translate-untranslated")?.textContent).toContain("An entry the document leaves out.");
    // Leave pair 2, keep the weak pair 3.
    view.el.querySelector<HTMLInputElement>("#pair-2")!.click();
    view.el.querySelector<HTMLInputElement>("#pair-3")!.click();
    view.el.querySelector<HTMLButtonElement>("#import-confirm")!.click();
    await flush();
    expect(api.applyTranslation).toHaveBeenCalledWith("tr1", { reject: [2], accept: [3] });
    expect(ctx.recordChanged).toHaveBeenCalled();
    expect(view.el.textContent).toContain("Filled 2 texts from 2 pairs.");
  });
});
