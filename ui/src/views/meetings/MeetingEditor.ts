// Edits one meeting whole: its fields, objectives, agenda, participants, press lines,
// briefing notes and the drafted / cleared block. The person edits a working copy; "Save
// meeting" sends it in one call (one undoable change), and a meeting the core refuses
// shows the core's message beside the field it names, with nothing stored.

import { h, replace } from "../../dom";
import { errorMessage, isIpcError } from "../../api";
import type { AppContext } from "../../context";
import type { Meeting } from "../../bindings/Meeting";
import type { MeetingKind } from "../../bindings/MeetingKind";
import { DateInput } from "../../components/DateInput";
import { confirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n";
import { bilingual, preferredText } from "../../components/Bilingual";
import { type FieldRef, FormProblem, complete, fileStem, meetingToSave, orNull, problemInWords, problemTarget } from "./draft";
import { selectField, spanishField, textField } from "./fields";
import type { RowList } from "./RowList";
import { agendaList, notesList, objectivesList, participantsList, pressLinesList, type RecordChoices, type RowContext } from "./rowEditors";

export type { RecordChoices };

export interface EditorEvents {
  /** The meeting as stored after a save. */
  saved: (meeting: Meeting) => void;
  deleted: () => void;
  /** Open the packet builder for this meeting's briefing book. */
  book: (id: number) => void;
}

const KINDS: MeetingKind[] = ["leaders", "ministerial", "senior_officials", "working_level", "technical", "other"];

export class MeetingEditor {
  readonly el: HTMLElement;
  /** The copy being edited; sent whole on save. */
  readonly working: Meeting;
  dirty = false;
  private readonly error: HTMLElement;
  private readonly status: HTMLElement;
  private readonly date: DateInput;
  private readonly agendaDates: RowContext["agendaDates"] = new Map();
  private readonly lists: Partial<Record<NonNullable<FieldRef["list"]>, RowList<unknown>>> = {};
  private busy = false;

  constructor(
    private readonly ctx: AppContext,
    readonly stored: Meeting,
    choices: RecordChoices,
    private readonly events: EditorEvents,
  ) {
    this.working = complete(stored);
    const m = this.working;
    const changed = () => this.markDirty();
    const rows: RowContext = { choices, changed, readDate: (text) => this.ctx.api.readDate(text), agendaDates: this.agendaDates };
    this.error = h("div", { class: "form-error meeting-error", role: "alert" });
    this.status = h("span", { class: "muted meeting-status", aria: { live: "polite" } });
    this.date = new DateInput((text) => this.ctx.api.readDate(text), m.date.edtf || m.date.text ? m.date : null, t("meetings.field_date"));
    this.date.input.placeholder = t("meetings.date_placeholder");
    this.date.el.dataset.field = "date";

    const save = h("button", { type: "submit", class: "button primary", id: "meeting-save" }, t("meetings.save"));
    const form = h(
      "form",
      { class: "meeting-editor", aria: { label: preferredText(m.title, m.title_es) } },
      this.actions(save),
      this.section("meeting", bilingual(m.title, m.title_es, { tag: "span" }).main ?? m.title, this.fields()),
      this.section("objectives", t("meetings.objectives"), this.register("objectives", objectivesList(m.objectives, rows))),
      this.section("agenda", t("meetings.agenda"), this.register("agenda", agendaList(m.agenda, rows))),
      this.section("participants", t("meetings.participants"), this.register("participants", participantsList(m.participants, rows))),
      this.section("press_lines", t("meetings.press_lines"), this.register("press_lines", pressLinesList(m.press_lines, rows))),
      this.section("notes", t("meetings.notes"), this.register("notes", notesList(m.notes, rows))),
      this.section("clearance", t("meetings.clearance"), this.clearance()),
      h(
        "div",
        { class: "actions meeting-foot" },
        h(
          "button",
          { type: "button", class: "button subtle danger-text", id: "meeting-delete", on: { click: () => void this.remove() } },
          t("meetings.delete"),
        ),
        h("span", { class: "spacer" }),
        h("button", { type: "submit", class: "button primary" }, t("meetings.save")),
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
    replace(this.status, t("meetings.unsaved"));
  }

  /** The bar that stays in view: save, discard, exports, and the core's last refusal
   * (so the message is seen wherever the field it names is). */
  private actions(save: HTMLButtonElement): HTMLElement {
    const button = (label: string, id: string, run: () => void) =>
      h("button", { type: "button", class: "button", id, on: { click: run } }, label);
    return h(
      "div",
      { class: "meeting-bar" },
      h(
        "div",
        { class: "meeting-actions" },
        save,
        button(t("meetings.discard"), "meeting-discard", () => void this.discard()),
        this.status,
        h("span", { class: "spacer" }),
        button(t("meetings.export_ics"), "meeting-ics", () => void this.exportIcs()),
        button(t("meetings.briefing_book"), "meeting-book", () => void this.openBook()),
      ),
      this.error,
    );
  }

  private section(name: string, title: string | HTMLElement, ...body: (HTMLElement | HTMLElement[])[]): HTMLElement {
    return h("fieldset", { class: "card meeting-section", dataset: { section: name } }, h("legend", {}, title), body.flat());
  }

  private fields(): HTMLElement[] {
    const m = this.working;
    return [
      h(
        "div",
        { class: "grid-2" },
        textField(t("meetings.field_title"), m.title, (v) => (m.title = v), { field: "title" }),
        spanishField(t("meetings.field_title_es"), m.title_es, (v) => (m.title_es = v), { field: "title_es" }),
      ),
      h(
        "div",
        { class: "grid-3" },
        this.date.el,
        textField(t("meetings.field_place"), m.place, (v) => (m.place = orNull(v)), { field: "place" }),
        selectField(
          t("meetings.field_kind"),
          m.kind,
          KINDS.map((k) => [k, t(`meetings.kind_${k}`)]),
          (v) => (m.kind = v),
          "kind",
        ),
      ),
      h(
        "div",
        { class: "grid-2" },
        textField(t("meetings.our_delegation"), m.our_delegation, (v) => (m.our_delegation = orNull(v)), { field: "our_delegation" }),
        textField(t("meetings.their_delegation"), m.their_delegation, (v) => (m.their_delegation = orNull(v)), {
          field: "their_delegation",
        }),
      ),
      textField(t("meetings.scope_note"), m.scope_note, (v) => (m.scope_note = orNull(v)), {
        field: "scope_note",
        multiline: true,
        rows: 4,
        wide: true,
      }),
      spanishField(t("meetings.scope_note_es"), m.scope_note_es, (v) => (m.scope_note_es = v), {
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

  private clearance(): HTMLElement[] {
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
        textField(t("meetings.drafted_by"), now?.drafted_by, (v) => (c().drafted_by = orNull(v)), { field: "drafted_by" }),
        textField(t("meetings.office"), now?.office, (v) => (c().office = orNull(v)), { field: "office" }),
        textField(t("meetings.drafted_on"), now?.drafted_on, (v) => (c().drafted_on = orNull(v)), {
          field: "drafted_on",
          placeholder: t("common.day_placeholder"),
        }),
      ),
      textField(t("meetings.cleared_by"), (now?.cleared_by ?? []).join("\n"), (v) => (c().cleared_by = v.split("\n")), {
        field: "cleared_by",
        multiline: true,
        rows: 2,
        wide: true,
        hint: t("meetings.cleared_by_hint"),
      }),
    ];
  }

  /** Sends the working copy; true when the core stored it. */
  async save(): Promise<boolean> {
    if (this.busy) return false;
    this.clearProblem();
    const buttons = [...this.el.querySelectorAll<HTMLButtonElement>("button[type=submit]")];
    this.busy = true;
    for (const b of buttons) {
      b.disabled = true;
      b.textContent = t("action.saving");
    }
    try {
      const meeting = await meetingToSave(this.working, {
        date: this.date,
        agenda: this.working.agenda.map((a) => this.agendaDates.get(a)).filter((d) => d !== undefined),
      });
      const stored = await this.ctx.api.saveMeeting(this.stored.id ?? 0, meeting);
      this.dirty = false;
      this.ctx.notice.show(t("meetings.saved"), "ok", { label: t("action.undo"), run: () => void this.undo() });
      this.events.saved(stored);
      return true;
    } catch (e) {
      if (e instanceof FormProblem) this.showProblem(e.message, e.target);
      else if (isIpcError(e)) this.showProblem(errorMessage({ ...e, message: problemInWords(e.message) }), problemTarget(e.message));
      else this.showProblem(errorMessage(e), null);
      return false;
    } finally {
      this.busy = false;
      for (const b of buttons) {
        b.disabled = false;
        b.textContent = t("meetings.save");
      }
    }
  }

  private async undo() {
    try {
      const what = await this.ctx.api.undoLast();
      this.ctx.notice.show(t("record.undone", { what: what ?? "" }), "ok");
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
    if (this.dirty && !(await confirmDialog(t("meetings.discard_question"), t("meetings.discard_detail"), t("meetings.discard")))) return;
    this.dirty = false;
    this.events.saved(this.stored);
  }

  private async exportIcs() {
    if (!(await this.saved())) return;
    try {
      const path = await this.ctx.api.pickSavePath(`${fileStem(this.working.title)}.ics`, "calendar");
      if (!path) return;
      this.ctx.notice.show(t("meetings.exporting"), "busy");
      const written = await this.ctx.api.exportMeetingIcs(this.stored.id ?? 0, path);
      this.ctx.notice.show(t("meetings.exported", { path: written }), "ok");
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private async openBook() {
    if (await this.saved()) this.events.book(this.stored.id ?? 0);
  }

  private async remove() {
    if (!(await confirmDialog(t("meetings.delete_question"), this.stored.title, t("meetings.delete")))) return;
    try {
      await this.ctx.api.deleteMeeting(this.stored.id ?? 0);
      this.dirty = false;
      this.ctx.notice.show(t("meetings.deleted", { title: this.stored.title }), "ok", {
        label: t("action.undo"),
        run: () =>
          void this.ctx.api
            .undoLast()
            .then((what) => {
              this.ctx.notice.show(t("record.undone", { what: what ?? "" }), "ok");
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
