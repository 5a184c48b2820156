import { beforeEach, describe, expect, it, vi } from "vitest";
import { PacketBuilder } from "./PacketBuilder";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { PacketSpec } from "../../bindings/PacketSpec";
import type { ExportRequest } from "../../bindings/ExportRequest";
import type { Outline } from "../../bindings/Outline";

const outline: Outline = {
  entries: 4,
  dialogues: [
    {
      id: 1,
      name: "U.S.-Mexico High-Level Economic Dialogue",
      name_es: null,
      launched: null,
      general_entries: 0,
      short_name: "HLED",
      pillars: [1, 2, 3, 4].map((n) => ({
        id: n,
        number: n,
        title: `Pillar title ${n}`,
        title_es: null,
        initiatives: [{ id: 10 + n, title: `Initiative ${n}`, title_es: null, summary: null, summary_es: null, entries: 1, notes: [] }],
      })),
    },
  ],
};

function fakeApi() {
  return {
    recordOutline: vi.fn(async () => outline),
    agencyKeys: vi.fn(async () => ["SRE"]),
    listMeetings: vi.fn(async () => []),
    packetSummary: vi.fn(async (spec: PacketSpec) => ({
      pages: 3 + spec.filters.pillars.length,
      entries: 4,
      initiatives: 4,
      left_out: 0,
      pillars: [{ number: 2, title: "Pillar title 2", initiatives: 1, entries: 1 }],
    })),
    savedSpecs: vi.fn(async () => []),
    saveSpec: vi.fn(async () => {}),
    deleteSpec: vi.fn(async () => {}),
    lastPacketDay: vi.fn(async () => "2026-10-02"),
    pickSavePath: vi.fn(async () => "/tmp/out/pillar-ii.pdf"),
    exportPacket: vi.fn(async (request: ExportRequest) => ({
      path: request.path,
      pages: 5,
      bytes: 40960,
      sha256: "ab",
      warnings: [],
      copies: request.copies_for.map((name, i) => request.path.replace(".pdf", `-${i + 1}-${name.toLowerCase()}.pdf`)),
    })),
    openExported: vi.fn(async () => {}),
  };
}

let api: ReturnType<typeof fakeApi>;
let builder: PacketBuilder;

