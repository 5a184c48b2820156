// What views use to talk to the shell: the typed client generated from the Rust command
// contract (bindings/commands.ts), and how to read its errors.

import { commands } from "./bindings/commands";
import { isIpcError, type IpcError } from "./ipc";
import { lang, t, type MessageKey } from "./i18n";
import type { EntryDate } from "./bindings/EntryDate";
import type { ErrorCode } from "./bindings/ErrorCode";

export { isIpcError };
export type { IpcError };

/** The words to show for any failure. The core's errors arrive in English with a code:
 * the code gives a lead sentence in the interface's language, the detail (which names
 * the file, field or value at fault) follows as the core wrote it. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) return `${t(ERROR_LEADS[e.code] ?? "error.internal")} ${e.message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The lead sentence for each code (a new code fails to compile until it has one). */
const ERROR_LEADS: Record<ErrorCode, MessageKey> = {
  not_found: "error.not_found",
  invalid_input: "error.invalid_input",
  conflict: "error.conflict",
  locked: "error.locked",
  io: "error.io",
  damaged_database: "error.damaged_database",
  newer_database: "error.newer_database",
  encrypted: "error.encrypted",
  internal: "error.internal",
};

/** The generated client, with the commands that answer in the interface's language
 * given the current language (so views call them as before: `readDate(text)`). */
export const api = {
  ...commands,
  readDate: (text: string) => commands.readDate(text, lang()),
  dateWords: (dates: EntryDate[]) => commands.dateWords(dates, lang()),
};

export type Api = typeof api;
