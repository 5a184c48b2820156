//! The commands the UI calls, one module per domain. Each command body is one call into
//! the application layer (`briefbook::app`), run off the window's thread.
//!
//! [`contract!`] below is the one declaration of the command contract: each command's
//! name, the arguments the UI sends and the result it gets. From it come the command table
//! Tauri dispatches on, the typed TypeScript client the UI calls (`ui/src/bindings/
//! commands.ts`, see `bindings.rs`), and a compile-time check that every declared
//! signature matches its function.

pub mod files;
pub mod import;
pub mod meetings;
pub mod packets;
pub mod record;
pub mod search;
pub mod settings;
pub mod translations;
pub mod view;

use crate::state::{AppState, CmdResult};
use tauri::{AppHandle, Runtime, State};

/// One command of the contract, for the TypeScript client.
pub struct CommandSig {
    pub name: &'static str,
    /// Arguments the UI sends: Rust name and TypeScript type.
    pub args: Vec<(&'static str, String)>,
    /// Whether the command reports progress through a channel argument `progress`.
    pub progress: bool,
    /// The TypeScript type of the result.
    pub result: String,
    /// Named TypeScript types the signature uses (to import).
    pub uses: Vec<String>,
}

/// Declares the contract. Each line is
/// `module::command(injected: Type, ...; argument: Type, ... [; progress]) -> Result;`
/// where injected parameters are supplied by Tauri (state, app handle) and the rest
/// come from the UI.
macro_rules! contract {
    ($(
        $module:ident :: $name:ident (
            $($inj:ident : $injty:ty),* ;
            $($arg:ident : $ty:ty),*
            $(; $progress:ident)?
        ) -> $ret:ty;
    )*) => {
        /// The full command table, shared by the app and the mock-runtime tests.
        pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }

        /// Every command of the contract, in declaration order.
        pub fn contract() -> Vec<CommandSig> {
            vec![$(CommandSig {
                name: stringify!($name),
                args: vec![$((stringify!($arg), crate::bindings::ts_name::<$ty>())),*],
                progress: false $(|| { let _ = stringify!($progress); true })?,
                result: crate::bindings::ts_name::<$ret>(),
                uses: {
                    let mut uses = Vec::new();
                    $(crate::bindings::named_types::<$ty>(&mut uses);)*
                    crate::bindings::named_types::<$ret>(&mut uses);
                    uses
                },
            }),*]
        }

        /// Never called: it compiles only if every declared signature matches its
        /// command function (arguments in order, and the result).
        #[allow(dead_code, unused_variables, clippy::too_many_arguments)]
        fn signatures_match<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) {
            $({
                let (app, state) = (app.clone(), state.clone());
                let _ = move |$($arg: $ty,)* $($progress: tauri::ipc::Channel<briefbook::app::Progress>)?| {
                    async move {
                        let _result: CmdResult<$ret> =
                            $module::$name($(contract!(@inject $inj, app, state),)* $($arg,)* $($progress)?).await;
                    }
                };
            })*
        }
    };
    (@inject app, $app:ident, $state:ident) => { $app };
    (@inject state, $app:ident, $state:ident) => { $state };
}

use briefbook::app::backup::{BackupRow, DatabaseInfo};
use briefbook::app::dates::{EntryDate, Lang};
use briefbook::app::import::translation::{PairChoice, TranslationPreview, TranslationReport};
use briefbook::app::import::{ImportInput, ImportPreview, MergeReport};
use briefbook::app::meetings::{MeetingChange, MeetingRow, NewMeeting};
use briefbook::app::packets::{ExportRequest, ExportResult, PacketSpec, PacketSummary, SavedSpec};
use briefbook::app::record::{
    DateReading, EntryChange, EntryQuery, EntryRow, EntryView, HistoryEvent, Id, InitiativeChange,
    NewEntry, NoteKind, NoteTarget, Outline, Record,
};
use briefbook::app::search::SearchHit;
use briefbook::app::translations::{TextKind, TranslationGroup, TranslationRow};
use briefbook::model::Meeting;

