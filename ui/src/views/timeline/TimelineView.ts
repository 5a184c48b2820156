// Every entry on one time line, filterable by pillar, status and agency: dated entries
// grouped by the month (or season, or year) their date starts in, with a span shown when
// the date runs longer than that ("over the next year" from December 2021 runs to
// December 2022); then a lane of recurring entries (a cadence, no date) and a lane of
// undated ones, so that nothing in the record is silently left out.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { EntryQuery } from "../../bindings/EntryQuery";
import type { EntryRow } from "../../bindings/EntryRow";
import type { Status } from "../../bindings/Status";
import { STATUSES, kindLabel, roman, statusLabel } from "../../labels";
import { monthYear, num, t, tn } from "../../i18n";
import { dateShown, dateSource, prepareDates } from "../../dateWords";

/** The start and end of an EDTF value, to the month: [year, month (0 for a year or a season)]. */
type Point = { year: number; month: number };

function point(part: string): Point | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(part.replace(/[?~%]/g, ""));
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 0 };
}

function pointLabel(p: Point): string {
  if (p.month >= 1 && p.month <= 12) return monthYear(p.year, p.month);
  if (p.month >= 21 && p.month <= 24) return t(`timeline.season_${p.month as 21 | 22 | 23 | 24}`, { year: String(p.year) });
  return String(p.year);
}

/** Group key and heading for an EDTF value: "2021-06" / "June 2021", "2022" / "2022 (during the year)". */
export function monthGroup(edtf: string): { key: string; label: string } {
  const start = point(edtf.split("/")[0]);
  if (!start) return { key: "9999", label: t("timeline.open_start") };
  const { year, month } = start;
  if (month >= 1 && month <= 12) return { key: `${year}-${String(month).padStart(2, "0")}`, label: pointLabel(start) };
  if (month >= 21 && month <= 24) return { key: `${year}-s${month}`, label: pointLabel(start) };
  return { key: `${year}`, label: t("timeline.during_year", { year: String(year) }) };
}

/** "December 2021 – December 2022" for an interval whose end lies in a later month; else null. */
export function spanLabel(edtf: string): string | null {
  const [from, to] = edtf.split("/");
  if (to === undefined) return null;
  const start = point(from);
  const end = point(to);
  if (!end) return start ? t("timeline.from_on", { start: pointLabel(start) }) : null;
  if (!start) return t("timeline.until", { end: pointLabel(end) });
  if (start.year === end.year && start.month === end.month) return null;
  return `${pointLabel(start)} – ${pointLabel(end)}`;
}

/** Entries read per page ("Show more" reads the next). */
export const TIMELINE_PAGE = 200;

export type Lanes = {
  months: Map<string, { label: string; rows: EntryRow[] }>;
  recurring: EntryRow[];
  undated: EntryRow[];
};

/** Splits rows into months (in the order they come: the shell sorts them), recurring and undated. */
export function lanes(rows: EntryRow[]): Lanes {
  const out: Lanes = { months: new Map(), recurring: [], undated: [] };
  for (const row of rows) {
    if (!row.date?.edtf) {
      (row.date?.cadence ? out.recurring : out.undated).push(row);
      continue;
    }
    const g = monthGroup(row.date.edtf);
    const group = out.months.get(g.key) ?? { label: g.label, rows: [] };
    group.rows.push(row);
    out.months.set(g.key, group);
  }
  return out;
}

