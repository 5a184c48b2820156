//! Fact sheets and joint statements to record: decoding, structure, dates,
//! agencies and status. Pure: no database, no clock, no network.

pub mod clean;
pub mod dates;
pub mod decode;
pub mod error;
pub mod lines;
pub mod normalize;

pub use error::ImportError;
