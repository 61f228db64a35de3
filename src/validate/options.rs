//! Options of a validation run.

use crate::report::messages::Templates;
use crate::schema::decl::Profile;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// A full new record: defaults filled in, required fields checked.
    #[default]
    Create,
    /// A partial update: only present fields checked, nothing filled in, `{}` refused.
    Patch,
}

impl Mode {
    pub const NAMES: &'static [&'static str] = &["create", "patch"];
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "create" => Some(Mode::Create),
            "patch" => Some(Mode::Patch),
            _ => None,
        }
    }
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Create => "create",
            Mode::Patch => "patch",
        }
    }
}

impl Profile {
    pub const NAMES: &'static [&'static str] = &["strict", "api"];
    pub fn parse(s: &str) -> Option<Profile> {
        match s {
            "strict" => Some(Profile::Strict),
            "api" => Some(Profile::Api),
            _ => None,
        }
    }
}

/// What happens to properties a model does not declare (upstream allows them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unknown {
    /// Kept in the normalized value, unchanged.
    #[default]
    Allow,
    /// Dropped from the normalized value.
    Strip,
    /// An `unknown_property` error each.
    Reject,
}

impl Unknown {
    pub const NAMES: &'static [&'static str] = &["allow", "strip", "reject"];
    pub fn parse(s: &str) -> Option<Unknown> {
        match s {
            "allow" => Some(Unknown::Allow),
            "strip" => Some(Unknown::Strip),
            "reject" => Some(Unknown::Reject),
            _ => None,
        }
    }
    pub const fn as_str(self) -> &'static str {
        match self {
            Unknown::Allow => "allow",
            Unknown::Strip => "strip",
            Unknown::Reject => "reject",
        }
    }
}

/// What a `null` in a declared field means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nulls {
    /// A `type` error: null is no value of any field (Circuit ID's and Vapi's contracts).
    Reject,
    /// As if the property were not sent: dropped from the value, defaults filled in create
    /// mode (Evo Voice's `PatchCustomer`, whose clients send null for "not set").
    Absent,
}

impl Nulls {
    pub const NAMES: &'static [&'static str] = &["reject", "absent"];
    pub fn parse(s: &str) -> Option<Nulls> {
        match s {
            "reject" => Some(Nulls::Reject),
            "absent" => Some(Nulls::Absent),
            _ => None,
        }
    }
    pub const fn as_str(self) -> &'static str {
        match self {
            Nulls::Reject => "reject",
            Nulls::Absent => "absent",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    /// `None`: the model's own default (`create` where it is offered, else `patch`).
    pub mode: Option<Mode>,
    pub profile: Profile,
    /// HTML-form coercion: decimal strings to int32, "true"/"false" to booleans, "" to absent.
    pub coerce: bool,
    pub unknown: Unknown,
    /// `None`: the model's own (`Model::nulls`: `absent` for patchCustomer, else `reject`).
    pub nulls: Option<Nulls>,
    pub messages: Templates,
    /// Errors reported per record; past it one `too_many_errors` error gives how many more
    /// there were (collected errors are what a record costs in memory, not its size).
    pub max_errors: usize,
}

/// `Options::max_errors` unless asked otherwise.
pub const DEFAULT_MAX_ERRORS: usize = 100;

impl Default for Options {
    fn default() -> Options {
        Options {
            mode: None,
            profile: Profile::Strict,
            coerce: false,
            unknown: Unknown::Allow,
            nulls: None,
            messages: Templates::default(),
            max_errors: DEFAULT_MAX_ERRORS,
        }
    }
}

impl Options {
    pub fn patch() -> Options {
        Options { mode: Some(Mode::Patch), ..Options::default() }
    }
    pub fn create() -> Options {
        Options { mode: Some(Mode::Create), ..Options::default() }
    }
    pub fn api() -> Options {
        Options { profile: Profile::Api, ..Options::default() }
    }
}