export class TimelineView implements View {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly more: HTMLElement;
  private readonly pillar: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly agency: HTMLSelectElement;
  private readonly summary: HTMLElement;
  /** Rows read so far for the current filters; `done` once a page came back short. */
  private rows: EntryRow[] = [];
  private done = false;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    const ids = { p: uid("tl-pillar"), s: uid("tl-status"), a: uid("tl-agency") };
    this.pillar = h("select", { id: ids.p }, h("option", { value: "" }, t("filter.all_pillars")));
    this.status = h(
      "select",
      { id: ids.s },
      h("option", { value: "" }, t("filter.any_status")),
      STATUSES.map((s) => h("option", { value: s }, statusLabel(s))),
    );
    this.agency = h("select", { id: ids.a }, h("option", { value: "" }, t("filter.any_agency")));
    for (const select of [this.pillar, this.status, this.agency]) select.addEventListener("change", () => void this.load());
    this.summary = h("p", { class: "muted timeline-summary", aria: { live: "polite" } });
    this.list = h("div", { class: "timeline" });
    this.more = h("div", { class: "timeline-more" });
    const filter = (id: string, label: string, select: HTMLSelectElement) =>
      h("div", { class: "field" }, h("label", { for: id }, label), select);
    this.el = h(
      "section",
      { class: "view timeline-view", aria: { labelledby: "timeline-title" } },
      h(
        "header",
        { class: "view-header" },
        h("h1", { id: "timeline-title" }, t("timeline.title")),
        h(
          "div",
          { class: "filters", role: "group", aria: { label: t("filter.filters") } },
          filter(ids.p, t("filter.pillar"), this.pillar),
          filter(ids.s, t("filter.status"), this.status),
          filter(ids.a, t("filter.agency"), this.agency),
        ),
      ),
      this.summary,
      this.list,
      this.more,
    );
  }

  async show() {
    // The first page is asked for first; the filters' choices are refreshed meanwhile.
    await Promise.all([this.load(), this.refreshChoices()]);
  }

  /** Pillars and agencies to filter by, keeping what is chosen. */
  private async refreshChoices() {
    try {
      const [outline, agencies] = await Promise.all([this.ctx.api.recordOutline(), this.ctx.api.agencyKeys()]);
      const keepP = this.pillar.value;
      const keepA = this.agency.value;
      const pillars = outline.dialogues.flatMap((d) => d.pillars);
      replace(
        this.pillar,
        h("option", { value: "" }, t("filter.all_pillars")),
        pillars.map((p) => h("option", { value: String(p.number) }, `${t("record.pillar", { n: roman(p.number) })} · ${p.title}`)),
      );
      replace(
        this.agency,
        h("option", { value: "" }, t("filter.any_agency")),
        agencies.map((a) => h("option", { value: a }, a)),
      );
      this.pillar.value = keepP;
      this.agency.value = keepA;
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private filter(offset: number): EntryQuery {
    return {
      filters: {
        pillars: this.pillar.value ? [Number(this.pillar.value)] : [],
        from: null,
        to: null,
        statuses: this.status.value ? [this.status.value as Status] : [],
        kinds: [],
        agencies: this.agency.value ? [this.agency.value] : [],
        query: null,
        include_undated: true,
      },
      chronological: true,
      limit: TIMELINE_PAGE,
      offset,
    };
  }

  /** Reads the first page for the current filters. */
  private async load() {
    this.rows = [];
    this.done = false;
    replace(this.summary, t("common.loading"));
    await this.readPage();
  }

  /** Reads the next page and draws what has been read. */
  private async readPage() {
    const seq = ++this.seq;
    replace(this.more, h("p", { class: "muted loading" }, t("common.loading")));
    try {
      const page = await this.ctx.api.listEntries(this.filter(this.rows.length));
      if (seq !== this.seq) return;
      await prepareDates(
        this.ctx.api,
        page.map((r) => r.date),
      );
      if (seq !== this.seq) return;
      this.rows.push(...page);
      this.done = page.length < TIMELINE_PAGE;
      this.render();
    } catch (e) {
      if (seq === this.seq) replace(this.more, h("p", { class: "error-text" }, errorMessage(e)));
    }
  }

  private render() {
    const { months, recurring, undated } = lanes(this.rows);
    const dated = [...months.values()].reduce((n, g) => n + g.rows.length, 0);
    const more = this.done ? "" : "+";
    replace(
      this.summary,
      t("timeline.summary", {
        dated: tn("timeline.dated", dated, { n: `${num(dated)}${more}` }),
        months: tn("timeline.months", months.size, { n: `${num(months.size)}${more}` }),
        recurring: recurring.length,
        undated: undated.length,
      }),
    );
    const sections = [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => this.month(key, g.label, g.rows));
    if (recurring.length) sections.push(this.lane("timeline-recurring", t("timeline.recurring"), recurring));
    if (undated.length) sections.push(this.lane("timeline-undated", t("timeline.undated"), undated));
    if (!sections.length) replace(this.list, h("p", { class: "empty" }, t("timeline.none")));
    else replace(this.list, sections);
    replace(
      this.more,
      this.done
        ? null
        : h(
            "button",
            { type: "button", class: "button", id: "timeline-more", on: { click: () => void this.readPage() } },
            t("timeline.show_more", { n: TIMELINE_PAGE }),
          ),
    );
  }

  private month(key: string, label: string, rows: EntryRow[]): HTMLElement {
    return h(
      "section",
      { class: "month", aria: { label } },
      h(
        "h2",
        { class: "month-title" },
        h("time", { datetime: key.replace(/-s\d+$/, "") }, label),
        h("span", { class: "count" }, num(rows.length)),
      ),
      h(
        "ul",
        { class: "month-entries" },
        rows.map((r) => h("li", {}, this.item(r))),
      ),
    );
  }

  /** A lane of entries without a calendar date: recurring ones, or undated ones. */
  private lane(id: string, label: string, rows: EntryRow[]): HTMLElement {
    return h(
      "section",
      { class: "month lane", id, aria: { label } },
      h("h2", { class: "month-title" }, h("span", {}, label), h("span", { class: "count" }, num(rows.length))),
      h(
        "ul",
        { class: "month-entries" },
        rows.map((r) => h("li", {}, this.item(r))),
      ),
    );
  }

  private item(r: EntryRow): HTMLElement {
    const span = r.date?.edtf ? spanLabel(r.date.edtf) : null;
    const where = r.pillar_number === 0 ? t("record.general") : t("record.pillar", { n: roman(r.pillar_number) });
    const place = [where, r.initiative_title, kindLabel(r.kind), r.agencies.join(", ")].filter((x) => x).join(" · ");
    return h(
      "button",
      { type: "button", class: "timeline-entry", on: { click: () => this.ctx.navigate("record", { entryId: r.id }) } },
      h("span", { class: `status-dot status-${r.status}`, title: statusLabel(r.status) }),
      h(
        "span",
        { class: "date", title: r.date ? dateSource(r.date) : undefined },
        r.date ? dateShown(r.date) : t("entry.undated"),
        span ? h("span", { class: "span-range", title: span }, span) : null,
      ),
      h("span", { class: "timeline-text" }, r.text),
      h("span", { class: "timeline-place muted" }, place),
    );
  }
}
