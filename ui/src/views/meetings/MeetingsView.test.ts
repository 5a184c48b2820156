import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MeetingsView, counts } from "./MeetingsView";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";
import type { DateReading } from "../../bindings/DateReading";
import type { Meeting } from "../../bindings/Meeting";
import type { MeetingRow } from "../../bindings/MeetingRow";
import type { NewMeeting } from "../../bindings/NewMeeting";
import type { Outline } from "../../bindings/Outline";
import { setLang, t } from "../../i18n";

const outline: Outline = {
  entries: 2,
  dialogues: [
    {
      id: 1,
      name: "U.S.-Mexico High-Level Economic Dialogue",
      name_es: null,
      short_name: "HLED",
      launched: null,
      general_entries: 0,
      pillars: [
        {
          id: 2,
          number: 2,
          title: "Promoting Sustainable Economic Development",
          title_es: null,
          initiatives: [
            { id: 21, title: "Sembrando Oportunidades", title_es: null, summary: null, summary_es: null, entries: 1, notes: [] },
          ],
        },
      ],
    },
  ],
};

/** Reads dates as the core does for the forms of these tests: days and ISO date-times. */
async function readDate(text: string): Promise<DateReading> {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$/.test(t) && !t.startsWith("2022-02-30")) {
    return { date: { edtf: t, text: t, cadence: null }, edtf: t, explanation: `read ${t}`, precision: "day" };
  }
  throw { code: "invalid_input", message: `'${t}' is not a date` };
}

/** A meeting as the core's JSON has it: empty lists left out. */
function sent(m: Meeting): Meeting {
  const out = structuredClone(m) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 0) delete out[k];
  return out as unknown as Meeting;
}

/** A fake shell that keeps meetings and refuses what the core refuses, in its words. */
function fakeApi() {
  const meetings = new Map<number, Meeting>();
  let next = 1;
  const row = (m: Meeting): MeetingRow => ({
    id: m.id ?? 0,
    dialogue_id: 1,
    dialogue: "HLED",
    title: m.title,
    title_es: m.title_es ?? null,
    date: m.date,
    place: m.place ?? null,
    kind: m.kind,
    objectives: m.objectives.length,
    agenda_items: m.agenda.length,
    participants: m.participants.length,
    press_lines: m.press_lines.length,
    notes: m.notes.length,
  });
  const refuse = (m: Meeting, path: string, problem: string) => {
    throw { code: "invalid_input", message: `meeting '${m.title}': ${path}: ${problem}` };
  };
  return {
    meetings,
    recordOutline: vi.fn(async () => outline),
    readDate: vi.fn(readDate),
    listMeetings: vi.fn(async (_dialogue: string | null) => [...meetings.values()].map(row)),
    meeting: vi.fn(async (id: number) => {
      const m = meetings.get(id);
      if (!m) throw { code: "not_found", message: `no meeting with id ${id}` };
      return sent(m);
    }),
    createMeeting: vi.fn(async (_dialogue: string | null, m: NewMeeting) => {
      if (!m.title.trim()) throw { code: "invalid_input", message: "a meeting needs a title" };
      const date = await readDate(m.date);
      const meeting: Meeting = {
        id: next++,
        title: m.title.trim(),
        date: date.date,
        place: m.place,
        kind: m.kind ?? "ministerial",
        our_delegation: m.our_delegation,
        their_delegation: m.their_delegation,
        objectives: [],
        agenda: [],
        participants: [],
        press_lines: [],
        notes: [],
      };
      meetings.set(meeting.id ?? 0, meeting);
      return sent(meeting);
    }),
    saveMeeting: vi.fn(async (id: number, m: Meeting) => {
      if (!m.title.trim()) refuse(m, "title", "meeting title is empty");
      for (const [i, a] of m.agenda.entries()) {
        if (a.starts?.edtf && a.ends?.edtf && a.ends.edtf < a.starts.edtf) {
          refuse(m, `agenda[${i}].ends`, `agenda item '${a.item}' ends (${a.ends.text}) before it starts (${a.starts.text})`);
        }
      }
      for (const [i, p] of m.participants.entries()) {
        if (!p.name.trim()) refuse(m, `participants[${i}].name`, "participant name is empty");
      }
      const stored = { ...structuredClone(m), id };
      meetings.set(id, stored);
      return sent(stored);
    }),
    deleteMeeting: vi.fn(async (id: number) => {
      meetings.delete(id);
    }),
    undoLast: vi.fn(async () => "meeting deleted"),
    pickSavePath: vi.fn(async (_name: string, _kind: string) => "/tmp/out/ministerial.ics" as string | null),
    exportMeetingIcs: vi.fn(async (_id: number, path: string) => path),
  };
}

