//! The models, each declared once in its own module.

pub mod create_customer_dto;
pub mod customer;

use crate::decl::Model;

pub static ALL: &[&Model] = &[&customer::MODEL, &create_customer_dto::MODEL];

pub fn by_id(id: &str) -> Option<&'static Model> {
    ALL.iter().copied().find(|m| m.id == id)
}

pub fn ids() -> &'static [&'static str] {
    &["customer", "createCustomerDto"]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_models() {
        assert_eq!(ALL.iter().map(|m| m.id).collect::<Vec<_>>(), ids());
    }
}
