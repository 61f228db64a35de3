//! The validation engine: walks a model's declaration and an input together, collects every
//! error with its JSON Pointer, and builds the normalized value.

use crate::input::{Input, Kind, Unpassable};
use crate::report::error::{Code, Error, Param, Params, Pointer};
use crate::schema::decl::{Check, Field, Model, ObjectDecl, Rule, Ty};
use crate::validate::options::{Mode, Nulls, Options, Unknown};
use crate::validate::rules::types::{self, Mismatch, Typed, FLAG_VALUES, INT32_MAX, INT32_MIN};
use crate::validate::rules::{self, when_flag, Subject};

/// How many map levels (Struct inside Value inside Struct ...) are followed before a
/// `max_depth` error. The engine's recursion is bounded by it, so no input can overflow the stack.
pub const MAX_DEPTH: usize = 32;

/// How deep containers may nest in a record, the record's own object being the first level:
/// the first container past it (or a value passed through unchanged that nests past it) is a
/// `max_depth` error. The same bound for every input (JSON text, `Value`, JS values), so that
/// no path accepts what another refuses, and the engine's recursion is bounded by it.
pub const MAX_NESTING: usize = 128;

/// The `actual` of a value that cannot be read (a JS getter or Proxy trap threw).
pub(crate) const UNREADABLE: &str = "unreadable value";

/// Lists longer than this are refused (`max_items`) before any item is read: a sparse JS
/// array of length 2^32-1 must not make the engine allocate for each slot.
pub const MAX_ITEMS: usize = 10_000;

/// The result of validating one record.
#[derive(Debug)]
pub struct Outcome<O> {
    /// The normalized record; `Some` exactly when there are no errors.
    pub value: Option<O>,
    pub errors: Vec<Error>,
}

impl<O> Outcome<O> {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    fn failed(error: Error) -> Outcome<O> {
        Outcome { value: None, errors: vec![error] }
    }
}

/// The mode a run uses: the asked one if the model offers it, else an `unsupported_mode` error.
pub fn resolve_mode(model: &Model, options: &Options) -> Result<Mode, Error> {
    match options.mode {
        None if model.supports_create => Ok(Mode::Create),
        None => Ok(Mode::Patch),
        Some(Mode::Create) if !model.supports_create => Err(Error::new(
            "",
            Code::UnsupportedMode,
            Params::default().with("model", Param::Static(model.id)).with("mode", Param::Static("create")),
        )),
        Some(mode) => Ok(mode),
    }
}

/// What a null property means in a run: the options' choice, else the model's.
pub fn resolve_nulls(model: &Model, options: &Options) -> Nulls {
    options.nulls.unwrap_or(model.nulls)
}

/// Validates one record of `model`.
pub fn validate<I: Input>(model: &'static Model, input: &I, options: &Options) -> Outcome<I::Out> {
    validate_only(model, input, options, u64::MAX)
}

/// `validate`, with the values of the root fields outside `only` (bit `i` for field `i`; the
/// fields past 64 always count) taken as they are, unchecked. For a caller that has already
/// checked them, and passes the set that failed: the errors are `validate`'s then, at the
/// cost of checking those few fields. (The value is not: unchecked values are passed through.)
pub fn validate_only<I: Input>(model: &'static Model, input: &I, options: &Options, only: u64) -> Outcome<I::Out> {
    let mode = match resolve_mode(model, options) {
        Ok(mode) => mode,
        Err(e) => return Outcome::failed(e),
    };
    let mut run = Run::new(options, mode, resolve_nulls(model, options), only, 0);
    let value = run.object(model.root, input, 0);
    let errors = run.finish();
    Outcome { value: if errors.is_empty() { value } else { None }, errors }
}

/// Validates one field's value as a form does while a person types. `field` is a field name
/// or a JSON Pointer through nested objects and lists (`/schedule/rules/0/byMonth`);
/// `context` holds the sibling values rules depend on.
pub fn validate_field<I: Input>(
    model: &'static Model,
    field: &str,
    value: Option<&I>,
    context: Option<&I>,
    options: &Options,
) -> Vec<Error> {
    let mode = match resolve_mode(model, options) {
        Ok(mode) => mode,
        Err(e) => return vec![e],
    };
    let Some(target) = resolve_field(model.root, field) else {
        return vec![Error::new(
            "",
            Code::UnknownField,
            Params::default().with("model", Param::Static(model.id)).with("field", Param::Str(field.to_owned())),
        )];
    };
    // The value sits inside the record and the containers its pointer goes through.
    let level = pointer_segments(field).count();
    let mut run = Run::new(options, mode, resolve_nulls(model, options), u64::MAX, level);
    for segment in pointer_segments(field) {
        run.path.push_key(&segment);
    }
    let present = value.filter(|v| run.is_present(*v));
    match present {
        Some(v) => {
            let flags = |name: &str| context.and_then(|c| c.get(name)).and_then(|f| run_flag(options, &f));
            run.value(&target.ty, target.rules, v, &flags, 0);
        }
        None => {
            if mode == Mode::Create && target.required && target.default.is_none() {
                run.error(Code::Required, Params::default());
            }
        }
    }
    run.finish()
}

