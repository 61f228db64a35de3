//! PatchCustomer (SPEC section 3): enums, iCalendar ranges, nesting and exact paths.
#![cfg(not(target_arch = "wasm32"))]

use customer_validation::models::patch_customer::{DAYS_OF_WEEK, FREQUENCIES, MODEL, SIMPLE_RULE_TYPES};
use customer_validation::{validate_json, Mode, Options, Profile, MAX_DEPTH};
use serde_json::{json, Value};

fn opts(profile: Profile) -> Options {
    Options { profile, ..Options::default() }
}

fn errors_in(input: Value, profile: Profile) -> Vec<(String, &'static str)> {
    validate_json(&MODEL, &input, &opts(profile)).errors.into_iter().map(|e| (e.path, e.code.as_str())).collect()
}

fn e(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_string(), code)
}

/// `{schedule: {rules: [{}, {}, {}, rule]}}`: the rule under test is at index 3.
fn rule(r: Value) -> Value {
    json!({ "schedule": { "rules": [{}, {}, {}, r] } })
}

#[test]
fn patch_only_nothing_filled_in() {
    let out = validate_json(&MODEL, &json!({ "name": "x" }), &Options::default());
    assert_eq!(out.value.unwrap(), json!({ "name": "x" }));
    let create = validate_json(&MODEL, &json!({ "name": "x" }), &Options::create());
    assert_eq!(create.errors.len(), 1);
    assert_eq!(create.errors[0].code.as_str(), "unsupported_mode");
    assert_eq!(create.errors[0].message(), "patchCustomer does not support create mode");
    assert_eq!(errors_in(json!({}), Profile::Strict), vec![e("", "min_properties")]);
    assert!(validate_json(&MODEL, &json!({ "schedule": {} }), &Options { mode: Some(Mode::Patch), ..Options::default() }).is_valid());
}

#[test]
fn top_level_types() {
    for (field, bad) in [
        ("customerId", json!(1)),
        ("name", json!(7)),
        ("parentCustomerId", json!([])),
        ("referenceId", json!(true)),
        ("data", json!([])),
        ("tagIds", json!("a")),
        ("schedule", json!([])),
        ("overrideBillingSettings", json!("true")),
        ("billingSettings", json!(1)),
        ("overrideAppSettings", json!(0)),
        ("appSettings", json!("on")),
    ] {
        assert_eq!(errors_in(json!({ field: bad }), Profile::Api), vec![e(&format!("/{field}"), "type")], "{field}");
    }
    assert_eq!(errors_in(json!({ "tagIds": ["a", 1, "b", null] }), Profile::Api), vec![e("/tagIds/1", "type"), e("/tagIds/3", "type")]);
}

