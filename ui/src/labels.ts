// Words people read for the record's codes, in the interface's language.

import type { EntryKind } from "./bindings/EntryKind";
import type { NoteKind } from "./bindings/NoteKind";
import type { Status } from "./bindings/Status";
import { t } from "./i18n";

export const STATUSES: Status[] = ["planned", "in_progress", "done", "stalled", "dropped", "unknown"];
export const KINDS: EntryKind[] = ["objective", "commitment", "activity", "milestone", "meeting"];
export const NOTE_KINDS: NoteKind[] = ["points_to_make", "if_raised", "background"];

export function statusLabel(status: Status): string {
  return t(`status.${status}`);
}

export function kindLabel(kind: EntryKind): string {
  return t(`kind.${kind}`);
}

export function noteLabel(kind: NoteKind): string {
  return t(`note.${kind}`);
}

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
