// The Meetings view: the meetings of a dialogue (a switcher when the database holds
// several), a form to add one, and the editor of the chosen meeting, from which its
// agenda goes to a calendar file and its briefing book to the packet builder.

import "./meetings.css";
import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, Focus, View } from "../../context";
import type { DialogueOutline } from "../../bindings/DialogueOutline";
import type { Meeting } from "../../bindings/Meeting";
import type { MeetingKind } from "../../bindings/MeetingKind";
import type { MeetingRow } from "../../bindings/MeetingRow";
import { DateInput } from "../../components/DateInput";
import { confirmDialog } from "../../components/ConfirmDialog";
import { dateText, orNull } from "./draft";
import { selectField, textField } from "./fields";
import { MeetingEditor, type RecordChoices } from "./MeetingEditor";
import { lang, t, tn } from "../../i18n";
import { bilingual } from "../../components/Bilingual";
import { dateShown, dateSource, prepareDates } from "../../dateWords";

/** What the form that adds a meeting holds (the date is in its own field). */
interface CreateDraft {
  title: string;
  place: string;
  kind: MeetingKind;
  ours: string;
  theirs: string;
}

/** "1 agenda item · 2 participants · 0 notes" (objectives and press lines count as notes). */
export function counts(m: MeetingRow): string {
  return [
    tn("meetings.agenda_items", m.agenda_items),
    tn("meetings.participants_count", m.participants),
    tn("meetings.notes_count", m.notes + m.objectives + m.press_lines),
  ].join(" · ");
}

const KINDS: MeetingKind[] = ["leaders", "ministerial", "senior_officials", "working_level", "technical", "other"];

export class MeetingsView implements View {
  readonly el: HTMLElement;
  private readonly switcher: HTMLElement;
  private readonly listEl: HTMLElement;
  private readonly pane: HTMLElement;
  private dialogues: DialogueOutline[] = [];
  private dialogueId: number | null = null;
  meetings: MeetingRow[] = [];
  editor: MeetingEditor | null = null;

  constructor(private readonly ctx: AppContext) {
    this.switcher = h("div", { class: "dialogue-switch" });
    this.listEl = h("div", { class: "meeting-index" });
    this.pane = h("div", { class: "meeting-pane" });
    const add = h(
      "button",
      { type: "button", class: "button primary", id: "meeting-new", on: { click: () => void this.openCreate() } },
      t("meetings.new"),
    );
    this.el = h(
      "section",
      { class: "view meetings-view", aria: { labelledby: "meetings-title" } },
      h(
        "header",
        { class: "view-header" },
        h("h1", { id: "meetings-title" }, t("meetings.title")),
        this.switcher,
        h("div", { class: "header-actions" }, add),
      ),
      h(
        "div",
        { class: "meetings-layout" },
        h("nav", { class: "card meeting-nav", aria: { label: t("meetings.list_heading") } }, this.listEl),
        this.pane,
      ),
    );
  }

  private get dialogue(): string | null {
    return this.dialogueId === null ? null : String(this.dialogueId);
  }

  async show(focus?: Focus) {
    try {
      const outline = await this.ctx.api.recordOutline();
      this.dialogues = outline.dialogues;
      if (!this.dialogues.some((d) => d.id === this.dialogueId)) this.dialogueId = this.dialogues[0]?.id ?? null;
      this.drawSwitcher();
      // Unsaved edits survive a visit to another view; otherwise the meeting is read
      // again, as another window or the command line may have changed it.
      const current = this.editor?.stored.id ?? undefined;
      const wanted = focus?.meetingId ?? current;
      await this.reload(this.editor?.dirty && wanted === current ? undefined : wanted);
    } catch (e) {
      replace(this.pane, h("p", { class: "error-text", role: "alert" }, errorMessage(e)));
    }
    if (!this.editor && this.pane.childElementCount === 0) replace(this.pane, h("p", { class: "muted empty" }, t("meetings.pick_one")));
  }

  private drawSwitcher() {
    if (this.dialogues.length < 2) {
      replace(this.switcher);
      return;
    }
    replace(
      this.switcher,
      selectField(
        t("meetings.dialogue"),
        String(this.dialogueId),
        this.dialogues.map((d) => [String(d.id), `${d.short_name} · ${d.name}`]),
        (v) => void this.switchTo(Number(v)),
        "dialogue",
      ),
    );
  }

  private async switchTo(id: number) {
    if (!(await this.leave())) {
      this.drawSwitcher();
      return;
    }
    this.dialogueId = id;
    this.editor = null;
    replace(this.pane, h("p", { class: "muted empty" }, t("meetings.pick_one")));
    await this.reload();
  }

  /** Reads the dialogue's meetings again and, with `open`, shows that meeting. */
  async reload(open?: number) {
    this.meetings = await this.ctx.api.listMeetings(this.dialogue);
    await prepareDates(
      this.ctx.api,
      this.meetings.map((m) => m.date),
    );
    this.drawList();
    if (open !== undefined && this.meetings.some((m) => m.id === open)) await this.open(open);
    else if (open !== undefined) {
      this.editor = null;
      replace(this.pane, h("p", { class: "muted empty" }, t("meetings.pick_one")));
    }
  }