/// Issue 15: ServiceStack.Text reads a .NET enum by name in any case and by its number
/// (declared order from 0, a JSON number or a string of digits). The api profile reads them
/// so and writes the declared name; strict wants the declared name, and its error offers it.
#[test]
fn rule_enums() {
    let options = |profile| Options { profile, ..Options::patch() };
    let value_at = |input: Value, profile| validate_json(&MODEL, &input, &options(profile)).value;
    for (field, values) in [("simpleRuleType", SIMPLE_RULE_TYPES), ("frequency", FREQUENCIES)] {
        let path = format!("/schedule/rules/3/{field}");
        let last = values.len() - 1;
        for (i, v) in values.iter().enumerate() {
            assert_eq!(errors_in(rule(json!({ field: v })), Profile::Strict), vec![], "{field}={v}");
            for written in [json!(v.to_lowercase()), json!(v.to_uppercase()), json!(i), json!(i.to_string()), json!(format!("0{i}"))] {
                let out =
                    value_at(rule(json!({ field: written.clone() })), Profile::Api).unwrap_or_else(|| panic!("{field}={written} in api"));
                assert_eq!(out["schedule"]["rules"][3][field], json!(v), "{field}={written} is {v}");
                let strict = validate_json(&MODEL, &rule(json!({ field: written.clone() })), &options(Profile::Strict)).errors;
                let exact = written == json!(v);
                assert_eq!(strict.len(), usize::from(!exact), "{field}={written} strict");
                if !exact {
                    assert_eq!((strict[0].path.as_str(), strict[0].code.as_str()), (path.as_str(), "enum"));
                    assert_eq!(
                        strict[0].params.get("suggestion"),
                        Some(&customer_validation::error::Param::Static(v)),
                        "{field}={written}"
                    );
                }
            }
        }
        // Past the last member, not a whole number, not a name: errors in both profiles.
        for profile in [Profile::Strict, Profile::Api] {
            assert_eq!(errors_in(rule(json!({ field: last + 1 })), profile), vec![e(&path, "type")], "{field} {profile:?}");
            assert_eq!(errors_in(rule(json!({ field: (last + 1).to_string() })), profile), vec![e(&path, "enum")]);
            assert_eq!(errors_in(rule(json!({ field: 1.5 })), profile), vec![e(&path, "type")]);
            assert_eq!(errors_in(rule(json!({ field: -1 })), profile), vec![e(&path, "type")]);
            assert_eq!(errors_in(rule(json!({ field: " 1" })), profile), vec![e(&path, "enum")]);
            assert_eq!(errors_in(rule(json!({ field: "" })), profile), vec![e(&path, "enum")]);
            assert_eq!(errors_in(rule(json!({ field: "Weekly!" })), profile), vec![e(&path, "enum")]);
        }
    }
    for d in DAYS_OF_WEEK {
        assert_eq!(errors_in(rule(json!({ "byDay": [{ "dayOfWeek": d, "offset": 1 }] })), Profile::Strict), vec![]);
    }
    assert_eq!(
        errors_in(rule(json!({ "byDay": [{ "dayOfWeek": "Mon" }, { "dayOfWeek": 7 }] })), Profile::Api),
        vec![e("/schedule/rules/3/byDay/0/dayOfWeek", "enum"), e("/schedule/rules/3/byDay/1/dayOfWeek", "type")]
    );
    let out =
        value_at(rule(json!({ "byDay": [{ "dayOfWeek": 0 }, { "dayOfWeek": "saturday" }], "frequency": "5" })), Profile::Api).unwrap();
    assert_eq!(out["schedule"]["rules"][3]["byDay"], json!([{ "dayOfWeek": "Sunday" }, { "dayOfWeek": "Saturday" }]));
    assert_eq!(out["schedule"]["rules"][3]["frequency"], json!("Weekly"));
}

#[test]
fn rrule_ranges_in_strict_only() {
    let cases: [(&str, &[i64], &[i64], &str); 7] = [
        ("byMonth", &[1, 12], &[0, 13, -1], "range"),
        ("byHour", &[0, 23], &[-1, 24], "range"),
        ("byMinute", &[0, 59], &[-1, 60], "range"),
        ("byWeekNo", &[1, 53, -1, -53], &[0, 54, -54], "signed_range"),
        ("byYearDay", &[1, 366, -366], &[0, 367, -367], "signed_range"),
        ("byMonthDay", &[1, 31, -31], &[0, 32, -32], "signed_range"),
        ("bySetPosition", &[1, 366, -366], &[0, 367, -367], "signed_range"),
    ];
    for (field, good, bad, code) in cases {
        assert_eq!(errors_in(rule(json!({ field: good })), Profile::Strict), vec![], "{field}");
        let want: Vec<_> = (0..bad.len()).map(|i| e(&format!("/schedule/rules/3/{field}/{}", i + 1), code)).collect();
        let mut list = vec![good[0]];
        list.extend_from_slice(bad);
        assert_eq!(errors_in(rule(json!({ field: list })), Profile::Strict), want, "{field}");
        assert_eq!(errors_in(rule(json!({ field: list })), Profile::Api), vec![], "{field} api");
        // int32 holds in both profiles
        assert_eq!(
            errors_in(rule(json!({ field: [1.5, 2147483648i64] })), Profile::Api),
            vec![e(&format!("/schedule/rules/3/{field}/0"), "int32"), e(&format!("/schedule/rules/3/{field}/1"), "int32")]
        );
    }
    assert_eq!(
        errors_in(rule(json!({ "byDay": [{ "offset": 54 }, { "offset": -53 }] })), Profile::Strict),
        vec![e("/schedule/rules/3/byDay/0/offset", "range")]
    );
    for field in ["interval", "count"] {
        assert_eq!(errors_in(rule(json!({ field: 0 })), Profile::Strict), vec![]);
        assert_eq!(errors_in(rule(json!({ field: -1 })), Profile::Strict), vec![e(&format!("/schedule/rules/3/{field}"), "non_negative")]);
        assert_eq!(errors_in(rule(json!({ field: -1 })), Profile::Api), vec![]);
    }
}

