import { describe, expect, it, vi } from "vitest";
import { TRANSLATION_PAGE, TranslationsView } from "./TranslationsView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { TranslationGroup } from "../../bindings/TranslationGroup";
import type { TranslationRow } from "../../bindings/TranslationRow";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A pillar of 250 entries, every third one translated, and the dialogue's name. */
function setUp(fail = false) {
  const rows: TranslationRow[] = Array.from({ length: 250 }, (_, i) => ({
    kind: "entry_text",
    id: i + 1,
    text: `Entry ${i + 1}`,
    text_es: i % 3 === 0 ? `Registro ${i + 1}` : null,
    initiative: "Initiative",
  }));
  const group = (pillar: number | null, translated: number, total: number): TranslationGroup => ({
    dialogue_id: 1,
    pillar_id: pillar,
    number: pillar,
    title: pillar ? "Building Back Together" : "HLED",
    dialogue: "HLED",
    translated,
    total,
  });
  const api = {
    translationGroups: vi.fn(async () => [group(null, 0, 1), group(1, rows.filter((r) => r.text_es).length, rows.length)]),
    translationTexts: vi.fn(async () => structuredClone(rows)),
    setTranslation: vi.fn(async (_kind: string, id: number, text: string | null) => {
      if (fail) throw { code: "not_found", message: `no entry with id ${id}` };
      rows[id - 1].text_es = text;
    }),
    undoLast: vi.fn(async () => "text_es of entry 2"),
  };
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  const view = new TranslationsView(ctx);
  document.body.replaceChildren(view.el, ctx.notice.el);
  return { api, view };
}

const shown = (view: TranslationsView) => view.el.querySelectorAll(".translation-row");

describe("TranslationsView", () => {
  it("opens on the first pillar, shows its count, and draws a page at a time", async () => {
    const { api, view } = setUp();
    await view.show();
    expect(api.translationTexts).toHaveBeenCalledWith(1, 1);
    expect(view.el.querySelectorAll(".translation-group")[1].textContent).toContain("84 of 250 translated");
    expect(shown(view)).toHaveLength(TRANSLATION_PAGE);
    expect(view.el.querySelector(".translation-status")?.textContent).toContain("166 without a Spanish version");
    view.el.querySelector<HTMLButtonElement>("#translations-more")!.click();
    expect(shown(view)).toHaveLength(2 * TRANSLATION_PAGE);
  });

  it("shows only what is missing when asked", async () => {
    const { view } = setUp();
    await view.show();
    view.missingOnly.checked = true;
    view.missingOnly.dispatchEvent(new Event("change"));
    const rows = [...shown(view)];
    expect(rows.length).toBe(TRANSLATION_PAGE);
    expect(rows.every((r) => r.classList.contains("missing"))).toBe(true);
    expect(view.el.querySelector(".translation-status")?.textContent).toContain("of 166 texts");
  });

  it("saves one field, marks it translated, recounts, and offers to undo", async () => {
    const { api, view } = setUp();
    await view.show();
    const row = view.el.querySelector<HTMLElement>('.translation-row[data-id="2"]')!;
    const box = row.querySelector("textarea")!;
    const save = row.querySelector<HTMLButtonElement>(".translation-save")!;
    expect(save.disabled).toBe(true);
    box.value = "  Registro dos ";
    box.dispatchEvent(new Event("input"));
    expect(save.disabled).toBe(false);
    save.click();
    await flush();
    await flush();
    expect(api.setTranslation).toHaveBeenCalledWith("entry_text", 2, "Registro dos");
    expect(row.classList.contains("missing")).toBe(false);
    expect(row.querySelector(".badge")?.textContent).toBe("Translated");
    expect(api.translationGroups).toHaveBeenCalledTimes(2);
    expect(view.el.querySelectorAll(".translation-group")[1].textContent).toContain("85 of 250");
    const undo = document.querySelector<HTMLButtonElement>(".notice button.link")!;
    expect(undo.textContent).toBe("Undo");
    undo.click();
    await flush();
    expect(api.undoLast).toHaveBeenCalled();
  });

  it("keeps what was typed and shows the shell's refusal", async () => {
    const { view } = setUp(true);
    await view.show();
    const row = view.el.querySelector<HTMLElement>('.translation-row[data-id="2"]')!;
    const box = row.querySelector("textarea")!;
    box.value = "Registro";
    box.dispatchEvent(new Event("input"));
    box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true }));
    await flush();
    await flush();
    expect(row.querySelector(".form-error")?.textContent).toContain("no entry with id 2");
    expect(box.value).toBe("Registro");
    expect(row.classList.contains("missing")).toBe(true);
  });
});