contract! {
    settings::open_database(app: AppHandle<R>; path: Option<String>) -> DatabaseInfo;
    settings::database_info(app: AppHandle<R>;) -> DatabaseInfo;
    settings::unlock_database(app: AppHandle<R>; passphrase: String) -> DatabaseInfo;
    settings::list_backups(app: AppHandle<R>;) -> Vec<BackupRow>;
    settings::backup_now(app: AppHandle<R>;) -> String;
    settings::restore_last_backup(app: AppHandle<R>;) -> DatabaseInfo;
    settings::restore_backup(app: AppHandle<R>; path: String) -> DatabaseInfo;
    settings::export_json(app: AppHandle<R>; path: String) -> ();
    settings::ui_ready(state: State<'_, AppState>;) -> ();
    files::pick_save_path(app: AppHandle<R>, state: State<'_, AppState>; suggested_name: String, kind: files::FileKind) -> Option<String>;
    files::pick_open_path(app: AppHandle<R>, state: State<'_, AppState>; kind: files::FileKind) -> Option<String>;
    files::open_exported(app: AppHandle<R>, state: State<'_, AppState>; path: String) -> ();
    record::load_record(app: AppHandle<R>;) -> Record;
    record::record_outline(app: AppHandle<R>;) -> Outline;
    record::initiative_entries(app: AppHandle<R>; initiative_id: Id) -> Vec<EntryView>;
    record::entry(app: AppHandle<R>; id: Id) -> EntryView;
    record::dialogue_entries(app: AppHandle<R>; dialogue_id: Id) -> Vec<EntryView>;
    record::create_dialogue_entry(app: AppHandle<R>; dialogue_id: Id, entry: NewEntry) -> EntryView;
    record::list_entries(app: AppHandle<R>; filter: EntryQuery) -> Vec<EntryRow>;
    record::update_entry(app: AppHandle<R>; id: Id, changes: Vec<EntryChange>) -> EntryView;
    record::create_entry(app: AppHandle<R>; initiative_id: Id, entry: NewEntry) -> EntryView;
    record::delete_entry(app: AppHandle<R>; id: Id) -> ();
    record::update_initiative(app: AppHandle<R>; id: Id, changes: Vec<InitiativeChange>) -> ();
    record::add_note(app: AppHandle<R>; target: NoteTarget, kind: NoteKind, text: String) -> Id;
    record::delete_note(app: AppHandle<R>; id: Id) -> ();
    record::undo_last(app: AppHandle<R>;) -> Option<String>;
    record::read_date(; text: String, lang: Lang) -> DateReading;
    record::date_words(; dates: Vec<EntryDate>, lang: Lang) -> Vec<String>;
    record::history(app: AppHandle<R>; since: Option<String>) -> Vec<HistoryEvent>;
    search::search(app: AppHandle<R>; query: String, limit: u32) -> Vec<SearchHit>;
    import::preview_import(app: AppHandle<R>; input: ImportInput; progress) -> ImportPreview;
    import::apply_import(app: AppHandle<R>; token: String; progress) -> MergeReport;
    import::preview_translation(app: AppHandle<R>; input: ImportInput, dialogue: Option<String>) -> TranslationPreview;
    import::apply_translation(app: AppHandle<R>; token: String, choice: PairChoice) -> TranslationReport;
    packets::packet_summary(app: AppHandle<R>; spec: PacketSpec) -> PacketSummary;
    packets::export_packet(app: AppHandle<R>; request: ExportRequest; progress) -> ExportResult;
    packets::save_spec(app: AppHandle<R>; name: String, spec: PacketSpec) -> ();
    packets::saved_specs(app: AppHandle<R>;) -> Vec<SavedSpec>;
    packets::delete_spec(app: AppHandle<R>; name: String) -> ();
    packets::last_packet_day(app: AppHandle<R>;) -> Option<String>;
    view::agency_keys(app: AppHandle<R>;) -> Vec<String>;
    meetings::list_meetings(app: AppHandle<R>; dialogue: Option<String>) -> Vec<MeetingRow>;
    meetings::meeting(app: AppHandle<R>; id: Id) -> Meeting;
    meetings::create_meeting(app: AppHandle<R>; dialogue: Option<String>, meeting: NewMeeting) -> Meeting;
    meetings::update_meeting(app: AppHandle<R>; id: Id, changes: Vec<MeetingChange>) -> Meeting;
    meetings::save_meeting(app: AppHandle<R>; id: Id, meeting: Meeting) -> Meeting;
    meetings::delete_meeting(app: AppHandle<R>; id: Id) -> ();
    meetings::export_meeting_ics(app: AppHandle<R>; id: Id, path: String) -> String;
    meetings::add_answered_note(app: AppHandle<R>; target: NoteTarget, kind: NoteKind, text: String, answer: Option<String>) -> Id;
    translations::translation_groups(app: AppHandle<R>;) -> Vec<TranslationGroup>;
    translations::translation_texts(app: AppHandle<R>; dialogue_id: Id, pillar_id: Option<Id>) -> Vec<TranslationRow>;
    translations::set_translation(app: AppHandle<R>; kind: TextKind, id: Id, text_es: Option<String>) -> ();
}
