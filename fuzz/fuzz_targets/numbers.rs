//! Fuzzes the number parser: any text, in any language's notation (the first byte picks the
//! language), gives number mentions that start inside the text, where their text is written.
#![no_main]

use concord::extract::numbers;
use concord::lang::profile;
use libfuzzer_sys::fuzz_target;

/// The known language tags, listed once.
static TAGS: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let tags = TAGS.get_or_init(profile::known_tags);
    let lang = tags[pick as usize % tags.len()];
    let text = String::from_utf8_lossy(rest);
    for mention in numbers::extract(&text, profile::profile(lang)) {
        let _ = numbers::format_value(mention.value);
        assert!(
            text.get(mention.start..)
                .is_some_and(|rest| !mention.text.is_empty() && rest.starts_with(&mention.text)),
            "a mention that is not where the text has it: {mention:?}"
        );
    }
});
