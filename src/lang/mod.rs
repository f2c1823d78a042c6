//! Language knowledge: per-language profiles (data), tags, and language identification.

pub mod detect;
pub mod entities;
pub mod profile;
pub mod tag;
pub mod translit;

pub use profile::{profile, Profile, Script};
