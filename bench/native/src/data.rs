//! The Customer records of bench/data.mjs (`customerRecord`, `customerNdjson`), ported draw for
//! draw: the same mulberry32 stream read in the same order gives the very same records, so the
//! NDJSON text here is byte-identical to the one the Node benchmark validates (both print its
//! FNV-1a hash). Keep the two in step when changing either.

use serde_json::Value;

/// A record as its ordered members: JSON text in the order a JS object keeps them (insertion
/// order; assigning an existing key keeps its place), whatever serde_json's Map would do.
pub type Record = Vec<(&'static str, Value)>;

fn set(rec: &mut Record, key: &'static str, value: Value) {
    match rec.iter_mut().find(|(k, _)| *k == key) {
        Some(member) => member.1 = value,
        None => rec.push((key, value)),
    }
}

/// `JSON.stringify` of a record (strings and numbers only at the top level, so serde_json's
/// escaping and number formatting give the same text).
pub fn to_json(rec: &Record) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in rec.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(k).expect("a key serializes"));
        out.push(':');
        out.push_str(&serde_json::to_string(v).expect("a value serializes"));
    }
    out.push('}');
    out
}

/// mulberry32, as in bench/data.mjs; every draw is an exact multiple of 2^-32.
pub struct Rng {
    a: u32,
}

impl Rng {
    pub fn new(seed: u32) -> Rng {
        Rng { a: seed }
    }

    pub fn next(&mut self) -> f64 {
        self.a = self.a.wrapping_add(0x6d2b_79f5);
        let mut t = self.a;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        (t ^ (t >> 14)) as f64 / 4_294_967_296.0
    }

    /// An integer in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() * (hi - lo + 1) as f64).floor() as i64
    }

    pub fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[(self.next() * list.len() as f64).floor() as usize]
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.next() < p
    }

    /// n lowercase hex digits.
    pub fn hex(&mut self, n: i64) -> String {
        const HEX: &[u8] = b"0123456789abcdef";
        (0..n).map(|_| HEX[(self.next() * 16.0).floor() as usize] as char).collect()
    }
}

const COMPANY_FIRST: &[&str] = &[
    "Acme",
    "Nordwind",
    "Blue Harbor",
    "Müller & Söhne",
    "Café Olé",
    "Żabka",
    "São Paulo",
    "Ørsted",
    "Brightline",
    "Kettle & Co",
    "Northwind",
    "Sunrise",
    "Zürich",
    "Helios",
    "東京",
    "Pinecrest",
    "Atlas",
    "Crédit Rural",
    "Greenfield",
    "Vega",
];
const COMPANY_SECOND: &[&str] = &[
    "Telecom",
    "Logistics",
    "Dental Clinic",
    "Networks",
    "Hotels",
    "Partners",
    "Software",
    "Bakery",
    "Insurance",
    "Call Center",
    "Communications",
    "Realty",
    "Solar",
    "Legal Services",
];
const COMPANY_SUFFIX: &[&str] = &["GmbH", "Ltd", "Inc.", "S.A.", "LLC", "AG", "Co., Ltd.", "BV", "Oy"];
const SLUGS: &[&str] = &[
    "acme",
    "nordwind",
    "blueharbor",
    "mueller-soehne",
    "cafe-ole",
    "zabka",
    "saopaulo",
    "orsted",
    "brightline",
    "kettleandco",
    "northwind",
    "sunrise",
    "helios",
    "pinecrest",
    "atlas-tel",
    "vega",
];
const TLDS: &[&str] = &[".com", ".de", ".co.uk", ".io", ".net", ".fr", ".com.br"];

const CUSTOMER_FIELDS: &[&str] = &[
    "name",
    "status",
    "websiteUrl",
    "logo",
    "credit",
    "adminUserId",
    "billingUserId",
    "callRecordingUserId",
    "callForwardingCallLimit",
    "supportUserId",
    "automaticRefillAmount",
    "lowBalanceAlertAmount",
    "lowBalanceAlertAt",
    "lowBalanceAlertCount",
    "lastAutomaticRefillInvoice",
    "internationalCalling",
    "createdByIP",
    "callDebug",
    "mediaBypass",
    "accountLock",
    "callRecording",
    "cdrRetention",
    "cnamLookUps",
    "holdMusic",
    "transcribeCalls",
    "maxOutboundCallRate",
    "defaultBillMethod",
];

