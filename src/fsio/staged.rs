//! A file staged beside its target: created private (0600) under a recognisable hidden
//! name, made durable, then renamed into place; removed if anything fails first. Stale
//! ones left by a killed process are swept on the next write in the same folder.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A staged file older than this is a leftover of a killed write, never a live one: even a
/// 100k-entry import or a large packet finishes in seconds.
pub const STALE_AFTER: Duration = Duration::from_secs(3600);

const PREFIX: &str = ".briefbook-";
const SUFFIX: &str = ".tmp";

/// A temporary file `.briefbook-XXXXXX.tmp` (0600) in the target's folder. Dropped without
/// [`Staged::commit`], it is deleted.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    dir: PathBuf,
}

impl Staged {
    /// Creates the staged file in `dir`, after sweeping stale ones there. The file is 0600
    /// whatever the umask, so the record's text is never readable by others, even briefly.
    pub fn new_in(dir: &Path) -> io::Result<Staged> {
        sweep_stale(dir);
        let mut builder = tempfile::Builder::new();
        builder.prefix(PREFIX).suffix(SUFFIX);
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
        let temp = builder.tempfile_in(dir)?;
        Ok(Staged {
            temp,
            dir: dir.to_path_buf(),
        })
    }

    /// Where the staged file is (to hand to SQLite, say).
    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    /// The open file, to write the content into.
    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Sets the permission bits the file will have once in place (Unix; no-op elsewhere).
    pub fn set_mode(&self, mode: u32) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            self.temp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        #[cfg(not(unix))]
        let _ = mode;
        Ok(())
    }

    /// Makes the content durable and puts it at `target` (which must be in the same
    /// folder): fsync the file, rename, fsync the folder so the rename survives a power
    /// loss. With `replace` false an existing `target` is never replaced, even one that
    /// appeared a moment ago: the error then has kind `AlreadyExists`. On any error the
    /// staged file is removed and `target` is as it was.
    pub fn commit(self, target: &Path, replace: bool) -> io::Result<()> {
        self.temp.as_file().sync_all()?;
        let dir = self.dir.clone();
        if replace {
            self.temp.persist(target).map_err(|e| e.error)?;
        } else {
            self.temp.persist_noclobber(target).map_err(|e| e.error)?;
        }
        sync_dir(&dir)
    }
}

/// Flushes a folder's entries (a rename or a new file) to disk. Only Unix can open a folder
/// for this; elsewhere the rename is as durable as the platform makes it.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes staged files (and SQLite's side files of staged databases) older than
/// [`STALE_AFTER`] from `dir`. Best effort: a file that cannot be removed is left for next
/// time. Returns how many were removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_staged_name(name) {
            continue;
        }
        // symlink_metadata: never follow a link someone planted under our name.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn is_staged_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(PREFIX) else {
        return false;
    };
    ["", "-journal", "-wal", "-shm"]
        .iter()
        .any(|side| rest.ends_with(&format!("{SUFFIX}{side}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_names_are_recognised_and_others_left_alone() {
        assert!(is_staged_name(".briefbook-a1B2c3.tmp"));
        assert!(is_staged_name(".briefbook-a1B2c3.tmp-wal"));
        assert!(!is_staged_name("briefbook-a1B2c3.tmp"));
        assert!(!is_staged_name(".briefbook-a1B2c3.tmp.pdf"));
        assert!(!is_staged_name("notes.tmp"));
    }

    #[test]
    fn a_dropped_staged_file_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let staged = Staged::new_in(dir.path()).unwrap();
        assert!(staged.path().exists());
        drop(staged);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
