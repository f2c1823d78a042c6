//! The line of each finding in its file, for the formats that point at a line (SARIF, GitHub
//! annotations).
//!
//! The loaders keep no line numbers: a paragraph's hard line breaks are joined and Markdown
//! markup is removed. So a segment's line is found by searching for the start of its text in the
//! file as read, with whitespace collapsed on both sides, the segments of one document in order
//! (each search starts where the previous one matched, so a sentence repeated in a document is
//! found at its own place). A segment whose text is not found as is (markup inside its first
//! words, XML or PO escapes in a bilingual file) or that has no target text (an omission) takes
//! the line of the segment before it: the place where the missing or unmatched text would be.
//! A finding on the source itself (`source-hygiene`) is searched in the source file. Findings not
//! about a segment (`input-error`) have no line.

use std::collections::HashMap;
use std::path::Path;

use crate::finding::Finding;
use crate::load::decode;
use crate::report::alignment::{self, DocumentAlignment};

/// How many characters of a segment's text are searched for; shorter texts are searched whole.
const NEEDLE_CHARS: usize = 40;
/// The shorter start searched for when the longer one is not found.
const SHORT_NEEDLE_CHARS: usize = 12;

/// The 1-based line of each finding (in the order given), where it can be told.
pub fn locate(findings: &[Finding], alignments: &[DocumentAlignment]) -> Vec<Option<u32>> {
    let segment_lines: Vec<Vec<Option<u32>>> = alignments.iter().map(segment_lines).collect();
    let sources: HashMap<&str, &Path> = alignments
        .iter()
        .map(|a| (a.source_document.as_str(), a.source_path.as_path()))
        .collect();
    let mut source_files: HashMap<&Path, Option<SearchableText>> = HashMap::new();
    findings
        .iter()
        .zip(alignment::place(findings, alignments))
        .map(|(f, placed)| {
            if let Some((a, s)) = placed {
                return segment_lines[a][s];
            }
            if !f.target_lang.is_empty() || f.source_text.is_empty() {
                return None;
            }
            let path = sources.get(f.document.as_str())?;
            source_files
                .entry(path)
                .or_insert_with(|| SearchableText::read(path))
                .as_ref()?
                .find(&f.source_text, 0)
                .map(|(line, _)| line)
        })
        .collect()
}

/// The line of each segment of one alignment, searched in order in the target file.
fn segment_lines(alignment: &DocumentAlignment) -> Vec<Option<u32>> {
    let Some(file) = SearchableText::read(&alignment.path) else {
        return vec![None; alignment.segments.len()];
    };
    let mut cursor = 0;
    let mut last: Option<u32> = None;
    alignment
        .segments
        .iter()
        .map(|segment| {
            if let Some((line, at)) = file.find(&segment.target_text, cursor) {
                cursor = at;
                last = Some(line);
            }
            last
        })
        .collect()
}

/// A file's text with whitespace runs collapsed to one space, and where its lines start.
struct SearchableText {
    text: String,
    /// Offsets in `text` at which lines 2, 3, … start.
    line_starts: Vec<usize>,
}

impl SearchableText {
    fn read(path: &Path) -> Option<SearchableText> {
        let bytes = std::fs::read(path).ok()?;
        let declared =
            decode::xml_declared_encoding(&bytes).or_else(|| decode::po_declared_charset(&bytes));
        let raw = decode::decode(&bytes, declared.as_deref()).ok()?;
        Some(SearchableText::new(&raw))
    }

    fn new(raw: &str) -> SearchableText {
        let mut text = String::with_capacity(raw.len());
        let mut line_starts = Vec::new();
        let mut in_space = false;
        for c in raw.chars() {
            if c == '\n' {
                line_starts.push(text.len() + usize::from(!in_space));
            }
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    in_space = true;
                }
            } else {
                text.push(c);
                in_space = false;
            }
        }
        SearchableText { text, line_starts }
    }

    /// The line at which `segment_text` starts, searched from offset `from`, and the offset
    /// after which the next segment is to be searched.
    fn find(&self, segment_text: &str, from: usize) -> Option<(u32, usize)> {
        let collapsed = segment_text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if collapsed.is_empty() {
            return None;
        }
        [NEEDLE_CHARS, SHORT_NEEDLE_CHARS].iter().find_map(|&n| {
            let end = collapsed
                .char_indices()
                .nth(n)
                .map_or(collapsed.len(), |(i, _)| i);
            let needle = &collapsed[..end];
            let at = self.text.get(from..)?.find(needle)? + from;
            let line = self.line_starts.partition_point(|&start| start <= at) as u32 + 1;
            Some((line, at + needle.len()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_text_in_order() {
        let file = SearchableText::new(
            "Title\n\nFirst  sentence here.\nIt goes on\nacross lines. Then more.\n\nFirst sentence here.\n",
        );
        assert_eq!(file.find("Title", 0).map(|f| f.0), Some(1));
        let (line, after) = file.find("First sentence here.", 0).unwrap();
        assert_eq!(line, 3);
        assert_eq!(
            file.find("It goes on across lines.", after).map(|f| f.0),
            Some(4)
        );
        assert_eq!(file.find("Then more.", after).map(|f| f.0), Some(5));
        // The repeated sentence, searched after the first, is found at its own line.
        assert_eq!(
            file.find("First sentence here.", after).map(|f| f.0),
            Some(7)
        );
        assert_eq!(file.find("Nowhere to be seen", 0), None);
        assert_eq!(file.find("", 0), None);
    }

    #[test]
    fn a_longer_text_with_markup_inside_is_found_by_its_first_words() {
        let file = SearchableText::new("x\n\nThe minister **said** that nothing was agreed.\n");
        let found = file.find("The minister said that nothing was agreed.", 0);
        assert_eq!(found.map(|f| f.0), Some(3));
    }
}
