// The form logic of the meeting editor, apart from the DOM: blank rows, the meeting as
// it is sent (typed dates read, empty texts as null), and where the core's message about
// a refused meeting points ("agenda[1].ends" -> the second agenda item's end field).
// The rules themselves (a title, an end after the start, a participant's name) live in
// the core; the form only shows its words.

import type { AgendaItem } from "../../bindings/AgendaItem";
import type { Clearance } from "../../bindings/Clearance";
import type { EntryDate } from "../../bindings/EntryDate";
import type { Meeting } from "../../bindings/Meeting";
import type { Note } from "../../bindings/Note";
import type { Objective } from "../../bindings/Objective";
import type { Participant } from "../../bindings/Participant";
import type { PressLine } from "../../bindings/PressLine";
import type { Side } from "../../bindings/Side";
import type { NoteKind } from "../../bindings/NoteKind";
import { t } from "../../i18n";

/** The kinds of note a meeting holds (objectives and press lines are lists of their own). */
export type MeetingNoteKind = Extract<NoteKind, "points_to_make" | "if_raised" | "background">;

export const blankObjective = (): Objective => ({ id: null, text: "", text_es: null, initiatives: [] });

export const blankAgendaItem = (): AgendaItem => ({
  id: null,
  starts: null,
  ends: null,
  item: "",
  item_es: null,
  place: null,
  lead: null,
  pillars: [],
  initiatives: [],
});

export const blankParticipant = (side: Side = "ours"): Participant => ({
  id: null,
  name: "",
  title: null,
  organisation: null,
  side,
  role: null,
  bio: null,
  bio_es: null,
});

export const blankPressLine = (): PressLine => ({ id: null, text: "", text_es: null, answer: null, answer_es: null });

export const blankNote = (kind: MeetingNoteKind = "points_to_make"): Note => ({
  id: null,
  kind,
  text: "",
  text_es: null,
  answer: null,
  answer_es: null,
});

/**
 * A meeting as the shell sent it, with every list present: the core leaves empty lists
 * (and empty links) out of its JSON, which the generated type does not say.
 */
export function complete(sent: Meeting): Meeting {
  const m = structuredClone(sent);
  m.objectives = (m.objectives ?? []).map((o) => ({ ...o, initiatives: o.initiatives ?? [] }));
  m.agenda = (m.agenda ?? []).map((a) => ({ ...a, pillars: a.pillars ?? [], initiatives: a.initiatives ?? [] }));
  m.participants = m.participants ?? [];
  m.press_lines = m.press_lines ?? [];
  m.notes = m.notes ?? [];
  if (m.clearance) m.clearance = { ...m.clearance, cleared_by: m.clearance.cleared_by ?? [] };
  return m;
}

/** Typed text as an optional value: blank is `null`. */
export function orNull(text: string): string | null {
  return text.trim() ? text : null;
}

/** The words a stored date shows in its field. */
export function dateText(date: EntryDate | null | undefined): string {
  return date ? date.text || date.edtf || "" : "";
}

/** Anything that gives the date a field holds (the DateInput component does). */
export interface DateSource {
  value(): Promise<EntryDate | null>;
}

/** A problem found in the form, with the field it is about. */
export class FormProblem extends Error {
  constructor(
    message: string,
    readonly target: FieldRef | null = null,
  ) {
    super(message);
  }
}

/** A field of the editor: a meeting field, or a field of one row of a list. */
export interface FieldRef {
  list: "objectives" | "agenda" | "participants" | "press_lines" | "notes" | null;
  /** 0-based row, for a list. */
  index: number;
  field: string;
}

/** Reads a date field; a date that does not read is a problem naming the field. */
async function read(source: DateSource, where: string, target: FieldRef): Promise<EntryDate | null> {
  try {
    return await source.value();
  } catch (e) {
    throw new FormProblem(`${where}: ${e instanceof Error ? e.message : String(e)}`, target);
  }
}

/** The meeting's date fields: its own, and each agenda item's start and end in order. */
export interface MeetingDates {
  date: DateSource;
  agenda: { starts: DateSource; ends: DateSource }[];
}

/**
 * The meeting to send: `working` with its typed dates read and blank optional texts as
 * `null`; an empty clearance block is dropped. A date that does not read throws a
 * `FormProblem` naming the field. Nothing else is judged here: the core refuses what
 * breaks its rules, and its message is shown.
 */
