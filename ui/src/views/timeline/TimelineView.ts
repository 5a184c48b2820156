// Dated entries grouped by month (by the first month their date may mean), filterable
// by pillar, status and agency. Entries dated only to a year are grouped under the year.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
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
  if (month >= 21 && month <= 24) return { key: `${year}-s${month}`, label: `${["Spring", "Summer", "Autumn", "Winter"][month - 21]} ${year}` };
  return { key: `${year}`, label: `${year} (during the year)` };
}

export class TimelineView implements View {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly pillar: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly agency: HTMLSelectElement;
  private readonly summary: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    const ids = { p: uid("tl-pillar"), s: uid("tl-status"), a: uid("tl-agency") };
    this.pillar = h("select", { id: ids.p }, h("option", { value: "" }, "All pillars"));
    this.status = h("select", { id: ids.s }, h("option", { value: "" }, "Any status"), STATUSES.map((s) => h("option", { value: s }, statusLabel[s])));
    this.agency = h("select", { id: ids.a }, h("option", { value: "" }, "Any agency"));
    for (const select of [this.pillar, this.status, this.agency]) select.addEventListener("change", () => void this.load());
    this.summary = h("p", { class: "muted timeline-summary", aria: { live: "polite" } });
    this.list = h("div", { class: "timeline" });
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
          h("div", { class: "field" }, h("label", { for: ids.p }, "Pillar"), this.pillar),
          h("div", { class: "field" }, h("label", { for: ids.s }, "Status"), this.status),
          h("div", { class: "field" }, h("label", { for: ids.a }, "Agency"), this.agency),
        ),
      ),
      this.summary,
      this.list,
    );
  }

  async show() {
    try {
      const record = await this.ctx.api.loadRecord();
      const keepP = this.pillar.value;
      const keepA = this.agency.value;
      replace(
        this.pillar,
        h("option", { value: "" }, "All pillars"),
        record.dialogues.flatMap((d) => d.pillars.map((p) => h("option", { value: String(p.number) }, `Pillar ${roman(p.number)} · ${p.title}`))),
      );
      const agencies = [...new Set(record.dialogues.flatMap((d) => d.pillars.flatMap((p) => p.initiatives.flatMap((i) => i.entries.flatMap((e) => e.agencies)))))].sort();
      replace(this.agency, h("option", { value: "" }, "Any agency"), agencies.map((a) => h("option", { value: a }, a)));
      this.pillar.value = keepP;
      this.agency.value = keepA;
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
    await this.load();
  }

  private async load() {
    try {
      const rows = await this.ctx.api.listEntries({
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
        limit: null,
        offset: 0,
      });
      this.render(rows);
    } catch (e) {
      replace(this.list, h("p", { class: "error-text" }, errorMessage(e)));
    }
  }

  private render(rows: EntryRow[]) {
    const dated = rows.filter((r) => r.date?.edtf);
    const groups = new Map<string, { label: string; rows: EntryRow[] }>();
    for (const row of dated) {
      const g = monthGroup(row.date!.edtf!);
      if (!groups.has(g.key)) groups.set(g.key, { label: g.label, rows: [] });
      groups.get(g.key)!.rows.push(row);
    }
    const undated = rows.length - dated.length;
    replace(this.summary, `${dated.length} dated entries in ${groups.size} months${undated ? ` · ${undated} without a calendar date not shown` : ""}`);
    if (!dated.length) {
      replace(this.list, h("p", { class: "empty" }, "No dated entry matches these filters."));
      return;
    }
    replace(
      this.list,
      [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, g]) =>
          h(
            "section",
            { class: "month", aria: { label: g.label } },
            h("h2", { class: "month-title" }, h("time", { datetime: key.replace(/-s\d+$/, "") }, g.label), h("span", { class: "count" }, String(g.rows.length))),
            h(
              "ul",
              { class: "month-entries" },
              g.rows.map((r) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    { type: "button", class: "timeline-entry", on: { click: () => this.ctx.navigate("record", { entryId: r.id }) } },
                    h("span", { class: `status-dot status-${r.status}`, title: statusLabel[r.status] }),
                    h("span", { class: "date" }, r.date!.text),
                    h("span", { class: "timeline-text" }, r.text),
                    h("span", { class: "timeline-place muted" }, `Pillar ${roman(r.pillar_number)} · ${r.initiative_title} · ${kindLabel[r.kind]}${r.agencies.length ? " · " + r.agencies.join(", ") : ""}`),
                  ),
                ),
              ),
            ),
          ),
        ),
    );
  }
}
