#!/usr/bin/env python3
"""Writes the committed seeds of fuzz_targets/paths_agree.rs to corpus/paths_agree/: one
selector byte (the model and options, as `select` in src/lib.rs reads it) then one JSON text
without a line feed. Run from anywhere: python3 fuzz/seeds.py"""
import os, json
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "paths_agree")
MODELS = {"customer": 0, "dto": 1, "patch": 2}
MODES = {None: 0, "create": 1, "patch": 2}
PROFILES = {"strict": 0, "api": 1}
UNKNOWN = {"allow": 0, "strip": 1, "reject": 2}

def selector(model, mode=None, profile="strict", unknown="allow", coerce=False):
    d = MODELS[model] + 3 * (MODES[mode] + 3 * (PROFILES[profile] + 2 * (UNKNOWN[unknown] + 3 * int(coerce))))
    assert d < 108
    for b in (d, d + 108, d + 216):
        if 32 <= b <= 126:
            return b
    return d + 108

seeds = []
def seed(name, model, text, **opts):
    data = text.encode("utf-8") if isinstance(text, str) else text
    assert b"\n" not in data, name
    seeds.append((name, bytes([selector(model, **opts)]) + data))

def nest(n, inner="1"):
    return "[" * n + inner + "]" * n

# ---- customer ----
seed("customer_valid_min", "customer", '{"name":"Acme"}')
seed("customer_valid_full", "customer", json.dumps({
    "name": "Acme Telecom", "status": "suspended", "websiteUrl": "https://www.acme.co.uk/?ref=crm", "logo": "logo.png",
    "credit": 2147483647, "adminUserId": "0a73b90b68b3f4a72f046794", "billingUserId": "0a73b90b68b3f4a72f046794",
    "callForwardingCallLimit": 10, "automaticRefillAmount": 0, "lowBalanceAlertAmount": -5,
    "lowBalanceAlertAt": "2021-06-02T16:43:38.5+05:30", "internationalCalling": 1, "createdByIP": "10.178.80.224",
    "callDebug": 0, "mediaBypass": 1, "accountLock": 0, "callRecording": 1, "cdrRetention": 24, "cnamLookUps": 1,
    "holdMusic": 0, "transcribeCalls": 1, "maxOutboundCallRate": 3, "defaultBillMethod": "paymentmethod"}, ensure_ascii=False, separators=(",", ":")))
