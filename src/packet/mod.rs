//! Packets: what the user asks for ([`PacketSpec`]), resolved against the record into a
//! [`Packet`] (pure), and the atomic file write at the edge.

pub mod assemble;
pub mod resolved;
pub mod spec;

pub use assemble::{assemble, PacketError};
pub use resolved::*;
pub use spec::{Filters, Meeting, Options, PacketSpec, PageSize, Section, SpecError};
