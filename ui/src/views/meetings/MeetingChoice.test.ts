import { beforeEach, describe, expect, it, vi } from "vitest";
import { MeetingChoice } from "./MeetingChoice";
import type { Api } from "../../api";
import type { MeetingRow } from "../../bindings/MeetingRow";
import type { PacketSpec } from "../../bindings/PacketSpec";
import { defaultSpec, fromSaved } from "../packet/spec";

const row = (id: number, dialogueId: number, dialogue: string, title: string): MeetingRow => ({
  id,
  dialogue_id: dialogueId,
  dialogue,
  title,
  title_es: null,
  date: { edtf: "2022-09-12", text: "12 September 2022", cadence: null },
  place: null,
  kind: "ministerial",
  objectives: 0,
  agenda_items: 0,
  participants: 0,
  press_lines: 0,
  notes: 0,
});

const ROWS = [row(4, 1, "HLED", "Ministerial"), row(9, 2, "HED", "Working group")];

let spec: PacketSpec;
let cover: HTMLElement;
let listMeetings: ReturnType<typeof vi.fn>;

function choice() {
  listMeetings = vi.fn(async (dialogue: string | null) => ROWS.filter((r) => String(r.dialogue_id) === dialogue));
  const api = { listMeetings } as unknown as Api;
  return new MeetingChoice(
    api,
    () => spec,
    (mutate) => mutate(spec),
    cover,
  );
}

beforeEach(() => {
  spec = defaultSpec();
  cover = document.createElement("div");
});

describe("MeetingChoice", () => {
  it("lists every dialogue's meetings and makes the packet the chosen meeting's book", async () => {
    const c = choice();
    await c.load([
      { id: 1, short_name: "HLED" },
      { id: 2, short_name: "HED" },
    ]);
    expect([...c.select.querySelectorAll("optgroup")].map((g) => g.label)).toEqual(["HLED", "HED"]);
    expect(c.select.textContent).toContain("Ministerial · 12 September 2022");
    c.select.value = "9";
    c.select.dispatchEvent(new Event("change"));
    expect(spec.meeting).toBe("9");
    expect(spec.dialogue).toBe("HED");
    expect(cover.hidden).toBe(true);
    c.select.value = "";
    c.select.dispatchEvent(new Event("change"));
    expect(spec.meeting).toBeNull();
    expect(cover.hidden).toBe(false);
  });

  it("takes the meeting the Meetings view sent and names its dialogue", async () => {
    spec.meeting = "4";
    const c = choice();
    await c.load([{ id: 1, short_name: "HLED" }]);
    expect(c.select.value).toBe("4");
    expect(spec.dialogue).toBe("HLED");
    expect(cover.hidden).toBe(true);
  });

  it("keeps the record packet when the meeting named is gone", async () => {
    spec.meeting = "77";
    const c = choice();
    await c.load([{ id: 1, short_name: "HLED" }]);
    expect(c.select.value).toBe("");
  });
});

describe("fromSaved", () => {
  it("reads a spec saved before meetings were in the record, its meeting as the cover", () => {
    const old = fromSaved(JSON.stringify({ title: "June", meeting: { name: "HLED", date: "June 2022", place: "DC" } }));
    expect(old.meeting).toBeNull();
    expect(old.cover).toEqual({ name: "HLED", date: "June 2022", place: "DC" });
    expect(old.title).toBe("June");
    const now = fromSaved(JSON.stringify({ ...defaultSpec(), meeting: "4", dialogue: "HLED" }));
    expect(now.meeting).toBe("4");
    expect(now.dialogue).toBe("HLED");
  });
});
