//! Fuzzes the segmenter: any paragraphs, in any language's rules (the first byte picks the
//! language), split into non-empty sentences that are slices of their paragraph.
#![no_main]

use concord::lang::profile;
use concord::segment;
use libfuzzer_sys::fuzz_target;

/// The known language tags, listed once.
static TAGS: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let tags = TAGS.get_or_init(profile::known_tags);
    let profile = profile::profile(tags[pick as usize % tags.len()]);
    let text = String::from_utf8_lossy(rest);
    for paragraph in text.split('\n') {
        for sentence in segment::split_sentences(paragraph, profile) {
            assert!(!sentence.is_empty(), "an empty sentence in {paragraph:?}");
            let start = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
            assert!(start + sentence.len() <= paragraph.len());
        }
    }
    let paragraphs: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let _ = segment::split_document(&paragraphs, profile);
});
