//! Briefbook core: the dialogue record, its store, importers, packet assembly and PDF
//! rendering. Knows nothing of Tauri; the desktop shell and the CLI call into it.

pub mod app;
pub mod builtin;
#[cfg(feature = "cli")]
pub mod cli;
pub mod fsio;
pub mod import;
pub mod interchange;
pub mod model;
pub mod packet;
pub mod render;
pub mod store;
pub mod synthetic;