let api: ReturnType<typeof fakeApi>;
let ctx: AppContext;
let view: MeetingsView;

beforeEach(async () => {
  api = fakeApi();
  ctx = { api: api as unknown as Api, notice: new Notice(), navigate: vi.fn(), recordChanged: vi.fn(), reopened: vi.fn() };
  view = new MeetingsView(ctx);
  document.body.replaceChildren(view.el, ctx.notice.el);
  await view.show();
});

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
};

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

function input(scope: ParentNode, field: string) {
  return $<HTMLInputElement>(`[data-field="${field}"] input, [data-field="${field}"] textarea, [data-field="${field}"] select`, scope);
}

/** Waits until `check` holds (the view answers after a few awaited calls). */
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

async function create(title: string, date = "2022-09-12") {
  $<HTMLButtonElement>("#meeting-new").click();
  await until(() => document.querySelector(".meeting-create") !== null);
  const form = $(".meeting-create");
  type(input(form, "title"), title);
  type($<HTMLInputElement>(".date-input", form), date);
  type(input(form, "place"), "Mexico City");
  $<HTMLButtonElement>("#meeting-create").click();
}

async function created(title: string) {
  await create(title);
  await until(() => document.querySelector(".meeting-editor") !== null);
  return $(".meeting-editor");
}

