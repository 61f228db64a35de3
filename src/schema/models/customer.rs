//! Circuit ID `CustomersCreateOrPatch` (SPEC section 1; seeds 000 and 001).

use crate::validate::options::Nulls;
use crate::schema::decl::{api, strict, Check, Field, Lit, Model, ObjectDecl, Rule, Ty};
use crate::validate::rules::format;
use crate::validate::rules::pattern::{HTTP_URL, OBJECT_ID};

pub static STATUS: &[&str] = &["active", "suspended", "terminated", "fraud"];
pub static BILL_METHODS: &[&str] = &["credit", "paymentmethod"];

const OBJECT_ID_RULES: &[Rule] = &[api(Check::Pattern(&OBJECT_ID))];

const fn object_id(name: &'static str, label: &'static str) -> Field {
    Field::new(name, Ty::String).label(label).doc("ObjectId (unique 12 bytes ID): 24 hexadecimal digits").rules(OBJECT_ID_RULES)
}

const fn int(name: &'static str, label: &'static str, default: i32) -> Field {
    Field::new(name, Ty::Int32).label(label).default(Lit::Int(default))
}

const fn flag(name: &'static str, label: &'static str, default: i32) -> Field {
    Field::new(name, Ty::Flag).label(label).default(Lit::Int(default))
}

pub static CUSTOMERS: ObjectDecl = ObjectDecl {
    name: "Customers",
    description: "A Circuit ID customer: POST /customers and PATCH /customers/{id} share this schema.",
    fields: &[
        Field::new("name", Ty::String).label("Name").required().rules(&[api(Check::MaxLength(45))]),
        Field::new("status", Ty::Enum(STATUS)).label("Status").default(Lit::Str("active")),
        Field::new("websiteUrl", Ty::String).label("Website URL").rules(&[api(Check::MaxLength(255)), strict(Check::Pattern(&HTTP_URL))]),
        Field::new("logo", Ty::String).label("Logo").rules(&[api(Check::MaxLength(255))]),
        int("credit", "Credit", 0),
        object_id("adminUserId", "Admin user ID"),
        object_id("billingUserId", "Billing user ID"),
        object_id("callRecordingUserId", "Call recording user ID"),
        int("callForwardingCallLimit", "Call forwarding call limit", 10),
        object_id("supportUserId", "Support user ID"),
        int("automaticRefillAmount", "Automatic refill amount", 0),
        int("lowBalanceAlertAmount", "Low balance alert amount", 0),
        Field::new("lowBalanceAlertAt", Ty::String)
            .label("Low balance alert at")
            .doc("When the last low balance alert was sent.")
            .rules(&[api(Check::Format(&format::DATE_TIME))]),
        int("lowBalanceAlertCount", "Low balance alert count", 0),
        object_id("lastAutomaticRefillInvoice", "Last automatic refill invoice"),
        flag("internationalCalling", "International calling", 0),
        Field::new("createdByIP", Ty::String).label("Created by IP").rules(&[
            api(Check::MinLength {
                min: 8,
                reason: Some(
                    "the upstream API requires at least 8 characters, so short addresses such as 1.1.1.1 and ::1 are refused there too",
                ),
            }),
            api(Check::MaxLength(45)),
            strict(Check::Format(&format::IP)),
        ]),
        flag("callDebug", "Call debug", 0),
        flag("mediaBypass", "Media bypass", 0),
        flag("accountLock", "Account lock", 1),
        flag("callRecording", "Call recording", 0),
        int("cdrRetention", "CDR retention", 12),
        flag("cnamLookUps", "CNAM look-ups", 0),
        flag("holdMusic", "Hold music", 0),
        Field::new("transcribeCalls", Ty::Flag).label("Transcribe calls"),
        int("maxOutboundCallRate", "Max outbound call rate", 1),
        Field::new("defaultBillMethod", Ty::Enum(BILL_METHODS)).label("Default bill method").required().default(Lit::Str("credit")),
    ],
};

pub static MODEL: Model = Model {
    id: "customer",
    title: "CustomersCreateOrPatch",
    label: "Customer",
    upstream: "Circuit ID",
    upstream_version: "Circuit ID API 0.47.20, as the seed (0.47.22 dropped status, callForwardingCallLimit, lowBalanceAlertAt, lowBalanceAlertCount, lastAutomaticRefillInvoice and callDebug; they are kept here)",
    root: &CUSTOMERS,
    nulls: Nulls::Reject,
    supports_create: true,
};