fn shape_fields(shape: &str) -> &'static [&'static str] {
    match shape {
        "minimal" => &["name"],
        "signup" => &["name", "websiteUrl", "createdByIP", "defaultBillMethod"],
        "billing" => &[
            "name",
            "status",
            "credit",
            "billingUserId",
            "automaticRefillAmount",
            "lowBalanceAlertAmount",
            "lowBalanceAlertAt",
            "lowBalanceAlertCount",
            "lastAutomaticRefillInvoice",
            "defaultBillMethod",
        ],
        "telephony" => &[
            "name",
            "callRecordingUserId",
            "callForwardingCallLimit",
            "internationalCalling",
            "callDebug",
            "mediaBypass",
            "callRecording",
            "cdrRetention",
            "cnamLookUps",
            "holdMusic",
            "transcribeCalls",
            "maxOutboundCallRate",
        ],
        "admin" => &["name", "status", "websiteUrl", "logo", "adminUserId", "supportUserId", "createdByIP", "accountLock"],
        _ => CUSTOMER_FIELDS,
    }
}

const SHAPE_DRAW: &[&str] = &["minimal", "signup", "billing", "billing", "telephony", "telephony", "admin", "full", "full", "full"];
const OBJECT_ID_FIELDS: &[&str] = &["adminUserId", "billingUserId", "callRecordingUserId", "supportUserId", "lastAutomaticRefillInvoice"];
const FLAG_FIELDS: &[&str] =
    &["internationalCalling", "callDebug", "mediaBypass", "callRecording", "cnamLookUps", "holdMusic", "transcribeCalls"];
const FAULTS: &[&str] = &[
    "name_long",
    "name_missing",
    "status",
    "object_id",
    "url",
    "ip_short",
    "ip_bad",
    "date",
    "credit_float",
    "int_range",
    "flag",
    "bill",
    "string_int",
    "null",
];

fn company_name(r: &mut Rng) -> String {
    let mut s = format!("{} {}", r.pick(COMPANY_FIRST), r.pick(COMPANY_SECOND));
    if r.chance(0.5) {
        s.push(' ');
        s.push_str(r.pick(COMPANY_SUFFIX));
    }
    s
}

fn website_url(r: &mut Rng) -> String {
    let scheme = r.pick(&["https://", "https://www.", "http://"]);
    let slug = r.pick(SLUGS);
    let tld = r.pick(TLDS);
    let path = r.pick(&["", "/", "/contact", "/en/about-us", "/?ref=crm"]);
    format!("{scheme}{slug}{tld}{path}")
}

fn date_time(r: &mut Rng) -> String {
    let y = r.int(2020, 2026);
    let mo = r.int(1, 12);
    let d = r.int(1, 28);
    let h = r.int(0, 23);
    let mi = r.int(0, 59);
    let s = r.int(0, 59);
    let frac = r.pick(&["", "", ".000", ".123", ".5"]);
    let tz = r.pick(&["Z", "Z", "+00:00", "+01:00", "+02:00", "-05:00", "+05:30", "-08:00"]);
    format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{tz}")
}

fn ip_address(r: &mut Rng) -> String {
    if r.chance(0.75) {
        let a = r.pick(&[10, 81, 94, 172, 185, 192, 203]);
        let b = r.int(0, 255);
        let c = r.int(0, 255);
        let d = r.int(1, 254);
        return format!("{a}.{b}.{c}.{d}");
    }
    let g = |r: &mut Rng| {
        let n = r.int(1, 4);
        r.hex(n)
    };
    if r.chance(0.5) {
        let (a, b, c) = (g(r), g(r), g(r));
        return format!("2001:db8:{a}::{b}:{c}");
    }
    let gs: Vec<String> = (0..7).map(|_| g(r)).collect();
    format!("2a02:{}", gs.join(":"))
}

