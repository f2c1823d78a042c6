//! Fuzzes the XLIFF loader (1.2 and 2.x): any bytes, read as a `.xliff` file, give units or a
//! `LoadError`.
#![no_main]

use std::path::Path;

use concord::load::{parse_bilingual, LanguageOverride, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bilingual(
        data,
        Path::new("fuzz.de.xliff"),
        &LanguageOverride::default(),
        &LoadOptions::default(),
    );
});
