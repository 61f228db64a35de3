//! The one reader of a record in a bulk call, whatever frames it (an NDJSON line, an array
//! element): the fast path where it decides, else the engine over a tape; the result counted
//! in the batch. Its buffers are reused from record to record.

use super::rejected::Row;
use super::{Batch, Output};
use crate::json::tape::Tape;
use crate::report::error::Error;
use crate::schema::decl::Model;
use crate::validate;
use crate::validate::fast;
use crate::validate::options::Options;
use crate::{json_error_at, Outcome};
use serde_json::Value;
use std::borrow::Cow;

pub(super) struct Reader<'o> {
    model: &'static Model,
    options: &'o Options,
    output: Output,
    tape: Tape,
    scratch: fast::Scratch,
    /// The normalized text of a record, when it is not collected in the batch's NDJSON.
    spare: Vec<u8>,
}

impl<'o> Reader<'o> {
    pub(super) fn new(model: &'static Model, options: &'o Options, output: Output) -> Reader<'o> {
        Reader { model, options, output, tape: Tape::default(), scratch: fast::Scratch::default(), spare: Vec::new() }
    }

    /// Where a valid record's normalized text is written. The batch's output grows by our
    /// own reservations up to `max_bytes` and a little: left to `Vec`, it would double past
    /// it (a 256 MiB output to 512 MiB) on the record that is then dropped as too large.
    fn out<'b>(output: Output, spare: &'b mut Vec<u8>, batch: &'b mut Batch) -> &'b mut Vec<u8> {
        if !(output.is_text() && batch.keeps_output()) {
            return spare;
        }
        const SLACK: usize = 64 << 10;
        let ceiling = batch.limits.max_bytes + SLACK;
        let out = &mut batch.normalized;
        if out.capacity() - out.len() < SLACK && out.capacity() < ceiling {
            out.reserve_exact(out.capacity().max(SLACK).min(ceiling - out.capacity()));
        }
        out
    }

    /// Validates the record at `at` in `chunk` by the one-pass reader, when it decides it and
    /// nothing but spaces follow it on its line: the index of the next line's start.
    pub(super) fn fast_line(&mut self, batch: &mut Batch, line: u64, chunk: &str, at: usize) -> Option<usize> {
        let out = Self::out(self.output, &mut self.spare, batch);
        let mark = out.len();
        let verdict = fast::record(self.model, chunk.get(at..)?, self.options, out, &mut self.scratch);
        let line_end = |end: usize| {
            let b = chunk.as_bytes();
            let j = fast::skip_ws(b, at + end);
            b.get(j).map_or(true, |b| *b == b'\n').then_some(j + 1)
        };
        match verdict {
            fast::Verdict::Valid(end) => match line_end(end) {
                Some(next) => {
                    self.accept(batch, mark);
                    Some(next)
                }
                None => {
                    Self::out(self.output, &mut self.spare, batch).truncate(mark);
                    None
                }
            },
            fast::Verdict::Invalid(end, errors) => {
                let next = line_end(end)?;
                Self::reject(batch, line, &chunk.as_bytes()[at..at + end], errors);
                Some(next)
            }
            fast::Verdict::Undecided => None,
        }
    }

    /// Counts a valid record whose normalized text the fast path has just written (from
    /// `mark` on), ending its line.
    fn accept(&mut self, batch: &mut Batch, mark: usize) {
        let keeps = batch.keeps_output();
        let out = Self::out(self.output, &mut self.spare, batch);
        out.push(b'\n');
        let written = out.len() - mark;
        let kept = match self.output {
            Output::Ndjson | Output::Bytes if keeps => written,
            // Written from well-formed JSON by the fast path: UTF-8.
            Output::Values if keeps => {
                batch.values.push(std::str::from_utf8(&self.spare).map_or(Value::Null, crate::text_value));
                written
            }
            _ => 0,
        };
        self.spare.clear();
        batch.pass(kept);
    }

    /// Validates one record's JSON text into `batch`.
    pub(super) fn record(&mut self, batch: &mut Batch, at: u64, text: &[u8]) {
        if let Err(errors) = self.check(batch, text) {
            Self::reject(batch, at, text, errors);
        }
    }

    /// Validates one record's JSON text: a valid one is counted in `batch` (its normalized
    /// text collected), an invalid one's errors are returned for the caller to count.
    pub(super) fn check(&mut self, batch: &mut Batch, text: &[u8]) -> Result<(), Vec<Error>> {
        let line = std::str::from_utf8(text).map_err(|e| vec![utf8_error(text, e)])?;
        let out = Self::out(self.output, &mut self.spare, batch);
        let mark = out.len();
        match fast::whole_record(self.model, line, self.options, out, &mut self.scratch) {
            fast::Verdict::Valid(_) => {
                self.accept(batch, mark);
                Ok(())
            }
            fast::Verdict::Invalid(_, errors) => Err(errors),
            fast::Verdict::Undecided => self.check_engine(batch, line),
        }
    }

    /// Validates one record's text (UTF-8) into `batch` by the engine over the reader's tape.
    pub(super) fn engine(&mut self, batch: &mut Batch, at: u64, text: &str) {
        if let Err(errors) = self.check_engine(batch, text) {
            Self::reject(batch, at, text.as_bytes(), errors);
        }
    }

    fn check_engine(&mut self, batch: &mut Batch, text: &str) -> Result<(), Vec<Error>> {
        let outcome = validate::by_tape(self.model, text, self.options, &mut self.tape);
        self.counted(batch, outcome)
    }

    /// Counts an invalid JSON record, with its text when the batch keeps rejected records.
    fn reject(batch: &mut Batch, at: u64, text: &[u8], errors: Vec<Error>) {
        let record = batch.keep_rejected.then(|| String::from_utf8_lossy(text).into_owned());
        batch.fail_record(at, errors, record, Row::Text(at, Some(text)));
    }

    /// Counts the engine's outcome if valid (its normalized text to the output), else returns its errors.
    fn counted(&mut self, batch: &mut Batch, outcome: Outcome<Cow<str>>) -> Result<(), Vec<Error>> {
        let text = match outcome.value {
            Some(text) if outcome.errors.is_empty() => text,
            _ => return Err(outcome.errors),
        };
        let kept = match self.output {
            Output::Ndjson | Output::Bytes if batch.keeps_output() => {
                let out = Self::out(self.output, &mut self.spare, batch);
                let start = out.len();
                out.extend_from_slice(text.as_bytes());
                // One record per line: line breaks the input had between tokens (JSON allows
                // them there; inside strings they are escaped) become spaces.
                if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some() {
                    for b in &mut out[start..] {
                        if matches!(b, b'\n' | b'\r') {
                            *b = b' ';
                        }
                    }
                }
                out.push(b'\n');
                text.len() + 1
            }
            Output::Values if batch.keeps_output() => {
                batch.values.push(crate::text_value(&text));
                text.len()
            }
            _ => 0,
        };
        batch.pass(kept);
        Ok(())
    }
}

/// A `json` error for bytes that are not UTF-8, with the column of the first bad byte.
pub(super) fn utf8_error(text: &[u8], e: std::str::Utf8Error) -> Error {
    let column = String::from_utf8_lossy(&text[..e.valid_up_to()]).chars().count() + 1;
    json_error_at(format!("invalid UTF-8 at line 1 column {column}"), 1, column)
}
