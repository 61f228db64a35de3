//! Evo Voice `PatchCustomer` (SPEC section 3; seeds 002 and 003, their union).
//!
//! A patch only: every field optional, nothing filled in. The schedule rules mirror an
//! iCalendar RRULE (RFC 5545); the strict profile adds its ranges.

use crate::validate::options::Nulls;
use crate::schema::decl::{strict, Check, Field, Model, ObjectDecl, Rule, Ty};
use crate::validate::rules::format;
use crate::validate::rules::pattern::HTTP_URL;

// ---- Struct / Value: a recursive map, as protobuf's google.protobuf.Struct ----

/// `Struct`: string -> Value. Nesting is bounded by `engine::MAX_DEPTH`.
pub static STRUCT: Ty = Ty::Map(&VALUE_TY);
static VALUE_TY: Ty = Ty::Object(&VALUE);

pub static VALUE: ObjectDecl = ObjectDecl {
    name: "Value",
    description: "One value of a Struct: a boolean, string, number, list of Structs or Struct.",
    fields: &[
        Field::new("boolValue", Ty::Boolean),
        Field::new("stringValue", Ty::String),
        Field::new("numberValue", Ty::Number),
        Field::new("listValue", Ty::List(&STRUCT)),
        Field::new("structValue", STRUCT),
    ],
};

// ---- Schedule ----

