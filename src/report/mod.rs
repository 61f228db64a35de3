//! What a validation says: errors (`error`: path, code, params), their messages
//! (`messages`: templates by code) and the result as JSON text (`json`).

pub mod error;
pub mod json;
pub mod messages;