#[test]
fn rule_dates_and_times() {
    let good = json!({ "startDate": "2024-02-29", "untilDate": "2025-12-31", "startTime": "08:00", "endTime": "17:30:59" });
    assert_eq!(errors_in(rule(good), Profile::Strict), vec![]);
    let bad = json!({ "startDate": "2023-02-29", "untilDate": "31/12/2025", "startTime": "8:00", "endTime": "24:00" });
    assert_eq!(
        errors_in(rule(bad.clone()), Profile::Strict),
        vec![
            e("/schedule/rules/3/startDate", "date"),
            e("/schedule/rules/3/startTime", "time"),
            e("/schedule/rules/3/endTime", "time"),
            e("/schedule/rules/3/untilDate", "date"),
        ]
    );
    assert_eq!(errors_in(rule(bad), Profile::Api), vec![]);
}

#[test]
fn billing_items() {
    let items = [
        "base",
        "localNumbers",
        "tollFreeNumbers",
        "inboundVoiceCalls",
        "outboundVoiceCalls",
        "inboundFaxes",
        "outboundFaxes",
        "inboundSmsMessages",
        "outboundSmsMessages",
        "aiInsights",
        "aiLiveMinutes",
        "aiMessages",
    ];
    for item in items {
        let ok = json!({ "billingSettings": { item: { "baseCost": 0, "rawUnitMultiplier": 1.5, "unitCost": 0.01, "allowance": 100 } } });
        assert_eq!(errors_in(ok, Profile::Strict), vec![], "{item}");
        let bad = json!({ "billingSettings": { item: { "baseCost": -0.01, "rawUnitMultiplier": -1, "unitCost": "1", "allowance": 1.5 } } });
        let p = |f: &str| format!("/billingSettings/{item}/{f}");
        assert_eq!(
            errors_in(bad.clone(), Profile::Strict),
            vec![
                e(&p("baseCost"), "non_negative"),
                e(&p("rawUnitMultiplier"), "non_negative"),
                e(&p("unitCost"), "type"),
                e(&p("allowance"), "int32")
            ]
        );
        assert_eq!(errors_in(bad, Profile::Api), vec![e(&p("unitCost"), "type"), e(&p("allowance"), "int32")]);
    }
    assert_eq!(
        errors_in(json!({ "billingSettings": { "aiMessages": { "unitCost": -1 } } }), Profile::Strict),
        vec![e("/billingSettings/aiMessages/unitCost", "non_negative")]
    );
}

#[test]
fn app_settings() {
    let ok = json!({ "appSettings": {
        "enablePhoneNumberManagement": true, "enableDeviceManagement": false, "enableDialer": true,
        "enableCallHistory": true, "enableAssistants": false, "showFileNameInMessageCenter": true,
        "chakraTheme": "dark", "customCss": "body{}", "pageTitle": "Portal", "stringMappings": "{}",
        "logoutUrl": "https://example.com/bye", "portMyNumberUrl": "http://example.com/port"
    }});
    assert_eq!(errors_in(ok, Profile::Strict), vec![]);
    let bad = json!({ "appSettings": { "enableAssistants": "yes", "logoutUrl": "example.com", "portMyNumberUrl": "javascript:alert(1)" } });
    assert_eq!(
        errors_in(bad.clone(), Profile::Strict),
        vec![e("/appSettings/enableAssistants", "type"), e("/appSettings/logoutUrl", "url"), e("/appSettings/portMyNumberUrl", "url")]
    );
    assert_eq!(errors_in(bad, Profile::Api), vec![e("/appSettings/enableAssistants", "type")]);
}