pub static SIMPLE_RULE_TYPES: &[&str] = &["Always", "CustomerState", "Time"];
pub static FREQUENCIES: &[&str] = &["None", "Secondly", "Minutely", "Hourly", "Daily", "Weekly", "Monthly", "Yearly"];
pub static DAYS_OF_WEEK: &[&str] = &["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/// Colors of tags in responses (a patch refers to tags by id only).
pub static TAG_COLORS: &[&str] = &["Magenta", "Red", "Volcano", "Orange", "Gold", "Lime", "Green", "Cyan", "Blue", "GeekBlue", "Purple"];

static INT_LIST: Ty = Ty::List(&Ty::Int32);

const fn int_list(name: &'static str, label: &'static str, doc: &'static str, rules: &'static [Rule]) -> Field {
    Field::new(name, INT_LIST).label(label).doc(doc).rules(rules)
}

pub static SCHEDULE_DAY: ObjectDecl = ObjectDecl {
    name: "ScheduleDay",
    description: "A BYDAY entry: a weekday, with an optional ordinal (0 = every).",
    fields: &[
        Field::new("offset", Ty::Int32)
            .label("Offset")
            .doc("Ordinal of the weekday in the period; 0 = every.")
            .rules(&[strict(Check::Range { min: -53, max: 53 })]),
        Field::new("dayOfWeek", Ty::ServiceStackEnum(DAYS_OF_WEEK)).label("Day of week"),
    ],
};

static SCHEDULE_DAYS: Ty = Ty::Object(&SCHEDULE_DAY);

pub static SCHEDULING_RULE: ObjectDecl = ObjectDecl {
    name: "SchedulingRule",
    description: "One rule of a schedule, with iCalendar RRULE parts.",
    fields: &[
        Field::new("id", Ty::String).label("ID"),
        Field::new("name", Ty::String).label("Name"),
        Field::new("priority", Ty::Int32).label("Priority"),
        Field::new("state", Ty::String).label("State"),
        Field::new("source", Ty::String).label("Source"),
        Field::new("condition", Ty::String).label("Condition"),
        Field::new("simpleRuleType", Ty::ServiceStackEnum(SIMPLE_RULE_TYPES)).label("Simple rule type"),
        Field::new("customerState", Ty::String).label("Customer state"),
        Field::new("flowId", Ty::String).label("Flow ID"),
        Field::new("flowParams", STRUCT).label("Flow parameters"),
        Field::new("isAllDay", Ty::Boolean).label("All day"),
        Field::new("startDate", Ty::String)
            .label("Start date")
            .doc("The first day the rule applies.")
            .rules(&[strict(Check::Format(&format::DATE))]),
        Field::new("startTime", Ty::String)
            .label("Start time")
            .doc("When the rule starts each day.")
            .rules(&[strict(Check::Format(&format::TIME))]),
        Field::new("endTime", Ty::String)
            .label("End time")
            .doc("When the rule ends each day.")
            .rules(&[strict(Check::Format(&format::TIME))]),
        int_list(
            "bySetPosition",
            "By set position",
            "Which of the matching occurrences count: 1 the first, -1 the last.",
            &[strict(Check::Each(&Check::SignedRange { max: 366 }))],
        ),
        int_list("byMonth", "By month", "Months of the year: 1 is January.", &[strict(Check::Each(&Check::Range { min: 1, max: 12 }))]),
        int_list(
            "byWeekNo",
            "By week number",
            "Weeks of the year: -1 is the last.",
            &[strict(Check::Each(&Check::SignedRange { max: 53 }))],
        ),
        int_list("byYearDay", "By year day", "Days of the year: -1 is the last.", &[strict(Check::Each(&Check::SignedRange { max: 366 }))]),
        int_list(
            "byMonthDay",
            "By month day",
            "Days of the month: -1 is the last.",
            &[strict(Check::Each(&Check::SignedRange { max: 31 }))],
        ),
        Field::new("byDay", Ty::List(&SCHEDULE_DAYS)).label("By day"),
        int_list("byHour", "By hour", "Hours of the day.", &[strict(Check::Each(&Check::Range { min: 0, max: 23 }))]),
        int_list("byMinute", "By minute", "Minutes of the hour.", &[strict(Check::Each(&Check::Range { min: 0, max: 59 }))]),
        Field::new("interval", Ty::Int32)
            .label("Interval")
            .doc("Every how many periods the rule repeats.")
            .rules(&[strict(Check::NonNegative)]),
        Field::new("count", Ty::Int32).label("Count").doc("How many times the rule repeats.").rules(&[strict(Check::NonNegative)]),
        Field::new("untilDate", Ty::String)
            .label("Until date")
            .doc("The last day the rule applies.")
            .rules(&[strict(Check::Format(&format::DATE))]),
        Field::new("frequency", Ty::ServiceStackEnum(FREQUENCIES)).label("Frequency"),
    ],
};

static SCHEDULING_RULES: Ty = Ty::Object(&SCHEDULING_RULE);

pub static SCHEDULE: ObjectDecl = ObjectDecl {
    name: "Schedule",
    description: "A customer's schedule: a time zone, rules and a default state.",
    fields: &[
        Field::new("timeZoneId", Ty::String).label("Time zone ID"),
        Field::new("inherit", Ty::Boolean).label("Inherit"),
        Field::new("forceClosed", Ty::Boolean).label("Force closed"),
        Field::new("rules", Ty::List(&SCHEDULING_RULES)).label("Rules"),
        Field::new("defaultState", Ty::String).label("Default state"),
    ],
};

// ---- Billing ----

const COST: &[Rule] = &[strict(Check::NonNegative)];

pub static BILLING_ITEM: ObjectDecl = ObjectDecl {
    name: "BillingItem",
    description: "The price of one billable item.",
    fields: &[
        Field::new("baseCost", Ty::Number).label("Base cost").doc("").rules(COST),
        Field::new("rawUnitMultiplier", Ty::Number).label("Raw unit multiplier").doc("").rules(COST),
        Field::new("unitCost", Ty::Number).label("Unit cost").doc("").rules(COST),
        Field::new("allowance", Ty::Int32).label("Allowance"),
    ],
};

const fn item(name: &'static str, label: &'static str) -> Field {
    Field::new(name, Ty::Object(&BILLING_ITEM)).label(label)
}

pub static BILLING_SETTINGS: ObjectDecl = ObjectDecl {
    name: "BillingSettings",
    description: "Prices of the twelve billable items.",
    fields: &[
        item("base", "Base"),
        item("localNumbers", "Local numbers"),
        item("tollFreeNumbers", "Toll-free numbers"),
        item("inboundVoiceCalls", "Inbound voice calls"),
        item("outboundVoiceCalls", "Outbound voice calls"),
        item("inboundFaxes", "Inbound faxes"),
        item("outboundFaxes", "Outbound faxes"),
        item("inboundSmsMessages", "Inbound SMS messages"),
        item("outboundSmsMessages", "Outbound SMS messages"),
        item("aiInsights", "AI insights"),
        item("aiLiveMinutes", "AI live minutes"),
        item("aiMessages", "AI messages"),
    ],
};

// ---- App settings ----

const URL: &[Rule] = &[strict(Check::Pattern(&HTTP_URL))];

pub static APP_SETTINGS: ObjectDecl = ObjectDecl {
    name: "AppSettings",
    description: "App and portal settings.",
    fields: &[
        Field::new("enablePhoneNumberManagement", Ty::Boolean).label("Phone number management"),
        Field::new("enableDeviceManagement", Ty::Boolean).label("Device management"),
        Field::new("enableDialer", Ty::Boolean).label("Dialer"),
        Field::new("enableCallHistory", Ty::Boolean).label("Call history"),
        Field::new("enableAssistants", Ty::Boolean).label("Assistants"),
        Field::new("showFileNameInMessageCenter", Ty::Boolean).label("File names in message center"),
        Field::new("chakraTheme", Ty::String).label("Chakra theme"),
        Field::new("customCss", Ty::String).label("Custom CSS"),
        Field::new("pageTitle", Ty::String).label("Page title"),
        Field::new("stringMappings", Ty::String).label("String mappings"),
        Field::new("logoutUrl", Ty::String).label("Logout URL").doc("Where the portal goes after signing out.").rules(URL),
        Field::new("portMyNumberUrl", Ty::String).label("Port-my-number URL").doc("Where customers ask to bring their number.").rules(URL),
    ],
};

// ---- PatchCustomer ----

static TAG_IDS: Ty = Ty::List(&Ty::String);

pub static PATCH_CUSTOMER: ObjectDecl = ObjectDecl {
    name: "PatchCustomer",
    description: "Evo Voice PATCH /customers/{customerId}: only what is sent is changed.",
    fields: &[
        Field::new("customerId", Ty::String).label("Customer ID").doc("The ID of the customer to update."),
        Field::new("name", Ty::String).label("Name").doc("The name for the customer."),
        Field::new("parentCustomerId", Ty::String).label("Parent customer ID"),
        Field::new("referenceId", Ty::String).label("Reference ID").doc("The ID in a third-party system."),
        Field::new("data", STRUCT).label("Data").doc("Data values for this customer."),
        Field::new("tagIds", TAG_IDS).label("Tag IDs"),
        Field::new("schedule", Ty::Object(&SCHEDULE)).label("Schedule"),
        Field::new("overrideBillingSettings", Ty::Boolean).label("Override billing settings").doc("Otherwise inherited from the parent."),
        Field::new("billingSettings", Ty::Object(&BILLING_SETTINGS)).label("Billing settings"),
        Field::new("overrideAppSettings", Ty::Boolean).label("Override app settings").doc("Otherwise inherited from the parent."),
        Field::new("appSettings", Ty::Object(&APP_SETTINGS)).label("App settings"),
    ],
};

pub static MODEL: Model = Model {
    id: "patchCustomer",
    title: "PatchCustomer",
    label: "PatchCustomer",
    upstream: "Evo Voice",
    upstream_version: "Evo Voice PatchCustomer as its generated ServiceStack clients declare it (seeds 002 and 003)",
    root: &PATCH_CUSTOMER,
    nulls: Nulls::Absent,
    supports_create: false,
};
