//! Vapi `CreateCustomerDTO` (SPEC section 2; seed 004).

use crate::validate::options::Nulls;
use crate::schema::decl::{api, strict, Check, Field, Lit, Model, ObjectDecl, Ty};
use crate::validate::rules::pattern::{ALPHANUMERIC_NUMBER, DTMF, E164, EMAIL, SIP_URI};

pub static CREATE_CUSTOMER_DTO: ObjectDecl = ObjectDecl {
    name: "CreateCustomerDTO",
    description: "A Vapi customer, as sent with a call or a batch of calls.",
    fields: &[
        Field::new("numberE164CheckEnabled", Ty::Boolean)
            .label("E.164 check")
            .doc("When true (the default), number must be E.164; when false, letters and digits with an optional leading +.")
            .default(Lit::Bool(true)),
        Field::new("extension", Ty::String)
            .label("Extension")
            .doc("Dialled after the call is answered.")
            .rules(&[api(Check::MaxLength(10)), strict(Check::Pattern(&DTMF))]),
        Field::new("assistantOverrides", Ty::AnyObject)
            .label("Assistant overrides")
            .doc("Overrides of the assistant's settings and template variables for this customer."),
        Field::new("squadOverrides", Ty::AnyObject)
            .label("Squad overrides")
            .doc("Overrides of the squad's settings and template variables for this customer (Vapi, 2026-07-30 on)."),
        Field::new("number", Ty::String).label("Number").doc("The customer's phone number.").rules(&[
            api(Check::MinLength { min: 3, reason: None }),
            api(Check::MaxLength(40)),
            api(Check::WhenFlag {
                flag: "numberE164CheckEnabled",
                absent: true,
                then: &Check::Pattern(&E164),
                otherwise: &Check::Pattern(&ALPHANUMERIC_NUMBER),
            }),
        ]),
        Field::new("sipUri", Ty::String).label("SIP URI").rules(&[strict(Check::Pattern(&SIP_URI))]),
        Field::new("name", Ty::String).label("Name").doc("For your own reference.").rules(&[api(Check::MaxLength(40))]),
        Field::new("email", Ty::String).label("E-mail").rules(&[api(Check::MaxLength(40)), strict(Check::Pattern(&EMAIL))]),
        Field::new("externalId", Ty::String).label("External ID").rules(&[api(Check::MaxLength(40))]),
    ],
};

pub static MODEL: Model = Model {
    id: "createCustomerDto",
    title: "CreateCustomerDTO",
    label: "CreateCustomerDTO",
    upstream: "Vapi",
    upstream_version: "Vapi's OpenAPI document of 2026-07-30 (CreateCustomerDTO with squadOverrides)",
    root: &CREATE_CUSTOMER_DTO,
    nulls: Nulls::Reject,
    supports_create: true,
};