#[test]
fn struct_values_and_paths() {
    let data = json!({ "data": {
        "plan": { "structValue": { "tier": { "numberValue": "gold" } } },
        "flags": { "listValue": [{ "a": { "boolValue": true } }, { "b": { "boolValue": "no" } }] },
        "label": { "stringValue": 5 },
        "bad": 7
    }});
    // Map entries come in the input's order, natively too (serde_json's `preserve_order`).
    assert_eq!(
        errors_in(data, Profile::Strict),
        vec![
            e("/data/plan/structValue/tier/numberValue", "type"),
            e("/data/flags/listValue/1/b/boolValue", "type"),
            e("/data/label/stringValue", "type"),
            e("/data/bad", "type"),
        ]
    );
    let flow = rule(json!({ "flowParams": { "x": { "structValue": [] } } }));
    assert_eq!(errors_in(flow, Profile::Strict), vec![e("/schedule/rules/3/flowParams/x/structValue", "type")]);
    let keys = json!({ "data": { "a/b": { "stringValue": 1 }, "t~": { "numberValue": "x" } } });
    assert_eq!(errors_in(keys, Profile::Api), vec![e("/data/a~1b/stringValue", "type"), e("/data/t~0/numberValue", "type")]);
}

/// `levels` nested Structs: data -> k.structValue -> k.structValue ...
fn nested(levels: usize) -> Value {
    let mut v = json!({ "leaf": { "boolValue": true } });
    for _ in 1..levels {
        v = json!({ "k": { "structValue": v } });
    }
    json!({ "data": v })
}

#[test]
fn depth_is_bounded() {
    assert_eq!(errors_in(nested(MAX_DEPTH), Profile::Strict), vec![]);
    let path = format!("/data{}", "/k/structValue".repeat(MAX_DEPTH));
    assert_eq!(errors_in(nested(MAX_DEPTH + 1), Profile::Strict), vec![e(&path, "max_depth")]);
    let out = validate_json(&MODEL, &nested(MAX_DEPTH + 1), &Options::default());
    assert_eq!(out.errors[0].message(), "nests deeper than 32 levels");
}

#[test]
fn deep_input_is_refused_without_recursing_into_it() {
    // 100,000 levels, built iteratively; the engine stops at MAX_DEPTH.
    // (json! would serialize `v` recursively; build the maps by hand.)
    let wrap = |key: &str, v: Value| Value::Object(serde_json::Map::from_iter([(key.to_string(), v)]));
    let mut v = json!({});
    for _ in 0..100_000 {
        v = wrap("k", wrap("structValue", v));
    }
    let input = wrap("data", v);
    let out = validate_json(&MODEL, &input, &Options::default());
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].code.as_str(), "max_depth");
    // serde_json's own Drop recurses; that is the caller's value, not the engine's work.
    std::mem::forget(input);
}

#[test]
fn hand_made_patch_with_known_errors() {
    let input = json!({
        "name": "Acme",
        "tagIds": ["t1", "t2"],
        "schedule": {
            "timeZoneId": "Europe/Berlin",
            "rules": [
                { "name": "weekdays", "frequency": "Weekly", "byDay": [{ "dayOfWeek": "Monday" }], "byHour": [9, 17] },
                { "frequency": "Fortnightly", "byMonth": [13], "startTime": "9am" },
                {},
                { "byDay": [{ "dayOfWeek": "Funday", "offset": 0 }], "interval": -2 }
            ]
        },
        "billingSettings": { "aiMessages": { "unitCost": -0.5 }, "base": { "allowance": 10 } },
        "appSettings": { "logoutUrl": "not a url" },
        "data": { "plan": { "structValue": { "tier": { "numberValue": "x" } } } }
    });
    assert_eq!(
        errors_in(input.clone(), Profile::Strict),
        vec![
            e("/data/plan/structValue/tier/numberValue", "type"),
            e("/schedule/rules/1/startTime", "time"),
            e("/schedule/rules/1/byMonth/0", "range"),
            e("/schedule/rules/1/frequency", "enum"),
            e("/schedule/rules/3/byDay/0/dayOfWeek", "enum"),
            e("/schedule/rules/3/interval", "non_negative"),
            e("/billingSettings/aiMessages/unitCost", "non_negative"),
            e("/appSettings/logoutUrl", "url"),
        ]
    );
    assert_eq!(
        errors_in(input, Profile::Api),
        vec![
            e("/data/plan/structValue/tier/numberValue", "type"),
            e("/schedule/rules/1/frequency", "enum"),
            e("/schedule/rules/3/byDay/0/dayOfWeek", "enum"),
        ]
    );
}

