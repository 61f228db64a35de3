//! The invalid records as a CSV file for a person to fix in a spreadsheet and import again
//! (`Batch::rejected`): each row is the record as it came (a CSV row's own cells; an NDJSON
//! line or array element as its position and text) and a last column of its messages.

use super::Batch;
use crate::report::error::Error;
use crate::report::messages::{render, Templates};

/// What a rejected row holds besides its messages.
pub(crate) enum Row<'a> {
    /// A CSV input's cells, as read (unquoted).
    Cells(&'a [&'a [u8]]),
    /// A JSON record's position (line or index) and text (`None`: not read, as one over a limit).
    Text(u64, Option<&'a [u8]>),
}

impl Batch {
    /// Keeps the invalid records from now on, their messages rendered with `templates`;
    /// `header` names the columns of the rejected rows before `errors`. Called by a reader
    /// once per input (a stream at its start, a CSV reader once it has read the header).
    pub(crate) fn start_rejects(&mut self, header: &[&[u8]], templates: &Templates) {
        if !self.keep_rejected {
            return;
        }
        self.rejected_header.clear();
        for cell in header {
            push_cell(&mut self.rejected_header, cell);
            self.rejected_header.push(b',');
        }
        self.rejected_header.extend_from_slice(b"errors\r\n");
        self.rejected_headed = false;
        self.rejects = Some(Box::new(templates.clone()));
    }

    /// Writes one rejected row, after the header row if it is the input's first.
    pub(crate) fn write_rejected(&mut self, row: Row, errors: &[Error]) {
        let Some(templates) = self.rejects.as_deref() else { return };
        if !self.rejected_headed {
            self.rejected_headed = true;
            self.rejected.extend_from_slice(&self.rejected_header);
        }
        let out = &mut self.rejected;
        match row {
            Row::Cells(cells) => {
                for cell in cells {
                    push_cell(out, cell);
                    out.push(b',');
                }
            }
            Row::Text(at, text) => {
                out.extend_from_slice(at.to_string().as_bytes());
                out.push(b',');
                push_cell(out, text.unwrap_or_default());
                out.push(b',');
            }
        }
        push_cell(out, messages(errors, templates).as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

/// A record's messages in one cell: `path: message`, one per line (a spreadsheet shows them
/// stacked in the cell); the root's without a path.
pub(crate) fn messages(errors: &[Error], templates: &Templates) -> String {
    let mut out = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !e.path.is_empty() {
            out.push_str(&e.path);
            out.push_str(": ");
        }
        out.push_str(&render(e, templates));
    }
    out
}

/// One CSV cell: quoted (quotes doubled) when it holds a comma, a quote, a line break, or
/// spaces at either end (which some spreadsheets would trim).
pub(crate) fn push_cell(out: &mut Vec<u8>, cell: &[u8]) {
    let quote = cell.iter().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        || cell.first().is_some_and(|b| *b == b' ')
        || cell.last().is_some_and(|b| *b == b' ');
    if !quote {
        return out.extend_from_slice(cell);
    }
    out.push(b'"');
    for &b in cell {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_when_they_must_be() {
        let mut out = Vec::new();
        for cell in ["plain", "a,b", "say \"hi\"", "two\r\nlines", " padded", ""] {
            push_cell(&mut out, cell.as_bytes());
            out.push(b'|');
        }
        assert_eq!(String::from_utf8(out).unwrap(), "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\r\nlines\"|\" padded\"||");
    }
}
