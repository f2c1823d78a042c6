//! A finding's fingerprint: a short, stable name for *what* the finding is about, so that the
//! same problem found again (in a later run, with other threads, after lines were added above it)
//! is recognised, and an accepted report can serve as a baseline.
//!
//! The fingerprint hashes the document's path, the target language, the check id, the source and
//! target items, and the source text of the segment with its whitespace collapsed and in Unicode
//! NFC. It leaves out everything that moves when a document is edited elsewhere: the segment label
//! (`P.S`), the position, the message's wording and the target text. The hash is SHA-256 (a fixed
//! algorithm, unlike the standard library's randomly seeded hasher), each field prefixed by its
//! length so that no two field lists hash the same bytes; its first 8 bytes are written as 16
//! lowercase hex digits. Changing what goes in is changing every baseline: bump [`VERSION`].

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::finding::Finding;

/// Mixed into every hash; a new version makes old baselines match nothing rather than wrongly.
pub const VERSION: &str = "concord-fingerprint-1";

/// The name of the report column (CSV) or key (JSON) that holds the fingerprint.
pub const COLUMN: &str = "fingerprint";

/// The finding's fingerprint: 16 lowercase hex digits.
pub fn fingerprint(finding: &Finding) -> String {
    let source_text = normalise(&finding.source_text);
    let fields: [&str; 7] = [
        VERSION,
        &finding.document,
        &finding.target_lang,
        finding.check.as_str(),
        &finding.source,
        &finding.target,
        &source_text,
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whitespace runs collapsed to one space, trimmed, in NFC: the same sentence re-wrapped or
/// re-encoded is the same text.
pub fn normalise(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.nfc().collect()
}

/// Whether `value` has the shape of a fingerprint (16 lowercase hex digits).
pub fn is_fingerprint(value: &str) -> bool {
    value.len() == 16
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CheckId, Position, Severity};

    fn finding() -> Finding {
        Finding {
            document: "news/a.de.txt".into(),
            segment: "3.2".into(),
            position: Position { major: 7, minor: 1 },
            source_lang: "en".into(),
            target_lang: "de".into(),
            check: CheckId::Number,
            severity: Severity::Error,
            source: "1962".into(),
            target: "1926".into(),
            message: "number 1962 became 1926".into(),
            source_text: "It was founded in 1962.".into(),
            target_text: "Es wurde 1926 gegründet.".into(),
            state: String::new(),
        }
    }

    #[test]
    fn is_sixteen_hex_digits_and_pinned() {
        let fp = fingerprint(&finding());
        assert!(is_fingerprint(&fp), "{fp}");
        // Pinned (and recomputed independently with Python's hashlib): a change here
        // silently invalidates every baseline users keep.
        assert_eq!(fp, fingerprint(&finding()));
        assert_eq!(fp, "b23bc30cc99c92fe");
    }

    #[test]
    fn ignores_positions_wording_target_text_and_whitespace() {
        let base = fingerprint(&finding());
        let mut moved = finding();
        moved.segment = "9.1".into();
        moved.position = Position {
            major: 40,
            minor: 0,
        };
        moved.message = "the number changed".into();
        moved.severity = Severity::Warning;
        moved.target_text = "Gegründet 1926.".into();
        moved.source_text = "  It was\n founded   in 1962. ".into();
        assert_eq!(fingerprint(&moved), base);
    }

    #[test]
    fn depends_on_what_the_finding_is_about() {
        let base = fingerprint(&finding());
        let changes: [fn(&mut Finding); 6] = [
            |f| f.document = "news/b.de.txt".into(),
            |f| f.target_lang = "de-AT".into(),
            |f| f.check = CheckId::Date,
            |f| f.source = "1963".into(),
            |f| f.target = "1927".into(),
            |f| f.source_text = "It was founded in 1962!".into(),
        ];
        for change in changes {
            let mut f = finding();
            change(&mut f);
            assert_ne!(fingerprint(&f), base, "{f:?}");
        }
    }

    #[test]
    fn fields_cannot_run_into_each_other() {
        let mut a = finding();
        a.source = "19".into();
        a.target = "621926".into();
        let mut b = finding();
        b.source = "1962".into();
        b.target = "1926".into();
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
