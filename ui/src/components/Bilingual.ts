// A text of the record kept in English and (when translated) in Spanish, shown in the
// interface's language first. In English: the English, with the Spanish beneath (tagged
// ES). In Spanish: the Spanish, with the English beneath in muted text (tagged EN); a
// text not yet translated shows its English with a small EN marker, so a reader knows
// it is not the Spanish.

import { h } from "../dom";
import { type Lang, lang, t } from "../i18n";

/** Which version of a text comes first, and which follows. */
export interface Shown {
  /** The text shown first, and its language; null when there is none to show. */
  main: { text: string; lang: Lang } | null;
  /** The other language's version, shown beneath; null when there is none. */
  other: { text: string; lang: Lang } | null;
  /** In Spanish, true when the Spanish is missing and the English stands in for it. */
  fallback: boolean;
}

const present = (text: string | null | undefined): text is string => Boolean(text?.trim());

/** The order a text's versions show in for `ui` (the interface's language by default). */
export function shown(english: string | null | undefined, spanish: string | null | undefined, ui: Lang = lang()): Shown {
  const en = present(english) ? { text: english, lang: "en" as const } : null;
  const es = present(spanish) ? { text: spanish, lang: "es" as const } : null;
  if (ui === "es") return es ? { main: es, other: en, fallback: false } : { main: en, other: null, fallback: en !== null };
  return en ? { main: en, other: es, fallback: false } : { main: es, other: null, fallback: false };
}

/** The text a label (an aria-label, a tooltip) gives for the interface's language. */
export function preferredText(english: string, spanish: string | null | undefined): string {
  return shown(english, spanish).main?.text ?? english;
}

export interface BilingualOptions {
  /** The element of the main text ("p" unless said). */
  tag?: "p" | "span" | "h3" | "div";
  class?: string;
  /** The element and class of the other version beneath it. */
  otherTag?: "p" | "span";
  otherClass?: string;
}

/** The small "ES" / "EN" box before a text in the other language than the interface's. */
function langTag(language: Lang, fallback = false): HTMLElement {
  const words = t(language === "es" ? "lang.tag_es" : "lang.tag_en");
  return fallback ? h("span", { class: "lang-tag fallback", title: t("lang.no_spanish") }, words) : h("span", { class: "lang-tag" }, words);
}

/**
 * The elements of a bilingual text: `main` (in the interface's language where it can be)
 * and `other` (beneath it), either null when there is nothing to show. Each carries its
 * `lang`, so speech and hyphenation follow the text, not the interface.
 */
export function bilingual(
  english: string | null | undefined,
  spanish: string | null | undefined,
  o: BilingualOptions = {},
): { main: HTMLElement | null; other: HTMLElement | null } {
  const s = shown(english, spanish);
  // A main text in the other language (an untranslated text in Spanish, a Spanish-only
  // summary in English) carries its language's tag.
  const foreign = s.main !== null && s.main.lang !== lang();
  const main = s.main
    ? h(
        o.tag ?? "p",
        {
          class: foreign && s.main.lang === "es" ? [o.class, "spanish"].filter(Boolean).join(" ") : o.class,
          lang: foreign ? s.main.lang : undefined,
        },
        foreign ? langTag(s.main.lang, s.fallback) : null,
        s.main.text,
      )
    : null;
  // The Spanish beneath an English text keeps its look ("spanish"); the English beneath a
  // Spanish one is quieter ("english").
  const otherClass = [s.other?.lang === "es" ? "spanish" : "english", o.otherClass].filter(Boolean).join(" ");
  const other = s.other ? h(o.otherTag ?? "p", { class: otherClass, lang: s.other.lang }, langTag(s.other.lang), s.other.text) : null;
  return { main, other };
}
