//! Many records per call: NDJSON and JSON arrays, whole or streamed chunk by chunk, parsed
//! and validated in Rust, with the valid records' normalized form written out as NDJSON. One
//! call per chunk, not per record, is what makes imports fast from JS: the input crosses
//! into WebAssembly once.
//!
//! Every record is read by one reader (`reader`), whatever frames it: a line (`ndjson`) or an
//! element of an array (`array`). Memory of a call is bounded by its `Limits`: the chunk, the
//! one record being read, the errors listed.

mod array;
mod csv;
mod format;
mod ndjson;
mod reader;
mod rejected;
#[cfg(test)]
mod tests;

pub use array::{validate_json_array, validate_json_array_into, JsonArrayStream};
pub use csv::{validate_csv, validate_csv_into, Column, CsvStream};
pub use format::{detect_format, Format};
pub use ndjson::{validate_ndjson, validate_ndjson_into, validate_ndjson_str_into, NdjsonStream};

use crate::report::error::{Code, Error, Param, Params};
use serde_json::Value;

/// What to keep of the valid records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Output {
    /// Their normalized form, one JSON text per line, in `Batch::normalized`.
    #[default]
    Ndjson,
    /// The same, handed to JavaScript as UTF-8 bytes instead of a string.
    Bytes,
    /// Their normalized values, in `Batch::values`.
    Values,
    /// Nothing (verdicts only).
    None,
}

impl Output {
    pub const NAMES: &'static [&'static str] = &["ndjson", "bytes", "values", "none"];
    /// Whether the normalized records are collected as NDJSON text.
    pub fn is_text(self) -> bool {
        matches!(self, Output::Ndjson | Output::Bytes)
    }
    pub fn parse(s: &str) -> Option<Output> {
        match s {
            "ndjson" => Some(Output::Ndjson),
            "bytes" => Some(Output::Bytes),
            "values" => Some(Output::Values),
            "none" => Some(Output::None),
            _ => None,
        }
    }
}

/// The resources one call may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Errors listed per call, over all its failures: the failures past it are counted
    /// (`Batch::unlisted`), not listed. The errors of one record are capped by `Options::max_errors`.
    pub max_errors_per_call: usize,
    /// Bytes of input per call, of one record (a streamed line or array element), and of the
    /// normalized output of a call. Past it: a `too_large` error, never an unbounded allocation.
    pub max_bytes: usize,
}

/// `Limits::max_errors_per_call` unless asked otherwise.
pub const DEFAULT_MAX_ERRORS_PER_CALL: usize = 10_000;
/// `Limits::max_bytes` unless asked otherwise: 256 MiB, well within a JS string (2^29 - 24
/// UTF-16 units in V8) and WebAssembly's 4 GiB with the input, its output and a copy.
pub const DEFAULT_MAX_BYTES: usize = 256 << 20;
/// The largest `Limits::max_bytes`: V8's longest string (2^29 - 24 UTF-16 units; a UTF-8
/// byte is at least one), so that any output fits a JS string, and the input, its output
/// and a copy fit a 32-bit WebAssembly memory.
pub const MAX_MAX_BYTES: usize = (1 << 29) - 24;

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_errors_per_call: DEFAULT_MAX_ERRORS_PER_CALL, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// The failures of one record: its line number (NDJSON and CSV, 1-based) or index (JSON
/// array, 0-based).
#[derive(Debug)]
pub struct Failure {
    pub at: u64,
    pub errors: Vec<Error>,
    /// The record's JSON text as read (a CSV row as the object its cells make), when the batch
    /// keeps rejected records (`Batch::keep_rejected`) and the record was read at all.
    pub record: Option<String>,
}

/// The results of one call. `records == valid + invalid()`, always.
#[derive(Debug, Default)]
pub struct Batch {
    /// Records seen (blank lines are not records).
    pub records: usize,
    pub valid: usize,
    /// The invalid records, in input order, as far as `Limits::max_errors_per_call` lists them.
    pub failures: Vec<Failure>,
    /// Invalid records past `Limits::max_errors_per_call`: counted, not listed.
    pub unlisted: usize,
    pub normalized: Vec<u8>,
    pub values: Vec<Value>,
    /// Errors of the call rather than of a record: a limit it went over (`too_large`).
    pub call_errors: Vec<Error>,
    pub limits: Limits,
    /// Whether the invalid records are kept for a person to fix: their text in
    /// `Failure::record`, and the rows of a CSV file in `rejected`. Kept by `clear`.
    pub keep_rejected: bool,
    /// With `keep_rejected`: the invalid records as CSV (RFC 4180, CRLF), a spreadsheet to fix
    /// and import again: a CSV input's own cells, an NDJSON line or array element as
    /// `line`/`index` and `record`, then a last column `errors` with the messages. The first
    /// rows a reader rejects are preceded by the header row, so the `rejected` of every call
    /// of a stream, concatenated, is one file.
    pub rejected: Vec<u8>,
    /// The header row of `rejected`, and whether it was written (kept by `clear`: once per input).
    pub(crate) rejected_header: Vec<u8>,
    pub(crate) rejected_headed: bool,
    /// The mapping of a CSV header's columns to fields, in the call that read the header.
    pub columns: Vec<Column>,
    /// The templates of the rejected rows' messages, set by the reader when `keep_rejected`
    /// (`start_rejects`).
    pub(crate) rejects: Option<Box<crate::report::messages::Templates>>,
    /// Set when `rejected` went over `max_bytes` in this call: dropped, with a call error.
    rejected_dropped: bool,
    /// Errors listed so far, and whether listing has stopped (it stops once, for good: the
    /// listed failures are always the first ones).
    listed_errors: usize,
    listing_closed: bool,
    /// Bytes of normalized text collected so far.
    output_bytes: usize,
    /// Set when the normalized output went over `max_bytes`: it is dropped, and not collected
    /// for the rest of the call.
    output_dropped: bool,
}

