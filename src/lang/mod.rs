//! Language knowledge: per-language profiles (data), tags, and language identification.

pub mod detect;
pub mod profile;
pub mod tag;

pub use profile::{profile, Profile, Script};