beforeEach(async () => {
  vi.useRealTimers();
  api = fakeApi();
  const ctx: AppContext = {
    api: api as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  builder = new PacketBuilder(ctx, () => new Date(2026, 10, 28));
  document.body.replaceChildren(builder.el);
  await builder.show();
});

function click(el: Element | null) {
  (el as HTMLElement).click();
}

describe("PacketBuilder", () => {
  it("lists the record's pillars and shows the live summary", () => {
    expect(builder.el.querySelectorAll(".checks input[id^=pillar-]").length).toBe(4);
    expect(builder.el.querySelector("#packet-pages")?.textContent).toBe("3 pages");
  });

  it("ticking Pillar II narrows the spec and refreshes the summary", async () => {
    const box = builder.el.querySelector<HTMLInputElement>("#pillar-2")!;
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    expect(builder.spec.filters.pillars).toEqual([2]);
    await builder.updateSummary();
    expect(api.packetSummary).toHaveBeenLastCalledWith(expect.objectContaining({ filters: expect.objectContaining({ pillars: [2] }) }));
    expect(builder.el.querySelector("#packet-pages")?.textContent).toBe("4 pages");
  });

  it("quick picks fill the date range", async () => {
    const last3 = [...builder.el.querySelectorAll("button")].find((b) => b.textContent === "Last 3 months")!;
    click(last3);
    await vi.waitFor(() => expect(builder.spec.filters.from).toBe("2026-08-28"));
    expect(builder.spec.filters.to).toBe("2026-11-28");
    const since = [...builder.el.querySelectorAll("button")].find((b) => b.textContent === "Since the last packet")!;
    click(since);
    await vi.waitFor(() => expect(builder.spec.filters.from).toBe("2026-10-02"));
    expect(builder.spec.filters.to).toBeNull();
  });

  it("moves a section up and drops one", () => {
    click(builder.el.querySelector('[data-section="timeline"] .move-up'));
    expect(builder.spec.sections.slice(2, 5)).toEqual(["overview", "timeline", "pillars"]);
    const sources = builder.el.querySelector<HTMLInputElement>('[data-section="sources"] input')!;
    sources.checked = false;
    sources.dispatchEvent(new Event("change"));
    expect(builder.spec.sections).not.toContain("sources");
  });

  it("exports through the save dialog with today's date and offers to open the PDF", async () => {
    await builder.exportPdf(null);
    expect(api.pickSavePath).toHaveBeenCalledWith("briefing-packet.pdf", "pdf");
    expect(api.exportPacket).toHaveBeenCalledWith(
      {
        spec: expect.objectContaining({ prepared_on: "2026-11-28" }),
        path: "/tmp/out/pillar-ii.pdf",
        spec_name: null,
        overwrite: true,
        copies_for: [],
      },
      expect.any(Function),
    );
    const done = builder.el.querySelector("#export-done")!;
    expect(done.textContent).toContain("5 pages");
    click([...done.querySelectorAll("button")].find((b) => b.textContent === "Open PDF")!);
    expect(api.openExported).toHaveBeenCalledWith("/tmp/out/pillar-ii.pdf");
  });

  it("does nothing when the save dialog is cancelled", async () => {
    api.pickSavePath.mockResolvedValueOnce(null as unknown as string);
    await builder.exportPdf(null);
    expect(api.exportPacket).not.toHaveBeenCalled();
  });

  it("shows the core's refusal of a bad date range in the summary", async () => {
    api.packetSummary.mockRejectedValueOnce({ code: "invalid_input", message: "filters: the date range is reversed" });
    await builder.updateSummary();
    expect(builder.el.querySelector(".packet-summary [role=alert]")?.textContent).toContain("date range is reversed");
  });

  it("offers no dialogue choice for one dialogue, and names one of several", async () => {
    expect(builder.el.querySelector(".dialogue-choice")).toBeNull();
    const second = { ...outline.dialogues[0], id: 2, short_name: "USCED", name: "U.S.-Canada Economic Dialogue" };
    api.recordOutline.mockResolvedValueOnce({ ...outline, dialogues: [outline.dialogues[0], second] });
    const ctx: AppContext = {
      api: api as unknown as Api,
      notice: new Notice(),
      navigate: vi.fn(),
      recordChanged: vi.fn(),
      reopened: vi.fn(),
    };
    const two = new PacketBuilder(ctx, () => new Date(2026, 10, 28));
    document.body.replaceChildren(two.el);
    await two.show();
    const choice = two.el.querySelector<HTMLSelectElement>(".dialogue-choice")!;
    expect([...choice.options].map((o) => o.value)).toEqual(["HLED", "USCED"]);
    // The packet never leaves the dialogue unnamed, so the core has nothing to guess.
    expect(two.spec.dialogue).toBe("HLED");
    two.spec.meeting = "7";
    choice.value = "USCED";
    choice.dispatchEvent(new Event("change"));
    expect(two.spec.dialogue).toBe("USCED");
    expect(two.spec.meeting).toBeNull();
  });

  it("writes one numbered copy per recipient line and lists the files", async () => {
    const area = builder.el.querySelector<HTMLTextAreaElement>("#packet-copies")!;
    area.value = "Ana\n\n  Luis  \n";
    area.dispatchEvent(new Event("input"));
    await builder.exportPdf(null);
    expect(api.exportPacket.mock.calls[0][0].copies_for).toEqual(["Ana", "Luis"]);
    const copies = builder.el.querySelector("#export-copies")!;
    expect(copies.textContent).toContain("pillar-ii-1-ana.pdf");
    expect(copies.textContent).toContain("pillar-ii-2-luis.pdf");
  });

  it("says how much of a Spanish packet is in Spanish before export", async () => {
    api.packetSummary.mockResolvedValueOnce({
      pages: 4,
      entries: 4,
      initiatives: 4,
      left_out: 0,
      pillars: [],
      translation: { translated: 30, fallback: 12 },
    } as unknown as Awaited<ReturnType<typeof api.packetSummary>>);
    builder.spec.lang = "es";
    await builder.updateSummary();
    expect(builder.el.querySelector("#packet-translated")?.textContent).toContain("30 of 42 texts in Spanish; 12 fall back");
  });
});
