//! How a record is validated: the engine (any `Input`, every error reported), its options,
//! the checks (`rules`, one module per kind), and the fast path that decides common records
//! in one pass over their text with the same decisions.

pub mod engine;
pub mod fast;
pub mod options;
pub mod rules;

use crate::input::raw::Raw;
use crate::json::tape::Tape;
use crate::report::error::Error;
use crate::schema::decl::Model;
use engine::Outcome;
use options::Options;
use std::borrow::Cow;

thread_local! {
    /// Reused from call to call: it caches the models' default members.
    static SCRATCH: std::cell::RefCell<fast::Scratch> = std::cell::RefCell::default();
}

/// Leaves the per-record cache borrowed, as a trap in the middle of a call does (for the
/// tests of the JS entry's recovery from traps).
#[cfg(target_arch = "wasm32")]
pub(crate) fn poison_scratch() {
    SCRATCH.with(|scratch| std::mem::forget(scratch.borrow_mut()));
}

/// One record's JSON text (whitespace around it allowed), as every per-record text path
/// reads it (native `validate_str`, the JS calls on plain data): the fast path where it
/// decides, else the engine over the tape. When valid, the normalized record's JSON text is
/// appended to `out`; else `out` is left as it was and the errors are returned.
pub(crate) fn text_into(model: &'static Model, text: &str, options: &Options, out: &mut Vec<u8>) -> Result<(), Vec<Error>> {
    let verdict = SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => fast::whole_record(model, text, options, out, &mut scratch),
        // Only when called from inside a call (a JS getter calling back in).
        Err(_) => fast::whole_record(model, text, options, out, &mut fast::Scratch::default()),
    });
    match verdict {
        fast::Verdict::Valid(_) => Ok(()),
        fast::Verdict::Invalid(_, errors) => Err(errors),
        fast::Verdict::Undecided => {
            let outcome = by_tape(model, text, options, &mut Tape::default());
            match outcome.value {
                Some(normalized) if outcome.errors.is_empty() => {
                    out.extend_from_slice(normalized.as_bytes());
                    Ok(())
                }
                _ => Err(outcome.errors),
            }
        }
    }
}

/// One record's JSON text by the engine over `tape` (read anew): what the fast path leaves.
/// The normalized record is JSON text, the input's own text where values pass unchanged.
pub(crate) fn by_tape<'a>(model: &'static Model, text: &'a str, options: &Options, tape: &mut Tape) -> Outcome<Cow<'a, str>> {
    match Raw::parse(tape, text) {
        Ok(raw) => engine::validate(model, &raw, options),
        Err(e) => Outcome { value: None, errors: vec![crate::syntax_error(&e)] },
    }
}