impl Batch {
    /// An empty batch with these limits.
    pub fn with_limits(limits: Limits) -> Batch {
        Batch { limits, ..Batch::default() }
    }

    /// The invalid records, listed or not.
    pub fn invalid(&self) -> usize {
        self.failures.len() + self.unlisted
    }

    /// Empties the batch and keeps its allocations and limits, for the next chunk.
    pub fn clear(&mut self) {
        self.records = 0;
        self.valid = 0;
        self.failures.clear();
        self.unlisted = 0;
        self.normalized.clear();
        self.values.clear();
        self.call_errors.clear();
        self.rejected.clear();
        self.rejected_dropped = false;
        self.columns.clear();
        self.listed_errors = 0;
        self.listing_closed = false;
        self.output_bytes = 0;
        self.output_dropped = false;
    }

    /// Whether the normalized output is still collected.
    pub(crate) fn keeps_output(&self) -> bool {
        !self.output_dropped
    }

    /// Counts one invalid JSON record whose text is not kept (it was not read: over a limit).
    pub(crate) fn fail(&mut self, at: u64, errors: Vec<Error>) {
        self.fail_record(at, errors, None, rejected::Row::Text(at, None));
    }

    /// Counts one invalid record; when rejected records are kept, with its text (`record`)
    /// and its row of `rejected`.
    pub(crate) fn fail_record(&mut self, at: u64, errors: Vec<Error>, record: Option<String>, row: rejected::Row) {
        if self.keep_rejected && !self.rejected_dropped {
            self.write_rejected(row, &errors);
            if self.rejected.len() > self.limits.max_bytes {
                self.rejected_dropped = true;
                self.rejected = Vec::new();
            }
        }
        self.records += 1;
        if !self.listing_closed && self.listed_errors + errors.len() <= self.limits.max_errors_per_call {
            self.listed_errors += errors.len();
            self.failures.push(Failure { at, errors, record: record.filter(|_| self.keep_rejected) });
        } else {
            self.listing_closed = true;
            self.unlisted += 1;
        }
    }

    /// Counts one valid record, whose normalized text of `kept` bytes was just collected;
    /// past `max_bytes` of output, what was collected is dropped.
    pub(crate) fn pass(&mut self, kept: usize) {
        self.records += 1;
        self.valid += 1;
        self.output_bytes += kept;
        if !self.output_dropped && self.output_bytes > self.limits.max_bytes {
            self.output_dropped = true;
            self.normalized = Vec::new();
            self.values = Vec::new();
        }
    }

    /// A call that could not read its input at all: one call error.
    pub(crate) fn refuse(&mut self, error: Error) {
        self.call_errors.push(error);
    }

    /// Ends a call: the errors of the limits it went over.
    pub(crate) fn finish(&mut self) {
        if self.output_dropped {
            self.call_errors.push(too_large("the normalized output", self.limits.max_bytes));
        }
        if self.rejected_dropped {
            self.call_errors.push(too_large("the rejected rows", self.limits.max_bytes));
        }
    }
}

/// A UTF-8 byte order mark: ignored at the very start of a bulk text (README, "JSON input").
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether the first bytes of a text (`complete`: all of it) may still turn out to be a byte
/// order mark: until three bytes have come, a prefix of one cannot be told apart.
pub(crate) fn bom_undecided(head: &[u8], complete: bool) -> bool {
    !complete && head.len() < BOM.len() && BOM.starts_with(head)
}

/// A `too_large` error: `what` is over `max` bytes.
pub(crate) fn too_large(what: &'static str, max: usize) -> Error {
    Error::new("", Code::TooLarge, Params::default().with("what", Param::Static(what)).with("max", Param::Int(max as i64)))
}
