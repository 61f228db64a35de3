//! Phone numbers by the numbering plan: `parse_phone(text, region)` reads a number written
//! the way people write them (national with a region, international with `+`, `00` or
//! `011`, separators, a trunk `(0)`, full-width digits) and says what it is.

use phonenumber::country;
use phonenumber::{Mode, PhoneNumber, Type};

/// What a number is, by the numbering plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PhoneInfo {
    /// The number in E.164 (`+14155551234`).
    pub e164: String,
    /// The region it belongs to (ISO 3166-1 alpha-2), if the plan says.
    pub region: Option<String>,
    /// `mobile`, `fixed_line`, `fixed_line_or_mobile`, `toll_free`, `premium_rate`, `voip`, ...
    pub kind: &'static str,
    /// A number the plan assigns.
    pub valid: bool,
    /// Of a possible length for its region.
    pub possible: bool,
}

/// Why a text is not a phone number.
#[derive(Debug, Clone, PartialEq)]
pub enum PhoneError {
    /// The region given is not an ISO 3166-1 alpha-2 code the metadata knows.
    UnknownRegion(String),
    /// Not a number, or a national number without a region.
    NotANumber(String),
}

/// Full-width digits and plus (as typed with some input methods) as ASCII; dashes of every kind as `-`.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF0B}' => '+',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

fn kind(t: Type) -> &'static str {
    match t {
        Type::FixedLine => "fixed_line",
        Type::Mobile => "mobile",
        Type::FixedLineOrMobile => "fixed_line_or_mobile",
        Type::TollFree => "toll_free",
        Type::PremiumRate => "premium_rate",
        Type::SharedCost => "shared_cost",
        Type::PersonalNumber => "personal_number",
        Type::Voip => "voip",
        Type::Pager => "pager",
        Type::Uan => "uan",
        Type::Emergency => "emergency",
        Type::Voicemail => "voicemail",
        Type::ShortCode => "short_code",
        Type::StandardRate => "standard_rate",
        Type::Carrier => "carrier",
        Type::NoInternational => "no_international",
        Type::Unknown => "unknown",
    }
}

/// The regions the metadata knows (ISO 3166-1 alpha-2), in order: for a region selector.
pub fn regions() -> Vec<String> {
    let mut out = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).expect("ASCII");
            if code.parse::<country::Id>().is_ok() {
                out.push(code);
            }
        }
    }
    out
}

/// Reads `text` as a phone number; `region` (ISO 3166-1 alpha-2, any case) places a national one.
pub fn parse_phone(text: &str, region: Option<&str>) -> Result<PhoneInfo, PhoneError> {
    let region = match region {
        Some(r) => Some(r.to_ascii_uppercase().parse::<country::Id>().map_err(|_| PhoneError::UnknownRegion(r.to_owned()))?),
        None => None,
    };
    let mut text = normalize(text);
    // "011 44 ..." is the North American international prefix: the parser knows it only
    // with a North American region.
    if region.is_none() {
        if let Some(rest) = text.trim_start().strip_prefix("011") {
            text = format!("+{rest}");
        } else if let Some(rest) = text.trim_start().strip_prefix("00") {
            text = format!("+{rest}");
        }
    }
    let number: PhoneNumber = phonenumber::parse(region, &text).map_err(|e| PhoneError::NotANumber(e.to_string()))?;
    let database = &*phonenumber::metadata::DATABASE;
    let e164 = number.format().mode(Mode::E164).to_string();
    let valid = phonenumber::is_valid(&number);
    let possible = valid || possible_length(database, &number);
    Ok(PhoneInfo {
        e164,
        region: number.country().id().map(|id| id.as_ref().to_owned()),
        kind: kind(number.number_type(database)),
        valid,
        possible,
    })
}

