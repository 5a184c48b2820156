//! Writing a rendered packet to disk: all or nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. Each names the path at fault.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} already exists; choose another name or allow replacing it")]
    Exists(PathBuf),
    #[error("cannot write there: {0} is not an existing folder")]
    MissingDir(PathBuf),
    #[error("{path} is a folder, not a file name")]
    IsDir { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half a file and a failed write leaves any old file untouched. An
/// existing file is replaced only when `force` is set.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsDir { path: path.into() });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::MissingDir(dir));
    }
    if path.exists() && !force {
        return Err(WriteError::Exists(path.into()));
    }
    let io = |source| WriteError::Io {
        path: path.into(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".briefbook-").suffix(".tmp");
    // A temporary file is private (0600) by default; the document it becomes is an
    // ordinary file the user shares, so give it the usual permissions.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(&dir).map_err(|source| WriteError::Io {
        path: dir.clone(),
        source,
    })?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    if force {
        temp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // persist_noclobber refuses to replace a file that appeared since the check above.
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.into())
            } else {
                io(e.error)
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_file_is_kept_without_force_and_replaced_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pdf");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert!(err.to_string().contains("p.pdf"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere").join("p.pdf");
        let err = write_atomic(&path, b"x", false).unwrap_err();
        assert!(matches!(err, WriteError::MissingDir(_)));
        assert!(err.to_string().contains("nowhere"), "{err}");
    }
}
