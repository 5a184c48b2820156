//! A file staged beside its target: created private (0600) under a recognisable hidden
//! name, made durable, then renamed into place; removed if anything fails first. Ones left
//! by a killed process are swept on the next write in the same folder: at once where the
//! owner's lock shows it is gone (Unix), otherwise once stale.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A staged file older than this is a leftover of a killed write, never a live one: even a
/// 100k-entry import or a large packet finishes in seconds. (Where file locks work, a
/// leftover is known as one at once: see [`sweep_stale`].)
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
        // The owner holds an exclusive lock for the file's whole life, so a sweep in
        // another process can tell a live staged file from one a killed process left. A
        // sweep may remove the file between its creation and the lock: then make another.
        let mut attempts = 0;
        loop {
            let temp = builder.tempfile_in(dir)?;
            attempts += 1;
            if owner_lock::hold(temp.as_file(), temp.path()) || attempts == 3 {
                return Ok(Staged {
                    temp,
                    dir: dir.to_path_buf(),
                });
            }
        }
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

/// Removes staged files (and SQLite's side files of staged databases) left by writes that
/// ended without finishing: older than [`STALE_AFTER`], or (Unix) no longer locked by a
/// living owner, with their side files; side files whose staged file is gone. Best effort:
/// a file that cannot be removed is left for next time. Returns how many were removed.
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
        if !meta.is_file() {
            continue;
        }
        let path = entry.path();
        if !name.ends_with(SUFFIX) {
            // A side file: kept while its staged database is there (the sweep of that
            // file takes it along).
            if (old || side_file_orphaned(&path)) && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
            continue;
        }
        // The lock is held while the file is removed, so no owner can take it anew.
        let lock = if old {
            None
        } else {
            match owner_lock::abandoned(&path) {
                Some(lock) => Some(lock),
                None => continue,
            }
        };
        if std::fs::remove_file(&path).is_err() {
            continue;
        }
        drop(lock);
        removed += 1;
        for side in ["-journal", "-wal", "-shm"] {
            let mut side_path = path.clone().into_os_string();
            side_path.push(side);
            if std::fs::remove_file(side_path).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// A side file (`….tmp-wal`) whose staged database is gone: nothing can use it any more.
fn side_file_orphaned(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    match text.rfind(SUFFIX) {
        Some(end) if !text.ends_with(SUFFIX) => !Path::new(&text[..end + SUFFIX.len()]).exists(),
        _ => false,
    }
}

/// The advisory lock a staged file's owner holds (`flock`, released by the kernel when the
/// process ends, however it ends). Where locks do not work, nothing is known abandoned
/// and the age rule alone applies.
mod owner_lock {
    use std::fs::File;
    use std::path::Path;

    /// Locks `file` for its owner; false when `path` no longer names it (a sweep took it).
    #[cfg(unix)]
    pub fn hold(file: &File, path: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        use std::os::unix::io::AsRawFd;
        // Blocking: a sweep holds the lock only while it removes the file.
        // SAFETY: flock on a descriptor this File owns; no memory is involved.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return true;
        }
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
            _ => false,
        }
    }

    #[cfg(not(unix))]
    pub fn hold(_file: &File, _path: &Path) -> bool {
        true
    }

    /// The file opened and locked when no living process holds its lock; `None` when one
    /// does, or when that cannot be told.
    #[cfg(unix)]
    pub fn abandoned(path: &Path) -> Option<File> {
        use std::os::unix::io::AsRawFd;
        let file = File::open(path).ok()?;
        // SAFETY: as above.
        let locked = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        (locked == 0).then_some(file)
    }

    #[cfg(not(unix))]
    pub fn abandoned(_path: &Path) -> Option<File> {
        None
    }
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
    fn a_staged_file_whose_owner_is_gone_is_swept_at_once_and_a_live_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let live = Staged::new_in(dir.path()).unwrap();
        // A file of the staged kind that no process holds: what a killed write leaves.
        let left = dir.path().join(".briefbook-k1ll3d.tmp");
        std::fs::write(&left, "half a record").unwrap();
        let left_wal = dir.path().join(".briefbook-k1ll3d.tmp-wal");
        std::fs::write(&left_wal, "wal").unwrap();
        let orphan_shm = dir.path().join(".briefbook-0rphan.tmp-shm");
        std::fs::write(&orphan_shm, "shm").unwrap();
        assert_eq!(sweep_stale(dir.path()), 3);
        assert!(live.path().exists(), "a live staged file is never swept");
        assert!(!left.exists() && !left_wal.exists() && !orphan_shm.exists());
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