describe("MeetingsView", () => {
  it("says there are no meetings yet, then lists the one added and opens it", async () => {
    expect($(".meeting-index").textContent).toContain(t("meetings.none"));
    const editor = await created("Ministerial");
    expect(api.createMeeting).toHaveBeenCalledWith(
      "1",
      expect.objectContaining({ title: "Ministerial", date: "2022-09-12", place: "Mexico City" }),
    );
    expect(input(editor, "title").value).toBe("Ministerial");
    await until(() => document.querySelectorAll(".meeting-item").length === 1);
    expect($(".meeting-item").textContent).toContain("2022-09-12 · Mexico City");
  });

  it("shows the core's message for a meeting without a title and adds nothing", async () => {
    await create("   ");
    await until(() => $(".meeting-create .form-error").textContent !== "");
    expect($(".meeting-create .form-error").textContent).toBe("Not accepted: a meeting needs a title");
    expect(api.meetings.size).toBe(0);
    expect(document.querySelector(".meeting-editor")).toBeNull();
  });

  it("saves points to make, an agenda item and a participant in one call", async () => {
    const editor = await created("Ministerial");
    $<HTMLButtonElement>('[data-add="notes"]', editor).click();
    const note = $('[data-list="notes"] .meeting-row', editor);
    expect(input(note, "kind").value).toBe("points_to_make");
    type(input(note, "text"), "Welcome the supply chain work");
    $<HTMLButtonElement>('[data-add="agenda"]', editor).click();
    const item = $('[data-list="agenda"] .meeting-row', editor);
    type(input(item, "item"), "Opening session");
    type($<HTMLInputElement>('[data-field="starts"] input', item), "2022-09-12T09:30:00-05:00");
    type($<HTMLInputElement>('[data-field="ends"] input', item), "2022-09-12T10:30:00-05:00");
    $<HTMLInputElement>('[data-field="pillars"] input', item).click();
    const link = $<HTMLSelectElement>('[data-field="initiatives"] select', item);
    link.value = "Sembrando Oportunidades";
    link.dispatchEvent(new Event("change", { bubbles: true }));
    $<HTMLButtonElement>('[data-add="participants"]', editor).click();
    type(input($('[data-list="participants"] .meeting-row', editor), "name"), "Tatiana Clouthier");
    expect(view.editor?.dirty).toBe(true);
    expect(editor.textContent).toContain(t("meetings.unsaved"));
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => api.saveMeeting.mock.calls.length === 1 && document.querySelector(".notice-ok") !== null);
    const [, sent] = api.saveMeeting.mock.calls[0];
    expect(sent.notes).toEqual([expect.objectContaining({ kind: "points_to_make", text: "Welcome the supply chain work" })]);
    expect(sent.agenda[0]).toEqual(
      expect.objectContaining({
        item: "Opening session",
        starts: expect.objectContaining({ edtf: "2022-09-12T09:30:00-05:00" }),
        pillars: [2],
        initiatives: ["Sembrando Oportunidades"],
      }),
    );
    expect(sent.participants[0]).toEqual(expect.objectContaining({ name: "Tatiana Clouthier", side: "ours", title: null }));
    expect($(".notice").textContent).toContain(t("meetings.saved"));
    expect(view.editor?.dirty).toBe(false);
  });

  it("saves the Spanish of each objective, agenda item, bio, press line and note", async () => {
    const editor = await created("Ministerial");
    const row = (list: string) => {
      $<HTMLButtonElement>(`[data-add="${list}"]`, editor).click();
      return $(`[data-list="${list}"] .meeting-row`, editor);
    };
    const objective = row("objectives");
    type(input(objective, "text"), "Deepen supply chains");
    type(input(objective, "text_es"), "Profundizar las cadenas de suministro");
    expect(input(objective, "text_es").lang).toBe("es");
    const item = row("agenda");
    type(input(item, "item"), "Opening session");
    type(input(item, "item_es"), "Sesión de apertura");
    const person = row("participants");
    type(input(person, "name"), "Tatiana Clouthier");
    type(input(person, "bio_es"), "Secretaria de Economía");
    const line = row("press_lines");
    type(input(line, "text"), "Is the deal late?");
    type(input(line, "text_es"), "¿Se retrasa el acuerdo?");
    type(input(line, "answer"), "No.");
    type(input(line, "answer_es"), "No.");
    const note = row("notes");
    const kind = input(note, "kind") as unknown as HTMLSelectElement;
    expect($('[data-field="answer_es"]', note).hidden).toBe(true);
    kind.value = "if_raised";
    kind.dispatchEvent(new Event("change", { bubbles: true }));
    expect($('[data-field="answer_es"]', note).hidden).toBe(false);
    type(input(note, "text"), "If asked about energy");
    type(input(note, "text_es"), "Si preguntan por la energía");
    type(input(note, "answer_es"), "Seguimos conversando. ");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => api.saveMeeting.mock.calls.length === 1 && view.editor?.dirty === false);
    const stored = api.meetings.get(1);
    expect(stored?.objectives[0]).toEqual(expect.objectContaining({ text_es: "Profundizar las cadenas de suministro" }));
    expect(stored?.agenda[0]).toEqual(expect.objectContaining({ item: "Opening session", item_es: "Sesión de apertura" }));
    expect(stored?.participants[0]).toEqual(expect.objectContaining({ bio: null, bio_es: "Secretaria de Economía" }));
    expect(stored?.press_lines[0]).toEqual(expect.objectContaining({ text_es: "¿Se retrasa el acuerdo?", answer_es: "No." }));
    expect(stored?.notes[0]).toEqual(
      expect.objectContaining({
        kind: "if_raised",
        text_es: "Si preguntan por la energía",
        answer: null,
        answer_es: "Seguimos conversando.",
      }),
    );
    // The editor shows what was stored, Spanish included.
    expect(input($('[data-list="agenda"] .meeting-row'), "item_es").value).toBe("Sesión de apertura");
  });

  it("shows the core's words when an agenda item ends before it starts, marks the end, stores nothing", async () => {
    const editor = await created("Ministerial");
    $<HTMLButtonElement>('[data-add="agenda"]', editor).click();
    const item = $('[data-list="agenda"] .meeting-row', editor);
    type(input(item, "item"), "Working lunch");
    type($<HTMLInputElement>('[data-field="starts"] input', item), "2022-09-12T13:00:00");
    type($<HTMLInputElement>('[data-field="ends"] input', item), "2022-09-12T12:00:00");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => $(".meeting-error").textContent !== "");
    expect($(".meeting-error").textContent).toBe(
      "Not accepted: Agenda item 1: agenda item 'Working lunch' ends (2022-09-12T12:00:00) before it starts (2022-09-12T13:00:00)",
    );
    expect($('[data-field="ends"]', item).classList.contains("has-problem")).toBe(true);
    expect(api.meetings.get(1)?.agenda).toEqual([]);
    expect(view.editor?.dirty).toBe(true);
  });

  it("names the participant without a name and focuses the field", async () => {
    const editor = await created("Ministerial");
    $<HTMLButtonElement>('[data-add="participants"]', editor).click();
    $<HTMLButtonElement>('[data-add="participants"]', editor).click();
    const rows = editor.querySelectorAll('[data-list="participants"] .meeting-row');
    type(input(rows[0], "name"), "Gina Raimondo");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => $(".meeting-error").textContent !== "");
    expect($(".meeting-error").textContent).toBe("Not accepted: Participant 2: participant name is empty");
    expect(document.activeElement).toBe(input(rows[1], "name"));
    expect(api.meetings.get(1)?.participants).toEqual([]);
  });

  it("refuses a blank title on save in the core's words", async () => {
    const editor = await created("Ministerial");
    type(input(editor, "title"), " ");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => $(".meeting-error").textContent !== "");
    expect($(".meeting-error").textContent).toBe("Not accepted: Title: meeting title is empty");
    expect($('[data-section="meeting"] [data-field="title"]').classList.contains("has-problem")).toBe(true);
    expect(api.meetings.get(1)?.title).toBe("Ministerial");
  });

  it("says which agenda date does not read, without asking the core to save", async () => {
    const editor = await created("Ministerial");
    $<HTMLButtonElement>('[data-add="agenda"]', editor).click();
    type(input($('[data-list="agenda"] .meeting-row', editor), "item"), "Opening");
    type($<HTMLInputElement>('[data-list="agenda"] [data-field="starts"] input', editor), "half past nine");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => $(".meeting-error").textContent !== "");
    expect($(".meeting-error").textContent).toBe("Agenda item 1, start: Not accepted: 'half past nine' is not a date");
    expect(api.saveMeeting).not.toHaveBeenCalled();
  });

  it("moves and removes rows, keeping what was typed in the others", async () => {
    const editor = await created("Ministerial");
    const add = $<HTMLButtonElement>('[data-add="objectives"]', editor);
    add.click();
    add.click();
    const rows = () => [...editor.querySelectorAll('[data-list="objectives"] .meeting-row')];
    type(input(rows()[0], "text"), "First");
    type(input(rows()[1], "text"), "Second");
    $<HTMLButtonElement>(".move-up", rows()[1]).click();
    expect(rows().map((r) => input(r, "text").value)).toEqual(["Second", "First"]);
    expect(view.editor?.working.objectives.map((o) => o.text)).toEqual(["Second", "First"]);
    $<HTMLButtonElement>(".remove-row", rows()[0]).click();
    expect(view.editor?.working.objectives.map((o) => o.text)).toEqual(["First"]);
    expect($(".remove-row", rows()[0]).getAttribute("aria-label")).toBe("Remove objective 1");
  });

  it("exports the agenda through the save dialog for calendars and opens the briefing book", async () => {
    await created("HLED Ministerial");
    $<HTMLButtonElement>("#meeting-ics").click();
    await until(() => api.exportMeetingIcs.mock.calls.length === 1);
    expect(api.pickSavePath).toHaveBeenCalledWith("hled-ministerial.ics", "calendar");
    expect(api.exportMeetingIcs).toHaveBeenCalledWith(1, "/tmp/out/ministerial.ics");
    await until(() => $(".notice").textContent?.includes("Calendar saved to /tmp/out/ministerial.ics") === true);
    $<HTMLButtonElement>("#meeting-book").click();
    await until(() => (ctx.navigate as ReturnType<typeof vi.fn>).mock.calls.length === 1);
    expect(ctx.navigate).toHaveBeenCalledWith("packet", { meetingId: 1 });
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    await created("Ministerial");
    api.pickSavePath.mockResolvedValueOnce(null);
    $<HTMLButtonElement>("#meeting-ics").click();
    await until(() => api.pickSavePath.mock.calls.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(api.exportMeetingIcs).not.toHaveBeenCalled();
  });

  it("keeps unsaved edits across a visit to another view, and reads a saved meeting again", async () => {
    const editor = await created("Ministerial");
    type(input(editor, "title"), "Ministerial (draft)");
    await view.show();
    expect(view.editor?.el).toBe(editor);
    expect(input($(".meeting-editor"), "title").value).toBe("Ministerial (draft)");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => api.meetings.get(1)?.title === "Ministerial (draft)" && view.editor?.dirty === false);
    api.meetings.get(1)!.place = "Washington, D.C.";
    await view.show();
    await until(() => input($(".meeting-editor"), "place").value === "Washington, D.C.");
  });

  it("opens the meeting it is sent to", async () => {
    await created("Ministerial");
    view.editor = null;
    await view.show({ meetingId: 1 });
    expect(api.meeting).toHaveBeenCalledWith(1);
    expect(input($(".meeting-editor"), "title").value).toBe("Ministerial");
  });
});

