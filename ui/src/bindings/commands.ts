// Generated from the command contract (src-tauri/src/commands/mod.rs) by
// src-tauri/src/bindings.rs. Do not edit: regenerate with
// `UPDATE_BINDINGS=1 cargo test -p briefbook-app --test bindings`.

import { call, progressChannel } from "../ipc";
import type { BackupRow } from "./BackupRow";
import type { DatabaseInfo } from "./DatabaseInfo";
import type { DateReading } from "./DateReading";
import type { EntryChange } from "./EntryChange";
import type { EntryDate } from "./EntryDate";
import type { EntryQuery } from "./EntryQuery";
import type { EntryRow } from "./EntryRow";
import type { EntryView } from "./EntryView";
import type { ExportRequest } from "./ExportRequest";
import type { ExportResult } from "./ExportResult";
import type { FileKind } from "./FileKind";
import type { HistoryEvent } from "./HistoryEvent";
import type { ImportInput } from "./ImportInput";
import type { ImportPreview } from "./ImportPreview";
import type { InitiativeChange } from "./InitiativeChange";
import type { Lang } from "./Lang";
import type { Meeting } from "./Meeting";
import type { MeetingChange } from "./MeetingChange";
import type { MeetingRow } from "./MeetingRow";
import type { MergeReport } from "./MergeReport";
import type { NewEntry } from "./NewEntry";
import type { NewMeeting } from "./NewMeeting";
import type { NoteKind } from "./NoteKind";
import type { NoteTarget } from "./NoteTarget";
import type { Outline } from "./Outline";
import type { PacketSpec } from "./PacketSpec";
import type { PacketSummary } from "./PacketSummary";
import type { PairChoice } from "./PairChoice";
import type { Progress } from "./Progress";
import type { Record } from "./Record";
import type { SavedSpec } from "./SavedSpec";
import type { SearchHit } from "./SearchHit";
import type { TextKind } from "./TextKind";
import type { TranslationGroup } from "./TranslationGroup";
import type { TranslationPreview } from "./TranslationPreview";
import type { TranslationReport } from "./TranslationReport";
import type { TranslationRow } from "./TranslationRow";

