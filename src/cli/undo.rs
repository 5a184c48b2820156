//! `briefbook undo`: revert the latest change a person made (in the app or here).

use crate::app;
use crate::store::Store;
use anyhow::Result;

pub fn run(store: &mut Store) -> Result<()> {
    match app::record::undo(store)? {
        Some(what) => outln!("Undone: {what}"),
        None => errln!("Nothing to undo."),
    }
    Ok(())
}