export async function meetingToSave(working: Meeting, dates: MeetingDates): Promise<Meeting> {
  const meeting = structuredClone(working);
  const date = await read(dates.date, t("common.meeting_date"), { list: null, index: 0, field: "date" });
  // An empty date is sent as it is: the core says what a meeting date must be.
  meeting.date = date ?? { edtf: null, text: "", cadence: null };
  for (const [i, item] of meeting.agenda.entries()) {
    const fields = dates.agenda[i];
    if (!fields) continue;
    item.starts = await read(fields.starts, t("meetings.agenda_start", { n: i + 1 }), { list: "agenda", index: i, field: "starts" });
    item.ends = await read(fields.ends, t("meetings.agenda_end", { n: i + 1 }), { list: "agenda", index: i, field: "ends" });
  }
  const opt = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  meeting.title = meeting.title.trim();
  meeting.title_es = opt(meeting.title_es);
  meeting.place = opt(meeting.place);
  meeting.our_delegation = opt(meeting.our_delegation);
  meeting.their_delegation = opt(meeting.their_delegation);
  meeting.scope_note = opt(meeting.scope_note);
  meeting.scope_note_es = opt(meeting.scope_note_es);
  for (const o of meeting.objectives) o.text_es = opt(o.text_es);
  for (const item of meeting.agenda) {
    item.item_es = opt(item.item_es);
    item.place = opt(item.place);
    item.lead = opt(item.lead);
  }
  for (const p of meeting.participants) {
    p.title = opt(p.title);
    p.organisation = opt(p.organisation);
    p.role = opt(p.role);
    p.bio = opt(p.bio);
    p.bio_es = opt(p.bio_es);
  }
  // Press lines and notes: the text and its answer, each in both languages.
  for (const line of [...meeting.press_lines, ...meeting.notes]) {
    line.text_es = opt(line.text_es);
    line.answer = opt(line.answer);
    line.answer_es = opt(line.answer_es);
  }
  meeting.clearance = clearanceToSave(meeting.clearance ?? null);
  return meeting;
}

function clearanceToSave(c: Clearance | null): Clearance | null {
  if (!c) return null;
  const opt = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const cleared = c.cleared_by.map((n) => n.trim()).filter((n) => n.length > 0);
  const out: Clearance = { drafted_by: opt(c.drafted_by), office: opt(c.office), drafted_on: opt(c.drafted_on), cleared_by: cleared };
  return out.drafted_by || out.office || out.drafted_on || cleared.length ? out : null;
}

const LISTS = ["objectives", "agenda", "participants", "press_lines", "notes"] as const;

/**
 * Where the core's message about a refused meeting points: its path ("agenda[1].ends",
 * "participants[0].name", "title", "date"), if it names one.
 */
export function problemTarget(message: string): FieldRef | null {
  const row = /\b(objectives|agenda|participants|press_lines|notes)\[(\d+)\]\.(\w+)/.exec(message);
  if (row) {
    const list = LISTS.find((l) => l === row[1]) ?? null;
    return { list, index: Number(row[2]), field: row[3] };
  }
  const field = /(?:^|: )(title|date)(?=: )/.exec(message);
  return field ? { list: null, index: 0, field: field[1] } : null;
}

/**
 * The core's message in the editor's words: without the "meeting 'T': " the editor
 * already shows, its path as the row or field ("participants[0].name" -> "Participant 1",
 * "title" -> "Title"); the core's explanation is kept as it is.
 */
export function problemInWords(message: string): string {
  const what: Record<(typeof LISTS)[number], string> = {
    objectives: t("meetings.objective"),
    agenda: t("meetings.agenda_item"),
    participants: t("meetings.participant"),
    press_lines: t("meetings.press_line"),
    notes: t("meetings.note"),
  };
  return message
    .replace(/^meeting '.*?': (?=(?:objectives|agenda|participants|press_lines|notes)\[\d+\]\.\w+: |title: |date: )/, "")
    .replace(/^title: /, `${t("meetings.field_title")}: `)
    .replace(/^date: /, `${t("meetings.field_date")}: `)
    .replace(
      /\b(objectives|agenda|participants|press_lines|notes)\[(\d+)\]\.\w+/g,
      (_, list: (typeof LISTS)[number], index: string) => `${what[list]} ${Number(index) + 1}`,
    );
}

/** A file name for the meeting's exports: its title in lower case, words joined by "-". */
export function fileStem(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "meeting"
  );
}
