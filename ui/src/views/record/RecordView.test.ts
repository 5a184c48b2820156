import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLang } from "../../i18n";
import { clearDateWords } from "../../dateWords";
import { RecordView } from "./RecordView";
import { PAGE, rowsToShow } from "./InitiativeCard";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { EntryChange } from "../../bindings/EntryChange";
import type { EntryDate } from "../../bindings/EntryDate";
import type { EntryView } from "../../bindings/EntryView";
import type { InitiativeOutline } from "../../bindings/InitiativeOutline";
import type { Outline } from "../../bindings/Outline";
import type { WatcherFactory } from "./visibility";

/** Initiative 11 holds 120 entries, 12 holds 3 (both in pillar I), 21 holds 2 (pillar II). */
const SIZES: Record<number, number> = { 11: 120, 12: 3, 21: 2 };

function entryOf(initiativeId: number, n: number): EntryView {
  return {
    id: initiativeId * 1000 + n,
    initiative_id: initiativeId,
    kind: "commitment",
    text: `Entry ${n} of initiative ${initiativeId}`,
    text_es: null,
    status: "planned",
    status_phrase: null,
    date: null,
    other_dates: [],
    agencies: [],
    source: null,
    notes: [],
  };
}

function initiative(id: number): InitiativeOutline {
  return { id, title: `Initiative ${id}`, title_es: null, summary: null, summary_es: null, entries: SIZES[id], notes: [] };
}

function outline(): Outline {
  return {
    entries: 125,
    dialogues: [
      {
        id: 1,
        name: "Dialogue",
        name_es: null,
        short_name: "D",
        launched: null,
        general_entries: 0,
        pillars: [
          { id: 1, number: 1, title: "First", title_es: null, initiatives: [initiative(11), initiative(12)] },
          { id: 2, number: 2, title: "Second", title_es: null, initiatives: [initiative(21)] },
        ],
      },
    ],
  };
}

function fakeApi() {
  const store = new Map<number, EntryView[]>(
    Object.entries(SIZES).map(([id, n]) => [Number(id), Array.from({ length: n }, (_, i) => entryOf(Number(id), i + 1))]),
  );
  const find = (id: number) => [...store.values()].flat().find((e) => e.id === id)!;
  return {
    store,
    loadRecord: vi.fn(async () => {
      throw new Error("the Record view must not load the whole record");
    }),
    recordOutline: vi.fn(async () => outline()),
    initiativeEntries: vi.fn(async (id: number) => structuredClone(store.get(id)!)),
    entry: vi.fn(async (id: number) => structuredClone(find(id))),
    updateEntry: vi.fn(async (id: number, changes: EntryChange[]) => {
      const e = find(id);
      for (const c of changes) if (c.field === "status") e.status = c.value;
      return structuredClone(e);
    }),
    deleteEntry: vi.fn(async (id: number) => {
      const e = find(id);
      const initiative = e.initiative_id ?? 0;
      store.set(
        initiative,
        store.get(initiative)!.filter((x) => x.id !== id),
      );
      return null;
    }),
    undoLast: vi.fn(async (): Promise<string | null> => "status of entry (planned → done)"),
    readDate: vi.fn(),
    dateWords: vi.fn(async (dates: EntryDate[]) => dates.map((d) => SPANISH_DATES[d.edtf ?? ""] ?? d.text)),
  };
}

/** What the core writes for the dates these tests use, in Spanish. */
const SPANISH_DATES: Record<string, string> = { "2021-06": "junio de 2021", "2021-09-09": "9 de septiembre de 2021" };

