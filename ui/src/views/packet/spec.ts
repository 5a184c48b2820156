// Packet spec defaults and date helpers for the packet builder.

import type { PacketSpec } from "../../bindings/PacketSpec";
import type { Section } from "../../bindings/Section";
import { lang, t } from "../../i18n";

export const ALL_SECTIONS: Section[] = ["cover", "contents", "overview", "pillars", "timeline", "changes_since", "sources"];

/** What the builder calls a section, in the interface's language. */
export function sectionLabel(section: Section): string {
  return t(`section.${section}`);
}

/** The spec a new packet starts from (the core's defaults). */
export function defaultSpec(): PacketSpec {
  return {
    title: t("packet.default_title"),
    dialogue: null,
    meeting: null,
    cover: { name: "", date: "", place: "" },
    prepared_for: "",
    prepared_by: "",
    prepared_on: null,
    marking: null,
    // A packet is written in the interface's language unless the person picks another.
    lang: lang(),
    page: "letter",
    filters: { pillars: [], from: null, to: null, statuses: [], kinds: [], agencies: [], query: null, include_undated: true },
    sections: [...ALL_SECTIONS],
    changes_since: null,
    options: { include_notes: true, include_source_refs: true },
  };
}

/** A saved spec's JSON as a full spec; a spec saved before meetings were in the record
 * named the cover's meeting in `meeting: {name, date, place}`, which is now `cover`. */
export function fromSaved(json: string): PacketSpec {
  const parsed = JSON.parse(json) as Partial<PacketSpec> & { meeting?: unknown };
  const old = typeof parsed.meeting === "object" && parsed.meeting !== null ? (parsed.meeting as PacketSpec["cover"]) : null;
  return old ? { ...defaultSpec(), ...parsed, meeting: null, cover: old } : { ...defaultSpec(), ...(parsed as Partial<PacketSpec>) };
}

/** `YYYY-MM-DD` of a local date. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The same day `months` months earlier (clamped to the month's last day). */
export function monthsBefore(d: Date, months: number): Date {
  const target = new Date(d.getFullYear(), d.getMonth() - months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d.getDate(), last));
  return target;
}
