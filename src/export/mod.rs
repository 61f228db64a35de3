//! What is derived from the declarations for other tools: JSON Schema 2020-12
//! (`json_schema`), form descriptors (`describe`) and TypeScript types (`typescript`).

pub mod describe;
pub mod json_schema;
pub mod typescript;