/** A watcher the test moves by hand: `near(el, true)` as if el scrolled near the screen. */
function fakeWatcher() {
  const callbacks = new Map<Element, (near: boolean) => void>();
  const factory: WatcherFactory = () => ({
    watch: (el, onChange) => callbacks.set(el, onChange),
    disconnect: () => callbacks.clear(),
  });
  return { factory, near: (el: Element, near: boolean) => callbacks.get(el)?.(near) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let api: ReturnType<typeof fakeApi>;
let watcher: ReturnType<typeof fakeWatcher>;
let view: RecordView;

const card = (id: number) => view.el.querySelector<HTMLElement>(`[data-initiative-id="${id}"]`)!;
const rows = (id: number) => card(id).querySelectorAll(".entry");

beforeEach(async () => {
  api = fakeApi();
  watcher = fakeWatcher();
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  view = new RecordView(ctx, watcher.factory);
  document.body.replaceChildren(h("main", view.el), ctx.notice.el);
  await view.show();
});

function h(tag: string, child: Node): HTMLElement {
  const el = document.createElement(tag);
  el.appendChild(child);
  return el;
}

describe("RecordView on a large record", () => {
  it("paints the outline with the first initiative's first page, and reads nothing else", () => {
    expect(api.recordOutline).toHaveBeenCalledTimes(1);
    expect(api.loadRecord).not.toHaveBeenCalled();
    expect(api.initiativeEntries.mock.calls).toEqual([[11]]);
    expect([...view.el.querySelectorAll(".pillar-number")].map((e) => e.textContent)).toEqual(["Pillar I", "Pillar II"]);
    expect(view.el.querySelector(".pillar .count")?.textContent).toBe("2 initiatives · 123 entries");
    expect(rows(11)).toHaveLength(PAGE);
    expect(rows(12)).toHaveLength(0);
    expect(card(11).querySelector(".show-more")?.textContent).toBe("Show 50 more");
  });

  it("reads an initiative's entries as it comes near the screen and drops them when it moves away", async () => {
    watcher.near(card(21), true);
    await flush();
    expect(api.initiativeEntries).toHaveBeenLastCalledWith(21);
    expect(rows(21)).toHaveLength(2);
    watcher.near(card(21), false);
    expect(rows(21)).toHaveLength(0);
    expect(view.card(21)?.loaded).toBe(false);
    watcher.near(card(11), false);
    expect(rows(11)).toHaveLength(0);
  });

  it("draws 50 more entries at a time", async () => {
    card(11).querySelector<HTMLButtonElement>(".show-more")!.click();
    expect(rows(11)).toHaveLength(100);
    expect(card(11).querySelector(".entries-more")?.textContent).toContain("100 of 120 entries shown");
    card(11).querySelector<HTMLButtonElement>(".show-more")!.click();
    expect(rows(11)).toHaveLength(120);
    expect(card(11).querySelector(".show-more")).toBeNull();
  });

  it("shows a status change in its row only, from the entry the shell returns", async () => {
    const [first, second] = [...rows(11)];
    const select = first.querySelector<HTMLSelectElement>("select.status")!;
    select.value = "done";
    select.dispatchEvent(new Event("change"));
    await flush();
    expect(api.updateEntry).toHaveBeenCalledWith(11001, [{ field: "status", value: "done" }]);
    const row = card(11).querySelector('[data-entry-id="11001"]')!;
    expect(row.querySelector<HTMLSelectElement>("select.status")!.className).toBe("status status-done");
    expect(rows(11)[1]).toBe(second);
    expect(api.initiativeEntries).toHaveBeenCalledTimes(1);
    expect(api.recordOutline).toHaveBeenCalledTimes(1);
    expect(document.querySelector(".notice")?.textContent).toContain("Status set to Done");
  });

  it("offers Undo only once this window has made a change, and not after it is undone", async () => {
    const undo = view.el.querySelector<HTMLButtonElement>("#record-undo")!;
    expect(undo.disabled).toBe(true);
    const select = rows(11)[0].querySelector<HTMLSelectElement>("select.status")!;
    select.value = "done";
    select.dispatchEvent(new Event("change"));
    await flush();
    expect(undo.disabled).toBe(false);
    await view.undo();
    expect(undo.disabled).toBe(true);
  });

  it("undoes an edit by reading that one entry again", async () => {
    const select = rows(11)[0].querySelector<HTMLSelectElement>("select.status")!;
    select.value = "done";
    select.dispatchEvent(new Event("change"));
    await flush();
    api.store.get(11)![0].status = "planned"; // what the shell's undo does
    await view.undo();
    expect(api.entry).toHaveBeenCalledWith(11001);
    expect(rows(11)[0].querySelector<HTMLSelectElement>("select.status")!.value).toBe("planned");
    expect(api.initiativeEntries).toHaveBeenCalledTimes(1);
    expect(document.querySelector(".notice")?.textContent).toContain("Undone: status of entry");
  });

  it("after a delete reads only that initiative again and counts again", async () => {
    rows(11)[0].querySelector<HTMLButtonElement>(".danger-text")!.click();
    document.querySelector<HTMLButtonElement>("dialog .danger")!.click();
    await flush();
    await flush();
    expect(api.deleteEntry).toHaveBeenCalledWith(11001);
    expect(api.initiativeEntries.mock.calls).toEqual([[11], [11]]);
    expect(card(11).querySelector('[data-entry-id="11001"]')).toBeNull();
    expect(view.el.querySelector(".pillar .count")?.textContent).toBe("2 initiatives · 122 entries");
    expect(api.recordOutline).toHaveBeenCalledTimes(1);
  });

  it("undoes a change made before this session by reading the outline again", async () => {
    await view.undo();
    expect(api.recordOutline).toHaveBeenCalledTimes(2);
  });

  it("says so when there is nothing to undo", async () => {
    api.undoLast.mockResolvedValueOnce(null);
    await view.undo();
    expect(document.querySelector(".notice")?.textContent).toContain("Nothing to undo");
  });

  it("opens an entry beyond the first page by drawing the page that holds it", async () => {
    await view.focusEntry(11075);
    expect(rows(11)).toHaveLength(100);
    expect((document.activeElement as HTMLElement).dataset.entryId).toBe("11075");
  });

  it("shows why the entries could not be read, with a way to try again", async () => {
    api.initiativeEntries.mockRejectedValueOnce({ code: "locked", message: "the database is busy" });
    watcher.near(card(12), true);
    await flush();
    expect(card(12).querySelector(".error-text")?.textContent).toContain("the database is busy");
    card(12).querySelector<HTMLButtonElement>(".error-text button")!.click();
    await flush();
    expect(rows(12)).toHaveLength(3);
  });
});

describe("rowsToShow", () => {
  it("keeps the rows shown when the entry is among them, else draws whole pages up to it", () => {
    expect(rowsToShow(10, 50)).toBe(50);
    expect(rowsToShow(50, 50)).toBe(100);
    expect(rowsToShow(149, 50)).toBe(150);
  });
});

describe("RecordView's General section", () => {
  it("shows the dialogue's statements that belong to no pillar, before the pillars", async () => {
    const statement: EntryView = {
      ...entryOf(0, 1),
      id: 7,
      initiative_id: null,
      kind: "meeting",
      status: "done",
      text: "The Dialogue met in Mexico City.",
    };
    const withGeneral = outline();
    withGeneral.dialogues[0].general_entries = 1;
    api.recordOutline.mockResolvedValueOnce(withGeneral);
    const dialogueEntries = vi.fn(async () => [statement]);
    Object.assign(api, { dialogueEntries });
    await view.reload();
    expect(dialogueEntries).toHaveBeenCalledWith(1);
    const general = view.el.querySelector(".general")!;
    expect(general.querySelector("h2")?.textContent).toContain("General");
    expect(general.textContent).toContain("The Dialogue met in Mexico City.");
    const sections = [...view.el.querySelectorAll(".dialogue > section")];
    expect(sections[0]).toBe(general);
  });
});

describe("RecordView in Spanish", () => {
  afterEach(() => {
    setLang("en");
    clearDateWords();
  });

  /** Shows the record again with the interface in Spanish, initiative 11 and pillar I translated. */
  async function inSpanish() {
    setLang("es");
    api.recordOutline.mockImplementation(async () => {
      const o = outline();
      const pillar = o.dialogues[0].pillars[0];
      pillar.title_es = "Primero";
      pillar.initiatives[0].title_es = "Iniciativa once";
      pillar.initiatives[0].summary = "A summary";
      pillar.initiatives[0].summary_es = "Un resumen";
      o.dialogues[0].launched = { edtf: "2021-09-09", text: "September 9, 2021", cadence: null };
      return o;
    });
    api.store.get(11)![0].text_es = "Registro 1 de la iniciativa 11";
    api.store.get(11)![0].date = { edtf: "2021-06", text: "June 2021", cadence: null };
    view = new RecordView(view.ctx, watcher.factory);
    document.body.replaceChildren(h("main", view.el));
    await view.show();
  }

  it("shows the Spanish first and the English beneath, muted", async () => {
    await inSpanish();
    const header = card(11).querySelector(".initiative-header")!;
    expect(header.querySelector(".initiative-title")?.textContent).toBe("Iniciativa once");
    expect(header.querySelector(".english")?.textContent).toBe("ENInitiative 11");
    expect(header.querySelector(".summary")?.textContent).toBe("Un resumen");
    expect(header.querySelector(".english.summary")?.textContent).toBe("ENA summary");
    expect(card(11).getAttribute("aria-label")).toBe("Iniciativa once");
    const entry = card(11).querySelector(".entry")!;
    expect(entry.querySelector(".entry-text")?.textContent).toBe("Registro 1 de la iniciativa 11");
    expect(entry.querySelector(".english")?.getAttribute("lang")).toBe("en");
    const pillar = view.el.querySelector("#pillar-1 .pillar-title")!;
    expect(pillar.textContent).toContain("Primero");
    expect(view.el.querySelector("#pillar-1 .english")?.textContent).toBe("ENFirst");
    expect(view.el.querySelector(".pillar-link")?.getAttribute("aria-label")).toBe("Pilar I: Primero");
  });

  it("falls back to the English with an EN marker where there is no Spanish", async () => {
    await inSpanish();
    const title = card(12).querySelector(".initiative-title")!;
    expect(title.getAttribute("lang")).toBe("en");
    expect(title.querySelector(".lang-tag.fallback")?.textContent).toBe("EN");
    expect(title.textContent).toBe("ENInitiative 12");
    expect(card(12).querySelector(".english")).toBeNull();
    const second = [...view.el.querySelectorAll(".pillar-title")][1];
    expect(second.querySelector(".lang-tag.fallback")).not.toBeNull();
    const untranslated = card(11).querySelectorAll(".entry")[1];
    expect(untranslated.querySelector(".entry-text .lang-tag.fallback")).not.toBeNull();
  });

  it("writes dates in Spanish, asked in one call before the paint, the source's words on hover", async () => {
    await inSpanish();
    const date = card(11).querySelector(".entry .date")!;
    expect(date.textContent).toBe("junio de 2021");
    expect(date.getAttribute("title")).toContain("June 2021");
    const launched = view.el.querySelector(".dialogue-launched")!;
    expect(launched.textContent).toContain("9 de septiembre de 2021");
    expect(launched.getAttribute("title")).toBe("September 9, 2021");
    expect(api.dateWords).toHaveBeenCalledTimes(2);
  });
});
