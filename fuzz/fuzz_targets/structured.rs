//! Records built from the models' declarations (the declared fields, with values of their
//! types mostly, and of any type, duplicate keys, unknown keys and odd spacing now and then),
//! written as one JSON text and compared on every path as `paths_agree` does.
#![no_main]

use customer_validation::decl::{ObjectDecl, Ty};
use customer_validation_fuzz::{check, select};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const STRINGS: &[&str] = &[
    r#""Acme""#,
    r#""Zürich 東京 😀""#,
    r#""Esc\"aped \u00e9""#,
    r#""lone \ud800 surrogate""#,
    r#""\udc00""#,
    r#""""#,
    r#""active""#,
    r#""credit""#,
    r#""0a73b90b68b3f4a72f046794""#,
    r#""https://www.acme.co.uk/?ref=crm""#,
    r#""10.178.80.224""#,
    r#""2001:db8:b7c::e:b""#,
    r#""2021-06-02T16:43:38.5+05:30""#,
    r#""+14155550123""#,
    r#""abc123""#,
    r#""*#12A""#,
    r#""a@b.co""#,
    r#""sip:alice@example.com""#,
    r#""2024-02-29""#,
    r#""09:30""#,
    r#""true""#,
    r#""7""#,
    r#""-0""#,
];

const NUMBERS: &[&str] = &[
    "0", "1", "-1", "12", "-0", "3.0", "1.5", "1e2", "1E+2", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "12345678901", "1e400", "-1e400", "4.9e-324", "1e-400", "0.1", "9007199254740993", "18446744073709551616",
    "366", "-53", "54",
];

const OTHERS: &[&str] = &["true", "false", "null", "[]", "{}", r#"[1,"a"]"#, r#"{"stringValue":"x"}"#];

const KEYS: &[&str] = &["__proto__", "constructor", "extra", "", "name", "\\u006eame", "stringValue"];

const SPACES: &[&str] = &["", " ", "\t", "\r", " \r "];

struct Gen<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    out: String,
}

impl Gen<'_, '_> {
    fn pick(&mut self, list: &[&str]) -> Result<()> {
        let s = *self.u.choose(list)?;
        self.out.push_str(s);
        Ok(())
    }

    fn space(&mut self) -> Result<()> {
        if self.u.ratio(1, 8)? {
            self.pick(SPACES)?;
        }
        Ok(())
    }

    fn any_string(&mut self) -> Result<()> {
        if self.u.ratio(4, 5)? {
            return self.pick(STRINGS);
        }
        let s: String = self.u.arbitrary()?;
        self.out.push_str(&serde_json::to_string(&s).unwrap());
        Ok(())
    }

    fn number(&mut self) -> Result<()> {
        match self.u.int_in_range(0..=3u8)? {
            0 | 1 => self.pick(NUMBERS),
            2 => {
                let n: i64 = self.u.arbitrary()?;
                self.out.push_str(&n.to_string());
                Ok(())
            }
            _ => {
                let n: f64 = self.u.arbitrary()?;
                if n.is_finite() {
                    self.out.push_str(&serde_json::to_string(&n).unwrap());
                } else {
                    self.out.push_str("1e400");
                }
                Ok(())
            }
        }
    }

