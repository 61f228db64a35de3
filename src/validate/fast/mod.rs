//! The common case in one pass: a record read straight from its JSON text, checked, and
//! written out normalized, with no tape and no per-value allocation.
//!
//! Its first pass reads every member of the object, the declared fields' values into a table
//! of scalars; `decide` (the same declarations and checks as the engine) then accepts the
//! record and its normalized text is written, or the engine runs over that same table (as
//! `input::flat` values, checking again only the values `decide` refused) to report the
//! errors. A tidy record (members in declaration order, bare commas, no spaces: what most
//! producers write) is written as a few copies, runs of its members and of the defaults
//! filled in between them; others member by member. Anything else (nested declared objects
//! and lists, escaped strings in an invalid record, duplicate keys, `coerce`, rejected unknown
//! properties) is left undecided, for the engine over a tape. `tests::agrees_with_the_engine`
//! holds the answers to the engine's.

mod decide;
mod read;

pub(crate) use crate::json::scan::skip_ws;
#[cfg(target_arch = "wasm32")]
pub use decide::failing;
pub use decide::{decide, Scalar};

use crate::input::flat::{Flat, FlatIn};
use crate::json::scan::{plain_string, skip_value};
use crate::report::error::Error;
use crate::schema::decl::{Model, ObjectDecl, Ty};
use crate::validate::engine::{self, resolve_mode};
use crate::validate::options::{Mode, Options, Unknown};
use crate::validate::rules::types::{self, same};
use read::any_value;

/// Objects with more fields than this are left to the engine (the largest model has 27).
const MAX_FIELDS: usize = 32;

/// Buffers reused from record to record.
#[derive(Default)]
pub struct Scratch {
    /// Unknown members kept by `Unknown::Allow`: key span (with quotes), value span.
    unknown: Vec<(u32, u32, u32, u32)>,
    /// The last object declaration's defaults, written once instead of for every record
    /// (keyed by the declaration's address).
    defaults: Option<(usize, Defaults)>,
}

/// An object declaration's defaults as members: `,"name":value` one after another in
/// declaration order, so that the defaults of fields absent one after another are one copy.
struct Defaults {
    joined: Vec<u8>,
    /// Per field, its member's span in `joined` (empty when it has no default).
    spans: Vec<(u32, u32)>,
    /// The fields that have one.
    mask: u64,
}

impl Scratch {
    fn defaults(&mut self, decl: &'static ObjectDecl) -> &Defaults {
        let key = decl as *const ObjectDecl as usize;
        if !matches!(self.defaults, Some((d, _)) if d == key) {
            self.defaults = None;
        }
        let (_, defaults) = self.defaults.get_or_insert_with(|| {
            let mut joined = String::new();
            let mut spans = Vec::with_capacity(decl.fields.len());
            let mut mask = 0;
            for (i, f) in decl.fields.iter().enumerate() {
                let start = joined.len() as u32;
                if let Some(lit) = f.default {
                    joined.push_str(",\"");
                    joined.push_str(f.name);
                    joined.push_str("\":");
                    crate::json::write::push_lit(&mut joined, lit);
                    mask |= 1 << i;
                }
                spans.push((start, joined.len() as u32));
            }
            (key, Defaults { joined: joined.into_bytes(), spans, mask })
        });
        defaults
    }
}

/// What `record` found.
#[derive(Debug)]
pub enum Verdict {
    /// A valid record: its normalized text was appended to the output. The index past the object.
    Valid(usize),
    /// An invalid record, with the engine's errors. The index past the object.
    Invalid(usize, Vec<Error>),
    /// Not decided here: the engine must read the text itself.
    Undecided,
}

/// Validates the JSON object at the start of `line` (after optional whitespace), reading no
/// further than the object's end. A valid record's normalized JSON text is appended to `out`;
/// otherwise `out` is left as it was. The object must sit on one line: one with a line feed
/// inside is left undecided.
pub fn record(model: &'static Model, line: &str, options: &Options, out: &mut Vec<u8>, scratch: &mut Scratch) -> Verdict {
    if options.coerce {
        return Verdict::Undecided;
    }
    let Ok(mode) = resolve_mode(model, options) else { return Verdict::Undecided };
    let nulls_absent = crate::validate::engine::resolve_nulls(model, options) == crate::validate::options::Nulls::Absent;
    let text = line.as_bytes();
    let mark = out.len();
    let verdict = Record { text, line, options, mode, nulls_absent, out, scratch }.object(model).unwrap_or(Verdict::Undecided);
    if !matches!(verdict, Verdict::Valid(_)) {
        out.truncate(mark);
    }
    verdict
}