describe("MeetingsView in Spanish", () => {
  afterEach(() => setLang("en"));

  it("lists and heads a meeting by its Spanish title, the English a hover away, and marks one without", async () => {
    const editor = await created("Ministerial");
    type(input(editor, "title_es"), "Reunión ministerial");
    $<HTMLButtonElement>("#meeting-save").click();
    await until(() => api.meetings.get(1)?.title_es === "Reunión ministerial" && view.editor?.dirty === false);
    await created("Working group");
    setLang("es");
    view = new MeetingsView(ctx);
    document.body.replaceChildren(view.el, ctx.notice.el);
    await view.show({ meetingId: 1 });
    const [first, second] = [...document.querySelectorAll<HTMLElement>(".meeting-item")];
    expect(first.querySelector(".meeting-item-title")?.textContent).toBe("Reunión ministerial");
    expect(first.title).toBe("Ministerial");
    expect(second.querySelector(".meeting-item-title .lang-tag.fallback")?.textContent).toBe("EN");
    expect(second.querySelector(".meeting-item-title")?.getAttribute("lang")).toBe("en");
    expect($('[data-section="meeting"] legend').textContent).toBe("Reunión ministerial");
    expect($(".meeting-editor").getAttribute("aria-label")).toBe("Reunión ministerial");
  });
});

describe("a meeting's counts", () => {
  afterEach(() => setLang("en"));

  it("count in each language's words", () => {
    const m = { agenda_items: 1, participants: 2, notes: 0, objectives: 0, press_lines: 0 } as MeetingRow;
    expect(counts(m)).toBe("1 agenda item · 2 participants · 0 notes");
    setLang("es");
    expect(counts(m)).toBe("1 punto de agenda · 2 participantes · 0 notas");
  });
});