seed("customer_missing_name", "customer", '{"status":"active"}', mode="create")
seed("customer_patch_empty", "customer", '{}', mode="patch")
seed("customer_patch_credit", "customer", '{"credit":5}', mode="patch", profile="api")
seed("customer_name_too_long", "customer", '{"name":"' + "x" * 46 + '"}')
seed("customer_name_emoji_45", "customer", '{"name":"' + "😀" * 45 + '"}')
seed("customer_wrong_types", "customer", '{"name":5,"credit":"x","status":1,"accountLock":true,"websiteUrl":null}')
seed("customer_int32_overflow", "customer", '{"name":"a","credit":2147483648,"cdrRetention":-2147483649}')
seed("customer_int32_edges", "customer", '{"name":"a","credit":-2147483648,"cdrRetention":2147483647}')
seed("customer_float_three", "customer", '{"name":"a","credit":3.0,"callForwardingCallLimit":1e2}')
seed("customer_minus_zero", "customer", '{"name":"a","credit":-0,"callDebug":-0.0}')
seed("customer_fraction", "customer", '{"name":"a","credit":1.5}')
seed("customer_1e400", "customer", '{"name":"a","credit":1e400}')
seed("customer_1e400_unknown", "customer", '{"name":"a","x":-1e400}', unknown="strip")
seed("customer_tiny_float", "customer", '{"name":"a","credit":4.9e-324,"x":1e-400}')
seed("customer_bad_enum", "customer", '{"name":"a","status":"Active","defaultBillMethod":"cash"}')
seed("customer_flag_two", "customer", '{"name":"a","accountLock":2,"transcribeCalls":-1}')
seed("customer_coerce", "customer", '{"name":"a","credit":"12","callDebug":"1","logo":"","cdrRetention":" 7"}', coerce=True)
seed("customer_coerce_bad", "customer", '{"name":"a","credit":"1.5","callDebug":"true","status":""}', coerce=True, profile="api")
seed("customer_unknown_reject", "customer", '{"name":"a","extra":1,"__proto__":{"x":1},"constructor":null}', unknown="reject")
seed("customer_unknown_strip", "customer", '{"extra0":[1,"a"],"name":"a","extra1":{}}', unknown="strip")
seed("customer_proto_allow", "customer", '{"__proto__":{"name":"x"},"name":"a"}')
seed("customer_dup_last_wins", "customer", '{"name":5,"credit":1,"name":"a"}')
seed("customer_dup_invalid_last", "customer", '{"name":"a","credit":1,"name":7}')
seed("customer_dup_unknown", "customer", '{"x":1,"name":"a","x":[2]}')
seed("customer_dup_escaped_key", "customer", '{"name":"a","\\u006eame":"b"}')
seed("customer_url_strict", "customer", '{"name":"a","websiteUrl":"ftp://acme.com"}')
seed("customer_url_api", "customer", '{"name":"a","websiteUrl":"ftp://acme.com"}', profile="api")
seed("customer_ip_short", "customer", '{"name":"a","createdByIP":"1.1.1.1"}')
seed("customer_ip_v6", "customer", '{"name":"a","createdByIP":"2001:db8:b7c::e:b"}')
seed("customer_objectid_bad", "customer", '{"name":"a","adminUserId":"0a73b90b68b3f4a72f04679","supportUserId":"0A73B90B68B3F4A72F046794"}')
seed("customer_datetime_bad", "customer", '{"name":"a","lowBalanceAlertAt":"2024-05-01 10:00:00"}')
seed("customer_escapes", "customer", '{"name":"Esc\\"aped \\u00e9 \\ud83d\\ude00 \\/ \\b\\f\\n\\r\\t"}')
seed("customer_lone_high_surrogate", "customer", '{"name":"\\ud800"}')
seed("customer_lone_low_surrogate", "customer", '{"name":"x\\udc00y","logo":"\\ud83d"}')
seed("customer_lone_surrogate_key", "customer", '{"name":"a","\\udfff":1}', unknown="reject")
seed("customer_surrogate_long", "customer", '{"name":"' + "\\ud800" * 46 + '"}')
seed("customer_bom", "customer", b'\xef\xbb\xbf{"name":"a"}')
seed("customer_crlf", "customer", '{"name":"a"}\r')
seed("customer_cr_inside", "customer", '{"name":"a",\r"x":{"k":\r1}}')
seed("customer_spaces_tabs", "customer", ' \t{ "name" : "a" ,\t"credit" : 1 } \t')
seed("customer_form_feed", "customer", '\x0c{"name":"a"}')
seed("customer_raw_tab_in_string", "customer", '{"name":"a\tb"}')
seed("customer_not_object_array", "customer", '[{"name":"a"}]')
seed("customer_not_object_string", "customer", '"Acme"')
seed("customer_not_object_null", "customer", 'null')
seed("customer_number_root", "customer", '-0')
seed("customer_json_eof", "customer", '{"name":"a",')
seed("customer_json_bad_ident", "customer", '{"name": tru}')
seed("customer_json_trailing", "customer", '{"name":"a"} x')
seed("customer_json_two_records", "customer", '{"name":"a"} {"name":"b"}')
seed("customer_json_comma_list", "customer", '{"name":"a"},{"name":"b"}')
seed("customer_json_trailing_comma", "customer", '{"name":"a",}')
seed("customer_json_bad_escape", "customer", '{"name":"\\x41"}')
seed("customer_json_bad_unicode", "customer", '{"name":"\\u12G4"}')
seed("customer_json_leading_zero", "customer", '{"name":"a","credit":01}')
seed("customer_json_nan", "customer", '{"name":"a","credit":NaN}')
seed("customer_deep_128", "customer", '{"name":"a","x":' + nest(127) + '}')
seed("customer_deep_129", "customer", '{"name":"a","x":' + nest(128) + '}')
seed("customer_deep_200_strip", "customer", '{"name":"a","x":' + nest(199) + '}', unknown="strip")

