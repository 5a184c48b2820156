//! The one safe writer: every document, export and copy Briefbook writes goes through
//! [`write_file`] (or [`write_with`] for content produced on the fly).
//!
//! Promises: a reader never sees half a file and a failed write leaves the old file as it
//! was (temporary file beside the target, fsync, rename, folder fsync); the record's text is
//! never readable by others, even in the temporary file (0600); a symlink stays a link and
//! its target receives the content; an existing file keeps its permissions; a folder, FIFO,
//! device or socket is refused, never replaced.

use super::staged::Staged;
use super::target::{parent_dir, resolve_target, TargetKind};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Permissions for a file the write creates (an existing file keeps its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 0644: a document the user shares (a packet PDF, an export handed on).
    Shared,
    /// 0600: record data (a database, a backup, a private export).
    Private,
}

impl Mode {
    fn bits(self) -> u32 {
        match self {
            Mode::Shared => 0o644,
            Mode::Private => 0o600,
        }
    }
}

/// How [`write_file`] treats the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace an existing regular file's content; when false an existing file is refused
    /// with [`WriteError::Exists`] and left untouched.
    pub replace: bool,
    /// Permissions of a file created by the write.
    pub mode: Mode,
}

impl WriteOptions {
    /// A shared document (0644 when new) that must not exist yet.
    pub fn shared() -> Self {
        WriteOptions {
            replace: false,
            mode: Mode::Shared,
        }
    }

    /// Record data (0600 when new) that must not exist yet.
    pub fn private() -> Self {
        WriteOptions {
            replace: false,
            mode: Mode::Private,
        }
    }

    /// The same options, allowing (or not) an existing file to be replaced.
    pub fn replacing(self, replace: bool) -> Self {
        WriteOptions { replace, ..self }
    }
}

/// Why a file was not written. Each message names the path and the problem; the target is
/// unchanged and no temporary file is left behind.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} already exists; choose another name or allow replacing it")]
    Exists(PathBuf),
    #[error("cannot write {path}: the folder {dir} does not exist")]
    MissingDir { path: PathBuf, dir: PathBuf },
    #[error("cannot write {path}: it is {kind}, not a regular file; choose a file name")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("cannot write {0}: it does not name a file")]
    NoFileName(PathBuf),
    #[error("cannot write {path}: {message}")]
    Io { path: PathBuf, message: String },
}

impl WriteError {
    /// The stable code the app and the CLI branch on (`conflict`, `validation`, `io`).
    pub fn code(&self) -> &'static str {
        match self {
            WriteError::Exists(_) => "conflict",
            WriteError::NotRegular { .. } | WriteError::NoFileName(_) => "validation",
            WriteError::MissingDir { .. } | WriteError::Io { .. } => "io",
        }
    }
}

/// Writes `bytes` to `path` safely (see the module doc). Returns the file actually written:
/// `path`, or the file a symlink at `path` leads to.
pub fn write_file(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<PathBuf, WriteError> {
    write_with(path, options, |out| out.write_all(bytes))
}

/// Like [`write_file`], with the content written by `fill` into a buffered writer, so large
/// content need not be held in memory twice. An error from `fill` aborts the write.
pub fn write_with(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    let io_error = |message: String| WriteError::Io {
        path: path.to_path_buf(),
        message,
    };
    if path.file_name().is_none() {
        return Err(WriteError::NoFileName(path.to_path_buf()));
    }
    let (target, kind) = resolve_target(path).map_err(|e| io_error(e.to_string()))?;
    let existing = match kind {
        TargetKind::Missing => None,
        TargetKind::File if !options.replace => return Err(WriteError::Exists(path.into())),
        TargetKind::File => std::fs::metadata(&target).ok(),
        other => {
            return Err(WriteError::NotRegular {
                path: path.to_path_buf(),
                kind: other.describe(),
            })
        }
    };
    let dir = parent_dir(&target);
    if !dir.is_dir() {
        return Err(WriteError::MissingDir {
            path: path.to_path_buf(),
            dir,
        });
    }
    let mut staged = Staged::new_in(&dir).map_err(|e| {
        io_error(format!(
            "cannot create a file in the folder {}: {}",
            dir.display(),
            plain(&e)
        ))
    })?;
    let written = {
        let mut out = BufWriter::new(staged.file());
        fill(&mut out).and_then(|()| out.flush())
    };
    written.map_err(|e| io_error(plain(&e)))?;
    keep_mode_and_owner(&staged, existing.as_ref(), options.mode)
        .map_err(|e| io_error(plain(&e)))?;
    staged
        .commit(&target, options.replace)
        .map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => WriteError::Exists(path.into()),
            _ => io_error(plain(&e)),
        })?;
    Ok(target)
}

/// Gives the staged file the permissions (and, where allowed, the owner) of the file it
/// replaces, or `mode` for a new file.
fn keep_mode_and_owner(
    staged: &Staged,
    existing: Option<&std::fs::Metadata>,
    mode: Mode,
) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let Some(meta) = existing else {
            return staged.set_mode(mode.bits());
        };
        // Permission bits only: a replaced file never turns set-id through us.
        staged.set_mode(meta.permissions().mode() & 0o777)?;
        let file = std::fs::File::open(staged.path())?;
        // Only root may give a file away; for anyone else the file was theirs anyway.
        let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let _ = (existing, mode.bits());
        staged.set_mode(0)
    }
}

/// An I/O error's text without the "(os error N)" tail, which says nothing to a user.
fn plain(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
