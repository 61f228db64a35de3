//! JSON text: one grammar (`scan`: each construct checked at a position), the reader onto a
//! tape that every text path uses (`tape`), and the writer of normalized text (`write`).

pub mod scan;
pub mod tape;
pub mod write;
