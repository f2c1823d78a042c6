//! Fuzzes the whole check of a document pair: segmentation, alignment, extraction and every check
//! on an arbitrary source and target text (the first two bytes pick their languages; a `\u{1e}`
//! separates the two texts, else the text is checked against itself).
#![no_main]

use concord::lang::profile;
use concord::pipeline::check_text_pair;
use libfuzzer_sys::fuzz_target;

/// The known language tags, listed once.
static TAGS: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let [source_pick, target_pick, rest @ ..] = data else {
        return;
    };
    let tags = TAGS.get_or_init(profile::known_tags);
    let source_lang = tags[*source_pick as usize % tags.len()];
    let target_lang = tags[*target_pick as usize % tags.len()];
    let text = String::from_utf8_lossy(rest);
    let (source, target) = text.split_once('\u{1e}').unwrap_or((&text, &text));
    for finding in check_text_pair(source, source_lang, target, target_lang) {
        assert!(!finding.message.is_empty());
    }
});
