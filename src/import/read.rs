//! Reading a file from disk with bounded memory: only regular files, the size
//! checked from metadata before reading, and never more than the limit plus one
//! byte read, so a device (`/dev/zero`), a FIFO or a file that grows while it is
//! read cannot exhaust memory. Shared by document import (20 MB) and packet spec
//! files (1 MB).

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Why a file was not read. Each message names the path.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not a regular file (it is {what}); only documents saved as files can be read"
    )]
    NotAFile { path: String, what: &'static str },
    #[error("{path}: the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { path: String, size: u64, limit: u64 },
}

/// Reads at most `limit_bytes` bytes of the regular file at `path`.
///
/// Refuses directories, FIFOs, sockets and devices (naming what the path is), and
/// a file whose metadata says it is over the limit, before reading anything. Then
/// reads at most `limit_bytes + 1` bytes: a file that grew past the limit since its
/// metadata was read is refused too, with the size read so far.
pub fn read_limited(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    // Metadata follows symlinks: a link to a regular file is read, a link to a
    // device is refused like the device.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile {
            path: name,
            what: describe(&meta.file_type()),
        });
    }
    if meta.len() > limit_bytes {
        return Err(ReadError::TooLarge {
            path: name,
            size: meta.len(),
            limit: limit_bytes,
        });
    }
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit_bytes {
        return Err(ReadError::TooLarge {
            path: name,
            size: bytes.len() as u64,
            limit: limit_bytes,
        });
    }
    Ok(bytes)
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_char_device() {
            return "a character device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"hello").unwrap();
        assert_eq!(read_limited(&path, 5).unwrap(), b"hello");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, b"123456").unwrap();
        let err = read_limited(&path, 5).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::TooLarge {
                    size: 6,
                    limit: 5,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("big.txt"), "{err}");
    }

    #[test]
    fn a_directory_is_refused_naming_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_limited(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
        assert!(err.to_string().contains(&dir.path().display().to_string()));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        // /dev/zero never ends: reading it would exhaust memory.
        let err = read_limited(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(err.to_string().contains("character device"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe");
        let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path; no memory is shared.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let err = read_limited(&path, 10).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
    }

    #[test]
    fn a_missing_file_names_its_path() {
        let err = read_limited(Path::new("/no/such/file.txt"), 10).unwrap_err();
        assert!(matches!(err, ReadError::Io { .. }));
        assert!(err.to_string().contains("/no/such/file.txt"));
    }
}
