// The one place that invokes the Rust shell. The typed client in bindings/commands.ts,
// generated from the Rust command contract, is built on `call`; nothing else in the UI
// invokes a command by name.

import { Channel, invoke } from "@tauri-apps/api/core";
import type { Error as IpcError } from "./bindings/Error";
import type { Progress } from "./bindings/Progress";

export type { IpcError };

/** True when `e` is the `{code, message}` error the shell sends. */
export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Every failure as `{code, message}`: the shell's errors already are; Tauri refuses
 * arguments that do not deserialize (an impossible date, say) with a plain string. */
export function asIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return e;
  const message = typeof e === "string" ? e : e instanceof Error ? e.message : String(e);
  return { code: message.startsWith("invalid args") ? "invalid_input" : "internal", message };
}

/** Invokes `command`; failures arrive as `IpcError`. Used by the generated client only. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

/** A channel that hands each progress report of one call to `onProgress`. */
export function progressChannel(onProgress?: (progress: Progress) => void): Channel<Progress> {
  const channel = new Channel<Progress>();
  if (onProgress) channel.onmessage = onProgress;
  return channel;
}
