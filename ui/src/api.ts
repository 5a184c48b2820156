// The one place that talks to the Rust shell. Every command is typed with the bindings
// generated from the Rust types (src/bindings, by ts-rs); nothing else calls `invoke`.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { DatabaseInfo } from "./bindings/DatabaseInfo";
import type { DateReading } from "./bindings/DateReading";
import type { EntryChange } from "./bindings/EntryChange";
import type { EntryFilter } from "./bindings/EntryFilter";
import type { EntryRow } from "./bindings/EntryRow";
import type { ExportResult } from "./bindings/ExportResult";
import type { HistoryEvent } from "./bindings/HistoryEvent";
import type { ImportInput } from "./bindings/ImportInput";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { InitiativeChange } from "./bindings/InitiativeChange";
import type { IpcError } from "./bindings/IpcError";
import type { MergeReport } from "./bindings/MergeReport";
import type { NewEntry } from "./bindings/NewEntry";
import type { NoteKind } from "./bindings/NoteKind";
import type { NoteTarget } from "./bindings/NoteTarget";
import type { PacketSpec } from "./bindings/PacketSpec";
import type { PacketSummary } from "./bindings/PacketSummary";
import type { Progress } from "./bindings/Progress";
import type { Record as DialogueRecord } from "./bindings/Record";
import type { SavedSpec } from "./bindings/SavedSpec";
import type { SearchHit } from "./bindings/SearchHit";
import type { FileKind } from "./bindings/FileKind";

export type { IpcError };

/** True when `e` is the `{code, message}` error the shell sends. */
export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** The words to show for any failure. */
export function errorMessage(e: unknown): string {
  if (isIpcError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Every failure as `{code, message}`: the shell's errors already are; Tauri refuses
 * arguments that do not deserialize (an impossible date, say) with a plain string. */
export function asIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return e;
  const message = typeof e === "string" ? e : e instanceof Error ? e.message : String(e);
  return { code: message.startsWith("invalid args") ? "validation" : "internal", message };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

export const api = {
  // settings: the database itself
  openDatabase: (path: string | null) => call<DatabaseInfo>("open_database", { path }),
  databaseInfo: () => call<DatabaseInfo>("database_info"),
  backupNow: () => call<string>("backup_now"),
  restoreLastBackup: () => call<DatabaseInfo>("restore_last_backup"),
  exportJson: (path: string) => call<void>("export_json", { path }),
  /** Tells the shell the first view is painted (for the launch-time measurement). */
  uiReady: () => call<void>("ui_ready"),

  // files: native dialogs run in the shell; `null` when the person cancels
  pickSavePath: (suggestedName: string, kind: FileKind) =>
    call<string | null>("pick_save_path", { suggestedName, kind }),
  pickOpenPath: (kind: FileKind) => call<string | null>("pick_open_path", { kind }),
  openExported: (path: string) => call<void>("open_exported", { path }),

  // record
  loadRecord: () => call<DialogueRecord>("load_record"),
  listEntries: (filter: EntryFilter) => call<EntryRow[]>("list_entries", { filter }),
  updateEntry: (id: number, changes: EntryChange[]) => call<void>("update_entry", { id, changes }),
  createEntry: (initiativeId: number, entry: NewEntry) =>
    call<number>("create_entry", { initiativeId, entry }),
  deleteEntry: (id: number) => call<void>("delete_entry", { id }),
  updateInitiative: (id: number, changes: InitiativeChange[]) =>
    call<void>("update_initiative", { id, changes }),
  addNote: (target: NoteTarget, kind: NoteKind, text: string) =>
    call<number>("add_note", { target, kind, text }),
  deleteNote: (id: number) => call<void>("delete_note", { id }),
  undoLast: () => call<string | null>("undo_last"),
  readDate: (text: string) => call<DateReading>("read_date", { text }),
  history: (since: string | null) => call<HistoryEvent[]>("history", { since }),

  // search
  search: (query: string, limit: number) => call<SearchHit[]>("search", { query, limit }),

  // import
  previewImport: (input: ImportInput) => call<ImportPreview>("preview_import", { input }),
  applyImport: (input: ImportInput) => call<MergeReport>("apply_import", { input }),

  // packets
  packetSummary: (spec: PacketSpec) => call<PacketSummary>("packet_summary", { spec }),
  exportPacket: (spec: PacketSpec, path: string, specName: string | null) =>
    call<ExportResult>("export_packet", { spec, path, specName }),
  savedSpecs: () => call<SavedSpec[]>("saved_specs"),
  saveSpec: (name: string, spec: PacketSpec) => call<void>("save_spec", { name, spec }),
  deleteSpec: (name: string) => call<void>("delete_spec", { name }),
  lastPacketDay: () => call<string | null>("last_packet_day"),

  /** Calls `handler` with each progress report of long work (imports, packets). */
  onProgress: (handler: (p: Progress) => void): Promise<UnlistenFn> =>
    listen<Progress>("progress", (event) => handler(event.payload)),
};

export type Api = typeof api;