# ---- createCustomerDto ----
seed("dto_valid_number", "dto", '{"number":"+14155550123"}')
seed("dto_valid_full", "dto", '{"numberE164CheckEnabled":false,"extension":"*#12A","assistantOverrides":{"variableValues":{"a":1}},"number":"abc123","sipUri":"sip:alice@example.com","name":"Alice","email":"a@b.co","externalId":"ext-1"}')
seed("dto_e164_bad", "dto", '{"number":"+014155550123"}')
seed("dto_number_short", "dto", '{"number":"12","numberE164CheckEnabled":true}')
seed("dto_e164_off_bad", "dto", '{"numberE164CheckEnabled":false,"number":"+1-415"}')
seed("dto_flag_after_number", "dto", '{"number":"abc123","numberE164CheckEnabled":false}')
seed("dto_flag_dup", "dto", '{"numberE164CheckEnabled":false,"number":"abc123","numberE164CheckEnabled":true}')
seed("dto_flag_coerce", "dto", '{"numberE164CheckEnabled":"false","number":"abc123"}', coerce=True)
seed("dto_strings_bad", "dto", '{"extension":"12x","email":"not-an-email","sipUri":"alice@example.com"}')
seed("dto_strings_bad_api", "dto", '{"extension":"12x","email":"not-an-email","sipUri":"alice@example.com"}', profile="api")
seed("dto_overrides_numbers", "dto", '{"assistantOverrides":{"a":-0,"b":3.0,"c":1e2,"d":12345678901,"e":0.1,"f":9007199254740993}}')
seed("dto_overrides_1e400", "dto", '{"assistantOverrides":{"a":[1e400]}}')
seed("dto_overrides_dups", "dto", '{"assistantOverrides":{"a":1,"b":2,"a":3}}')
seed("dto_overrides_surrogate", "dto", '{"assistantOverrides":{"\\ud800":"\\udc00"}}')
seed("dto_overrides_deep_128", "dto", '{"assistantOverrides":{"a":' + nest(126) + '}}')
seed("dto_overrides_deep_129", "dto", '{"assistantOverrides":{"a":' + nest(127) + '}}')
seed("dto_overrides_not_object", "dto", '{"assistantOverrides":[]}')
seed("dto_overrides_spaces", "dto", '{"assistantOverrides": {  "a": [1,  2] }}')
seed("dto_empty_patch", "dto", '{}', mode="patch")
seed("dto_unknown_reject", "dto", '{"number":"+14155550123","phone":"x"}', unknown="reject", profile="api")
seed("dto_long_name", "dto", '{"name":"' + "é" * 41 + '"}')

# ---- patchCustomer ----
seed("patch_valid_name", "patch", '{"name":"x"}')
seed("patch_empty", "patch", '{}')
seed("patch_create_mode", "patch", '{"name":"x"}', mode="create")
seed("patch_data_struct", "patch", '{"data":{"k":{"stringValue":"x"},"b":{"boolValue":true},"n":{"numberValue":-0},"l":{"listValue":[{"a":{"numberValue":3.0}}]}}}')
seed("patch_data_1e400", "patch", '{"data":{"n":{"numberValue":1e400}}}')
seed("patch_data_bad_value", "patch", '{"data":{"k":{"stringValue":1,"numberValue":"x"},"j":5}}')
seed("patch_data_depth_33", "patch", '{"data":' + '{"k":{"structValue":' * 33 + '{}' + '}}' * 33 + '}')
seed("patch_tagids", "patch", '{"tagIds":["a",1,"b",null]}')
seed("patch_schedule_valid", "patch", '{"schedule":{"timeZoneId":"Europe/Paris","inherit":false,"rules":[{"name":"r","priority":1,"simpleRuleType":"Time","startDate":"2024-02-29","startTime":"09:30","endTime":"17:00:00","byMonth":[1,12],"byDay":[{"dayOfWeek":"Monday","offset":-1}],"interval":0,"frequency":"Weekly"}],"defaultState":"open"}}')
seed("patch_schedule_strict_bad", "patch", '{"schedule":{"rules":[{},{"byMonth":[13,0],"byWeekNo":[0,54],"byHour":[24],"startTime":"9:30","untilDate":"2024-02-30","count":-1,"byDay":[{"offset":54,"dayOfWeek":"Mon"}]}]}}')
seed("patch_schedule_api", "patch", '{"schedule":{"rules":[{"byMonth":[13],"byYearDay":[1.5,2147483648]}]}}', profile="api")
seed("patch_billing", "patch", '{"overrideBillingSettings":true,"billingSettings":{"base":{"baseCost":-1,"unitCost":0.5,"allowance":3.0},"aiMessages":{"rawUnitMultiplier":1e2}}}')
seed("patch_appsettings", "patch", '{"appSettings":{"logoutUrl":"ftp://x","portMyNumberUrl":"https://x.example/","enableDialer":"true"}}', coerce=True)
seed("patch_dup_nested", "patch", '{"schedule":{"rules":[1]},"schedule":{"inherit":true}}')
seed("patch_unknown_nested_reject", "patch", '{"schedule":{"inherit":true,"zzz":1},"zz":2}', unknown="reject")
seed("patch_unknown_nested_strip", "patch", '{"appSettings":{"x":1,"pageTitle":"t"},"billingSettings":{"y":[]}}', unknown="strip")
seed("patch_deep_129_rules", "patch", '{"schedule":{"rules":[{"flowParams":{"a":{"listValue":' + nest(123, "{}") + '}}}]}}')

os.makedirs(OUT, exist_ok=True)
for name, data in seeds:
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print(len(seeds))
