//! How a record is validated: the engine (any `Input`, every error reported), its options,
//! the checks (`rules`, one module per kind), and the fast path that decides common records
//! in one pass over their text with the same decisions.

pub mod engine;
pub mod fast;
pub mod options;
pub mod rules;

use crate::input::raw::Raw;
use crate::json::scan::is_ws;
use crate::json::tape::Tape;
use crate::report::error::Error;
use crate::schema::decl::Model;
use options::Options;

thread_local! {
    /// Reused from call to call: it caches the models' default members.
    static SCRATCH: std::cell::RefCell<fast::Scratch> = std::cell::RefCell::default();
}

/// One record's JSON text (whitespace around it allowed), as every per-record text path
/// reads it (native `validate_str`, the JS calls on plain data): the fast path where it
/// decides, else the engine over the tape. When valid, the normalized record's JSON text is
/// appended to `out`; else `out` is left as it was and the errors are returned.
pub(crate) fn text_into(model: &'static Model, text: &str, options: &Options, out: &mut Vec<u8>) -> Result<(), Vec<Error>> {
    let mark = out.len();
    let rest_is_ws = |end: usize| text.as_bytes()[end..].iter().all(|b| is_ws(*b));
    let verdict = SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => fast::record_str(model, text, options, out, &mut scratch),
        // Only when called from inside a call (a JS getter calling back in).
        Err(_) => fast::record_str(model, text, options, out, &mut fast::Scratch::default()),
    });
    match verdict {
        fast::Verdict::Valid(end) if rest_is_ws(end) => return Ok(()),
        fast::Verdict::Valid(_) => out.truncate(mark),
        fast::Verdict::Invalid(end, errors) if rest_is_ws(end) => return Err(errors),
        // Text after the record: the engine's reader reports it.
        fast::Verdict::Invalid(..) | fast::Verdict::Undecided => {}
    }
    let mut tape = Tape::default();
    let outcome = match Raw::parse(&mut tape, text) {
        Ok(raw) => engine::validate(model, &raw, options),
        Err(e) => return Err(vec![crate::syntax_error(&e)]),
    };
    match outcome.value {
        Some(normalized) if outcome.errors.is_empty() => {
            out.extend_from_slice(normalized.as_bytes());
            Ok(())
        }
        _ => Err(outcome.errors),
    }
}
