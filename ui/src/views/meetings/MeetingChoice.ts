// The packet builder's choice of a record meeting: with one chosen, the packet becomes
// that meeting's briefing book (the spec names the meeting by id and its dialogue by
// short name) and the free-text cover fields are hidden; without one, the record packet.

import { h, replace, uid } from "../../dom";
import { errorMessage, type Api } from "../../api";
import type { MeetingRow } from "../../bindings/MeetingRow";
import type { PacketSpec } from "../../bindings/PacketSpec";
import { dateText } from "./draft";
import { t } from "../../i18n";
import { preferredText } from "../../components/Bilingual";
import { dateShown, prepareDates } from "../../dateWords";

export class MeetingChoice {
  readonly el: HTMLElement;
  readonly select: HTMLSelectElement;
  rows: MeetingRow[] = [];

  /**
   * `change` applies a change to the spec (the builder's, which refreshes the summary);
   * `cover` is the free-text cover fields, shown only without a record meeting.
   */
  constructor(
    private readonly api: Api,
    private readonly spec: () => PacketSpec,
    private readonly change: (mutate: (spec: PacketSpec) => void) => void,
    private readonly cover: HTMLElement | null,
  ) {
    const id = uid("pk-meeting");
    this.select = h("select", { id, class: "meeting-choice" }, h("option", { value: "" }, t("meetings.no_meeting")));
    this.select.addEventListener("change", () => this.choose(this.select.value || null));
    this.el = h("div", { class: "field" }, h("label", { for: id }, t("meetings.book_for")), this.select);
    this.syncCover();
  }

  /** Lists the meetings of every dialogue (grouped by dialogue when there are several). */
  async load(dialogues: { id: number; short_name: string }[]): Promise<void> {
    try {
      const lists = await Promise.all(dialogues.map((d) => this.api.listMeetings(String(d.id))));
      this.rows = lists.flat();
      await prepareDates(
        this.api,
        this.rows.map((m) => m.date),
      );
    } catch (e) {
      this.rows = [];
      this.el.append(h("p", { class: "error-text" }, errorMessage(e)));
    }
    const option = (m: MeetingRow) =>
      h(
        "option",
        { value: String(m.id) },
        [preferredText(m.title, m.title_es), dateShown(m.date) || dateText(m.date)].filter(Boolean).join(" · "),
      );
    replace(
      this.select,
      h("option", { value: "" }, t("meetings.no_meeting")),
      dialogues.length > 1
        ? dialogues.map((d) => h("optgroup", { label: d.short_name }, this.rows.filter((m) => m.dialogue_id === d.id).map(option)))
        : this.rows.map(option),
    );
    const wanted = this.spec().meeting;
    const row = this.rows.find((m) => String(m.id) === wanted || m.title === wanted);
    this.select.value = row ? String(row.id) : "";
    // A spec that named a meeting by id (from the Meetings view) also names its dialogue.
    if (row && this.spec().dialogue !== row.dialogue) this.choose(String(row.id));
    this.syncCover();
  }

  /** Makes the packet meeting `id`'s book, or the record packet for `null`. */
  choose(id: string | null) {
    const row = this.rows.find((m) => String(m.id) === id) ?? null;
    this.change((spec) => {
      spec.meeting = row ? String(row.id) : null;
      if (row) spec.dialogue = row.dialogue;
    });
    this.select.value = row ? String(row.id) : "";
    this.syncCover();
  }

  private syncCover() {
    if (this.cover) this.cover.hidden = Boolean(this.spec().meeting);
  }
}
