//! IP addresses, parsed by the standard library (no pattern needed): IPv4 as a dotted quad
//! without leading zeros, IPv6 as RFC 4291 text (with `::` and an embedded IPv4 tail, no zone).

pub fn is_ip(s: &str) -> bool {
    // std accepts exactly RFC 4291 forms, but its IPv6 parser also takes an IPv4 tail in
    // any position the grammar allows; both agree with ajv-formats' ipv4/ipv6 (tested).
    s.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        for ok in ["1.1.1.1", "255.255.255.255", "::1", "::", "2001:db8::8a2e:370:7334", "::ffff:192.168.1.1", "1:2:3:4:5:6:7:8"] {
            assert!(is_ip(ok), "{ok}");
        }
        for bad in ["256.1.1.1", "01.1.1.1", "1.1.1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "2001:db8:::1", " 1.1.1.1", "localhost"] {
            assert!(!is_ip(bad), "{bad}");
        }
    }
}