/** Every command the desktop shell offers, typed. */
export const commands = {
  openDatabase: (path: string | null): Promise<DatabaseInfo> =>
    call("open_database", { path }),
  databaseInfo: (): Promise<DatabaseInfo> =>
    call("database_info"),
  unlockDatabase: (passphrase: string): Promise<DatabaseInfo> =>
    call("unlock_database", { passphrase }),
  listBackups: (): Promise<Array<BackupRow>> =>
    call("list_backups"),
  backupNow: (): Promise<string> =>
    call("backup_now"),
  restoreLastBackup: (): Promise<DatabaseInfo> =>
    call("restore_last_backup"),
  restoreBackup: (path: string): Promise<DatabaseInfo> =>
    call("restore_backup", { path }),
  exportJson: (path: string): Promise<null> =>
    call("export_json", { path }),
  uiReady: (): Promise<null> =>
    call("ui_ready"),
  pickSavePath: (suggestedName: string, kind: FileKind): Promise<string | null> =>
    call("pick_save_path", { suggestedName, kind }),
  pickOpenPath: (kind: FileKind): Promise<string | null> =>
    call("pick_open_path", { kind }),
  openExported: (path: string): Promise<null> =>
    call("open_exported", { path }),
  loadRecord: (): Promise<Record> =>
    call("load_record"),
  recordOutline: (): Promise<Outline> =>
    call("record_outline"),
  initiativeEntries: (initiativeId: number): Promise<Array<EntryView>> =>
    call("initiative_entries", { initiativeId }),
  entry: (id: number): Promise<EntryView> =>
    call("entry", { id }),
  dialogueEntries: (dialogueId: number): Promise<Array<EntryView>> =>
    call("dialogue_entries", { dialogueId }),
  createDialogueEntry: (dialogueId: number, entry: NewEntry): Promise<EntryView> =>
    call("create_dialogue_entry", { dialogueId, entry }),
  listEntries: (filter: EntryQuery): Promise<Array<EntryRow>> =>
    call("list_entries", { filter }),
  updateEntry: (id: number, changes: Array<EntryChange>): Promise<EntryView> =>
    call("update_entry", { id, changes }),
  createEntry: (initiativeId: number, entry: NewEntry): Promise<EntryView> =>
    call("create_entry", { initiativeId, entry }),
  deleteEntry: (id: number): Promise<null> =>
    call("delete_entry", { id }),
  updateInitiative: (id: number, changes: Array<InitiativeChange>): Promise<null> =>
    call("update_initiative", { id, changes }),
  addNote: (target: NoteTarget, kind: NoteKind, text: string): Promise<number> =>
    call("add_note", { target, kind, text }),
  deleteNote: (id: number): Promise<null> =>
    call("delete_note", { id }),
  undoLast: (): Promise<string | null> =>
    call("undo_last"),
  readDate: (text: string, lang: Lang): Promise<DateReading> =>
    call("read_date", { text, lang }),
  dateWords: (dates: Array<EntryDate>, lang: Lang): Promise<Array<string>> =>
    call("date_words", { dates, lang }),
  history: (since: string | null): Promise<Array<HistoryEvent>> =>
    call("history", { since }),
  search: (query: string, limit: number): Promise<Array<SearchHit>> =>
    call("search", { query, limit }),
  previewImport: (input: ImportInput, onProgress?: (progress: Progress) => void): Promise<ImportPreview> =>
    call("preview_import", { input, progress: progressChannel(onProgress) }),
  applyImport: (token: string, onProgress?: (progress: Progress) => void): Promise<MergeReport> =>
    call("apply_import", { token, progress: progressChannel(onProgress) }),
  previewTranslation: (input: ImportInput, dialogue: string | null): Promise<TranslationPreview> =>
    call("preview_translation", { input, dialogue }),
  applyTranslation: (token: string, choice: PairChoice): Promise<TranslationReport> =>
    call("apply_translation", { token, choice }),
  packetSummary: (spec: PacketSpec): Promise<PacketSummary> =>
    call("packet_summary", { spec }),
  exportPacket: (request: ExportRequest, onProgress?: (progress: Progress) => void): Promise<ExportResult> =>
    call("export_packet", { request, progress: progressChannel(onProgress) }),
  saveSpec: (name: string, spec: PacketSpec): Promise<null> =>
    call("save_spec", { name, spec }),
  savedSpecs: (): Promise<Array<SavedSpec>> =>
    call("saved_specs"),
  deleteSpec: (name: string): Promise<null> =>
    call("delete_spec", { name }),
  lastPacketDay: (): Promise<string | null> =>
    call("last_packet_day"),
  agencyKeys: (): Promise<Array<string>> =>
    call("agency_keys"),
  listMeetings: (dialogue: string | null): Promise<Array<MeetingRow>> =>
    call("list_meetings", { dialogue }),
  meeting: (id: number): Promise<Meeting> =>
    call("meeting", { id }),
  createMeeting: (dialogue: string | null, meeting: NewMeeting): Promise<Meeting> =>
    call("create_meeting", { dialogue, meeting }),
  updateMeeting: (id: number, changes: Array<MeetingChange>): Promise<Meeting> =>
    call("update_meeting", { id, changes }),
  saveMeeting: (id: number, meeting: Meeting): Promise<Meeting> =>
    call("save_meeting", { id, meeting }),
  deleteMeeting: (id: number): Promise<null> =>
    call("delete_meeting", { id }),
  exportMeetingIcs: (id: number, path: string): Promise<string> =>
    call("export_meeting_ics", { id, path }),
  addAnsweredNote: (target: NoteTarget, kind: NoteKind, text: string, answer: string | null): Promise<number> =>
    call("add_answered_note", { target, kind, text, answer }),
  translationGroups: (): Promise<Array<TranslationGroup>> =>
    call("translation_groups"),
  translationTexts: (dialogueId: number, pillarId: number | null): Promise<Array<TranslationRow>> =>
    call("translation_texts", { dialogueId, pillarId }),
  setTranslation: (kind: TextKind, id: number, textEs: string | null): Promise<null> =>
    call("set_translation", { kind, id, textEs }),
};
