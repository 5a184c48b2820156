// Edits one meeting whole: its fields, objectives, agenda, participants, press lines,
// briefing notes and the drafted / cleared block. The person edits a working copy; "Save
// meeting" sends it in one call (one undoable change), and a meeting the core refuses
// shows the core's message beside the field it names, with nothing stored.

import { h, replace } from "../../dom";
import { errorMessage, isIpcError } from "../../api";
import type { AppContext } from "../../context";
import type { Meeting } from "../../bindings/Meeting";
import type { MeetingKind } from "../../bindings/MeetingKind";
import type { Side } from "../../bindings/Side";
import { DateInput } from "../../components/DateInput";
import { confirmDialog } from "../../components/ConfirmDialog";
import {
  type FieldRef,
  FormProblem,
  blankAgendaItem,
  blankNote,
  blankObjective,
  blankParticipant,
  blankPressLine,
  complete,
  fileStem,
  meetingToSave,
  orNull,
  problemInWords,
  problemTarget,
} from "./draft";
import { initiativePicker, pillarChecks, selectField, textField } from "./fields";
import { RowList } from "./RowList";
import type { MeetingNoteKind, MeetingStrings } from "./strings";
import type { AgendaItem } from "../../bindings/AgendaItem";

/** What the editor links to: the dialogue's initiatives and pillars. */
export interface RecordChoices {
  initiatives: string[];
  pillars: { number: number; title: string }[];
}

export interface EditorEvents {
  /** The meeting as stored after a save. */
  saved: (meeting: Meeting) => void;
  deleted: () => void;
  /** Open the packet builder for this meeting's briefing book. */
  book: (id: number) => void;
}

const KINDS: MeetingKind[] = ["leaders", "ministerial", "senior_officials", "working_level", "technical", "other"];
const NOTE_KINDS: MeetingNoteKind[] = ["points_to_make", "if_raised", "background"];

export class MeetingEditor {
  readonly el: HTMLElement;
  /** The copy being edited; sent whole on save. */
  readonly working: Meeting;
  dirty = false;
  private readonly error: HTMLElement;
  private readonly status: HTMLElement;
  private readonly date: DateInput;
  private readonly agendaDates = new Map<AgendaItem, { starts: DateInput; ends: DateInput }>();
  private readonly lists: Partial<Record<NonNullable<FieldRef["list"]>, RowList<unknown>>> = {};
  private busy = false;

