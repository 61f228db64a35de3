//! How a record is validated: the engine (any `Input`, every error reported), its options,
//! the checks (`rules`, one module per kind), and the fast path that decides common records
//! in one pass over their text with the same decisions.

pub mod engine;
pub mod fast;
pub mod options;
pub mod rules;
