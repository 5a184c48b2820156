import { afterEach, describe, expect, it, vi } from "vitest";
import { setLang } from "../../i18n";
import { clearDateWords } from "../../dateWords";
import type { EntryDate } from "../../bindings/EntryDate";
import { TIMELINE_PAGE, TimelineView, lanes, monthGroup, spanLabel } from "./TimelineView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { EntryQuery } from "../../bindings/EntryQuery";
import type { EntryRow } from "../../bindings/EntryRow";

/** 250 dated entries (one a day from January 2021 on), then 5 undated ones. */
const ALL: EntryRow[] = Array.from({ length: 255 }, (_, i) => {
  const day = new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
  return {
    id: i + 1,
    pillar_number: 1,
    pillar_title: "First",
    initiative_id: 11,
    initiative_title: "Initiative",
    kind: "activity",
    text: `Entry ${i + 1}`,
    text_es: null,
    status: "done",
    date: i < 250 ? { edtf: day, text: day, cadence: null } : null,
    agencies: [],
  };
});

function setUp() {
  const api = {
    recordOutline: vi.fn(async () => ({ entries: 255, dialogues: [] })),
    agencyKeys: vi.fn(async () => ["SRE", "USDA"]),
    listEntries: vi.fn(async (f: EntryQuery) => ALL.slice(f.offset, f.offset + (f.limit ?? ALL.length))),
  };
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  const view = new TimelineView(ctx);
  document.body.replaceChildren(view.el);
  return { api, view };
}

const shown = (view: TimelineView) => view.el.querySelectorAll(".timeline-entry").length;

describe("TimelineView", () => {
  it("reads one page at a time, in date order, and offers the next", async () => {
    const { api, view } = setUp();
    await view.show();
    expect(api.listEntries).toHaveBeenCalledTimes(1);
    expect(api.listEntries.mock.calls[0][0]).toMatchObject({ chronological: true, limit: TIMELINE_PAGE, offset: 0 });
    expect(shown(view)).toBe(TIMELINE_PAGE);
    expect(view.el.querySelector(".timeline-summary")?.textContent).toMatch(/^200\+ dated entries/);
    expect([...view.el.querySelectorAll("select option")].some((o) => o.textContent === "USDA")).toBe(true);
    view.el.querySelector<HTMLButtonElement>("#timeline-more")!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(api.listEntries.mock.calls[1][0]).toMatchObject({ offset: TIMELINE_PAGE });
    expect(shown(view)).toBe(255);
    expect(view.el.querySelector("#timeline-more")).toBeNull();
    expect(view.el.querySelectorAll("#timeline-undated .timeline-entry").length).toBe(5);
    expect(view.el.querySelector(".timeline-summary")?.textContent).toContain("5 undated");
    expect(api.listEntries.mock.calls[0][0].filters.include_undated).toBe(true);
  });

  it("gives recurring and undated entries their own lanes, never dropping them", () => {
    const recurring: EntryRow = { ...ALL[0], id: 900, date: { edtf: null, text: "monthly", cadence: "monthly" } };
    const { months, recurring: r, undated } = lanes([ALL[0], recurring, ALL[254]]);
    expect([...months.values()].flatMap((g) => g.rows).map((x) => x.id)).toEqual([1]);
    expect(r.map((x) => x.id)).toEqual([900]);
    expect(undated.map((x) => x.id)).toEqual([255]);
  });

  it("shows a span when a date runs past the month it starts in", () => {
    expect(spanLabel("2021-12/2022-12")).toBe("December 2021 – December 2022");
    expect(spanLabel("2021-12-09/2021-12-10")).toBeNull();
    expect(spanLabel("2021-06")).toBeNull();
    expect(spanLabel("2021-09/..")).toBe("from September 2021 on");
    expect(monthGroup("2021-12/2022-12")).toEqual({ key: "2021-12", label: "December 2021" });
  });

  it("groups by the first month a date may mean", () => {
    expect(monthGroup("2021-06-25")).toEqual({ key: "2021-06", label: "June 2021" });
    expect(monthGroup("2022")).toEqual({ key: "2022", label: "2022 (during the year)" });
  });

  describe("in Spanish", () => {
    afterEach(() => {
      setLang("en");
      clearDateWords();
    });

    it("writes the dates and the recurring rhythm in Spanish, the source's words on hover", async () => {
      setLang("es");
      const rows: EntryRow[] = [
        { ...ALL[0], date: { edtf: "2021-06", text: "June 2021", cadence: null } },
        { ...ALL[1], id: 900, date: { edtf: null, text: "monthly", cadence: "monthly" } },
      ];
      const { api, view } = setUp();
      api.listEntries.mockImplementation(async () => rows);
      const words: Record<string, string> = { "June 2021": "junio de 2021", monthly: "Mensual" };
      const dateWords = vi.fn(async (dates: EntryDate[]) => dates.map((d) => words[d.text]));
      Object.assign(api, { dateWords });
      await view.show();
      const dates = [...view.el.querySelectorAll<HTMLElement>(".timeline-entry .date")];
      expect(dates.map((d) => d.textContent)).toEqual(["junio de 2021", "Mensual"]);
      expect(dates.map((d) => d.title)).toEqual(["June 2021", "monthly"]);
      expect(dateWords).toHaveBeenCalledTimes(1);
    });
  });
});
