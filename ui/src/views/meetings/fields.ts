// Small form fields of the meeting editor: labelled text inputs and selects that write
// into the meeting as the person types, and the pickers that link initiatives and pillars.
// Each field carries `data-field` so a problem the core names can be pointed at.

import { h, replace, uid } from "../../dom";
import { roman } from "../../labels";
import { t } from "../../i18n";

export interface TextOptions {
  field: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: string;
  wide?: boolean;
  /** The language of what is typed ("es" for a Spanish field), for spelling and speech. */
  lang?: string;
}

/** A labelled text input (or textarea) showing `value`; `onInput` gets each change. */
export function textField(label: string, value: string | null | undefined, onInput: (v: string) => void, o: TextOptions): HTMLElement {
  const id = uid(`mt-${o.field}`);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const input = o.multiline
    ? h("textarea", { id, rows: o.rows ?? 3, lang: o.lang, placeholder: o.placeholder, aria: hintId ? { describedby: hintId } : undefined })
    : h("input", {
        id,
        type: "text",
        lang: o.lang,
        placeholder: o.placeholder,
        autocomplete: "off",
        aria: hintId ? { describedby: hintId } : undefined,
      });
  input.value = value ?? "";
  input.addEventListener("input", () => onInput(input.value));
  return h(
    "div",
    { class: `field${o.wide ? " wide" : ""}${o.lang === "es" ? " spanish-field" : ""}`, dataset: { field: o.field } },
    h("label", { for: id }, label),
    input,
    o.hint ? h("div", { id: hintId, class: "field-hint muted" }, o.hint) : null,
  );
}

/** The Spanish version of a text, beneath its English field: blank is `null`. */
export function spanishField(
  label: string,
  value: string | null | undefined,
  onInput: (v: string | null) => void,
  o: TextOptions,
): HTMLElement {
  return textField(label, value, (v) => onInput(v.trim() ? v : null), { ...o, lang: "es" });
}

/** A labelled select of `options` ([value, words]) showing `value`. */
export function selectField<V extends string>(
  label: string,
  value: V,
  options: [V, string][],
  onChange: (v: V) => void,
  field: string,
): HTMLElement {
  const id = uid(`mt-${field}`);
  const select = h(
    "select",
    { id },
    options.map(([v, words]) => h("option", { value: v }, words)),
  );
  select.value = value;
  select.addEventListener("change", () => onChange(select.value as V));
  return h("div", { class: "field", dataset: { field } }, h("label", { for: id }, label), select);
}

/**
 * The initiatives a row is linked to, as removable chips, and a select to link another
 * (the dialogue's initiative titles). A linked title the record no longer holds stays
 * shown and can be unlinked.
 */
export function initiativePicker(titles: string[], chosen: string[], changed: () => void, field = "initiatives"): HTMLElement {
  const chips = h("ul", { class: "link-chips" });
  const select = h("select", { class: "link-select", aria: { label: t("meetings.link_initiative") } });
  const draw = () => {
    replace(
      chips,
      chosen.map((title) =>
        h(
          "li",
          { class: "chip link-chip" },
          h("span", {}, title),
          h(
            "button",
            {
              type: "button",
              class: "chip-remove",
              aria: { label: t("meetings.unlink", { title: title }) },
              title: t("meetings.unlink", { title: title }),
              on: {
                click: () => {
                  chosen.splice(chosen.indexOf(title), 1);
                  draw();
                  changed();
                  select.focus();
                },
              },
            },
            "×",
          ),
        ),
      ),
    );
    replace(
      select,
      h("option", { value: "" }, t("meetings.link_initiative")),
      titles.filter((t) => !chosen.includes(t)).map((t) => h("option", { value: t }, t)),
    );
    select.value = "";
  };
  select.addEventListener("change", () => {
    if (!select.value) return;
    chosen.push(select.value);
    draw();
    changed();
    select.focus();
  });
  draw();
  return h("div", { class: "field wide", dataset: { field } }, h("span", { class: "label" }, t("meetings.initiatives")), chips, select);
}

/** One checkbox per pillar (its numeral and title), writing into `chosen`. */
export function pillarChecks(pillars: { number: number; title: string }[], chosen: number[], changed: () => void): HTMLElement {
  return h(
    "div",
    { class: "field wide", dataset: { field: "pillars" } },
    h("span", { class: "label" }, t("meetings.pillars")),
    h(
      "div",
      { class: "checks", role: "group", aria: { label: t("meetings.pillars") } },
      pillars.map((p) => {
        const id = uid("mt-pillar");
        const box = h("input", { id, type: "checkbox", checked: chosen.includes(p.number) });
        box.addEventListener("change", () => {
          const at = chosen.indexOf(p.number);
          if (box.checked && at < 0) chosen.push(p.number);
          if (!box.checked && at >= 0) chosen.splice(at, 1);
          chosen.sort((a, b) => a - b);
          changed();
        });
        return h("label", { for: id, class: "check", title: p.title }, box, h("span", { class: "roman" }, roman(p.number)));
      }),
    ),
  );
}
