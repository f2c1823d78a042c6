//! Fuzzes the TMX loader: any bytes, read as a `.tmx` file, give units or a `LoadError`.
#![no_main]

use std::path::Path;

use concord::load::{parse_bilingual, LanguageOverride, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bilingual(
        data,
        Path::new("fuzz.de.tmx"),
        &LanguageOverride::default(),
        &LoadOptions::default(),
    );
});
