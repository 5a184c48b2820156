// The five lists of the meeting editor (objectives, agenda, participants, press lines,
// notes), each row's fields writing into the working copy as the person types. Every
// text the briefing book prints in both languages has its Spanish field beneath the
// English one.

import { h } from "../../dom";
import type { AgendaItem } from "../../bindings/AgendaItem";
import type { DateReading } from "../../bindings/DateReading";
import type { Note } from "../../bindings/Note";
import type { Objective } from "../../bindings/Objective";
import type { Participant } from "../../bindings/Participant";
import type { PressLine } from "../../bindings/PressLine";
import type { Side } from "../../bindings/Side";
import { DateInput } from "../../components/DateInput";
import { t } from "../../i18n";
import { noteLabel } from "../../labels";
import { blankAgendaItem, blankNote, blankObjective, blankParticipant, blankPressLine, type MeetingNoteKind, orNull } from "./draft";
import { initiativePicker, pillarChecks, selectField, spanishField, textField } from "./fields";
import { RowList } from "./RowList";

/** What the editor links to: the dialogue's initiatives and pillars. */
export interface RecordChoices {
  initiatives: string[];
  pillars: { number: number; title: string }[];
}

/** What every list's rows need from the editor. */
export interface RowContext {
  choices: RecordChoices;
  changed: () => void;
  readDate: (text: string) => Promise<DateReading>;
  /** Filled by the agenda list: each item's date fields, read on save. */
  agendaDates: Map<AgendaItem, { starts: DateInput; ends: DateInput }>;
}

const NOTE_KINDS: MeetingNoteKind[] = ["points_to_make", "if_raised", "background"];
const long = { multiline: true, rows: 2, wide: true } as const;

export function objectivesList(items: Objective[], c: RowContext): RowList<Objective> {
  return new RowList({
    name: "objectives",
    what: t("meetings.objective"),
    addLabel: t("meetings.add_objective"),
    items,
    blank: blankObjective,
    changed: c.changed,
    row: (o) => ({
      fields: [
        textField(t("meetings.objective"), o.text, (v) => (o.text = v), { field: "text", ...long }),
        spanishField(t("meetings.objective_es"), o.text_es, (v) => (o.text_es = v), { field: "text_es", ...long }),
        initiativePicker(c.choices.initiatives, o.initiatives, c.changed),
      ],
    }),
  });
}

export function agendaList(items: AgendaItem[], c: RowContext): RowList<AgendaItem> {
  const dateField = (initial: AgendaItem["starts"], label: string, field: string) => {
    const input = new DateInput(c.readDate, initial ?? null, label);
    input.input.placeholder = t("meetings.date_placeholder");
    input.el.dataset.field = field;
    return input;
  };
  return new RowList({
    name: "agenda",
    what: t("meetings.agenda_item"),
    addLabel: t("meetings.add_agenda_item"),
    items,
    blank: blankAgendaItem,
    changed: c.changed,
    row: (a) => {
      const dates = { starts: dateField(a.starts, t("meetings.starts"), "starts"), ends: dateField(a.ends, t("meetings.ends"), "ends") };
      c.agendaDates.set(a, dates);
      return {
        fields: [
          h("div", { class: "grid-2" }, dates.starts.el, dates.ends.el),
          textField(t("meetings.item"), a.item, (v) => (a.item = v), { field: "item", wide: true }),
          spanishField(t("meetings.item_es"), a.item_es, (v) => (a.item_es = v), { field: "item_es", wide: true }),
          h(
            "div",
            { class: "grid-2" },
            textField(t("meetings.field_place"), a.place, (v) => (a.place = orNull(v)), { field: "place" }),
            textField(t("meetings.lead"), a.lead, (v) => (a.lead = orNull(v)), { field: "lead" }),
          ),
          pillarChecks(c.choices.pillars, a.pillars, c.changed),
          initiativePicker(c.choices.initiatives, a.initiatives, c.changed),
        ],
      };
    },
  });
}

