//! Where the passphrase of an encrypted record comes from on the command line: a prompt on
//! the terminal (no echo), a file (`--passphrase-file FILE`) or the `BRIEFBOOK_PASSPHRASE`
//! environment variable; never an argument, which every local user can read in the process
//! list. The passphrase lives only in memory and is wiped when dropped.

use std::io::Read;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The environment variable a script sets to pass the passphrase.
pub const ENV_VAR: &str = "BRIEFBOOK_PASSPHRASE";

/// A passphrase file larger than this is not a passphrase file (checked before reading).
pub const MAX_FILE_BYTES: u64 = 4096;

/// A passphrase held in memory only; its bytes are overwritten when it is dropped, and
/// `Debug` never shows it.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Takes `text` as a passphrase. Refuses an empty one: an empty key means "no
    /// encryption" to SQLCipher, which would silently write plain text.
    pub fn new(text: String) -> Result<Passphrase, PassphraseError> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(PassphraseError::Empty);
        }
        if text.contains('\0') {
            return Err(PassphraseError::Nul);
        }
        Ok(Passphrase(text))
    }

    /// The passphrase's text, for handing to SQLCipher.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// Why no passphrase could be had; each message says where it was looked for.
#[derive(Debug, thiserror::Error)]
pub enum PassphraseError {
    #[error("the passphrase is empty")]
    Empty,
    #[error("the passphrase contains a NUL character")]
    Nul,
    #[error("cannot read the passphrase file {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("the record is encrypted and no passphrase was given: type it at the prompt, or pass --passphrase-file FILE or set {ENV_VAR}")]
    Missing,
    #[error("cannot read the passphrase from the terminal: {0}")]
    Terminal(String),
    #[error("the two passphrases differ; nothing was changed")]
    Mismatch,
}

impl PassphraseError {
    /// The stable code the app and the CLI branch on.
    pub fn code(&self) -> &'static str {
        match self {
            PassphraseError::File { .. } | PassphraseError::Terminal(_) => "io",
            _ => "validation",
        }
    }
}

/// Where the command line takes the passphrase from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassphraseSource {
    /// `--passphrase-file FILE`.
    File(PathBuf),
    /// `BRIEFBOOK_PASSPHRASE`.
    Env,
    /// A prompt on the terminal, without echo.
    Prompt,
}

impl PassphraseSource {
    /// The source the command line uses: the file if one was named, else the environment
    /// variable if set, else the terminal prompt.
    pub fn choose(file: Option<&Path>) -> PassphraseSource {
        match file {
            Some(path) => PassphraseSource::File(path.to_path_buf()),
            None if std::env::var_os(ENV_VAR).is_some() => PassphraseSource::Env,
            None => PassphraseSource::Prompt,
        }
    }

    /// Reads the passphrase; `prompt` is shown on the terminal (e.g. "Passphrase for
    /// briefbook.db: "). With `confirm` the prompt asks twice and the answers must match
    /// (for a new passphrase); files and the environment are taken as given.
    pub fn read(&self, prompt: &str, confirm: bool) -> Result<Passphrase, PassphraseError> {
        match self {
            PassphraseSource::File(path) => from_file(path),
            PassphraseSource::Env => {
                let value = std::env::var(ENV_VAR).map_err(|_| PassphraseError::Missing)?;
                Passphrase::new(value)
            }
            PassphraseSource::Prompt => {
                let first = ask(prompt)?;
                if confirm && ask("Type it again: ")?.expose() != first.expose() {
                    return Err(PassphraseError::Mismatch);
                }
                Ok(first)
            }
        }
    }
}

fn ask(prompt: &str) -> Result<Passphrase, PassphraseError> {
    // Without a terminal (a script, a pipe) there is nobody to ask: say where else the
    // passphrase can come from rather than fail on /dev/tty.
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(PassphraseError::Missing);
    }
    // rpassword reads from the controlling terminal with echo off, and restores it.
    let text =
        rpassword::prompt_password(prompt).map_err(|e| PassphraseError::Terminal(e.to_string()))?;
    Passphrase::new(text)
}

/// Reads a passphrase file: a regular file of at most [`MAX_FILE_BYTES`], UTF-8, one trailing
/// newline (`\n` or `\r\n`) removed; the rest is the passphrase, spaces included.
pub fn from_file(path: &Path) -> Result<Passphrase, PassphraseError> {
    let fail = |message: String| PassphraseError::File {
        path: path.to_path_buf(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail("it is not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "it holds {} bytes; a passphrase file holds at most {MAX_FILE_BYTES}",
            meta.len()
        )));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail("it grew past the size limit while being read".into()));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| fail("it is not UTF-8 text".into()))?;
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    Passphrase::new(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_file_loses_one_trailing_newline_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, " two words \r\n").unwrap();
        assert_eq!(from_file(&path).unwrap().expose(), " two words ");
        std::fs::write(&path, "x\n\n").unwrap();
        assert_eq!(from_file(&path).unwrap().expose(), "x\n");
    }

    #[test]
    fn large_empty_and_missing_passphrase_files_are_refused_with_their_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, "a".repeat(5000)).unwrap();
        let err = from_file(&path).unwrap_err();
        assert!(err.to_string().contains("at most 4096"), "{err}");
        std::fs::write(&path, "\n").unwrap();
        assert!(matches!(from_file(&path), Err(PassphraseError::Empty)));
        let err = from_file(&dir.path().join("none")).unwrap_err();
        assert!(err.to_string().contains("none"), "{err}");
        assert!(from_file(dir.path()).is_err());
    }

    #[test]
    fn without_a_terminal_the_prompt_names_the_other_sources() {
        // Under `cargo test` stdin is not a terminal unless run by hand from one.
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            return;
        }
        let err = PassphraseSource::Prompt
            .read("Passphrase: ", false)
            .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("--passphrase-file") && message.contains(ENV_VAR));
    }

    #[test]
    fn debug_never_shows_the_passphrase() {
        let p = Passphrase::new("secret words".into()).unwrap();
        assert!(!format!("{p:?}").contains("secret"));
    }
}
