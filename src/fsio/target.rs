//! What a write target is before anything is written: the file a symlink leads to, and
//! whether that is a regular file, missing, or something a document must never replace.

use std::io;
use std::path::{Path, PathBuf};

/// Symlinks followed before giving up (the same bound as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// What lies at a resolved target path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Nothing yet: the write creates the file.
    Missing,
    /// A regular file: the write replaces its content (when replacing is allowed).
    File,
    Directory,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    /// Anything else the platform reports.
    Other,
}

impl TargetKind {
    /// How the message names this kind of thing ("a folder", "a named pipe (FIFO)", ...).
    pub fn describe(self) -> &'static str {
        match self {
            TargetKind::Missing => "missing",
            TargetKind::File => "a regular file",
            TargetKind::Directory => "a folder",
            TargetKind::Fifo => "a named pipe (FIFO)",
            TargetKind::CharDevice => "a character device",
            TargetKind::BlockDevice => "a block device",
            TargetKind::Socket => "a socket",
            TargetKind::Other => "not a regular file",
        }
    }

    fn of(meta: &std::fs::Metadata) -> TargetKind {
        let kind = meta.file_type();
        if kind.is_file() {
            return TargetKind::File;
        }
        if kind.is_dir() {
            return TargetKind::Directory;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return TargetKind::Fifo;
            }
            if kind.is_char_device() {
                return TargetKind::CharDevice;
            }
            if kind.is_block_device() {
                return TargetKind::BlockDevice;
            }
            if kind.is_socket() {
                return TargetKind::Socket;
            }
        }
        TargetKind::Other
    }
}

/// Follows `path` through any symlinks to the file a write should change, and says what is
/// there. A dangling link resolves to the missing file it names, so writing through it
/// creates that file and the link stays a link.
///
/// Errors: a loop of links (`ELOOP`-like, kind `Other`), or metadata that cannot be read.
pub fn resolve_target(path: &Path) -> io::Result<(PathBuf, TargetKind)> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((current, TargetKind::Missing))
            }
            Err(e) => return Err(e),
        };
        if !meta.file_type().is_symlink() {
            return Ok((current, TargetKind::of(&meta)));
        }
        let link = std::fs::read_link(&current)?;
        current = match current.parent() {
            Some(parent) if link.is_relative() => parent.join(link),
            _ => link,
        };
    }
    Err(io::Error::other(format!(
        "{} leads through more than {MAX_LINKS} symbolic links",
        path.display()
    )))
}

/// The folder a file at `path` lives in (`.` for a bare name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