    /// Any JSON value, `depth` levels deep at most.
    fn any(&mut self, depth: usize) -> Result<()> {
        match self.u.int_in_range(0..=5u8)? {
            0 => self.any_string(),
            1 => self.number(),
            2 => self.pick(OTHERS),
            3 if depth > 0 => {
                let n = self.u.int_in_range(0..=3usize)?;
                self.out.push('[');
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.any(depth - 1)?;
                }
                self.out.push(']');
                Ok(())
            }
            4 if depth > 0 => {
                let n = self.u.int_in_range(0..=3usize)?;
                self.out.push('{');
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.any_string()?;
                    self.out.push(':');
                    self.any(depth - 1)?;
                }
                self.out.push('}');
                Ok(())
            }
            _ => self.pick(OTHERS),
        }
    }

    /// A value of `ty` mostly; of any type one time in ten.
    fn value(&mut self, ty: &Ty, depth: usize) -> Result<()> {
        if depth == 0 || self.u.ratio(1, 10)? {
            return self.any(depth.min(2));
        }
        match ty {
            Ty::String => self.any_string(),
            Ty::Int32 | Ty::Flag | Ty::Number => self.number(),
            Ty::Boolean => self.pick(&["true", "false", r#""true""#, r#""false""#, "1", "0"]),
            Ty::ServiceStackEnum(values) if self.u.ratio(1, 4)? => {
                // A member's number, as a JSON number or a string (ServiceStack reads both in api).
                let n = self.u.choose_index(values.len() + 1)?;
                self.out.push_str(&if self.u.ratio(1, 2)? { n.to_string() } else { format!("\"{n}\"") });
                Ok(())
            }
            Ty::Enum(values) | Ty::ServiceStackEnum(values) => {
                let v = *self.u.choose(values)?;
                let v = if self.u.ratio(1, 8)? { v.to_lowercase() } else { v.to_string() };
                self.out.push_str(&serde_json::to_string(&v).unwrap());
                Ok(())
            }
            Ty::Object(decl) => self.object(decl, depth - 1),
            Ty::AnyObject => {
                self.out.push('{');
                let n = self.u.int_in_range(0..=2usize)?;
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.any_string()?;
                    self.out.push(':');
                    self.any(depth.min(3))?;
                }
                self.out.push('}');
                Ok(())
            }
            Ty::List(inner) => {
                let n = self.u.int_in_range(0..=3usize)?;
                self.out.push('[');
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.space()?;
                    self.value(inner, depth - 1)?;
                }
                self.out.push(']');
                Ok(())
            }
            Ty::Map(inner) => {
                let n = self.u.int_in_range(0..=3usize)?;
                self.out.push('{');
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.any_string()?;
                    self.out.push(':');
                    self.value(inner, depth - 1)?;
                }
                self.out.push('}');
                Ok(())
            }
        }
    }

    fn member(&mut self, key: &str, ty: Option<&Ty>, depth: usize, first: &mut bool) -> Result<()> {
        if !std::mem::take(first) {
            self.out.push(',');
        }
        self.space()?;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push('"');
        self.space()?;
        self.out.push(':');
        self.space()?;
        match ty {
            Some(ty) => self.value(ty, depth),
            None => self.any(depth.min(2)),
        }
    }

    /// An object of `decl`: each declared field present or not, in declaration order or
    /// with two members swapped, some twice, and unknown keys.
    fn object(&mut self, decl: &'static ObjectDecl, depth: usize) -> Result<()> {
        self.out.push('{');
        let mut first = true;
        let mut fields: Vec<usize> = (0..decl.fields.len()).filter(|_| self.u.ratio(1, 2).unwrap_or(false)).collect();
        if fields.len() > 1 && self.u.ratio(1, 4)? {
            let a = self.u.choose_index(fields.len())?;
            let b = self.u.choose_index(fields.len())?;
            fields.swap(a, b);
        }
        for f in fields {
            let field = &decl.fields[f];
            self.member(field.name, Some(&field.ty), depth, &mut first)?;
            if self.u.ratio(1, 16)? {
                self.member(field.name, Some(&field.ty), depth, &mut first)?;
            }
            if self.u.ratio(1, 16)? {
                let key = *self.u.choose(KEYS)?;
                self.member(key, None, depth, &mut first)?;
            }
        }
        self.space()?;
        self.out.push('}');
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(selector) = u.arbitrary::<u8>() else { return };
    let (model, options) = select(selector);
    let mut g = Gen { u: &mut u, out: String::new() };
    // Records run out of input part-way and are still written as far as they got: only whole
    // ones are compared.
    if g.object(model.root, 6).is_err() {
        return;
    }
    let text = if g.u.ratio(1, 8).unwrap_or(false) { format!(" {} ", g.out) } else { g.out };
    check(model, &options, &text);
});