/// Whether the national number has a length the plan of its country calling code allows
/// (libphonenumber's `isPossibleNumber`: lengths only, local-only lengths included). The
/// crate's own length check is not public, and `is_viable` only asks whether the text reads
/// as a number.
fn possible_length(database: &phonenumber::metadata::Database, number: &PhoneNumber) -> bool {
    use phonenumber::Type;
    let length = number.national().to_string().len() as u16;
    let Some(plans) = database.by_code(&number.code().value()) else { return false };
    // The metadata gives lengths per type of number (its general description often has none):
    // a length any type of the plan allows is possible.
    const TYPES: [Type; 11] = [
        Type::Unknown,
        Type::FixedLine,
        Type::Mobile,
        Type::TollFree,
        Type::PremiumRate,
        Type::SharedCost,
        Type::PersonalNumber,
        Type::Voip,
        Type::Pager,
        Type::Uan,
        Type::Voicemail,
    ];
    plans.iter().any(|m| {
        TYPES
            .iter()
            .filter_map(|t| m.descriptors().get(*t))
            .any(|d| d.possible_length().contains(&length) || d.possible_local_length().contains(&length))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(text: &str, region: Option<&str>) -> (String, bool) {
        let info = parse_phone(text, region).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        (info.e164, info.valid)
    }

    /// `possible` is libphonenumber's length check: one digit short or long is not possible.
    #[test]
    fn possible_lengths() {
        let possible = |t: &str| parse_phone(t, None).unwrap().possible;
        assert!(possible("+14155551234"));
        assert!(!possible("+1415555123"));
        assert!(!possible("+141555512345"));
        // Valid lengths that are no assigned number are still possible.
        let unassigned = parse_phone("+15555550100", None).unwrap();
        assert_eq!((unassigned.valid, unassigned.possible), (false, true));
    }

    #[test]
    fn national_numbers_with_a_region() {
        for text in ["(415) 555-1234", "415-555-1234", "415.555.1234", "14155551234", "1 (415) 555-1234"] {
            assert_eq!(e164(text, Some("US")).0, "+14155551234", "{text}");
        }
        assert_eq!(e164("020 7946 0958", Some("gb")), ("+442079460958".into(), true));
    }

    #[test]
    fn international_numbers_in_every_spelling() {
        for text in [
            "+44 (0)20 7946 0958",
            "+44 20 7946 0958",
            "0044 20 7946 0958",
            "011 44 20 7946 0958",
            "＋４４ ２０ ７９４６ ０９５８",
            "+44 20\u{2013}7946\u{2013}0958",
        ] {
            assert_eq!(e164(text, None), ("+442079460958".into(), true), "{text}");
        }
    }

    #[test]
    fn what_the_plan_says() {
        let gb_mobile = parse_phone("07400 123456", Some("GB")).unwrap();
        assert_eq!((gb_mobile.kind, gb_mobile.region.as_deref()), ("mobile", Some("GB")));
        let toll_free = parse_phone("+1 800 555 0199", None).unwrap();
        assert_eq!(toll_free.kind, "toll_free");
        assert!(!parse_phone("+44 20 7946", None).map(|i| i.valid).unwrap_or(false), "too short to be valid");
        assert_eq!(parse_phone("415-555-1234", Some("XX")), Err(PhoneError::UnknownRegion("XX".into())));
        assert!(matches!(parse_phone("(415) 555-1234", None), Err(PhoneError::NotANumber(_))), "a national number needs a region");
        assert!(matches!(parse_phone("hello", None), Err(PhoneError::NotANumber(_))));
    }

    #[test]
    fn regions_for_a_selector() {
        let all = regions();
        assert!(all.len() > 200, "{}", all.len());
        for r in ["US", "GB", "DE", "FR", "JP"] {
            assert!(all.iter().any(|x| x == r), "{r}");
        }
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }
}

/// The WebAssembly export: `parsePhone(text, region?)` as JSON text (`{ "e164", "region",
/// "type", "valid", "possible" }` or `{ "error", "detail" }`), which the package's entry parses.
#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    fn quoted(s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// The regions, comma-separated.
    #[wasm_bindgen(js_name = regions)]
    pub fn regions() -> String {
        super::regions().join(",")
    }

    #[wasm_bindgen(js_name = parsePhone)]
    pub fn parse_phone(text: &str, region: Option<String>) -> String {
        match super::parse_phone(text, region.as_deref()) {
            Ok(i) => format!(
                r#"{{"e164":{},"region":{},"type":"{}","valid":{},"possible":{}}}"#,
                quoted(&i.e164),
                i.region.as_deref().map_or("null".to_owned(), quoted),
                i.kind,
                i.valid,
                i.possible
            ),
            Err(super::PhoneError::UnknownRegion(r)) => format!(r#"{{"error":"unknown_region","detail":{}}}"#, quoted(&r)),
            Err(super::PhoneError::NotANumber(d)) => format!(r#"{{"error":"not_a_number","detail":{}}}"#, quoted(&d)),
        }
    }
}
