import { describe, expect, it } from "vitest";
import type { EntryDate } from "../../bindings/EntryDate";
import type { Meeting } from "../../bindings/Meeting";
import { blankAgendaItem, blankParticipant, complete, FormProblem, fileStem, meetingToSave, problemInWords, problemTarget } from "./draft";

const day = (edtf: string): EntryDate => ({ edtf, text: edtf, cadence: null });
const fixed = (date: EntryDate | null) => ({ value: async () => date });
const failing = (message: string) => ({
  value: async (): Promise<EntryDate | null> => {
    throw new Error(message);
  },
});

function meeting(): Meeting {
  return {
    id: 7,
    title: "  Ministerial  ",
    title_es: "",
    date: day("2022-09-12"),
    place: "   ",
    kind: "ministerial",
    our_delegation: "Secretary of Commerce",
    their_delegation: null,
    scope_note: "",
    scope_note_es: null,
    objectives: [],
    agenda: [{ ...blankAgendaItem(), item: "Opening", item_es: "  ", place: "" }],
    participants: [{ ...blankParticipant("theirs"), name: "Tatiana Clouthier", role: " " }],
    press_lines: [{ id: null, text: "Q?", text_es: " ", answer: "", answer_es: null }],
    notes: [],
    clearance: { drafted_by: " ", office: null, drafted_on: null, cleared_by: ["", "  "] },
  };
}

describe("meetingToSave", () => {
  it("reads the typed dates into the meeting and its agenda items", async () => {
    const start = day("2022-09-12T09:30:00-04:00");
    const end = day("2022-09-12T10:30:00-04:00");
    const saved = await meetingToSave(meeting(), { date: fixed(day("2022-09-12")), agenda: [{ starts: fixed(start), ends: fixed(end) }] });
    expect(saved.agenda[0].starts).toEqual(start);
    expect(saved.agenda[0].ends).toEqual(end);
    expect(saved.date.edtf).toBe("2022-09-12");
  });

  it("sends blank optional texts as null, trims the title and drops an empty clearance", async () => {
    const saved = await meetingToSave(meeting(), { date: fixed(day("2022-09-12")), agenda: [{ starts: fixed(null), ends: fixed(null) }] });
    expect(saved.title).toBe("Ministerial");
    expect(saved.title_es).toBeNull();
    expect(saved.place).toBeNull();
    expect(saved.scope_note).toBeNull();
    expect(saved.agenda[0].place).toBeNull();
    expect(saved.participants[0].role).toBeNull();
    expect(saved.press_lines[0].answer).toBeNull();
    expect(saved.press_lines[0].text_es).toBeNull();
    expect(saved.agenda[0].item_es).toBeNull();
    expect(saved.clearance).toBeNull();
  });

  it("keeps a clearance that names someone, without blank names", async () => {
    const m = meeting();
    m.clearance = { drafted_by: "J. Doe", office: " WHA/MEX ", drafted_on: "2022-09-01", cleared_by: ["A. Smith", " ", "B. Jones"] };
    const saved = await meetingToSave(m, { date: fixed(day("2022-09-12")), agenda: [] });
    expect(saved.clearance).toEqual({
      drafted_by: "J. Doe",
      office: "WHA/MEX",
      drafted_on: "2022-09-01",
      cleared_by: ["A. Smith", "B. Jones"],
    });
  });

  it("sends an empty meeting date for the core to refuse in its words", async () => {
    const saved = await meetingToSave(meeting(), { date: fixed(null), agenda: [] });
    expect(saved.date).toEqual({ edtf: null, text: "", cadence: null });
  });

  it("names the agenda field whose date does not read, and leaves the working copy alone", async () => {
    const working = meeting();
    const problem = await meetingToSave(working, {
      date: fixed(day("2022-09-12")),
      agenda: [{ starts: fixed(null), ends: failing("'25:99' is not a date") }],
    }).catch((e) => e);
    expect(problem).toBeInstanceOf(FormProblem);
    expect(problem.message).toBe("Agenda item 1, end: '25:99' is not a date");
    expect(problem.target).toEqual({ list: "agenda", index: 0, field: "ends" });
    expect(working.title).toBe("  Ministerial  ");
  });
});

describe("the core's message about a refused meeting", () => {
  const endBeforeStart = "meeting 'Ministerial': agenda[1].ends: agenda item 'Working lunch' ends (12:00) before it starts (13:00)";
  const noName = "meeting 'Ministerial': participants[0].name: participant name is empty";

  it("points at the field it names", () => {
    expect(problemTarget(endBeforeStart)).toEqual({ list: "agenda", index: 1, field: "ends" });
    expect(problemTarget(noName)).toEqual({ list: "participants", index: 0, field: "name" });
    expect(problemTarget("meeting '': title: meeting title is empty")).toEqual({ list: null, index: 0, field: "title" });
    expect(problemTarget("no meeting with id 9")).toBeNull();
  });

  it("reads in words, keeping the core's explanation", () => {
    expect(problemInWords(endBeforeStart)).toBe("Agenda item 2: agenda item 'Working lunch' ends (12:00) before it starts (13:00)");
    expect(problemInWords(noName)).toBe("Participant 1: participant name is empty");
    expect(problemInWords("meeting '': title: meeting title is empty")).toBe("Title: meeting title is empty");
    expect(problemInWords("meeting 'X': date: '' is not a calendar date")).toBe("Date or date and time: '' is not a calendar date");
    // A message with no path is shown as the core wrote it.
    expect(problemInWords("no meeting with id 9")).toBe("no meeting with id 9");
  });
});

describe("complete", () => {
  it("puts back the lists the core leaves out of its JSON", () => {
    const bare = { id: 1, title: "T", date: day("2022-09-12"), kind: "ministerial", agenda: [{ item: "Opening" }] } as unknown as Meeting;
    const m = complete(bare);
    expect(m.objectives).toEqual([]);
    expect(m.participants).toEqual([]);
    expect(m.press_lines).toEqual([]);
    expect(m.notes).toEqual([]);
    expect(m.agenda[0].pillars).toEqual([]);
    expect(m.agenda[0].initiatives).toEqual([]);
    expect(bare.objectives).toBeUndefined();
  });
});

describe("fileStem", () => {
  it("makes a file name of a title, never a path", () => {
    expect(fileStem("HLED Ministerial, Mexico City 2022")).toBe("hled-ministerial-mexico-city-2022");
    expect(fileStem("../../etc/passwd")).toBe("etc-passwd");
    expect(fileStem("///")).toBe("meeting");
  });
});