  constructor(
    private readonly ctx: AppContext,
    readonly stored: Meeting,
    private readonly choices: RecordChoices,
    private readonly events: EditorEvents,
    private readonly s: MeetingStrings,
  ) {
    this.working = complete(stored);
    const m = this.working;
    const changed = () => this.markDirty();
    this.error = h("div", { class: "form-error meeting-error", role: "alert" });
    this.status = h("span", { class: "muted meeting-status", aria: { live: "polite" } });
    this.date = new DateInput((t) => this.ctx.api.readDate(t), m.date.edtf || m.date.text ? m.date : null, s.fieldDate);
    this.date.input.placeholder = s.datePlaceholder;
    this.date.el.dataset.field = "date";

    const save = h("button", { type: "submit", class: "button primary", id: "meeting-save" }, s.save);
    const form = h(
      "form",
      { class: "meeting-editor", aria: { label: m.title } },
      this.actions(save),
      this.section("meeting", m.title, this.fields()),
      this.section("objectives", s.objectives, this.objectives(changed)),
      this.section("agenda", s.agenda, this.agenda(changed)),
      this.section("participants", s.participants, this.participants(changed)),
      this.section("press_lines", s.pressLines, this.pressLines(changed)),
      this.section("notes", s.notes, this.notes(changed)),
      this.section("clearance", s.clearance, this.clearance()),
      h(
        "div",
        { class: "actions meeting-foot" },
        h(
          "button",
          { type: "button", class: "button subtle danger-text", id: "meeting-delete", on: { click: () => void this.remove() } },
          s.deleteMeeting,
        ),
        h("span", { class: "spacer" }),
        h("button", { type: "submit", class: "button primary" }, s.save),
      ),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    this.el = form;
  }

  private markDirty() {
    if (this.dirty) return;
    this.dirty = true;
    replace(this.status, this.s.unsaved);
  }

  /** The bar that stays in view: save, discard, exports, and the core's last refusal
   * (so the message is seen wherever the field it names is). */
  private actions(save: HTMLButtonElement): HTMLElement {
    const s = this.s;
    const button = (label: string, id: string, run: () => void) =>
      h("button", { type: "button", class: "button", id, on: { click: run } }, label);
    return h(
      "div",
      { class: "meeting-bar" },
      h(
        "div",
        { class: "meeting-actions" },
        save,
        button(s.discard, "meeting-discard", () => void this.discard()),
        this.status,
        h("span", { class: "spacer" }),
        button(s.exportIcs, "meeting-ics", () => void this.exportIcs()),
        button(s.briefingBook, "meeting-book", () => void this.openBook()),
      ),
      this.error,
    );
  }

  private section(name: string, title: string, ...body: (HTMLElement | HTMLElement[])[]): HTMLElement {
    return h("fieldset", { class: "card meeting-section", dataset: { section: name } }, h("legend", {}, title), body.flat());
  }

  private fields(): HTMLElement[] {
    const { s, working: m } = this;
    return [
      h(
        "div",
        { class: "grid-2" },
        textField(s.fieldTitle, m.title, (v) => (m.title = v), { field: "title" }),
        textField(s.fieldTitleEs, m.title_es, (v) => (m.title_es = orNull(v)), { field: "title_es" }),
      ),
      h(
        "div",
        { class: "grid-3" },
        this.date.el,
        textField(s.fieldPlace, m.place, (v) => (m.place = orNull(v)), { field: "place" }),
        selectField(
          s.fieldKind,
          m.kind,
          KINDS.map((k) => [k, s.kinds[k]]),
          (v) => (m.kind = v),
          "kind",
        ),
      ),
      h(
        "div",
        { class: "grid-2" },
        textField(s.ourDelegation, m.our_delegation, (v) => (m.our_delegation = orNull(v)), { field: "our_delegation" }),
        textField(s.theirDelegation, m.their_delegation, (v) => (m.their_delegation = orNull(v)), { field: "their_delegation" }),
      ),
      textField(s.scopeNote, m.scope_note, (v) => (m.scope_note = orNull(v)), {
        field: "scope_note",
        multiline: true,
        rows: 4,
        wide: true,
      }),
      textField(s.scopeNoteEs, m.scope_note_es, (v) => (m.scope_note_es = orNull(v)), {
        field: "scope_note_es",
        multiline: true,
        rows: 2,
        wide: true,
      }),
    ];
  }

  private register<T>(name: NonNullable<FieldRef["list"]>, list: RowList<T>): HTMLElement {
    this.lists[name] = list as RowList<unknown>;
    return list.el;
  }

  private objectives(changed: () => void): HTMLElement {
    const s = this.s;
    return this.register(
      "objectives",
      new RowList({
        name: "objectives",
        what: s.objective,
        addLabel: s.addObjective,
        items: this.working.objectives,
        blank: blankObjective,
        changed,
        s,
        row: (o) => ({
          fields: [
            textField(s.objective, o.text, (v) => (o.text = v), { field: "text", multiline: true, rows: 2, wide: true }),
            initiativePicker(this.choices.initiatives, o.initiatives, changed, s),
          ],
        }),
      }),
    );
  }

  private agenda(changed: () => void): HTMLElement {
    const s = this.s;
    const dateField = (initial: AgendaItem["starts"], label: string, field: string) => {
      const input = new DateInput((t) => this.ctx.api.readDate(t), initial ?? null, label);
      input.input.placeholder = s.datePlaceholder;
      input.el.dataset.field = field;
      return input;
    };
    return this.register(
      "agenda",
      new RowList({
        name: "agenda",
        what: s.agendaItem,
        addLabel: s.addAgendaItem,
        items: this.working.agenda,
        blank: blankAgendaItem,
        changed,
        s,
        row: (a) => {
          const dates = { starts: dateField(a.starts, s.starts, "starts"), ends: dateField(a.ends, s.ends, "ends") };
          this.agendaDates.set(a, dates);
          return {
            fields: [
              h("div", { class: "grid-2" }, dates.starts.el, dates.ends.el),
              textField(s.item, a.item, (v) => (a.item = v), { field: "item", wide: true }),
              h(
                "div",
                { class: "grid-2" },
                textField(s.fieldPlace, a.place, (v) => (a.place = orNull(v)), { field: "place" }),
                textField(s.lead, a.lead, (v) => (a.lead = orNull(v)), { field: "lead" }),
              ),
              pillarChecks(this.choices.pillars, a.pillars, changed, s),
              initiativePicker(this.choices.initiatives, a.initiatives, changed, s),
            ],
          };
        },
      }),
    );
  }

  private participants(changed: () => void): HTMLElement {
    const s = this.s;
    return this.register(
      "participants",
      new RowList({
        name: "participants",
        what: s.participant,
        addLabel: s.addParticipant,
        items: this.working.participants,
        blank: () => blankParticipant(),
        changed,
        s,
        row: (p) => ({
          fields: [
            h(
              "div",
              { class: "grid-3" },
              textField(s.name, p.name, (v) => (p.name = v), { field: "name" }),
              textField(s.personTitle, p.title, (v) => (p.title = orNull(v)), { field: "title" }),
              textField(s.organisation, p.organisation, (v) => (p.organisation = orNull(v)), { field: "organisation" }),
            ),
            h(
              "div",
              { class: "grid-2" },
              selectField<Side>(
                s.side,
                p.side,
                [
                  ["ours", s.sides.ours],
                  ["theirs", s.sides.theirs],
                ],
                (v) => (p.side = v),
                "side",
              ),
              textField(s.role, p.role, (v) => (p.role = orNull(v)), { field: "role" }),
            ),
            textField(s.bio, p.bio, (v) => (p.bio = orNull(v)), { field: "bio", multiline: true, rows: 2, wide: true }),
          ],
        }),
      }),
    );
  }

  private pressLines(changed: () => void): HTMLElement {
    const s = this.s;
    return this.register(
      "press_lines",
      new RowList({
        name: "press_lines",
        what: s.pressLine,
        addLabel: s.addPressLine,
        items: this.working.press_lines,
        blank: blankPressLine,
        changed,
        s,
        row: (l) => ({
          fields: [
            textField(s.lineOrQuestion, l.text, (v) => (l.text = v), { field: "text", multiline: true, rows: 2, wide: true }),
            textField(s.answer, l.answer, (v) => (l.answer = orNull(v)), {
              field: "answer",
              multiline: true,
              rows: 2,
              wide: true,
              hint: s.answerHint,
            }),
          ],
        }),
      }),
    );
  }

  private notes(changed: () => void): HTMLElement {
    const s = this.s;
    return this.register(
      "notes",
      new RowList({
        name: "notes",
        what: s.note,
        addLabel: s.addNote,
        items: this.working.notes,
        blank: () => blankNote(),
        changed,
        s,
        row: (n) => {
          const answer = textField(s.answer, n.answer, (v) => (n.answer = orNull(v)), {
            field: "answer",
            multiline: true,
            rows: 2,
            wide: true,
          });
          const showAnswer = () => {
            answer.hidden = n.kind !== "if_raised" && !n.answer;
          };
          showAnswer();
          return {
            fields: [
              selectField<MeetingNoteKind>(
                s.noteKind,
                NOTE_KINDS.includes(n.kind as MeetingNoteKind) ? (n.kind as MeetingNoteKind) : "points_to_make",
                NOTE_KINDS.map((k) => [k, s.noteKinds[k]]),
                (v) => {
                  n.kind = v;
                  showAnswer();
                },
                "kind",
              ),
              textField(s.noteText, n.text, (v) => (n.text = v), { field: "text", multiline: true, rows: 2, wide: true }),
              answer,
            ],
          };
        },
      }),
    );
  }

  private clearance(): HTMLElement[] {
    const s = this.s;
    const m = this.working;
    const c = () => {
      m.clearance ??= { drafted_by: null, office: null, drafted_on: null, cleared_by: [] };
      return m.clearance;
    };
    const now = m.clearance;
    return [
      h(
        "div",
        { class: "grid-3" },
        textField(s.draftedBy, now?.drafted_by, (v) => (c().drafted_by = orNull(v)), { field: "drafted_by" }),
        textField(s.office, now?.office, (v) => (c().office = orNull(v)), { field: "office" }),
        textField(s.draftedOn, now?.drafted_on, (v) => (c().drafted_on = orNull(v)), { field: "drafted_on", placeholder: "YYYY-MM-DD" }),
      ),
      textField(s.clearedBy, (now?.cleared_by ?? []).join("\n"), (v) => (c().cleared_by = v.split("\n")), {
        field: "cleared_by",
        multiline: true,
        rows: 2,
        wide: true,
        hint: s.clearedByHint,
      }),
    ];
  }

  /** Sends the working copy; true when the core stored it. */
  async save(): Promise<boolean> {
    if (this.busy) return false;
    const s = this.s;
    this.clearProblem();
    const buttons = [...this.el.querySelectorAll<HTMLButtonElement>("button[type=submit]")];
    this.busy = true;
    for (const b of buttons) {
      b.disabled = true;
      b.textContent = s.saving;
    }
    try {
      const meeting = await meetingToSave(
        this.working,
        { date: this.date, agenda: this.working.agenda.map((a) => this.agendaDates.get(a)).filter((d) => d !== undefined) },
        s,
      );
      const stored = await this.ctx.api.saveMeeting(this.stored.id ?? 0, meeting);
      this.dirty = false;
      this.ctx.notice.show(s.saved, "ok", { label: s.undo, run: () => void this.undo() });
      this.events.saved(stored);
      return true;
    } catch (e) {
      if (e instanceof FormProblem) this.showProblem(e.message, e.target);
      else if (isIpcError(e)) this.showProblem(errorMessage({ ...e, message: problemInWords(e.message, s) }), problemTarget(e.message));
      else this.showProblem(errorMessage(e), null);
      return false;
    } finally {
      this.busy = false;
      for (const b of buttons) {
        b.disabled = false;
        b.textContent = s.save;
      }
    }
  }

  private async undo() {
    try {
      const what = await this.ctx.api.undoLast();
      this.ctx.notice.show(this.s.undone(what ?? ""), "ok");
      this.events.saved(await this.ctx.api.meeting(this.stored.id ?? 0));
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  /** Shows `message` above the form and marks and focuses the field it is about. */
  private showProblem(message: string, target: FieldRef | null) {
    replace(this.error, message);
    const field = target ? this.fieldOf(target) : null;
    if (field) {
      field.classList.add("has-problem");
      field.querySelector<HTMLElement>("input, textarea, select")?.focus();
    } else {
      this.error.scrollIntoView?.({ block: "nearest" });
    }
  }

  private clearProblem() {
    replace(this.error);
    for (const f of this.el.querySelectorAll(".has-problem")) f.classList.remove("has-problem");
  }

  private fieldOf(t: FieldRef): HTMLElement | null {
    const scope = t.list ? this.lists[t.list]?.rowAt(t.index) : this.el.querySelector<HTMLElement>('[data-section="meeting"]');
    return scope?.querySelector<HTMLElement>(`[data-field="${t.field}"]`) ?? null;
  }

  /** Saves first when there are unsaved changes; false when that failed. */
  private async saved(): Promise<boolean> {
    return !this.dirty || (await this.save());
  }

  private async discard() {
    if (this.dirty && !(await confirmDialog(this.s.discardQuestion, this.s.discardDetail, this.s.discard))) return;
    this.dirty = false;
    this.events.saved(this.stored);
  }

  private async exportIcs() {
    const s = this.s;
    if (!(await this.saved())) return;
    try {
      const path = await this.ctx.api.pickSavePath(`${fileStem(this.working.title)}.ics`, "calendar");
      if (!path) return;
      this.ctx.notice.show(s.exporting, "busy");
      const written = await this.ctx.api.exportMeetingIcs(this.stored.id ?? 0, path);
      this.ctx.notice.show(s.exported(written), "ok");
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private async openBook() {
    if (await this.saved()) this.events.book(this.stored.id ?? 0);
  }

  private async remove() {
    const s = this.s;
    if (!(await confirmDialog(s.deleteQuestion, this.stored.title, s.deleteMeeting))) return;
    try {
      await this.ctx.api.deleteMeeting(this.stored.id ?? 0);
      this.dirty = false;
      this.ctx.notice.show(s.deleted(this.stored.title), "ok", {
        label: s.undo,
        run: () =>
          void this.ctx.api
            .undoLast()
            .then((what) => {
              this.ctx.notice.show(s.undone(what ?? ""), "ok");
              this.events.deleted();
            })
            .catch((e) => this.ctx.notice.show(errorMessage(e), "error")),
      });
      this.events.deleted();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }
}
