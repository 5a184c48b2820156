// Builds a packet spec: which pillars, dates, statuses and agencies; which sections in
// which order; title, meeting, marking, language and paper. A live summary shows what
// the packet will hold and how many pages it takes. Export asks where to save, writes the
// PDF and offers to open it. Specs can be saved by name and re-rendered in one click.

import { debounce, h, replace, uid } from "../../dom";
import { errorMessage, type Api } from "../../api";
import type { AppContext, Focus, View } from "../../context";
import type { PacketSpec } from "../../bindings/PacketSpec";
import type { PacketSummary } from "../../bindings/PacketSummary";
import type { Section } from "../../bindings/Section";
import type { Status } from "../../bindings/Status";
import { STATUSES, roman, statusLabel } from "../../labels";
import { ProgressBar } from "../../components/ProgressBar";
import { defaultSpec, isoDay, monthsBefore, sectionLabel, ALL_SECTIONS } from "./spec";
import { MeetingChoice } from "../meetings/MeetingChoice";
import { checkbox, copiesField, dialogueField, orNull, toggle, translatedNote } from "./fields";
import { renderSavedSpecs } from "./SavedSpecs";
import { num, t, tn } from "../../i18n";

export class PacketBuilder implements View {
  readonly el: HTMLElement;
  spec: PacketSpec = defaultSpec();
  private pillars: { number: number; title: string }[] = [];
  private agencies: string[] = [];
  private dialogues: { id: number; short_name: string }[] = [];
  private readonly form: HTMLElement;
  private readonly summaryEl: HTMLElement;
  private readonly savedEl: HTMLElement;
  private readonly resultEl: HTMLElement;
  private readonly progress = new ProgressBar();
  private seq = 0;
  /** Recipients of numbered copies (none: one unnumbered file). */
  copiesFor: string[] = [];
  private readonly refresh = debounce(() => void this.updateSummary(), 200);
  /** The latest summary, or the error that refused the spec. */
  summary: PacketSummary | null = null;
  summaryError: string | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly today: () => Date = () => new Date(),
  ) {
    this.form = h("div", { class: "packet-form" });
    this.summaryEl = h("div", { class: "card packet-summary", aria: { live: "polite", label: t("packet.summary") } });
    this.savedEl = h("div", { class: "card" });
    this.resultEl = h("div", { class: "export-result", aria: { live: "polite" } });
    this.el = h(
      "section",
      { class: "view packet-view", aria: { labelledby: "packet-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "packet-title" }, t("packet.title"))),
      h(
        "div",
        { class: "packet-layout" },
        this.form,
        h("div", { class: "packet-side" }, this.summaryEl, this.progress.el, this.resultEl, this.savedEl),
      ),
    );
  }

  private get api(): Api {
    return this.ctx.api;
  }

  async show(focus?: Focus) {
    if (focus?.meetingId !== undefined) this.spec.meeting = String(focus.meetingId);
    try {
      const [outline, agencies] = await Promise.all([this.api.recordOutline(), this.api.agencyKeys()]);
      this.pillars = outline.dialogues.flatMap((d) => d.pillars.map((p) => ({ number: p.number, title: p.title })));
      this.dialogues = outline.dialogues;
      this.agencies = agencies;
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
    this.renderForm();
    await Promise.all([this.updateSummary(), this.renderSaved()]);
  }

  /** Replaces the spec (a saved one, or a test's) and redraws. */
  load(spec: PacketSpec) {
    this.spec = structuredClone(spec);
    this.renderForm();
    void this.updateSummary();
  }

  /** Applies a change to the spec and refreshes the summary shortly after. */
  change(mutate: (spec: PacketSpec) => void) {
    mutate(this.spec);
    this.refresh();
  }

  /** The spec as exported: today's date filled in when none is set. */
  specForExport(): PacketSpec {
    return { ...this.spec, prepared_on: this.spec.prepared_on || isoDay(this.today()) };
  }

  async updateSummary() {
    const seq = ++this.seq;
    try {
      const summary = await this.api.packetSummary(this.specForExport());
      if (seq !== this.seq) return;
      this.summary = summary;
      this.summaryError = null;
    } catch (e) {
      if (seq !== this.seq) return;
      this.summary = null;
      this.summaryError = errorMessage(e);
    }
    this.renderSummary();
  }

  private renderSummary() {
    const s = this.summary;
    if (!s) {
      replace(this.summaryEl, h("h2", {}, t("packet.summary")), h("p", { class: "form-error", role: "alert" }, this.summaryError ?? "…"));
      return;
    }
    replace(
      this.summaryEl,
      h("h2", {}, t("packet.summary")),
      h("p", { class: "pages", id: "packet-pages" }, tn("packet.pages", s.pages)),
      h(
        "p",
        { class: "muted" },
        t("packet.holds", { entries: tn("record.entries", s.entries), initiatives: tn("record.initiatives", s.initiatives) }),
        s.left_out ? ` · ${t("packet.left_out", { n: s.left_out })}` : "",
      ),
      this.spec.filters.pillars.length === 0 ? h("p", { class: "muted hint", id: "packet-all-pillars" }, t("packet.none_means_all")) : null,
      translatedNote(s, this.spec.lang),
      h(
        "table",
        { class: "summary-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, t("packet.col_pillar")),
            h("th", { class: "num" }, t("packet.col_initiatives")),
            h("th", { class: "num" }, t("packet.col_entries")),
          ),
        ),
        h(
          "tbody",
          {},
          s.pillars.map((p) =>
            h(
              "tr",
              {},
              h(
                "td",
                { class: "pillar-name" },
                h("span", { class: "clamp", title: p.title }, p.number === 0 ? t("record.general") : `${roman(p.number)} · ${p.title}`),
              ),
              h("td", { class: "num" }, num(p.initiatives)),
              h("td", { class: "num" }, num(p.entries)),
            ),
          ),
        ),
      ),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            id: "packet-export",
            class: "button primary",
            disabled: s.entries === 0 && !this.spec.sections.includes("cover"),
            on: { click: () => void this.exportPdf(null) },
          },
          t("packet.export"),
        ),
      ),
    );
  }

  async exportPdf(specName: string | null, spec: PacketSpec = this.specForExport()) {
    replace(this.resultEl);
    try {
      const suggested = `${
        (spec.title || "briefing-packet")
          .replace(/[^\p{L}\p{N}]+/gu, "-")
          .replace(/^-|-$/g, "")
          .toLowerCase() || "packet"
      }.pdf`;
      const path = await this.api.pickSavePath(suggested, "pdf");
      if (!path) return;
      const result = await this.progress.during((report) =>
        this.api.exportPacket({ spec, path, spec_name: specName, overwrite: true, copies_for: this.copiesFor }, report),
      );
      replace(
        this.resultEl,
        h(
          "div",
          { class: "card", id: "export-done" },
          h("h2", {}, t("packet.exported")),
          h("p", {}, `${tn("packet.pages", result.pages)} · ${num(Math.round(result.bytes / 1024))} KB`),
          h("p", { class: "muted" }, h("code", { class: "export-path" }, result.path)),
          result.copies.length
            ? h(
                "ul",
                { class: "muted", id: "export-copies" },
                result.copies.map((copy) => h("li", {}, h("code", {}, copy))),
              )
            : null,
          h("button", { type: "button", class: "button primary", on: { click: () => void this.open(result.path) } }, t("packet.open")),
        ),
      );
      this.ctx.notice.show(t("packet.exported_to", { path: result.path }), "ok");
      void this.renderSaved();
    } catch (e) {
      replace(
        this.resultEl,
        h("div", { class: "card error-card", role: "alert" }, h("h2", {}, t("packet.export_failed")), h("p", {}, errorMessage(e))),
      );
    }
  }

  private async open(path: string) {
    try {
      await this.api.openExported(path);
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private renderSaved(): Promise<void> {
    return renderSavedSpecs(this.savedEl, {
      ctx: this.ctx,
      current: () => this.spec,
      load: (spec) => this.load(spec),
      exportPdf: (name, spec) => this.exportPdf(name, spec),
      today: this.today,
    });
  }

  private renderForm() {
    const [meeting, cover] = this.meetingFields();
    replace(this.form, h("div", { class: "card" }, meeting), this.includeCard(), this.sectionsCard(), this.optionsCard(cover));
  }

  /** A text field that updates the spec as the person types. */
  private text(label: string, value: string, onInput: (v: string) => void, opts: { id?: string; placeholder?: string } = {}) {
    const id = opts.id ?? uid("pk");
    const input = h("input", { id, type: "text", value, placeholder: opts.placeholder });
    input.addEventListener("input", () => this.change(() => onInput(input.value)));
    return h("div", { class: "field" }, h("label", { for: id }, label), input);
  }

  /** A group of checkboxes, one per item, each adding or removing it from `list`. */
  private checks<T>(label: string, items: T[], list: T[], name: (item: T) => string, id?: (item: T) => string) {
    return h(
      "div",
      { class: "field" },
      h("span", { class: "label" }, label),
      h(
        "div",
        { class: "checks", role: "group", aria: { label } },
        items.map((item) => checkbox(name(item), list.includes(item), (on) => this.change(() => toggle(list, item, on)), id?.(item))),
      ),
    );
  }

  private includeCard(): HTMLElement {
    const f = this.spec.filters;
    return h(
      "fieldset",
      { class: "card" },
      h("legend", { class: "visually-hidden" }, t("packet.include")),
      h("h2", {}, t("packet.include")),
      this.checks(
        t("packet.pillars"),
        this.pillars.map((p) => p.number),
        f.pillars,
        (n) => `${roman(n)} · ${this.pillars.find((p) => p.number === n)?.title ?? ""}`,
        (n) => `pillar-${n}`,
      ),
      h("p", { class: "muted hint" }, t("packet.none_ticked_all")),
      this.dateRange(),
      this.checks(t("packet.statuses"), STATUSES, f.statuses, (st: Status) => statusLabel(st)),
      this.checks(t("packet.agencies"), this.agencies, f.agencies, (a) => a),
    );
  }

  /** From and To, with quick picks. */
  private dateRange(): HTMLElement[] {
    const f = this.spec.filters;
    const fromId = uid("pk-from");
    const toId = uid("pk-to");
    const from = h("input", { id: fromId, type: "text", value: f.from ?? "", placeholder: t("packet.date_placeholder") });
    const to = h("input", { id: toId, type: "text", value: f.to ?? "", placeholder: t("packet.date_placeholder") });
    from.addEventListener("input", () => this.change((sp) => (sp.filters.from = orNull(from.value))));
    to.addEventListener("input", () => this.change((sp) => (sp.filters.to = orNull(to.value))));
    const quick = (label: string, pick: () => Promise<[string | null, string | null]>) => {
      const run = async () => {
        const [start, end] = await pick();
        from.value = start ?? "";
        to.value = end ?? "";
        this.change((sp) => {
          sp.filters.from = start;
          sp.filters.to = end;
        });
      };
      return h("button", { type: "button", class: "button subtle", on: { click: () => void run() } }, label);
    };
    const sinceLast = async (): Promise<[string | null, null]> => {
      const day = await this.api.lastPacketDay().catch(() => null);
      if (!day) this.ctx.notice.show(t("packet.no_packet_yet"), "info");
      return [day, null];
    };
    return [
      h(
        "div",
        { class: "grid-2" },
        h("div", { class: "field" }, h("label", { for: fromId }, t("packet.from")), from),
        h("div", { class: "field" }, h("label", { for: toId }, t("packet.to")), to),
      ),
      h(
        "div",
        { class: "quick" },
        quick(t("packet.last_3_months"), async () => [isoDay(monthsBefore(this.today(), 3)), isoDay(this.today())]),
        quick(t("packet.since_last"), sinceLast),
        quick(t("packet.any_date"), async () => [null, null]),
        checkbox(t("packet.include_undated"), f.include_undated, (on) => this.change((sp) => (sp.filters.include_undated = on))),
      ),
    ];
  }

  private sectionsCard(): HTMLElement {
    const list = h("ol", { class: "sections-list", aria: { label: t("packet.sections_order") } });
    const draw = () => {
      const chosen = this.spec.sections;
      const order: Section[] = [...chosen, ...ALL_SECTIONS.filter((x) => !chosen.includes(x))];
      replace(
        list,
        order.map((section) => this.sectionItem(section, list, draw)),
      );
    };
    draw();
    return h(
      "fieldset",
      { class: "card" },
      h("legend", { class: "visually-hidden" }, t("packet.sections")),
      h("h2", {}, t("packet.sections")),
      list,
      this.text(t("packet.changes_since"), this.spec.changes_since ?? "", (v) => (this.spec.changes_since = orNull(v)), {
        placeholder: t("common.day_placeholder"),
      }),
    );
  }

  /** One section: included or not, moved up or down in print order. */
  private sectionItem(section: Section, list: HTMLElement, redraw: () => void): HTMLElement {
    const chosen = this.spec.sections;
    const on = chosen.includes(section);
    const idx = chosen.indexOf(section);
    const label = sectionLabel(section);
    const move = (delta: number) => {
      const j = idx + delta;
      if (idx < 0 || j < 0 || j >= chosen.length) return;
      this.change((sp) => {
        [sp.sections[idx], sp.sections[j]] = [sp.sections[j], sp.sections[idx]];
      });
      redraw();
      list.querySelector<HTMLElement>(`[data-section="${section}"] .move-${delta < 0 ? "up" : "down"}`)?.focus();
    };
    const include = (v: boolean) => {
      this.change((sp) => toggle(sp.sections, section, v));
      redraw();
    };
    return h(
      "li",
      { dataset: { section } },
      checkbox(label, on, include),
      h(
        "button",
        {
          type: "button",
          class: "button subtle move-up",
          aria: { label: t("packet.move_up", { section: label }) },
          disabled: !on || idx === 0,
          on: { click: () => move(-1) },
        },
        "↑",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button subtle move-down",
          aria: { label: t("packet.move_down", { section: label }) },
          disabled: !on || idx === chosen.length - 1,
          on: { click: () => move(1) },
        },
        "↓",
      ),
    );
  }

  /** The record meeting whose book this is, or the free-text meeting of the cover. */
  private meetingFields(): HTMLElement[] {
    const s = this.spec;
    const cover = h(
      "div",
      { class: "grid-3" },
      this.text(t("packet.meeting"), s.cover.name, (v) => (s.cover.name = v)),
      this.text(t("common.meeting_date"), s.cover.date, (v) => (s.cover.date = v)),
      this.text(t("packet.place"), s.cover.place, (v) => (s.cover.place = v)),
    );
    const meeting = new MeetingChoice(
      this.api,
      () => this.spec,
      (mutate) => this.change(mutate),
      cover,
    );
    void meeting.load(this.dialogues);
    const dialogue = dialogueField(this.dialogues, this.spec, (short) => {
      // A meeting belongs to one dialogue: choosing another dialogue leaves the meeting.
      this.change((spec) => {
        spec.dialogue = short;
        spec.meeting = null;
      });
      this.renderForm();
    });
    return [dialogue ? h("div", { class: "grid-2" }, dialogue, meeting.el) : meeting.el, cover];
  }

  private optionsCard(cover: HTMLElement): HTMLElement {
    const s = this.spec;
    const select = (label: string, value: string, options: [string, string][], onChange: (v: string) => void) => {
      const id = uid("pk-select");
      const el = h(
        "select",
        { id },
        options.map(([v, text]) => h("option", { value: v }, text)),
      );
      el.value = value;
      el.addEventListener("change", () => this.change(() => onChange(el.value)));
      return h("div", { class: "field" }, h("label", { for: id }, label), el);
    };
    const o = s.options;
    return h(
      "fieldset",
      { class: "card" },
      h("legend", { class: "visually-hidden" }, t("packet.options")),
      h("h2", {}, t("packet.options")),
      this.text(t("packet.field_title"), s.title, (v) => (s.title = v), { id: "packet-title-input" }),
      cover,
      h(
        "div",
        { class: "grid-2" },
        this.text(t("packet.prepared_for"), s.prepared_for, (v) => (s.prepared_for = v)),
        this.text(t("packet.marking"), s.marking ?? "", (v) => (s.marking = orNull(v)), { placeholder: t("packet.marking_placeholder") }),
      ),
      h(
        "div",
        { class: "grid-2" },
        select(
          t("packet.language"),
          s.lang,
          [
            ["en", "English"],
            ["es", "Español"],
          ],
          (v) => (s.lang = v as PacketSpec["lang"]),
        ),
        select(
          t("packet.page_size"),
          s.page,
          [
            ["letter", t("packet.letter")],
            ["a4", "A4"],
          ],
          (v) => (s.page = v as PacketSpec["page"]),
        ),
      ),
      h(
        "div",
        { class: "checks" },
        checkbox(t("packet.notes"), o.include_notes, (on) => this.change(() => (o.include_notes = on))),
        checkbox(t("packet.source_refs"), o.include_source_refs, (on) => this.change(() => (o.include_source_refs = on))),
      ),
      copiesField(this.copiesFor, (names) => (this.copiesFor = names)),
    );
  }
}
