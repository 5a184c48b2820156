// The interface language: English or Spanish, chosen in Settings (kept in localStorage),
// else from the system locale. Every label and message comes from one catalogue per
// language (en.ts, es.ts, the same typed keys); dates and numbers are formatted by Intl
// with the chosen locale. Changing the language tells the listeners, and the app redraws
// its views in the new language without a restart.

import { en, type MessageKey } from "./en";
import { es } from "./es";

export type { MessageKey };
export type Lang = "en" | "es";
export const LANGS: Lang[] = ["en", "es"];

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, es };
const STORAGE_KEY = "briefbook.lang";
const LOCALES: Record<Lang, string> = { en: "en-US", es: "es-MX" };

/** Keys that come in a singular and a plural form ("x.one" and "x.other"): "x". */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export type Params = Record<string, string | number>;

/** The language a first start uses: the saved choice, else the system's ("es-MX" → es). */
export function initialLang(stored: string | null = readStored(), system: string = navigator.language ?? "en"): Lang {
  if (stored === "en" || stored === "es") return stored;
  return system.toLowerCase().startsWith("es") ? "es" : "en";
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current: Lang = initialLang();
const listeners = new Set<(lang: Lang) => void>();

export function lang(): Lang {
  return current;
}

/** The BCP 47 locale Intl formats with. */
export function locale(): string {
  return LOCALES[current];
}

/** Switches the language, saves the choice and tells every listener. */
export function setLang(next: Lang) {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* a webview without storage still switches for this session */
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** Calls `listener` after each language change; returns a function that stops it. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number as the chosen locale writes it ("12,000" / "12 000"). */
export function num(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/** A date-time (an RFC 3339 string or a Date) in the chosen locale; the text unchanged when unreadable. */
export function dateTime(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** "June 2021" / "junio de 2021": a month of a year, in the chosen language. */
export function monthYear(year: number, month: number): string {
  return new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** The message `key` in the current language, `{name}` placeholders filled (numbers formatted). */
export function t(key: MessageKey, params?: Params): string {
  const text = CATALOGUES[current][key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? num(value) : value;
  });
}

/** The singular or plural form of `key` for `n` (also given to the text as `{n}`). */
export function tn(key: PluralKey, n: number, params: Params = {}): string {
  const form = new Intl.PluralRules(locale()).select(n) === "one" ? "one" : "other";
  return t(`${key}.${form}` as MessageKey, { n, ...params });
}

/** Tests and the settings view: every catalogue by language. */
export function catalogue(of: Lang): Record<MessageKey, string> {
  return CATALOGUES[of];
}
