// Words people read for the record's codes.

import type { EntryKind } from "./bindings/EntryKind";
import type { NoteKind } from "./bindings/NoteKind";
import type { Status } from "./bindings/Status";

export const STATUSES: Status[] = ["planned", "in_progress", "done", "stalled", "dropped", "unknown"];
export const KINDS: EntryKind[] = ["objective", "commitment", "activity", "milestone", "meeting"];
export const NOTE_KINDS: NoteKind[] = ["points_to_make", "if_raised", "background"];

export const statusLabel: Record<Status, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  stalled: "Stalled",
  dropped: "Dropped",
  unknown: "Unknown",
};

export const kindLabel: Record<EntryKind, string> = {
  objective: "Objective",
  commitment: "Commitment",
  activity: "Activity",
  milestone: "Milestone",
  meeting: "Meeting",
};

export const noteLabel: Record<NoteKind, string> = {
  objective: "Objective",
  points_to_make: "Points to make",
  if_raised: "If raised",
  background: "Background",
  press: "Press line",
};

const ROMAN: [number, string][] = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(n: number): string {
  let out = "";
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** "GSA, SRE" → ["GSA", "SRE"]: commas or semicolons separate, blanks dropped. */
export function parseAgencies(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}
