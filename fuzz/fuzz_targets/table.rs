//! Fuzzes the TSV and CSV loaders: any bytes, read as a `.tsv` and as a `.csv` file, give units or
//! a `LoadError`.
#![no_main]

use std::path::Path;

use concord::load::{parse_bilingual, LanguageOverride, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.tsv", "fuzz.csv"] {
        let _ = parse_bilingual(
            data,
            Path::new(name),
            &LanguageOverride::default(),
            &LoadOptions::default(),
        );
    }
});
