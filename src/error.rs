//! Errors. Only building an [`Extractor`](crate::Extractor) can fail: extraction never does.

use std::path::PathBuf;

/// Result alias for the fallible, build-time part of the API.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why building an extractor failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A bad line in a data file (gazetteer, rules, language data).
    #[error("{}:{line}: {kind}", path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        kind: DataError,
    },
    /// A data file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Several errors: every bad line of one build is reported at once.
    #[error("{}", list(.0))]
    Many(Vec<Error>),
}

fn list(errors: &[Error]) -> String {
    errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// Gathers errors into one: `None` when there are none, the error itself when there is one.
    pub(crate) fn gather(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Many(errors)),
        }
    }

    /// Every error as a flat list (a [`Error::Many`] is opened).
    pub fn flatten(&self) -> Vec<&Error> {
        match self {
            Error::Many(v) => v.iter().flat_map(|e| e.flatten()).collect(),
            e => vec![e],
        }
    }
}

/// What is wrong with one line of a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// The line has the wrong number of columns.
    #[error("expected {expected} tab-separated columns, found {found}")]
    Columns {
        /// As the header says.
        expected: usize,
        /// As the line has.
        found: usize,
    },
    /// The header line is not the one the file kind needs.
    #[error("expected the header {expected:?}, found {found:?}")]
    Header {
        /// The right header.
        expected: String,
        /// The header found.
        found: String,
    },
    /// A required cell is empty.
    #[error("column {column} is empty")]
    Empty {
        /// Column name.
        column: &'static str,
    },
    /// A date is not `YYYY-MM-DD`.
    #[error("bad date {value:?} in column {column}, expected YYYY-MM-DD (or YYYY-MM, YYYY when the day is not known)")]
    Date {
        /// Column name.
        column: &'static str,
        /// The bad value.
        value: String,
    },
    /// A number is not a non-negative integer.
    #[error("bad number {value:?} in column {column}")]
    Number {
        /// Column name.
        column: &'static str,
        /// The bad value.
        value: String,
    },
    /// An id refers to a country that is not in `countries.tsv`.
    #[error("unknown country {0:?}, not in countries.tsv")]
    UnknownCountry(String),
    /// An id refers to a person that is not in `persons.tsv`.
    #[error("unknown person {0:?}, not in persons.tsv")]
    UnknownPerson(String),
    /// The holder of an office is neither a country nor an organization.
    #[error("unknown country or organization {0:?}")]
    UnknownHolder(String),
    /// A kind/role/tag value is not one of the known ones.
    #[error("unknown {what} {value:?}, expected one of {expected}")]
    Unknown {
        /// What the value names ("role", "language tag", …).
        what: &'static str,
        /// The bad value.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// The id is already defined.
    #[error("duplicate id {id:?}, first defined at line {first}")]
    Duplicate {
        /// The id.
        id: String,
        /// Line of the first definition.
        first: usize,
    },
    /// An id does not follow the contract's shape.
    #[error("bad id {id:?}: {expected}")]
    BadId {
        /// The id.
        id: String,
        /// The shape it should have.
        expected: &'static str,
    },
    /// A term of office ends before it starts.
    #[error("term ends {end} before it starts {start}")]
    TermOrder {
        /// Start date.
        start: String,
        /// End date.
        end: String,
    },
    /// A surface folds to nothing.
    #[error("surface {0:?} is empty after folding")]
    EmptySurface(String),
    /// A TOML file (rules, language data) does not parse or does not fit its schema.
    #[error("{0}")]
    Toml(String),
    /// A rule's example gave another result than it says.
    #[error("{rule}: example {index} {problem}")]
    Example {
        /// The rule id.
        rule: String,
        /// 1-based example number within the rule.
        index: usize,
        /// What differs.
        problem: String,
    },
}
