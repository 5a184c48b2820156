// An initiative's snippet comes from its title and summary indexed as one text, so the
// title would run into the summary ("…Medical Devices Seeks to…"). This puts a visible
// separator where the title ends, splitting the snippet's parts where needed.

import type { SnippetPart } from "../../bindings/SnippetPart";

export const TITLE_SEPARATOR = " — ";

/** Where the title ends in `text` (a snippet that may start inside the title), or -1. */
function titleEnd(text: string, title: string): number {
  const body = text.replace(/^…/, "");
  const lead = text.length - body.length;
  const whole = body.indexOf(`${title} `);
  if (whole >= 0) return lead + whole + title.length;
  // The snippet starts inside the title: its longest tail (from a word) that opens the text.
  const words = title.split(" ");
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(" ");
    if (body.startsWith(`${tail} `)) return lead + tail.length;
  }
  return -1;
}

/** The parts with `TITLE_SEPARATOR` in place of the space after the title. */
export function separateTitle(parts: SnippetPart[], title: string): SnippetPart[] {
  const text = parts.map((p) => p.text).join("");
  const end = title.trim() ? titleEnd(text, title.trim()) : -1;
  if (end < 0) return parts;
  const out: SnippetPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const from = offset;
    offset += part.text.length;
    // The space right after the title: replace it, keeping the text on either side.
    if (end >= from && end < offset && part.text[end - from] === " ") {
      const before = part.text.slice(0, end - from);
      const after = part.text.slice(end - from + 1);
      if (before) out.push({ text: before, hit: part.hit });
      out.push({ text: TITLE_SEPARATOR, hit: false });
      if (after) out.push({ text: after, hit: part.hit });
    } else out.push(part);
  }
  return out;
}
