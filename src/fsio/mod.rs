//! Files on disk, written safely: the one writer every document, export and new database
//! goes through (temporary file 0600 beside the target, fsync, rename, directory fsync),
//! and where a passphrase for an encrypted record comes from.
//!
//! Nothing here knows the record; the store, the packet export and both faces call it.

mod staged;
mod target;
mod write;

pub mod passphrase;

pub use passphrase::{Passphrase, PassphraseError, PassphraseSource};
pub use staged::{sweep_stale, sync_dir, Staged, STALE_AFTER};
pub use target::{parent_dir, resolve_target, TargetKind};
pub use write::{write_file, write_with, Mode, WriteError, WriteOptions};
