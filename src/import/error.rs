//! Why a document could not be read. Each message names the file and the problem.

/// A document refused before parsing. Parsing itself never fails: what it cannot
/// recognise becomes a warning in [`super::ParsedDocument`].
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{name}: cannot read the file: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{name}: not a regular file (it is {what}); save the document as a file and import that"
    )]
    NotAFile { name: String, what: &'static str },
    #[error("{name}: the document is empty")]
    Empty { name: String },
    #[error("{name}: the document is {size} bytes, over the {limit}-byte limit (20 MB)")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("{name}: this looks like a binary file, not text ({reason})")]
    Binary { name: String, reason: String },
    #[error("{name}: the text cannot be decoded as {encoding}: {detail}")]
    Undecodable {
        name: String,
        encoding: &'static str,
        detail: String,
    },
    /// A PDF with no text layer: a scanned page is an image until OCR reads it.
    #[error("{name}: this PDF has no text layer (it looks like a scan); run OCR on it, or paste its text")]
    NoText { name: String },
    /// The text parsed, but states no dialogue: no pillars and no statement of what
    /// was done or planned (a greeting, a list, data). Same wording in the CLI and app.
    #[error("{name}: no dialogue structure found: {reason}")]
    NoStructure { name: String, reason: String },
}
