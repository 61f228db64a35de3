//! What is validated: the declaration language (`decl`) and the three models declared in it
//! (`models`). Everything else reads these tables; no rule is stated anywhere else.

pub mod decl;
pub mod models;