/// `record` for a text that holds one record and nothing else (JSON whitespace around it
/// allowed): a record followed by anything else is `Undecided`, with `out` as it was, for the
/// engine's reader to report.
pub fn whole_record(model: &'static Model, text: &str, options: &Options, out: &mut Vec<u8>, scratch: &mut Scratch) -> Verdict {
    let mark = out.len();
    let verdict = record(model, text, options, out, scratch);
    let end = match verdict {
        Verdict::Valid(end) | Verdict::Invalid(end, _) => end,
        Verdict::Undecided => return verdict,
    };
    if text.as_bytes()[end..].iter().all(|b| crate::json::scan::is_ws(*b)) {
        return verdict;
    }
    out.truncate(mark);
    Verdict::Undecided
}

struct Record<'a, 'o> {
    text: &'a [u8],
    line: &'a str,
    options: &'o Options,
    mode: Mode,
    /// Whether a null property is dropped (then an unknown one's is the engine's to drop).
    nulls_absent: bool,
    out: &'o mut Vec<u8>,
    scratch: &'o mut Scratch,
}

impl Record<'_, '_> {
    fn object(&mut self, model: &'static Model) -> Option<Verdict> {
        let decl: &'static ObjectDecl = model.root;
        let fields = decl.fields;
        if fields.len() > MAX_FIELDS {
            return None;
        }
        let b = self.text;
        let mut i = skip_ws(b, 0);
        if b.get(i) != Some(&b'{') {
            return None;
        }
        let open = i;
        i = skip_ws(b, i + 1);
        // Whether the object is written as its normalized form would be, as far as its own
        // members go: `"name":value` members of declared fields in declaration order, joined
        // by bare commas, no spaces. With nothing to fill in it is copied out whole.
        let mut tidy = i == open + 1;
        // Per field: where its member starts (the key's quote, or the value when whitespace
        // separates them) and where its value starts and ends.
        let mut spans = [(0u32, 0u32, 0u32); MAX_FIELDS];
        let mut scalars = [Scalar::Absent; MAX_FIELDS];
        let mut seen: u64 = 0;
        // The fields whose values were checked while reading them.
        let mut checked: u64 = 0;
        // Whether a string value still holds escapes.
        let mut escaped = false;
        // Records usually list fields in declaration order: look after the last match first.
        let mut hint = 0;
        self.scratch.unknown.clear();
        if b.get(i) == Some(&b'}') {
            i += 1;
        } else {
            loop {
                let key_start = i;
                // Usually the key is a field after the last one matched (the next one, or a
                // few further on when fields are left out): matched in place, unread.
                let (key_end, known) = match in_place(b, i, fields, hint) {
                    Some(f) => (i + 2 + fields[f].name.len(), Some(f)),
                    None => {
                        tidy = false;
                        (plain_string(b, i)?, None)
                    }
                };
                let key = &b[key_start + 1..key_end - 1];
                i = skip_ws(b, key_end);
                if b.get(i) != Some(&b':') {
                    return None;
                }
                i = skip_ws(b, i + 1);
                match known.or_else(|| find(fields, key, hint)) {
                    Some(f) => {
                        if seen & (1 << f) != 0 {
                            return None;
                        }
                        seen |= 1 << f;
                        hint = f + 1;
                        let field = &fields[f];
                        let (end, value) = any_value(self.line, i, &field.ty)?;
                        // A whole number for a field with nothing to check but its type is
                        // checked here, which spares `decide` a call for it.
                        if field.rules.is_empty() && matches!(value, Scalar::Int(n) if types::in_int_type(&field.ty, n)) {
                            checked |= 1 << f;
                        }
                        // Nested declared objects and lists are read by the engine.
                        if matches!(fields[f].ty, Ty::Object(_) | Ty::List(_) | Ty::Map(_))
                            && matches!(value, Scalar::AnyObject | Scalar::Array)
                        {
                            return None;
                        }
                        // `"name":value` as written can be copied whole.
                        let compact = i == key_end + 1;
                        tidy &= compact;
                        spans[f] = (if compact { key_start } else { i } as u32, i as u32, end as u32);
                        scalars[f] = value;
                        escaped |= matches!(value, Scalar::Str(_, true));
                        i = end;
                    }
                    None => {
                        if self.options.unknown == Unknown::Reject {
                            return None;
                        }
                        // A null the engine drops (`Nulls::Absent`): the engine's.
                        if self.nulls_absent && b[i..].starts_with(b"null") {
                            return None;
                        }
                        let end = skip_value(b, i)?;
                        // A repeated key counts once, with its last value at its first place:
                        // the engine writes that (keys here have no escapes: bytes compare).
                        let repeated =
                            self.scratch.unknown.iter().any(|&(ks, ke, ..)| same(&b[ks as usize..ke as usize], &b[key_start..key_end]));
                        if repeated {
                            return None;
                        }
                        self.scratch.unknown.push((key_start as u32, key_end as u32, i as u32, end as u32));
                        i = end;
                    }
                }
                let value_end = i;
                i = skip_ws(b, i);
                match b.get(i) {
                    Some(b',') => {
                        i = skip_ws(b, i + 1);
                        tidy &= i == value_end + 1;
                    }
                    Some(b'}') => {
                        tidy &= i == value_end;
                        i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        let scalars = &scalars[..fields.len()];
        let decided = if tidy {
            // The members as written are in order and joined by bare commas: the normalized
            // text is runs of them, broken where defaults are filled in, each run one copy.
            let fill = if self.mode == Mode::Create { self.scratch.defaults(decl).mask & !seen } else { 0 };
            let decided = decide(decl, scalars, checked, self.options, self.mode, 0, |_, _| {});
            if decided.is_ok() {
                if fill == 0 {
                    self.out.extend_from_slice(&b[open..i]);
                } else {
                    self.write_runs(decl, &spans, seen, fill, i);
                }
            }
            decided
        } else {
            self.write(decl, scalars, checked, &spans, i)
        };
        let Err(stopped) = decided else {
            return Some(Verdict::Valid(i));
        };
        // Invalid: the engine reports it from the same values, unless it needs what the table
        // does not hold (decoded escapes; unknown members, which count for `{}` in patch mode).
        if escaped || (self.options.unknown == Unknown::Allow && !self.scratch.unknown.is_empty()) {
            return None;
        }
        let mut values = [Flat::Absent; MAX_FIELDS];
        for (v, s) in values.iter_mut().zip(scalars) {
            *v = s.flat()?;
        }
        let values = &values[..fields.len()];
        // The engine looks again only at the values that failed here (plus what is missing).
        let failing = decide::failing(decl, scalars, self.options, stopped);
        let outcome = engine::validate_only(model, &FlatIn::Record(decl, values), self.options, failing);
        (!outcome.is_valid()).then_some(Verdict::Invalid(i, outcome.errors))
    }

    /// Writes the normalized form of a tidy record (see `object`; its text ends before
    /// `end`): its present members (`seen`) and the defaults of the fields in `fill`, in
    /// declaration order, in as many copies as there are runs of either.
    fn write_runs(&mut self, decl: &'static ObjectDecl, spans: &[(u32, u32, u32)], seen: u64, fill: u64, end: usize) {
        let text = self.text;
        let defaults = self.scratch.defaults(decl);
        let out = &mut *self.out;
        out.reserve(end + defaults.joined.len());
        out.push(b'{');
        // Fields at or above bit `f`, and below it.
        let from = |f: usize| !0u64 << f;
        let below = |f: usize| (1u64 << f) - 1;
        let mut rest = seen | fill;
        let mut first = true;
        while rest != 0 {
            let f = rest.trailing_zeros() as usize;
            // The run goes on until a field of the other kind.
            let other = if seen & (1 << f) != 0 { fill } else { seen } & from(f);
            let run = if other == 0 { rest } else { rest & below(other.trailing_zeros() as usize) };
            let last = 63 - run.leading_zeros() as usize;
            if seen & (1 << f) != 0 {
                if !first {
                    out.push(b',');
                }
                out.extend_from_slice(&text[spans[f].0 as usize..spans[last].2 as usize]);
            } else {
                // Each default member starts with its comma, not wanted first.
                let (start, end) = (defaults.spans[f].0 as usize, defaults.spans[last].1 as usize);
                out.extend_from_slice(&defaults.joined[if first { start + 1 } else { start }..end]);
            }
            rest &= !run;
            first = false;
        }
        out.push(b'}');
    }

    /// Writes the normalized record (the object's text ends before `end`) if `decide` accepts
    /// it; else `decide`'s `Err`.
    fn write(
        &mut self,
        decl: &'static ObjectDecl,
        scalars: &[Scalar],
        checked: u64,
        spans: &[(u32, u32, u32)],
        end: usize,
    ) -> Result<(), usize> {
        let fields = decl.fields;
        let text = self.text;
        let out = &mut *self.out;
        // The record as written plus room for defaults; not the whole rest of a chunk (`text`
        // runs to the chunk's end), which made the output grow by reallocation and copying.
        out.reserve(end + 512);
        out.push(b'{');
        let mut members = 0;
        // Members are copied in runs: members written `"name":value` and separated by a bare
        // comma in the input, commas included, or defaults of fields absent one after another.
        // A record in declaration order is a few copies. The pending run: from the input
        // text (`false`) or the joined defaults (`true`), start, end.
        let mut run = (false, 0, 0);
        let unknown = if self.options.unknown == Unknown::Allow { self.scratch.unknown.len() } else { 0 };
        let defaults = if self.mode == Mode::Create { Some(self.scratch.defaults(decl)) } else { None };
        let joined = defaults.map_or(&[][..], |d| &d.joined[..]);
        let flush = |out: &mut Vec<u8>, run: &mut (bool, usize, usize)| {
            if run.2 > run.1 {
                out.extend_from_slice(if run.0 { &joined[run.1..run.2] } else { &text[run.1..run.2] });
            }
            *run = (false, 0, 0);
        };
        let decided = decide(decl, scalars, checked, self.options, self.mode, unknown, |f, from_input| {
            let (from, value, end) = (spans[f].0 as usize, spans[f].1 as usize, spans[f].2 as usize);
            match (from_input, defaults) {
                (true, _) if from < value => {
                    if !run.0 && run.2 > run.1 && from == run.2 + 1 && text[run.2] == b',' {
                        run.2 = end;
                    } else {
                        flush(out, &mut run);
                        if members > 0 {
                            out.push(b',');
                        }
                        run = (false, from, end);
                    }
                    members += 1;
                }
                (true, _) => {
                    flush(out, &mut run);
                    member(out, &mut members, fields[f].name);
                    out.extend_from_slice(&text[value..end]);
                }
                (false, Some(d)) => {
                    let (start, end) = (d.spans[f].0 as usize, d.spans[f].1 as usize);
                    if run.0 {
                        // Every absent field with a default is filled, so the defaults in one
                        // run are neighbours in `joined`.
                        debug_assert_eq!(run.2, start);
                        run.2 = end;
                    } else {
                        flush(out, &mut run);
                        // Each default member starts with its comma, not wanted first.
                        run = (true, if members > 0 { start } else { start + 1 }, end);
                    }
                    members += 1;
                }
                // `decide` fills defaults in create mode only.
                (false, None) => {}
            }
        });
        decided?;
        flush(out, &mut run);
        if self.options.unknown == Unknown::Allow {
            for &(ks, ke, vs, ve) in &self.scratch.unknown {
                if members > 0 {
                    out.push(b',');
                }
                members += 1;
                out.extend_from_slice(&text[ks as usize..ke as usize]);
                out.push(b':');
                out.extend_from_slice(&text[vs as usize..ve as usize]);
            }
        }
        out.push(b'}');
        Ok(())
    }
}

/// The declared field named `key` before `hint` (those from `hint` on were tried in place).
fn find(fields: &[crate::schema::decl::Field], key: &[u8], hint: usize) -> Option<usize> {
    (0..hint.min(fields.len())).find(|&f| same(fields[f].name.as_bytes(), key))
}

/// The field from `from` on whose name is the JSON string at `i` as written (no escapes):
/// the closing quote's place and the first byte rule out most fields before a comparison.
fn in_place(b: &[u8], i: usize, fields: &[crate::schema::decl::Field], from: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let key = b.get(i + 1..)?;
    let first = *key.first()?;
    (from..fields.len()).find(|&f| {
        let name = fields[f].name.as_bytes();
        key.get(name.len()) == Some(&b'"') && name.first() == Some(&first) && same(&key[..name.len()], name)
    })
}

fn member(out: &mut Vec<u8>, members: &mut usize, name: &str) {
    if *members > 0 {
        out.push(b',');
    }
    *members += 1;
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::raw::Raw;
    use crate::json::tape::Tape;
    use crate::schema::models::{create_customer_dto, customer, patch_customer, ALL};
    use crate::test_gen::Gen;
    use crate::validate::engine;
    use crate::Options;

    /// JSON texts fields are filled with: values of every type, at and across the bounds the
    /// rules care about, with escapes, non-ASCII text and numbers written in unusual ways.
    const POOL: &[&str] = &[
        r#""Acme""#,
        r#""Zürich 東京 😀""#,
        r#""Esc\"aped \u00e9""#,
        r#""""#,
        r#""active""#,
        r#""fraud""#,
        r#""credit""#,
        r#""paymentmethod""#,
        r#""0a73b90b68b3f4a72f046794""#,
        r#""0a73b90b68b3f4a72f04679""#,
        r#""https://www.acme.co.uk/?ref=crm""#,
        r#""ftp://acme.com""#,
        r#""10.178.80.224""#,
        r#""1.1.1.1""#,
        r#""2001:db8:b7c::e:b""#,
        r#""2021-06-02T16:43:38.5+05:30""#,
        r#""2024-05-01 10:00:00""#,
        r#""+14155550123""#,
        r#""+014155550123""#,
        r#""abc123""#,
        r#""*#12A""#,
        r#""a@b.co""#,
        r#""sip:alice@example.com""#,
        r#""2024-02-29""#,
        r#""09:30""#,
        r#""true""#,
        r#""7""#,
        "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"",
        "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"",
        "0",
        "1",
        "-1",
        "2",
        "12",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "1.0",
        "1.5",
        "-0",
        "1e2",
        "12345678901",
        "3.5e400",
        "true",
        "false",
        "null",
        "[]",
        r#"[1,"a"]"#,
        "{}",
        r#"{ "a" : { "b": [1, "\u00e9", null] } }"#,
        r#"{"stringValue":"x"}"#,
    ];

    /// A record of `decl` as JSON text: fields mostly from the values `validate_field` accepts
    /// for them alone (so that many records are valid), sometimes anything from `POOL`;
    /// unknown and duplicate keys, shuffled order and odd whitespace now and then.
    fn record_text(g: &mut Gen, decl: &'static ObjectDecl, accepted: &[Vec<&'static str>]) -> String {
        let mut members: Vec<String> = Vec::new();
        for (f, field) in decl.fields.iter().enumerate() {
            if !g.chance(60) {
                continue;
            }
            let value =
                if !accepted[f].is_empty() && g.chance(90) { accepted[f][g.below(accepted[f].len())] } else { POOL[g.below(POOL.len())] };
            let colon = if g.chance(5) { " : " } else { ":" };
            members.push(format!("\"{}\"{colon}{}", field.name, value));
            if g.chance(2) {
                members.push(format!("\"{}\":{}", field.name, POOL[g.below(POOL.len())]));
            }
        }
        if g.chance(10) {
            members.push(format!("\"extra{}\":{}", g.below(3), POOL[g.below(POOL.len())]));
        }
        if g.chance(10) {
            let (a, b) = (g.below(members.len() + 1), g.below(members.len() + 1));
            if a < members.len() && b < members.len() {
                members.swap(a, b);
            }
        }
        let sep = if g.chance(10) { " ,\t " } else { "," };
        let text = format!("{{{}}}", members.join(sep));
        if g.chance(3) {
            format!(" {text} ")
        } else {
            text
        }
    }

    /// Wherever the fast path answers, the engine gives the same answer (valid with the same
    /// text, or the same errors); and it answers for most records, or it would be no fast path.
    #[test]
    fn agrees_with_the_engine() {
        let mut g = Gen(0x5eed_fa57);
        let mut tape = Tape::default();
        let mut scratch = Scratch::default();
        for model in ALL {
            for options in [
                Options::create(),
                Options::patch(),
                Options::api(),
                Options { unknown: Unknown::Strip, ..Options::create() },
                Options { unknown: Unknown::Reject, ..Options::patch() },
                Options { coerce: true, ..Options::create() },
            ] {
                let patch_only = !model.supports_create && options.mode == Some(Mode::Create);
                let accepted: Vec<Vec<&str>> = model
                    .root
                    .fields
                    .iter()
                    .map(|field| {
                        POOL.iter()
                            .copied()
                            .filter(|text| {
                                let v: Option<serde_json::Value> = serde_json::from_str(text).ok();
                                v.is_some_and(|v| engine::validate_field(model, field.name, Some(&&v), None, &options).is_empty())
                            })
                            .collect()
                    })
                    .collect();
                let (mut valid, mut decided, mut invalid, mut reported) = (0, 0, 0, 0);
                for _ in 0..3000 {
                    let text = record_text(&mut g, model.root, &accepted);
                    let mut out = b"previous record\n".to_vec();
                    let fast_says = record(model, &text, &options, &mut out, &mut scratch);
                    let Ok(raw) = Raw::parse(&mut tape, &text) else {
                        // Not JSON (a number out of range): the engine's reader reports it.
                        assert!(matches!(fast_says, Verdict::Undecided), "{text}");
                        continue;
                    };
                    let engine_says = engine::validate(model, &raw, &options);
                    valid += engine_says.is_valid() as usize;
                    invalid += !engine_says.is_valid() as usize;
                    match fast_says {
                        Verdict::Valid(end) => {
                            decided += 1;
                            assert!(text.as_bytes()[end..].iter().all(u8::is_ascii_whitespace), "{text}");
                            assert!(engine_says.is_valid(), "fast path accepted what the engine refuses: {text} {:?}", engine_says.errors);
                            let normalized = std::str::from_utf8(&out[16..]).unwrap();
                            assert_eq!(Some(normalized), engine_says.value.as_deref(), "{text}");
                        }
                        Verdict::Invalid(end, errors) => {
                            reported += 1;
                            assert!(text.as_bytes()[end..].iter().all(u8::is_ascii_whitespace), "{text}");
                            assert_eq!(errors, engine_says.errors, "{text}");
                            assert_eq!(out, b"previous record\n", "an invalid record writes nothing");
                        }
                        Verdict::Undecided => assert_eq!(out, b"previous record\n", "a record left to the engine leaves the output alone"),
                    }
                }
                let (id, mode) = (model.id, options.mode);
                if options.coerce || patch_only {
                    assert_eq!(decided + reported, 0, "{id} {mode:?}: coercion and unsupported modes are the engine's");
                } else if model.root.fields.iter().any(|f| matches!(f.ty, Ty::Object(_) | Ty::List(_) | Ty::Map(_))) {
                    // Nested declared objects are the engine's: only flat records are decided.
                    assert!(decided > 0 && reported > 0, "{id} {mode:?}: no flat record decided");
                } else {
                    // Duplicate keys, and invalid records with escapes or kept unknown members,
                    // are left to the engine.
                    assert!(
                        valid > 300 && decided * 10 >= valid * 9 && invalid > 300 && reported * 2 >= invalid,
                        "{id} {mode:?} {:?}: {decided} of {valid} valid and {reported} of {invalid} invalid records decided",
                        options.unknown
                    );
                }
            }
        }
        let _ = (customer::MODEL.id, create_customer_dto::MODEL.id, patch_customer::MODEL.id);
    }

    /// A key is matched in place only when it is a whole JSON string.
    #[test]
    fn keys_are_whole_strings() {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let options = Options::create();
        for text in [r#"{xname":"a"}"#, r#"{name":"a"}"#, r#"{"name":"a"#, r#"{"nam":"a"}"#] {
            let verdict = record(&customer::MODEL, text, &options, &mut out, &mut scratch);
            assert!(!matches!(verdict, Verdict::Valid(_)), "{text}");
        }
        assert!(matches!(record(&customer::MODEL, r#"{"name":"a"}"#, &options, &mut out, &mut scratch), Verdict::Valid(12)));
    }

    /// A record read here never spans lines: NDJSON chunks are read record after record.
    #[test]
    fn records_stay_on_their_line() {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let options = Options::create();
        let one_line = r#" {"name":"a", "credit": 1 }  "#;
        assert!(matches!(record(&customer::MODEL, one_line, &options, &mut out, &mut scratch), Verdict::Valid(27)));
        for text in ["{\"name\":\"a\",\n\"credit\":1}", "{\"name\":\"a\",\"x\":[1,\n2]}", "\n{\"name\":\"a\"}"] {
            assert!(matches!(record(&customer::MODEL, text, &options, &mut out, &mut scratch), Verdict::Undecided), "{text:?}");
        }
    }
}
