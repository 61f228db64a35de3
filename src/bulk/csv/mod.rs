//! CSV (RFC 4180: quoted cells, `""` escapes, line breaks and commas inside quotes, CRLF or LF,
//! an optional byte order mark), a text in one call or a stream of chunks split anywhere.
//! `csv-core` splits the cells; the first row is the header (`header`), and every later row
//! becomes the JSON record its cells make, read by the one bulk reader as any NDJSON line: the
//! same verdict, errors and normalized record as that JSON would get.
//!
//! Cells are text as a form gives it: pass `Options::coerce` (the JS API and the CLI set it for
//! CSV unless told otherwise) for `"5"` to be 5 and `"true"` true; an empty cell is an absent
//! field. A row's number is the physical line it starts on, the header's being 1. Blank lines
//! and rows of empty cells only are no records. A row with more or fewer cells than the header
//! is a `csv_cells` failure; a row that is not UTF-8, an `encoding` failure; a row over
//! `max_bytes`, a `too_large` failure (its bytes skipped). A header that cannot be read
//! (`csv_header`) refuses the whole input: nothing after it is read.

mod header;

pub use header::Column;

use super::reader::Reader;
use super::rejected::Row;
use super::{bom_undecided, too_large, Batch, Limits, Output, BOM};
use crate::json::tape::Tape;
use crate::report::error::{Code, Error, Param, Params};
use crate::schema::decl::Model;
use crate::validate::options::Options;
use csv_core::ReadRecordResult;
use header::Header;

/// Validates a CSV text whose first row is the header. The column mapping is in `Batch::columns`.
pub fn validate_csv(model: &'static Model, input: &[u8], options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    validate_csv_into(model, input, options, output, &mut batch);
    batch
}

/// `validate_csv` into a reused batch (its limits and `keep_rejected` apply).
pub fn validate_csv_into(model: &'static Model, input: &[u8], options: &Options, output: Output, batch: &mut Batch) {
    batch.clear();
    if input.len() > batch.limits.max_bytes {
        return batch.refuse(too_large("the input", batch.limits.max_bytes));
    }
    let mut stream = CsvStream::new(model, options.clone(), output, batch.limits);
    std::mem::swap(&mut stream.rows.batch, batch);
    if output.is_text() {
        let reserve = (input.len() + input.len() / 2).min(stream.rows.batch.limits.max_bytes);
        stream.rows.batch.normalized.reserve(reserve);
    }
    stream.read(input, true);
    stream.rows.batch.finish();
    std::mem::swap(&mut stream.rows.batch, batch);
}

/// CSV arriving in chunks split anywhere (inside a quoted cell, inside a character): each push
/// validates the rows it completes. Memory is one chunk plus the row being read.
pub struct CsvStream {
    model: &'static Model,
    options: Options,
    output: Output,
    rows: Rows,
}

/// What a `CsvStream` reads into (apart from what it reads by, which its reader borrows).
struct Rows {
    batch: Batch,
    parser: csv_core::Reader,
    /// The row being read: its cells' bytes (unquoted), and where each cell ends.
    cells: Vec<u8>,
    ends: Vec<usize>,
    filled: usize,
    ended: usize,
    /// The line of the next byte (1-based), and the line the row being read starts on.
    line: u64,
    row_line: u64,
    /// Whether a row is being read (else the next byte starts one, or a blank line).
    in_row: bool,
    /// The row being read went over `max_bytes`: its cells are dropped as they come.
    skipping: bool,
    header: Option<Header>,
    /// The header could not be read: what every call answers.
    refused: Option<Error>,
    /// The start of the text until it is known not to be a byte order mark.
    head: Vec<u8>,
    started: bool,
    record: String,
    tape: Tape,
}

/// The first size of a row's buffers; they grow as rows need.
const FIRST_ROW_BYTES: usize = 4 << 10;
const FIRST_ROW_CELLS: usize = 64;

impl CsvStream {
    pub fn new(model: &'static Model, options: Options, output: Output, limits: Limits) -> CsvStream {
        let rows = Rows {
            batch: Batch::with_limits(limits),
            parser: csv_core::Reader::new(),
            cells: vec![0; FIRST_ROW_BYTES],
            ends: vec![0; FIRST_ROW_CELLS],
            filled: 0,
            ended: 0,
            line: 1,
            row_line: 1,
            in_row: false,
            skipping: false,
            header: None,
            refused: None,
            head: Vec::new(),
            started: false,
            record: String::new(),
            tape: Tape::default(),
        };
        CsvStream { model, options, output, rows }
    }

    /// Keeps the invalid rows (`Batch::keep_rejected`): `rejected` is a CSV of them under the
    /// input's own header, with a last column of messages.
    pub fn keep_rejected(&mut self) {
        self.rows.batch.keep_rejected = true;
    }

    /// The mapping of the header's columns, once it is read.
    pub fn columns(&self) -> Option<&[Column]> {
        self.rows.header.as_ref().map(|h| &h.columns[..])
    }

    /// Validates the rows `chunk` completes.
    pub fn push(&mut self, chunk: &[u8]) -> &Batch {
        self.rows.batch.clear();
        self.read(chunk, false);
        self.rows.batch.finish();
        &self.rows.batch
    }

    /// Validates what is left: a last row without a line break.
    pub fn end(&mut self) -> &Batch {
        self.end_with(&[])
    }

    /// `push(rest)` and `end()` in one call, with one batch.
    pub fn end_with(&mut self, rest: &[u8]) -> &Batch {
        self.rows.batch.clear();
        self.read(rest, true);
        self.rows.batch.finish();
        &self.rows.batch
    }