fn customer_value(r: &mut Rng, field: &str) -> Value {
    match field {
        "name" => company_name(r).into(),
        "status" => r.pick(&["active", "active", "active", "active", "active", "active", "suspended", "terminated", "fraud"]).into(),
        "websiteUrl" => website_url(r).into(),
        "logo" => {
            let slug = r.pick(SLUGS);
            let n = r.int(100, 999);
            format!("https://cdn.{slug}.com/assets/logo-{n}.png").into()
        }
        "credit" => r.int(0, 500_000).into(),
        "adminUserId" | "billingUserId" | "callRecordingUserId" | "supportUserId" | "lastAutomaticRefillInvoice" => r.hex(24).into(),
        "callForwardingCallLimit" => r.pick(&[5, 10, 20, 50]).into(),
        "automaticRefillAmount" => r.pick(&[0, 1000, 2500, 5000, 10000]).into(),
        "lowBalanceAlertAmount" => r.pick(&[0, 500, 1000]).into(),
        "lowBalanceAlertAt" => date_time(r).into(),
        "lowBalanceAlertCount" => r.int(0, 5).into(),
        "createdByIP" => ip_address(r).into(),
        "accountLock" => i64::from(r.chance(0.8)).into(),
        "cdrRetention" => r.pick(&[3, 6, 12, 24, 36]).into(),
        "maxOutboundCallRate" => r.int(1, 20).into(),
        "defaultBillMethod" => r.pick(&["credit", "credit", "paymentmethod"]).into(),
        _ => i64::from(r.chance(0.3)).into(), // the flags
    }
}

fn customer_fault(r: &mut Rng, rec: &mut Record) {
    let (field, value): (&'static str, Value) = match r.pick(FAULTS) {
        "name_long" => ("name", format!("{} International Telecommunications Holding Group", r.pick(COMPANY_FIRST)).into()),
        "name_missing" => {
            rec.retain(|(k, _)| *k != "name");
            return;
        }
        "status" => ("status", r.pick(&["inactive", "Active", "closed"]).into()),
        "object_id" => {
            let field = r.pick(OBJECT_ID_FIELDS);
            (field, r.hex(23).into())
        }
        "url" => ("websiteUrl", format!("www.{}.com", r.pick(SLUGS)).into()),
        "ip_short" => ("createdByIP", r.pick(&["1.1.1.1", "8.8.8.8", "::1"]).into()),
        "ip_bad" => ("createdByIP", format!("192.168.{}.256", r.int(0, 255)).into()),
        "date" => ("lowBalanceAlertAt", r.pick(&["2024-02-30T10:00:00Z", "2024-05-01 10:00:00", "2024-05-01T10:00:00"]).into()),
        "credit_float" => ("credit", 12.5.into()),
        "int_range" => ("maxOutboundCallRate", 3_000_000_000i64.into()),
        "flag" => (r.pick(FLAG_FIELDS), 2.into()),
        "bill" => ("defaultBillMethod", "invoice".into()),
        "string_int" => ("cdrRetention", "12".into()),
        _ => ("logo", Value::Null),
    };
    set(rec, field, value);
}

/// One Customer record: a shape, its values, and one mistake in 10% of the records.
pub fn customer_record(r: &mut Rng) -> Record {
    let shape = r.pick(SHAPE_DRAW);
    let mut rec = Record::new();
    for f in shape_fields(shape) {
        let v = customer_value(r, f);
        set(&mut rec, f, v);
    }
    if r.chance(0.1) {
        customer_fault(r, &mut rec);
    }
    rec
}

/// n Customer records as NDJSON text ("\n" after each), as `customerNdjson` in bench/data.mjs.
pub fn customer_ndjson(n: usize, seed: u32) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(&to_json(&customer_record(&mut r)));
        out.push('\n');
    }
    out
}

/// FNV-1a (32 bits) of the text, to show that both benchmarks validate the same bytes.
#[allow(dead_code)]
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}
