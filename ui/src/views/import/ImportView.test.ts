import { describe, expect, it, vi } from "vitest";
import { ImportView } from "./ImportView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { ImportInput } from "../../bindings/ImportInput";
import type { ImportPreview } from "../../bindings/ImportPreview";

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

function setUp(fails = false) {
  const api = {
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
});