    /// Reads `chunk` on (`last`: and then the end of the text).
    fn read(&mut self, chunk: &[u8], last: bool) {
        let rows = &mut self.rows;
        if let Some(e) = &rows.refused {
            return rows.batch.refuse(e.clone());
        }
        let mut reader = Reader::new(self.model, &self.options, self.output);
        if rows.started {
            return rows.read(chunk, last, &mut reader, self.model, &self.options);
        }
        rows.head.extend_from_slice(chunk);
        if bom_undecided(&rows.head, last) {
            return;
        }
        rows.started = true;
        let head = std::mem::take(&mut rows.head);
        rows.read(head.strip_prefix(BOM).unwrap_or(&head), last, &mut reader, self.model, &self.options);
    }
}

impl Rows {
    /// The rows `input` completes (`last`: and the one it leaves unfinished).
    fn read(&mut self, mut input: &[u8], last: bool, reader: &mut Reader, model: &'static Model, options: &Options) {
        loop {
            if !self.in_row {
                // Between rows: blank lines are no rows (csv-core skips them too; skipped here,
                // a row's first line is known).
                let blank = input.iter().position(|b| !matches!(b, b'\r' | b'\n')).unwrap_or(input.len());
                self.line += memchr::memchr_iter(b'\n', &input[..blank]).count() as u64;
                input = &input[blank..];
                if input.is_empty() {
                    return;
                }
                self.in_row = true;
                self.row_line = self.line;
            }
            let (result, read, wrote, cells) = self.parser.read_record(input, &mut self.cells[self.filled..], &mut self.ends[self.ended..]);
            self.line += memchr::memchr_iter(b'\n', &input[..read]).count() as u64;
            input = &input[read..];
            self.filled += wrote;
            self.ended += cells;
            match result {
                ReadRecordResult::InputEmpty if input.is_empty() && !last => return,
                // The end of the text ends the row: read once more with no input.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.grow_cells(),
                ReadRecordResult::OutputEndsFull => self.grow_ends(),
                ReadRecordResult::Record => {
                    self.row(reader, model, options);
                    if self.refused.is_some() {
                        return;
                    }
                }
                ReadRecordResult::End => return,
            }
        }
    }

    /// More room for the row's bytes, up to `max_bytes`: past it the row is skipped.
    fn grow_cells(&mut self) {
        let max = self.batch.limits.max_bytes;
        if self.skipping || self.filled >= max {
            // Its cells are not kept: the buffer is written over (the ends with it).
            self.skipping = true;
            self.filled = 0;
            self.ended = 0;
            return;
        }
        let size = (self.cells.len() * 2).min(max + 1);
        self.cells.resize(size, 0);
    }

    fn grow_ends(&mut self) {
        if self.skipping || self.ends.len() >= self.batch.limits.max_bytes {
            self.skipping = true;
            self.filled = 0;
            self.ended = 0;
            return;
        }
        let size = self.ends.len() * 2;
        self.ends.resize(size, 0);
    }

    /// A row has been read: the header, or a record.
    fn row(&mut self, reader: &mut Reader, model: &'static Model, options: &Options) {
        let (filled, ended) = (self.filled, self.ended);
        self.filled = 0;
        self.ended = 0;
        self.in_row = false;
        let line = self.row_line;
        if std::mem::take(&mut self.skipping) {
            let error = too_large("the row", self.batch.limits.max_bytes);
            return self.batch.fail_record(line, vec![error], None, Row::Cells(&[]));
        }
        let bytes = &self.cells[..filled];
        let mut cells: Vec<&[u8]> = Vec::with_capacity(ended);
        let mut start = 0;
        for &end in &self.ends[..ended] {
            cells.push(&bytes[start..end]);
            start = end;
        }
        let text: Result<Vec<&str>, usize> = cells.iter().enumerate().map(|(i, c)| std::str::from_utf8(c).map_err(|_| i)).collect();
        let Some(header) = &self.header else {
            let read = text.map_err(encoding_error).and_then(|cells| Header::read(model.root, &cells));
            match read {
                Ok(header) => {
                    self.batch.columns = header.columns.clone();
                    self.batch.start_rejects(&cells, &options.messages);
                    self.header = Some(header);
                }
                Err(e) => {
                    self.batch.refuse(e.clone());
                    self.refused = Some(e);
                }
            }
            return;
        };
        if cells.iter().all(|c| c.is_empty()) {
            // A row of empty cells (a spreadsheet's trailing rows): no record.
            return;
        }
        if cells.len() != header.columns.len() {
            let params =
                Params::default().with("actual", Param::Int(cells.len() as i64)).with("expected", Param::Int(header.columns.len() as i64));
            return self.batch.fail_record(line, vec![Error::new("", Code::CsvCells, params)], None, Row::Cells(&cells));
        }
        let text = match text {
            Ok(text) => text,
            Err(i) => return self.batch.fail_record(line, vec![encoding_error(i)], None, Row::Cells(&cells)),
        };
        header.record(&text, &mut self.record, &mut self.tape);
        if let Err(errors) = reader.check(&mut self.batch, self.record.as_bytes()) {
            let record = self.batch.keep_rejected.then(|| self.record.clone());
            self.batch.fail_record(line, errors, record, Row::Cells(&cells));
        }
    }
}

/// An `encoding` error: the cell of column `i` (0-based) is not UTF-8.
fn encoding_error(i: usize) -> Error {
    Error::new("", Code::Encoding, Params::default().with("column", Param::Int(i as i64 + 1)))
}

#[cfg(test)]
mod tests;