  private drawList() {
    const current = this.editor?.stored.id;
    replace(
      this.listEl,
      h("h2", {}, t("meetings.list_heading")),
      this.meetings.length === 0
        ? h("p", { class: "muted" }, t("meetings.none"))
        : h(
            "ul",
            { class: "meeting-items" },
            this.meetings.map((m) =>
              h(
                "li",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: "meeting-item",
                    dataset: { meetingId: String(m.id) },
                    aria: current === m.id ? { current: "true" } : undefined,
                    // In Spanish the title is the Spanish one; the English is a hover away.
                    title: lang() === "es" && m.title_es ? m.title : undefined,
                    on: { click: () => void this.open(m.id) },
                  },
                  bilingual(m.title, m.title_es, { tag: "span", class: "meeting-item-title" }).main,
                  h(
                    "span",
                    { class: "meeting-item-when", title: dateSource(m.date) },
                    [dateShown(m.date) || dateText(m.date), m.place].filter(Boolean).join(" · "),
                  ),
                  h("span", { class: "meeting-item-meta muted" }, `${t(`meetings.kind_${m.kind}`)} · ${counts(m)}`),
                ),
              ),
            ),
          ),
    );
  }

  /** True when nothing unsaved would be lost by leaving the current meeting. */
  private async leave(): Promise<boolean> {
    if (!this.editor?.dirty) return true;
    return confirmDialog(t("meetings.discard_question"), t("meetings.discard_detail"), t("meetings.discard"));
  }

  /** Shows meeting `id` in the editor. */
  async open(id: number) {
    if (this.editor?.stored.id !== id && !(await this.leave())) return;
    replace(this.pane, h("p", { class: "muted" }, t("common.loading")));
    try {
      this.edit(await this.ctx.api.meeting(id));
    } catch (e) {
      replace(this.pane, h("p", { class: "error-text", role: "alert" }, errorMessage(e)));
    }
  }

  private choices(): RecordChoices {
    const d = this.dialogues.find((x) => x.id === this.dialogueId);
    return {
      initiatives: d?.pillars.flatMap((p) => p.initiatives.map((i) => i.title)) ?? [],
      pillars: d?.pillars.map((p) => ({ number: p.number, title: p.title })) ?? [],
    };
  }

  private edit(meeting: Meeting) {
    this.editor = new MeetingEditor(this.ctx, meeting, this.choices(), {
      saved: (m) => {
        this.edit(m);
        void this.reload();
      },
      deleted: () => {
        this.editor = null;
        replace(this.pane, h("p", { class: "muted empty" }, t("meetings.pick_one")));
        void this.reload();
      },
      book: (id) => this.ctx.navigate("packet", { meetingId: id }),
    });
    replace(this.pane, this.editor.el);
    this.drawList();
  }

  /** The form that adds a meeting: title, date, place, kind and the delegations. */
  private async openCreate() {
    if (!(await this.leave())) return;
    this.editor = null;
    this.drawList();
    const draft: CreateDraft = { title: "", place: "", kind: "ministerial", ours: "", theirs: "" };
    const date = new DateInput((t) => this.ctx.api.readDate(t), null, t("meetings.field_date"));
    date.input.placeholder = t("meetings.date_placeholder");
    date.el.dataset.field = "date";
    const error = h("div", { class: "form-error", role: "alert" });
    const submit = h("button", { type: "submit", class: "button primary", id: "meeting-create" }, t("meetings.create"));
    const form = h(
      "form",
      { class: "card meeting-create", aria: { label: t("meetings.new") } },
      h("h2", {}, t("meetings.new")),
      textField(t("meetings.field_title"), "", (v) => (draft.title = v), { field: "title", wide: true }),
      h(
        "div",
        { class: "grid-3" },
        date.el,
        textField(t("meetings.field_place"), "", (v) => (draft.place = v), { field: "place" }),
        selectField(
          t("meetings.field_kind"),
          draft.kind,
          KINDS.map((k) => [k, t(`meetings.kind_${k}`)]),
          (v) => (draft.kind = v),
          "kind",
        ),
      ),
      h(
        "div",
        { class: "grid-2" },
        textField(t("meetings.our_delegation"), "", (v) => (draft.ours = v), { field: "our_delegation" }),
        textField(t("meetings.their_delegation"), "", (v) => (draft.theirs = v), { field: "their_delegation" }),
      ),
      error,
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "button",
            on: { click: () => replace(this.pane, h("p", { class: "muted empty" }, t("meetings.pick_one"))) },
          },
          t("action.cancel"),
        ),
        submit,
      ),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.create(draft, date, error, submit);
    });
    replace(this.pane, form);
    form.querySelector("input")?.focus();
  }

  /** Asks the core to add the meeting; its refusal (a blank title, a date that does not
   * read) is shown in the form, and on success the new meeting opens in the editor. */
  private async create(draft: CreateDraft, date: DateInput, error: HTMLElement, submit: HTMLButtonElement) {
    submit.disabled = true;
    submit.textContent = t("meetings.creating");
    replace(error);
    try {
      const created = await this.ctx.api.createMeeting(this.dialogue, {
        title: draft.title,
        date: date.input.value,
        place: orNull(draft.place),
        kind: draft.kind,
        our_delegation: orNull(draft.ours),
        their_delegation: orNull(draft.theirs),
      });
      this.ctx.notice.show(t("meetings.created", { title: created.title }), "ok");
      this.edit(created);
      await this.reload();
    } catch (err) {
      replace(error, errorMessage(err));
    } finally {
      submit.disabled = false;
      submit.textContent = t("meetings.create");
    }
  }
}
