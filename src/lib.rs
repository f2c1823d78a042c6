//! concord checks translations for consistency with their source.
//!
//! The pipeline (see [`pipeline::run`]) is: discover → load → segment → align → extract → check →
//! report. Each stage is a module of plain functions over plain data.
#![warn(clippy::print_stdout)]

pub mod align;
pub mod checks;
pub mod checks_list;
pub mod cli;
pub mod config;
pub mod crosscheck;
pub mod discover;
pub mod extract;
pub mod finding;
pub mod glossary;
pub mod lang;
pub mod load;
pub mod merge;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod shard;
pub mod spill;
