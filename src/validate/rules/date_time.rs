//! RFC 3339 `date-time`, ISO 8601 dates and times, by hand: these are arithmetic (days per
//! month, leap years, leap seconds), not patterns.

/// RFC 3339 section 5.6 `date-time`: `YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`, `T` and
/// `Z` in either case. A leap second (`:60`) is accepted only at 23:59 UTC.
pub fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let Some((_, _, _)) = date(&b[..10]) else {
        return false;
    };
    let Some((h, m, sec, rest)) = time_of_day(&b[11..], true) else {
        return false;
    };
    let (sign, oh, om) = match rest {
        [b'Z' | b'z'] => (0, 0, 0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (Some(oh), Some(om)) = (two_digits(*h1, *h2), two_digits(*m1, *m2)) else {
                return false;
            };
            if oh > 23 || om > 59 {
                return false;
            }
            (if *sign == b'-' { -1 } else { 1 }, oh as i32, om as i32)
        }
        _ => return false,
    };
    if sec == 60 {
        // Local time minus offset must be 23:59 UTC (on the previous or same day).
        let utc = (h as i32 * 60 + m as i32 - sign * (oh * 60 + om)).rem_euclid(24 * 60);
        return utc == 23 * 60 + 59;
    }
    true
}

/// `YYYY-MM-DD` with a real day of that month.
pub fn is_date(s: &str) -> bool {
    s.len() == 10 && date(s.as_bytes()).is_some()
}

/// `HH:MM` or `HH:MM:SS` (24-hour, no offset, no leap second).
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    match b.len() {
        5 => hh_mm(b).is_some(),
        8 => time_of_day(b, false).is_some_and(|(_, _, _, rest)| rest.is_empty()),
        _ => false,
    }
}

fn two_digits(a: u8, b: u8) -> Option<u32> {
    (a.is_ascii_digit() && b.is_ascii_digit()).then(|| ((a - b'0') * 10 + (b - b'0')) as u32)
}

fn date(b: &[u8]) -> Option<(u32, u32, u32)> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = two_digits(b[0], b[1])? * 100 + two_digits(b[2], b[3])?;
    let month = two_digits(b[5], b[6])?;
    let day = two_digits(b[8], b[9])?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

fn hh_mm(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let h = two_digits(b[0], b[1])?;
    let m = two_digits(b[3], b[4])?;
    (h <= 23 && m <= 59).then_some((h, m))
}

/// `HH:MM:SS` with optional `.fraction`; returns the rest of the input after it.
fn time_of_day(b: &[u8], leap_second: bool) -> Option<(u32, u32, u32, &[u8])> {
    let (h, m) = hh_mm(b)?;
    if b.len() < 8 || b[5] != b':' {
        return None;
    }
    let sec = two_digits(b[6], b[7])?;
    if sec > 59 && !(leap_second && sec == 60) {
        return None;
    }
    let mut rest = &b[8..];
    if let [b'.', tail @ ..] = rest {
        let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &tail[digits..];
    }
    Some((h, m, sec, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for ok in [
            "2024-05-01T12:00:00Z",
            "2024-05-01t12:00:00z",
            "2024-02-29T00:00:00.123456+05:30",
            "2000-02-29T23:59:59-00:00",
            "1990-12-31T23:59:60Z",
            "1990-12-31T15:59:60-08:00",
            "0000-01-01T00:00:00Z",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2024-05-01",
            "2024-05-01 12:00:00Z",
            "2024-05-01T12:00:00",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:60:00Z",
            "2024-05-01T12:00:60Z",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00+0100",
            "2024-05-01T12:00:00+01",
            "2024-05-01T12:00:00+24:00",
            "2024-05-01T12:00:00+01:60",
            "２０２４-05-01T12:00:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn dates_and_times() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-2-29"));
        assert!(is_time("08:30"));
        assert!(is_time("23:59:59"));
        assert!(!is_time("24:00"));
        assert!(!is_time("8:30"));
        assert!(!is_time("08:30:60"));
        assert!(!is_time("08:30Z"));
    }
}