/// The field a name or JSON Pointer designates (list indexes are skipped over).
fn resolve_field(root: &'static ObjectDecl, field: &str) -> Option<&'static Field> {
    let mut decl = root;
    let mut segments = pointer_segments(field).peekable();
    while let Some(name) = segments.next() {
        let (_, f) = decl.field(&name)?;
        if segments.peek().is_none() {
            return Some(f);
        }
        let mut ty = &f.ty;
        while let Ty::List(item) = ty {
            segments.next().filter(|s| s.parse::<usize>().is_ok())?;
            ty = item;
        }
        let Ty::Object(d) = ty else { return None };
        decl = d;
    }
    None
}

/// `name` or `/a/b/0/c` as unescaped segments.
fn pointer_segments(field: &str) -> impl Iterator<Item = String> + '_ {
    let body = field.strip_prefix('/').unwrap_or(field);
    body.split('/').map(|s| s.replace("~1", "/").replace("~0", "~"))
}

/// A sibling flag's boolean value, as `WhenFlag` reads it.
fn run_flag<I: Input>(options: &Options, value: &I) -> Option<bool> {
    when_flag::flag_value(&value.kind(), options.coerce)
}

struct Run<'o> {
    options: &'o Options,
    mode: Mode,
    /// Whether a null property is as if it were not sent (`Nulls::Absent`).
    nulls_absent: bool,
    errors: Vec<Error>,
    path: Pointer,
    /// The root fields whose values are checked (see `validate_only`).
    only: u64,
    /// The containers the value being read is inside (see `MAX_NESTING`).
    level: usize,
    /// Errors found past `Options::max_errors`: counted, not kept.
    omitted: usize,
}