function participantFields(p: Participant): HTMLElement[] {
  const sides: [Side, string][] = [
    ["ours", t("meetings.side.ours")],
    ["theirs", t("meetings.side.theirs")],
  ];
  return [
    h(
      "div",
      { class: "grid-3" },
      textField(t("meetings.name"), p.name, (v) => (p.name = v), { field: "name" }),
      textField(t("meetings.person_title"), p.title, (v) => (p.title = orNull(v)), { field: "title" }),
      textField(t("meetings.organisation"), p.organisation, (v) => (p.organisation = orNull(v)), { field: "organisation" }),
    ),
    h(
      "div",
      { class: "grid-2" },
      selectField<Side>(t("meetings.side"), p.side, sides, (v) => (p.side = v), "side"),
      textField(t("meetings.role"), p.role, (v) => (p.role = orNull(v)), { field: "role" }),
    ),
    textField(t("meetings.bio"), p.bio, (v) => (p.bio = orNull(v)), { field: "bio", ...long }),
    spanishField(t("meetings.bio_es"), p.bio_es, (v) => (p.bio_es = v), { field: "bio_es", ...long }),
  ];
}

export function participantsList(items: Participant[], c: RowContext): RowList<Participant> {
  return new RowList({
    name: "participants",
    what: t("meetings.participant"),
    addLabel: t("meetings.add_participant"),
    items,
    blank: () => blankParticipant(),
    changed: c.changed,
    row: (p) => ({ fields: participantFields(p) }),
  });
}

export function pressLinesList(items: PressLine[], c: RowContext): RowList<PressLine> {
  return new RowList({
    name: "press_lines",
    what: t("meetings.press_line"),
    addLabel: t("meetings.add_press_line"),
    items,
    blank: blankPressLine,
    changed: c.changed,
    row: (l) => ({
      fields: [
        textField(t("meetings.line_or_question"), l.text, (v) => (l.text = v), { field: "text", ...long }),
        spanishField(t("meetings.line_or_question_es"), l.text_es, (v) => (l.text_es = v), { field: "text_es", ...long }),
        textField(t("meetings.answer"), l.answer, (v) => (l.answer = orNull(v)), {
          field: "answer",
          ...long,
          hint: t("meetings.answer_hint"),
        }),
        spanishField(t("meetings.answer_es"), l.answer_es, (v) => (l.answer_es = v), { field: "answer_es", ...long }),
      ],
    }),
  });
}

/** A note's fields; the answer (and its Spanish) shows for "if raised", or once it holds text. */
function noteFields(n: Note): HTMLElement[] {
  const answers = [
    textField(t("meetings.answer"), n.answer, (v) => (n.answer = orNull(v)), { field: "answer", ...long }),
    spanishField(t("meetings.answer_es"), n.answer_es, (v) => (n.answer_es = v), { field: "answer_es", ...long }),
  ];
  const showAnswer = () => {
    for (const field of answers) field.hidden = n.kind !== "if_raised" && !n.answer && !n.answer_es;
  };
  showAnswer();
  return [
    selectField<MeetingNoteKind>(
      t("meetings.field_kind"),
      NOTE_KINDS.includes(n.kind as MeetingNoteKind) ? (n.kind as MeetingNoteKind) : "points_to_make",
      NOTE_KINDS.map((k) => [k, noteLabel(k)]),
      (v) => {
        n.kind = v;
        showAnswer();
      },
      "kind",
    ),
    textField(t("meetings.note_text"), n.text, (v) => (n.text = v), { field: "text", ...long }),
    spanishField(t("meetings.note_text_es"), n.text_es, (v) => (n.text_es = v), { field: "text_es", ...long }),
    ...answers,
  ];
}

export function notesList(items: Note[], c: RowContext): RowList<Note> {
  return new RowList({
    name: "notes",
    what: t("meetings.note"),
    addLabel: t("meetings.add_note"),
    items,
    blank: () => blankNote(),
    changed: c.changed,
    row: (n) => ({ fields: noteFields(n) }),
  });
}
