// The words an entry's date shows, in the interface's language. English shows the source
// document's own words ("June 2021"); Spanish shows the core's Spanish writing of the
// stored value ("junio de 2021"), with the source's words a hover away. A view asks for
// all its dates in one call before it paints (no English flash), and the answers are
// kept: the same date is never asked twice.

import { h } from "./dom";
import type { EntryDate } from "./bindings/EntryDate";
import { lang, type Lang } from "./i18n";

/** What the words are asked of (the api in the app, a stub in tests). */
export interface DateWordsSource {
  dateWords: (dates: EntryDate[]) => Promise<string[]>;
}

const cache = new Map<string, string>();

function key(d: EntryDate, l: Lang): string {
  return [l, d.edtf ?? "", d.cadence ?? "", d.text].join("\u0000");
}

/** Asks for the words of every date not yet known in the current language, in one call.
 * When the call fails the dates keep their source's words (still true, only untranslated). */
export async function prepareDates(source: DateWordsSource, dates: Iterable<EntryDate | null | undefined>): Promise<void> {
  const l = lang();
  if (l === "en") return;
  const missing = new Map<string, EntryDate>();
  for (const d of dates) if (d && !cache.has(key(d, l))) missing.set(key(d, l), d);
  if (missing.size === 0) return;
  const asked = [...missing.values()];
  try {
    const words = await source.dateWords(asked);
    asked.forEach((d, i) => {
      if (words[i]) cache.set(key(d, l), words[i]);
    });
  } catch {
    /* the source's words stay */
  }
}

/** Whether `date`'s words in the current language are known (English always is). */
export function dateKnown(date: EntryDate): boolean {
  const l = lang();
  return l === "en" || cache.has(key(date, l));
}

/** The words to show for `date`: in Spanish the prepared Spanish words, else the source's. */
export function dateShown(date: EntryDate): string {
  const l = lang();
  if (l === "en") return date.text;
  return cache.get(key(date, l)) ?? date.text;
}

/** The source's words as a tooltip, when what shows is not them. */
export function dateSource(date: EntryDate): string | undefined {
  const shown = dateShown(date);
  return shown !== date.text && date.text ? date.text : undefined;
}

/** A date as a span: the words in the current language, the source's as its title. */
export function dateSpan(date: EntryDate, cls = "date"): HTMLElement {
  return h("span", { class: cls, title: dateSource(date) }, dateShown(date));
}

/** Tests: forget every answer. */
export function clearDateWords() {
  cache.clear();
}
