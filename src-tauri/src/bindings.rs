//! The TypeScript side of the command contract, written into `ui/src/bindings/`: one file
//! per Rust type that crosses IPC (by ts-rs) and `commands.ts`, the typed client generated
//! from [`crate::commands::contract`]. The files are committed; the `bindings_are_current`
//! test fails when they differ from what the Rust code says (regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p briefbook-app --test bindings`).

use std::collections::BTreeSet;
use std::path::Path;
use ts_rs::{ExportError, TypeVisitor, TS};

/// The client file's name inside the bindings folder.
pub const CLIENT_FILE: &str = "commands.ts";

/// The TypeScript type of `T`. Row ids (`Id`, an `i64`) are command arguments and
/// results too: they reach the UI as JSON numbers far below 2^53, so they are `number`,
/// as the `ts(as = "f64")` on every id field says for the bindings (an optional id,
/// `bigint | null`, is `number | null`).
pub fn ts_name<T: TS + 'static + ?Sized>() -> String {
    T::name().replace("bigint", "number")
}

/// Adds the exported (named) types `T` is made of to `into`: `T` itself and its
/// generic arguments (`Vec<SearchHit>` uses `SearchHit`).
pub fn named_types<T: TS + 'static + ?Sized>(into: &mut Vec<String>) {
    struct Collect<'a>(&'a mut Vec<String>);
    impl TypeVisitor for Collect<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            named_types::<U>(self.0);
        }
    }
    if T::output_path().is_some() {
        into.push(T::ident());
    }
    T::visit_generics(&mut Collect(into));
}

/// Writes every binding (and the types they use) and the command client into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    use briefbook::app;
    use briefbook::model as m;
    use briefbook::store as s;
    app::Error::export_all_to(dir)?;
    app::Progress::export_all_to(dir)?;
    app::backup::DatabaseInfo::export_all_to(dir)?;
    app::backup::BackupRow::export_all_to(dir)?;
    crate::commands::files::FileKind::export_all_to(dir)?;
    app::record::EntryChange::export_all_to(dir)?;
    app::translations::TextKind::export_all_to(dir)?;
    app::translations::TranslationRow::export_all_to(dir)?;
    app::translations::TranslationGroup::export_all_to(dir)?;
    app::record::InitiativeChange::export_all_to(dir)?;
    app::import::ImportInput::export_all_to(dir)?;
    app::import::ImportPreview::export_all_to(dir)?;
    app::import::translation::TranslationPreview::export_all_to(dir)?;
    app::import::translation::PairChoice::export_all_to(dir)?;
    app::import::translation::TranslationReport::export_all_to(dir)?;
    app::packets::PacketSummary::export_all_to(dir)?;
    app::packets::ExportRequest::export_all_to(dir)?;
    app::packets::ExportResult::export_all_to(dir)?;
    m::Record::export_all_to(dir)?;
    m::HistoryEvent::export_all_to(dir)?;
    m::DateReading::export_all_to(dir)?;
    m::NoteKind::export_all_to(dir)?;
    m::Lang::export_all_to(dir)?;
    s::EntryQuery::export_all_to(dir)?;
    s::EntryRow::export_all_to(dir)?;
    s::Outline::export_all_to(dir)?;
    s::EntryView::export_all_to(dir)?;
    s::NewEntry::export_all_to(dir)?;
    s::NoteTarget::export_all_to(dir)?;
    s::SearchHit::export_all_to(dir)?;
    s::MergeReport::export_all_to(dir)?;
    s::SavedSpec::export_all_to(dir)?;
    briefbook::packet::PacketSpec::export_all_to(dir)?;
    app::meetings::MeetingRow::export_all_to(dir)?;
    app::meetings::NewMeeting::export_all_to(dir)?;
    app::meetings::MeetingChange::export_all_to(dir)?;
    std::fs::write(dir.join(CLIENT_FILE), client())?;
    Ok(())
}

fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The typed client: one function per command, named in camelCase, taking the
/// command's arguments and resolving to its result (or rejecting with an `Error`).
pub fn client() -> String {
    let commands = crate::commands::contract();
    let mut uses: BTreeSet<String> = BTreeSet::new();
    let mut body = String::new();
    for command in &commands {
        uses.extend(command.uses.iter().cloned());
        let mut params: Vec<String> = command
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", camel_case(name)))
            .collect();
        let mut fields: Vec<String> = command.args.iter().map(|(n, _)| camel_case(n)).collect();
        if command.progress {
            params.push("onProgress?: (progress: Progress) => void".into());
            fields.push("progress: progressChannel(onProgress)".into());
            uses.insert("Progress".into());
        }
        let args = if fields.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", fields.join(", "))
        };
        body.push_str(&format!(
            "  {}: ({}): Promise<{}> =>\n    call(\"{}\"{args}),\n",
            camel_case(command.name),
            params.join(", "),
            command.result,
            command.name,
        ));
    }
    let mut out = String::from(
        "// Generated from the command contract (src-tauri/src/commands/mod.rs) by\n\
         // src-tauri/src/bindings.rs. Do not edit: regenerate with\n\
         // `UPDATE_BINDINGS=1 cargo test -p briefbook-app --test bindings`.\n\n\
         import { call, progressChannel } from \"../ipc\";\n",
    );
    for name in &uses {
        out.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    out.push_str(
        "\n/** Every command the desktop shell offers, typed. */\nexport const commands = {\n",
    );
    out.push_str(&body);
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_camel_case() {
        assert_eq!(camel_case("initiative_id"), "initiativeId");
        assert_eq!(camel_case("search"), "search");
    }

    #[test]
    fn the_client_declares_every_command_once_with_typed_results() {
        let client = client();
        for command in crate::commands::contract() {
            let call = format!("call(\"{}\"", command.name);
            assert_eq!(client.matches(&call).count(), 1, "{}", command.name);
        }
        assert!(
            client.contains("search: (query: string, limit: number): Promise<Array<SearchHit>>")
        );
        assert!(client.contains("progress: progressChannel(onProgress)"));
        assert!(!client.contains("bigint"));
    }
}