/// Issue 15: upstream, a null in a patch means "not set". A null property is as if it were not
/// sent, in both profiles, at any depth: dropped from the value; a patch of nulls only changes
/// nothing (`min_properties`). A null list item or map value is still a type error.
/// `nulls: reject` asks for the strict reading.
#[test]
fn nulls_mean_unchanged() {
    let m = &MODEL;
    for profile in [Profile::Strict, Profile::Api] {
        let options = Options { profile, ..Options::patch() };
        let run = |input: Value| validate_json(m, &input, &options);
        let out = run(
            json!({ "name": null, "referenceId": "r", "billingSettings": { "base": { "unitCost": null, "allowance": 3 }, "aiMessages": null } }),
        );
        assert_eq!(out.value, Some(json!({ "referenceId": "r", "billingSettings": { "base": { "allowance": 3 } } })));
        assert_eq!(errors_in(json!({ "name": null, "appSettings": null }), profile), vec![e("", "min_properties")]);
        assert_eq!(errors_in(json!({ "tagIds": ["a", null] }), profile), vec![e("/tagIds/1", "type")]);
        assert_eq!(errors_in(json!({ "data": { "k": null } }), profile), vec![e("/data/k", "type")]);
        // An undeclared null is not sent either, whatever `unknown` says.
        let reject = Options { unknown: customer_validation::Unknown::Reject, ..options.clone() };
        assert_eq!(validate_json(m, &json!({ "name": "a", "extra": null }), &reject).value, Some(json!({ "name": "a" })));
        assert_eq!(run(json!({ "name": "a", "extra": null })).value, Some(json!({ "name": "a" })));
        let strict = Options { nulls: Some(customer_validation::Nulls::Reject), ..options.clone() };
        let errors: Vec<_> = validate_json(m, &json!({ "name": null, "schedule": { "timeZoneId": null } }), &strict)
            .errors
            .into_iter()
            .map(|x| (x.path, x.code.as_str()))
            .collect();
        assert_eq!(errors, vec![e("/name", "type"), e("/schedule/timeZoneId", "type")]);
    }
}

/// `nulls: absent` for the other models: dropped, and defaults fill them in create mode; a
/// required field left null is `required`.
#[test]
fn nulls_absent_for_every_model() {
    use customer_validation::models::{create_customer_dto, customer};
    let absent = Options { nulls: Some(customer_validation::Nulls::Absent), ..Options::create() };
    let c = validate_json(&customer::MODEL, &json!({ "name": "Acme", "credit": null, "logo": null }), &absent);
    assert_eq!(
        (c.value.as_ref().map(|v| v["credit"].clone()), c.value.as_ref().map(|v| v.get("logo").is_none())),
        (Some(json!(0)), Some(true))
    );
    let required: Vec<_> =
        validate_json(&customer::MODEL, &json!({ "name": null }), &absent).errors.into_iter().map(|x| (x.path, x.code.as_str())).collect();
    assert_eq!(required, vec![e("/name", "required")]);
    let dto = validate_json(
        &create_customer_dto::MODEL,
        &json!({ "number": "+14155551234", "extension": null, "numberE164CheckEnabled": null }),
        &absent,
    );
    assert_eq!(dto.value, Some(json!({ "numberE164CheckEnabled": true, "number": "+14155551234" })));
    // By default these two reject nulls, as their upstream contracts do.
    let rejected: Vec<_> =
        validate_json(&create_customer_dto::MODEL, &json!({ "number": "+14155551234", "extension": null }), &Options::create())
            .errors
            .into_iter()
            .map(|x| (x.path, x.code.as_str()))
            .collect();
    assert_eq!(rejected, vec![e("/extension", "type")]);
}
