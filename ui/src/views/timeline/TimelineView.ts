// Dated entries grouped by month (by the first month their date may mean), filterable
// by pillar, status and agency. Entries dated only to a year are grouped under the year.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { EntryQuery } from "../../bindings/EntryQuery";
import type { EntryRow } from "../../bindings/EntryRow";
import type { Status } from "../../bindings/Status";
import { STATUSES, kindLabel, roman, statusLabel } from "../../labels";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Group key and heading for an EDTF value: "2021-06" / "June 2021", "2022" / "2022 (year)". */
export function monthGroup(edtf: string): { key: string; label: string } {
  const start = edtf.split("/")[0].replace(/[?~%]/g, "");
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(start);
  if (!m) return { key: "9999", label: "Open start" };
  const year = m[1];
  const month = m[2] ? Number(m[2]) : 0;
  if (month >= 1 && month <= 12) return { key: `${year}-${m[2]}`, label: `${MONTHS[month - 1]} ${year}` };
  if (month >= 21 && month <= 24)
    return { key: `${year}-s${month}`, label: `${["Spring", "Summer", "Autumn", "Winter"][month - 21]} ${year}` };
  return { key: `${year}`, label: `${year} (during the year)` };
}

/** Entries read per page ("Show more" reads the next). */
export const TIMELINE_PAGE = 200;

/** Groups dated rows by month, in the order they come (the shell sorts them). */
export function groupByMonth(rows: EntryRow[]): Map<string, { label: string; rows: EntryRow[] }> {
  const groups = new Map<string, { label: string; rows: EntryRow[] }>();
  for (const row of rows) {
    if (!row.date?.edtf) continue;
    const g = monthGroup(row.date.edtf);
    const group = groups.get(g.key) ?? { label: g.label, rows: [] };
    group.rows.push(row);
    groups.set(g.key, group);
  }
  return groups;
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
    this.pillar = h("select", { id: ids.p }, h("option", { value: "" }, "All pillars"));
    this.status = h(
      "select",
      { id: ids.s },
      h("option", { value: "" }, "Any status"),
      STATUSES.map((s) => h("option", { value: s }, statusLabel[s])),
    );
    this.agency = h("select", { id: ids.a }, h("option", { value: "" }, "Any agency"));
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
        h("h1", { id: "timeline-title" }, "Timeline"),
        h(
          "div",
          { class: "filters", role: "group", aria: { label: "Filters" } },
          filter(ids.p, "Pillar", this.pillar),
          filter(ids.s, "Status", this.status),
          filter(ids.a, "Agency", this.agency),
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
        h("option", { value: "" }, "All pillars"),
        pillars.map((p) => h("option", { value: String(p.number) }, `Pillar ${roman(p.number)} · ${p.title}`)),
      );
      replace(
        this.agency,
        h("option", { value: "" }, "Any agency"),
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
        include_undated: false,
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
    replace(this.summary, "Loading…");
    await this.readPage();
  }

  /** Reads the next page and draws what has been read. */
  private async readPage() {
    const seq = ++this.seq;
    replace(this.more, h("p", { class: "muted loading" }, "Loading…"));
    try {
      const page = await this.ctx.api.listEntries(this.filter(this.rows.length));
      if (seq !== this.seq) return;
      this.rows.push(...page);
      // Entries without a calendar date come last: once one shows up, the dated ones are all read.
      this.done = page.length < TIMELINE_PAGE || page.some((r) => !r.date?.edtf);
      this.render();
    } catch (e) {
      if (seq === this.seq) replace(this.more, h("p", { class: "error-text" }, errorMessage(e)));
    }
  }

  private render() {
    const groups = groupByMonth(this.rows);
    const dated = [...groups.values()].reduce((n, g) => n + g.rows.length, 0);
    replace(
      this.summary,
      `${dated}${this.done ? "" : "+"} dated entries in ${groups.size}${this.done ? "" : "+"} months, earliest first${this.done ? " · entries without a calendar date are not shown" : ""}`,
    );
    if (!dated) replace(this.list, h("p", { class: "empty" }, "No dated entry matches these filters."));
    else
      replace(
        this.list,
        [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => this.month(key, g.label, g.rows)),
      );
    replace(
      this.more,
      this.done
        ? null
        : h(
            "button",
            { type: "button", class: "button", id: "timeline-more", on: { click: () => void this.readPage() } },
            `Show ${TIMELINE_PAGE} more`,
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
        h("span", { class: "count" }, String(rows.length)),
      ),
      h(
        "ul",
        { class: "month-entries" },
        rows.map((r) => h("li", {}, this.item(r))),
      ),
    );
  }

  private item(r: EntryRow): HTMLElement {
    return h(
      "button",
      { type: "button", class: "timeline-entry", on: { click: () => this.ctx.navigate("record", { entryId: r.id }) } },
      h("span", { class: `status-dot status-${r.status}`, title: statusLabel[r.status] }),
      h("span", { class: "date" }, r.date?.text ?? ""),
      h("span", { class: "timeline-text" }, r.text),
      h(
        "span",
        { class: "timeline-place muted" },
        `Pillar ${roman(r.pillar_number)} · ${r.initiative_title} · ${kindLabel[r.kind]}${r.agencies.length ? ` · ${r.agencies.join(", ")}` : ""}`,
      ),
    );
  }
}