impl<'o> Run<'o> {
    fn new(options: &'o Options, mode: Mode, nulls: Nulls, only: u64, level: usize) -> Run<'o> {
        let nulls_absent = nulls == Nulls::Absent;
        Run { options, mode, nulls_absent, errors: Vec::new(), path: Pointer::default(), only, level, omitted: 0 }
    }

    /// Every error of a run goes through here: past `max_errors` it is only counted, so a
    /// record with millions of errors costs no more memory than one with `max_errors`.
    fn error(&mut self, code: Code, params: Params) {
        if self.errors.len() < self.options.max_errors.max(1) {
            self.errors.push(Error::new(self.path.render(), code, params));
        } else {
            self.omitted += 1;
        }
    }

    /// The errors, the count of those left out last (`too_many_errors`).
    fn finish(mut self) -> Vec<Error> {
        if self.omitted > 0 {
            let params = Params::default()
                .with("omitted", Param::Int(self.omitted as i64))
                .with("max", Param::Int(self.options.max_errors.max(1) as i64));
            self.errors.push(Error::new("", Code::TooManyErrors, params));
        }
        self.errors
    }

    fn type_error(&mut self, expected: &'static str, actual: &Kind) {
        let params = Params::default().with("expected", Param::Static(expected)).with("actual", Param::Static(actual.name()));
        self.error(Code::Type, params);
    }

    /// A property that was not sent: `undefined`, and `null` under `Nulls::Absent`.
    fn is_unsent(&self, kind: &Kind) -> bool {
        matches!(kind, Kind::Undefined) || (self.nulls_absent && matches!(kind, Kind::Null))
    }

    /// Whether a field holds a value: it was sent, and is not `""` under coercion (a form's
    /// empty field).
    fn is_present<I: Input>(&self, value: &I) -> bool {
        let kind = value.kind();
        match kind {
            _ if self.is_unsent(&kind) => false,
            Kind::Str(s) if self.options.coerce => !s.is_empty(),
            _ => true,
        }
    }

    fn checks(&mut self, rules: &[Rule], subject: Subject, flags: rules::Flags) {
        for rule in rules.iter().filter(|r| r.applies(self.options.profile)) {
            if let Err((code, params)) = rules::validate(&rule.check, subject, flags) {
                self.error(code, params);
            }
        }
    }

    /// Enters a container: `false` (with the `max_depth` error) past `MAX_NESTING`.
    fn enter(&mut self) -> bool {
        if self.level >= MAX_NESTING {
            self.nesting_error();
            return false;
        }
        self.level += 1;
        true
    }

    fn nesting_error(&mut self) {
        self.error(Code::MaxDepth, Params::default().with("max", Param::Int(MAX_NESTING as i64)));
    }

    /// A value passed through unchanged, unless it nests past `MAX_NESTING`.
    fn pass<I: Input>(&mut self, value: &I) -> Option<I::Out> {
        match value.pass_within(MAX_NESTING - self.level) {
            Ok(out) => Some(out),
            Err(Unpassable::TooDeep) => {
                self.nesting_error();
                None
            }
            Err(Unpassable::Unreadable) => {
                self.type_error("JSON value", &Kind::Other(UNREADABLE));
                None
            }
            Err(Unpassable::TooLarge(max)) => {
                self.error(Code::MaxItems, Params::default().with("max", Param::Int(max as i64)));
                None
            }
        }
    }

    fn object<I: Input>(&mut self, decl: &'static ObjectDecl, input: &I, depth: usize) -> Option<I::Out> {
        let kind = input.kind();
        if !matches!(kind, Kind::Object) {
            self.type_error("object", &kind);
            return None;
        }
        if !self.enter() {
            return None;
        }
        let out = self.members(decl, input, depth);
        self.level -= 1;
        out
    }

    fn members<I: Input>(&mut self, decl: &'static ObjectDecl, input: &I, depth: usize) -> Option<I::Out> {
        let is_root = depth == 0 && self.path.is_root();
        let mut unknown = Vec::new();
        let slots = match input.declared(decl) {
            Some(mut slots) => {
                for slot in &mut slots {
                    *slot = slot.take().filter(|v| self.is_present(v));
                }
                slots
            }
            None => {
                let mut slots: Vec<Option<I>> = (0..decl.fields.len()).map(|_| None).collect();
                let mut hint = 0;
                let Some(entries) = input.entries() else {
                    self.type_error("object", &Kind::Other(UNREADABLE));
                    return None;
                };
                for (key, value) in entries {
                    match decl.field_after(&key, hint) {
                        Some((i, _)) => {
                            hint = i + 1;
                            slots[i] = Some(value).filter(|v| self.is_present(v));
                        }
                        None if self.is_unsent(&value.kind()) => {}
                        None => unknown.push((key, value)),
                    }
                }
                slots
            }
        };
        let options = self.options;
        let flags = |name: &str| decl.field(name).and_then(|(i, _)| slots[i].as_ref()).and_then(|v| run_flag(options, v));

        let mut out = I::object_with_capacity(decl.fields.len());
        for (i, (field, slot)) in decl.fields.iter().zip(&slots).enumerate() {
            match slot {
                Some(value) if is_root && i < 64 && self.only & (1 << i) == 0 => {
                    if let Some(v) = self.pass(value) {
                        I::object_set_field(&mut out, field.name, v);
                    }
                }
                Some(value) => {
                    let mark = self.path.push_field(field.name);
                    if let Some(v) = self.value(&field.ty, field.rules, value, &flags, depth) {
                        I::object_set_field(&mut out, field.name, v);
                    }
                    self.path.truncate(mark);
                }
                None if self.mode == Mode::Create => {
                    if let Some(default) = field.default {
                        I::object_set_lit(&mut out, field.name, default);
                    } else if field.required {
                        let mark = self.path.push_field(field.name);
                        self.error(Code::Required, Params::default());
                        self.path.truncate(mark);
                    }
                }
                None => {}
            }
        }
        for (key, value) in unknown {
            match self.options.unknown {
                Unknown::Allow => {
                    let mark = self.path.push_key(&key);
                    if let Some(v) = self.pass(&value) {
                        I::object_set(&mut out, &key, v);
                    }
                    self.path.truncate(mark);
                }
                Unknown::Strip => {}
                Unknown::Reject => {
                    let mark = self.path.push_key(&key);
                    self.error(Code::UnknownProperty, Params::default().with("model", Param::Static(decl.name)));
                    self.path.truncate(mark);
                }
            }
        }
        if is_root && self.mode == Mode::Patch && I::object_len(&out) == 0 && self.errors.is_empty() {
            self.error(Code::MinProperties, Params::default().with("min", Param::Int(1)));
        }
        Some(I::object_done(out))
    }

    fn value<I: Input>(&mut self, ty: &Ty, rules: &[Rule], value: &I, flags: rules::Flags, depth: usize) -> Option<I::Out> {
        let kind = value.kind();
        let typed = match types::type_test(ty, &kind, self.options.coerce, self.options.profile) {
            Ok(typed) => typed,
            Err(mismatch) => {
                self.mismatch(ty, mismatch, &kind);
                return None;
            }
        };
        let subject = match typed {
            Typed::Str(s) => Subject::Str(s),
            Typed::Int { value: i, coerced } => {
                self.checks(rules, Subject::Int(i.into()), flags);
                return Some(if coerced { I::out_i32(i) } else { value.pass() });
            }
            Typed::Num { value: n, coerced: true } => {
                self.checks(rules, Subject::Num(n), flags);
                return Some(I::out_f64(n));
            }
            Typed::Num { value: n, coerced: false } => Subject::Num(n),
            Typed::Bool { value: b, coerced } => return Some(if coerced { I::out_bool(b) } else { value.pass() }),
            Typed::Enum { canonical: None } => return Some(value.pass()),
            Typed::Enum { canonical: Some(name) } => return Some(I::out_str(name)),
            Typed::AnyObject => return self.pass(value),
            Typed::Container => return self.container(ty, rules, value, flags, depth),
        };
        self.checks(rules, subject, flags);
        Some(value.pass())
    }

    /// The error of a value that failed its type's test.
    fn mismatch(&mut self, ty: &Ty, mismatch: Mismatch, actual: &Kind) {
        match mismatch {
            Mismatch::Type(expected) => self.type_error(expected, actual),
            Mismatch::Int32 => {
                self.error(Code::Int32, Params::default().with("min", Param::Int(INT32_MIN)).with("max", Param::Int(INT32_MAX)))
            }
            Mismatch::Flag => self.error(Code::Enum, Params::default().with("allowed", Param::IntList(FLAG_VALUES))),
            Mismatch::Enum(suggestion) => {
                let allowed = match ty {
                    Ty::Enum(allowed) | Ty::ServiceStackEnum(allowed) => allowed,
                    _ => &[][..],
                };
                let mut params = Params::default().with("allowed", Param::StaticList(allowed));
                if let Some(name) = suggestion {
                    // What the api profile would read it as (ServiceStack's parser).
                    params = params.with("suggestion", Param::Static(name));
                }
                self.error(Code::Enum, params)
            }
        }
    }

    /// A declared object, list or map (its type test passed): walked member by member.
    fn container<I: Input>(&mut self, ty: &Ty, rules: &[Rule], value: &I, flags: rules::Flags, depth: usize) -> Option<I::Out> {
        match ty {
            Ty::Object(decl) => self.object(decl, value, depth),
            Ty::List(item) => {
                if value.item_count() > MAX_ITEMS {
                    self.error(Code::MaxItems, Params::default().with("max", Param::Int(MAX_ITEMS as i64)));
                    return None;
                }
                if !self.enter() {
                    return None;
                }
                let item_rules: Vec<Rule> = rules
                    .iter()
                    .filter_map(|r| if let Check::Each(inner) = r.check { Some(Rule { profile: r.profile, check: *inner }) } else { None })
                    .collect();
                let mut out = I::array_new();
                for (i, it) in value.items().iter().enumerate() {
                    let mark = self.path.push_index(i);
                    if let Some(v) = self.value(item, &item_rules, it, flags, depth) {
                        I::array_push(&mut out, v);
                    }
                    self.path.truncate(mark);
                }
                self.level -= 1;
                Some(I::array_done(out))
            }
            Ty::Map(entry) => {
                if depth >= MAX_DEPTH {
                    self.error(Code::MaxDepth, Params::default().with("max", Param::Int(MAX_DEPTH as i64)));
                    return None;
                }
                if !self.enter() {
                    return None;
                }
                let Some(entries) = value.entries() else {
                    self.level -= 1;
                    self.type_error("object", &Kind::Other(UNREADABLE));
                    return None;
                };
                let mut out = I::object_new();
                for (key, it) in entries {
                    if matches!(it.kind(), Kind::Undefined) {
                        continue;
                    }
                    let mark = self.path.push_key(&key);
                    if let Some(v) = self.value(entry, &[], &it, flags, depth + 1) {
                        I::object_set(&mut out, &key, v);
                    }
                    self.path.truncate(mark);
                }
                self.level -= 1;
                Some(I::object_done(out))
            }
            // `type_test` calls only declared objects, lists and maps containers.
            Ty::String | Ty::Int32 | Ty::Flag | Ty::Boolean | Ty::Number | Ty::Enum(_) | Ty::ServiceStackEnum(_) | Ty::AnyObject => None,
        }
    }
}
