// Small form helpers of the packet builder: a checkbox, blank-as-unset text, list
// membership, the dialogue choice, the numbered-copies field and the note on a Spanish
// packet's translation.

import type { PacketSpec } from "../../bindings/PacketSpec";
import type { PacketSummary } from "../../bindings/PacketSummary";
import { h, uid } from "../../dom";
import { num, t } from "../../i18n";

/** A labelled checkbox that reports each change. */
export function checkbox(label: string, checked: boolean, onChange: (on: boolean) => void, id?: string): HTMLElement {
  const box = h("input", { type: "checkbox", id, checked });
  box.addEventListener("change", () => onChange(box.checked));
  return h("label", { class: "check" }, box, h("span", {}, label));
}

/** Blank text means "not set". */
export function orNull(v: string): string | null {
  return v.trim() ? v.trim() : null;
}

/** Adds `item` to `list` or removes it, keeping the list free of repeats. */
export function toggle<T>(list: T[], item: T, on: boolean) {
  const i = list.indexOf(item);
  if (on && i < 0) list.push(item);
  if (!on && i >= 0) list.splice(i, 1);
}

/** For a Spanish packet, how many of its texts are in Spanish and how many fall back. */
export function translatedNote(s: PacketSummary, lang: string): HTMLElement | null {
  if (!s.translation || lang !== "es") return null;
  const { translated, fallback } = s.translation;
  return h(
    "p",
    { class: "muted", id: "packet-translated" },
    t("packet.translated", { translated: num(translated), total: num(translated + fallback), fallback: num(fallback) }),
  );
}

/** Numbered copies: one recipient per line; each gets a file of its own with
 * "Copy K of N — NAME" on the cover and every footer. The core checks the names. */
export function copiesField(names: string[], onChange: (names: string[]) => void): HTMLElement {
  const id = "packet-copies";
  const area = h("textarea", { id, rows: 3, placeholder: t("packet.copies_placeholder") });
  area.value = names.join("\n");
  area.addEventListener("input", () =>
    onChange(
      area.value
        .split("\n")
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  );
  return h("div", { class: "field" }, h("label", { for: id }, t("packet.copies_for")), area);
}

/** With several dialogues, which one the packet is about (the core refuses to guess);
 * with one, nothing to choose. A spec naming no known dialogue takes the first. */
export function dialogueField(
  dialogues: { short_name: string }[],
  spec: PacketSpec,
  onChange: (shortName: string) => void,
): HTMLElement | null {
  if (dialogues.length < 2) return null;
  const known = dialogues.map((d) => d.short_name);
  if (!spec.dialogue || !known.includes(spec.dialogue)) spec.dialogue = known[0];
  const id = uid("pk-dialogue");
  const select = h(
    "select",
    { id, class: "dialogue-choice" },
    known.map((name) => h("option", { value: name }, name)),
  );
  select.value = spec.dialogue;
  select.addEventListener("change", () => onChange(select.value));
  return h("div", { class: "field" }, h("label", { for: id }, t("packet.dialogue")), select);
}
