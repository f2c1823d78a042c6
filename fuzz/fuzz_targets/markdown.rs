//! Fuzzes the markdown document loader: any bytes (decoding included) give paragraphs or a
//! `LoadError`.
#![no_main]

use concord::load::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = parse_document(data, true) {
        // Paragraphs are single trimmed lines of text.
        for paragraph in &document.paragraphs {
            assert!(!paragraph.is_empty() && !paragraph.contains('\n'));
        }
    }
});
