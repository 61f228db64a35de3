//! The models, each declared once in its own module.

pub mod create_customer_dto;
pub mod customer;
pub mod patch_customer;

use crate::schema::decl::Model;

pub static ALL: &[&Model] = &[&customer::MODEL, &create_customer_dto::MODEL, &patch_customer::MODEL];

pub fn by_id(id: &str) -> Option<&'static Model> {
    ALL.iter().copied().find(|m| m.id == id)
}

/// The models' ids, in `ALL`'s order.
pub fn ids() -> &'static [&'static str] {
    static IDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| ALL.iter().map(|m| m.id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::decl::{Check, ObjectDecl, Ty};

    /// Declared names are written into JSON and pointers as they are: keep them plain.
    #[test]
    fn field_names_are_plain() {
        fn walk(decl: &'static ObjectDecl, seen: &mut Vec<&'static str>) {
            if seen.contains(&decl.name) {
                return;
            }
            seen.push(decl.name);
            for f in decl.fields {
                assert!(f.name.bytes().all(|b| b.is_ascii_alphanumeric()), "{}.{}", decl.name, f.name);
                let mut ty = &f.ty;
                while let Ty::List(inner) | Ty::Map(inner) = ty {
                    ty = inner;
                }
                if let Ty::Object(d) = ty {
                    walk(d, seen);
                }
            }
        }
        let mut seen = Vec::new();
        for m in ALL {
            walk(m.root, &mut seen);
        }
    }

    #[test]
    fn rules_fit_their_types() {
        fn fits(check: &Check, ty: &Ty, decl: &ObjectDecl) -> bool {
            match (check, ty) {
                (Check::MinLength { .. } | Check::MaxLength(_) | Check::Pattern(_) | Check::Format(_), Ty::String) => true,
                (Check::Range { .. } | Check::SignedRange { .. }, Ty::Int32) => true,
                (Check::NonNegative, Ty::Int32 | Ty::Number) => true,
                (Check::Each(inner), Ty::List(item)) => fits(inner, item, decl),
                (Check::WhenFlag { flag, then, otherwise, .. }, _) => {
                    matches!(decl.field(flag), Some((_, f)) if matches!(f.ty, Ty::Boolean))
                        && fits(then, ty, decl)
                        && fits(otherwise, ty, decl)
                }
                _ => false,
            }
        }
        fn walk(decl: &'static ObjectDecl, seen: &mut Vec<&'static str>) {
            if seen.contains(&decl.name) {
                return;
            }
            seen.push(decl.name);
            for f in decl.fields {
                for rule in f.rules {
                    assert!(fits(&rule.check, &f.ty, decl), "{}.{}: a rule that does not fit its type", decl.name, f.name);
                }
                let mut ty = &f.ty;
                loop {
                    match ty {
                        Ty::List(inner) | Ty::Map(inner) => ty = inner,
                        Ty::Object(d) => {
                            walk(d, seen);
                            break;
                        }
                        _ => break,
                    }
                }
            }
        }
        let mut seen = Vec::new();
        for m in ALL {
            walk(m.root, &mut seen);
        }
        assert!(seen.len() >= 9, "{seen:?}");
    }

    #[test]
    fn ids_match_models() {
        assert_eq!(ids(), ["customer", "createCustomerDto", "patchCustomer"]);
        assert!(ids().iter().all(|id| by_id(id).is_some_and(|m| m.id == *id)));
    }
}
