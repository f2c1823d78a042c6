//! Language knowledge: per-language profiles (data), tags, entities, common words, and language
//! identification.

pub mod detect;
pub mod entities;
pub mod freq;
pub mod profile;
pub mod tag;
pub mod translit;
pub mod words;

pub use profile::{profile, Profile, Script};
