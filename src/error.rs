//! The crate's one error type.
//!
//! Library code returns [`Result`]; only the binary (and the failures table,
//! where a bad input file becomes a row) renders an error as text. Errors that
//! are the user's fault (a flag, a rules file, a locked index) map to exit
//! code 2; see [`Error::exit_code`].

use std::path::PathBuf;

/// Everything that can go wrong inside atti.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A command-line value or a combination of flags makes no sense.
    #[error("{0}")]
    Usage(String),
    /// A rules file is wrong. Points at the file, the line and column, and the rule.
    #[error("{file}:{line}:{column}: rule `{rule}`: {message}")]
    Rules {
        file: String,
        line: usize,
        column: usize,
        rule: String,
        message: String,
    },
    /// A configuration file (atti.toml, a corrections file, a report
    /// template) is wrong: the file, the line, and what to write instead.
    #[error("{file}:{line}: {message}")]
    Config {
        file: String,
        line: usize,
        message: String,
    },
    /// The PDF could not be parsed or rendered to text.
    #[error("PDF: {0}")]
    Pdf(String),
    /// A PDF that needs a password we do not have.
    #[error("PDF cifrato: serve una password per aprirlo")]
    Encrypted,
    /// A limit meant to protect the batch (size, depth, time) was hit.
    #[error("limite superato: {0}")]
    Limit(String),
    /// The extraction did not finish in time.
    #[error("tempo scaduto dopo {0} s")]
    Timeout(u64),
    /// The extraction panicked; the message is the panic payload.
    #[error("errore interno durante l'estrazione: {0}")]
    Panic(String),
    /// An office file (Word, Writer, a spreadsheet, RTF) that cannot be read:
    /// a damaged archive, malformed XML.
    #[error("file Office: {0}")]
    Office(String),
    /// The file is not of a type atti reads.
    #[error("file non letto da atti: {0}")]
    Unsupported(String),
    /// What went wrong reading one file a command was given by name (`atti
    /// extract FILE`), with the file's name before it.
    #[error("{}: {source}", path.display())]
    InFile { path: PathBuf, source: Box<Error> },
    /// Another process is writing to the index.
    #[error("indice in uso: un altro processo atti sta scrivendo in {0} (attendere che finisca)")]
    IndexLocked(PathBuf),
    /// The index is missing, unreadable or from an incompatible version.
    #[error("indice {path}: {message}")]
    Index { path: PathBuf, message: String },
    #[error("indice di ricerca: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The disk that holds the index is full.
    #[error("disco pieno: in {} restano {free_mb} MB liberi, ne servono almeno {needed_mb} (l'indice ne occupa {index_mb} e un'unione dei suoi segmenti può chiederne altrettanti). I documenti già salvati sono intatti: liberare spazio e rilanciare atti ingest", path.display())]
    DiskFull {
        path: PathBuf,
        free_mb: u64,
        needed_mb: u64,
        index_mb: u64,
    },
    #[error("ricerca: {0}")]
    Query(String),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The xlsx writer refused a value or could not write the workbook.
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

impl From<atti_pdf::Error> for Error {
    fn from(e: atti_pdf::Error) -> Self {
        match e {
            atti_pdf::Error::Malformed(m) => Error::Pdf(m),
            atti_pdf::Error::Encrypted => Error::Encrypted,
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// `self`, as it happened reading `path`.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Self {
        match self {
            e @ (Error::Io { .. } | Error::InFile { .. }) => e,
            e => Error::InFile {
                path: path.into(),
                source: Box::new(e),
            },
        }
    }

    /// The process exit code this error maps to when it ends a command:
    /// 2 for usage and configuration errors, 2 for anything else too, since
    /// exit code 1 is reserved for "findings at or above --fail-on".
    pub fn exit_code(&self) -> i32 {
        2
    }

    /// True when the error is stdout closed by the reader (`atti ... | head`),
    /// which ends a command quietly rather than as an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
