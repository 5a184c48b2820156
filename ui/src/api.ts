// What views use to talk to the shell: the typed client generated from the Rust command
// contract (bindings/commands.ts), and how to read its errors.

import { commands } from "./bindings/commands";
import { isIpcError, type IpcError } from "./ipc";

export { isIpcError };
export type { IpcError };

/** The words to show for any failure. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export const api = commands;

export type Api = typeof api;
