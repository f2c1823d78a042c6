//! The alignment of each checked document, as the pipeline hands it to the reports: every aligned
//! segment (flagged or not) with the same label, position and texts that its findings carry.
//!
//! The HTML report shows documents side by side from it; the SARIF and GitHub reports find the
//! line of a finding from it (see [`super::lines`]). The pipeline fills it only when a report
//! asks for it ([`super::needs_alignments`]), so a CSV run keeps no copy of the texts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::discover::Job;
use crate::finding::{Finding, Position};

/// One target version (or one target language of a bilingual file) aligned with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentAlignment {
    /// As in the findings: the target's path relative to the folder given, or the bilingual
    /// file's path.
    pub document: String,
    /// The target file on disk (the bilingual file itself for bilingual files).
    pub path: PathBuf,
    /// The source version's path as shown (the same as `document` for bilingual files).
    pub source_document: String,
    /// The source file on disk.
    pub source_path: PathBuf,
    pub source_lang: String,
    pub target_lang: String,
    /// In source order.
    pub segments: Vec<AlignedSegment>,
}

/// One aligned segment: a bead of the sentence alignment, or a unit of a bilingual file.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedSegment {
    /// `P.S`, `P.S-P.S`, `P.S+`, or the unit's id: the findings' `segment`.
    pub label: String,
    /// The findings' `position`.
    pub position: Position,
    pub source_text: String,
    pub target_text: String,
    /// How sure the aligner is of this pair, 0 to 1 (1 for bilingual units).
    pub confidence: f64,
}

impl DocumentAlignment {
    /// An alignment with no segments yet.
    pub fn new(
        document: &str,
        path: &Path,
        source_document: &str,
        source_path: &Path,
        source_lang: &str,
        target_lang: &str,
    ) -> DocumentAlignment {
        DocumentAlignment {
            document: document.to_string(),
            path: path.to_path_buf(),
            source_document: source_document.to_string(),
            source_path: source_path.to_path_buf(),
            source_lang: source_lang.to_string(),
            target_lang: target_lang.to_string(),
            segments: Vec::new(),
        }
    }

    /// Adds the next segment.
    pub fn push(
        &mut self,
        label: &str,
        position: Position,
        source_text: &str,
        target_text: &str,
        confidence: f64,
    ) {
        self.segments.push(AlignedSegment {
            label: label.to_string(),
            position,
            source_text: source_text.to_string(),
            target_text: target_text.to_string(),
            confidence,
        });
    }

    /// Whether a finding belongs to this alignment (same document and target language).
    pub fn holds(&self, finding: &Finding) -> bool {
        finding.document == self.document && finding.target_lang == self.target_lang
    }
}

/// Puts alignments in report order (document, then target language), whatever order the
/// threads produced them in.
pub fn sort(alignments: &mut [DocumentAlignment]) {
    alignments.sort_by(|a, b| {
        (&a.document, &a.target_lang, &a.source_document).cmp(&(
            &b.document,
            &b.target_lang,
            &b.source_document,
        ))
    });
}

/// For each finding (in the order given), the alignment and the segment in it that the finding
/// is about: the segment at the finding's position with its label, and where positions repeat
/// (two target sentences added in a row), the one with the finding's texts. `None` for a finding
/// not about an aligned segment (an unreadable input, the source's own problems).
pub fn place(
    findings: &[Finding],
    alignments: &[DocumentAlignment],
) -> Vec<Option<(usize, usize)>> {
    let documents: HashMap<(&str, &str), usize> = alignments
        .iter()
        .enumerate()
        .map(|(a, al)| ((al.document.as_str(), al.target_lang.as_str()), a))
        .collect();
    let mut segments: HashMap<(usize, Position, &str), Vec<usize>> = HashMap::new();
    for (a, al) in alignments.iter().enumerate() {
        for (s, segment) in al.segments.iter().enumerate() {
            segments
                .entry((a, segment.position, segment.label.as_str()))
                .or_default()
                .push(s);
        }
    }
    findings
        .iter()
        .map(|f| {
            let &a = documents.get(&(f.document.as_str(), f.target_lang.as_str()))?;
            let at = segments.get(&(a, f.position, f.segment.as_str()))?;
            let same_texts = |&&s: &&usize| {
                let segment = &alignments[a].segments[s];
                segment.source_text == f.source_text && segment.target_text == f.target_text
            };
            let s = at.iter().find(same_texts).unwrap_or(&at[0]);
            Some((a, *s))
        })
        .collect()
}

/// Where each input shown in the findings is on disk (targets, sources and bilingual files),
/// written as the tools that open files want it: `/` between folders, no leading `./`. An input
/// that discovery could not use keeps its path as shown.
#[derive(Debug, Default)]
pub struct Files {
    paths: HashMap<String, String>,
}

impl Files {
    pub fn of(jobs: &[Job]) -> Files {
        let mut paths = HashMap::new();
        for job in jobs {
            match job {
                Job::Documents(group) => {
                    for file in std::iter::once(&group.source).chain(&group.targets) {
                        paths.insert(file.display.clone(), tool_path(&file.path));
                    }
                }
                Job::Bilingual(input) => {
                    paths.insert(input.display.clone(), tool_path(&input.path));
                }
            }
        }
        Files { paths }
    }

    /// The document's file.
    pub fn path<'a>(&'a self, document: &'a str) -> &'a str {
        self.paths.get(document).map_or(document, String::as_str)
    }
}

fn tool_path(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    let mut rest = shown.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::CheckId;

    fn finding(document: &str, position: Position, segment: &str, target_text: &str) -> Finding {
        Finding {
            document: document.into(),
            segment: segment.into(),
            position,
            check: CheckId::Addition,
            target_text: target_text.into(),
            ..Finding::example("", target_text)
        }
    }

    #[test]
    fn places_findings_on_their_segment_even_where_positions_repeat() {
        let mut a = DocumentAlignment::new(
            "a.de.txt",
            Path::new("x/a.de.txt"),
            "a.en.txt",
            Path::new("x/a.en.txt"),
            "en",
            "de",
        );
        let at = |major, minor| Position { major, minor };
        a.push("1.1", at(0, 1), "One.", "Eins.", 1.0);
        a.push("1.1+", at(1, 0), "", "Extra eins.", 0.4);
        a.push("1.1+", at(1, 0), "", "Extra zwei.", 0.4);
        a.push("1.2", at(1, 1), "Two.", "Zwei.", 1.0);
        let findings = [
            finding("a.de.txt", at(1, 0), "1.1+", "Extra zwei."),
            finding("a.de.txt", at(1, 0), "1.1+", "Extra eins."),
            finding("a.de.txt", at(1, 1), "1.2", "Zwei."),
            finding("b.de.txt", at(1, 1), "1.2", "Zwei."),
            finding("a.de.txt", at(9, 1), "9.9", ""),
        ];
        assert_eq!(
            place(&findings, &[a]),
            vec![Some((0, 2)), Some((0, 1)), Some((0, 3)), None, None]
        );
    }

    #[test]
    fn files_are_written_as_tools_want_them() {
        use crate::discover::{BilingualInput, DocumentFile, DocumentGroup};
        let file = |display: &str, path: &str| DocumentFile {
            path: path.into(),
            display: display.into(),
            lang: String::new(),
        };
        let jobs = [
            Job::Documents(DocumentGroup {
                source: file("a.en.txt", "corpus/a.en.txt"),
                targets: vec![file("a.de.txt", "./corpus/a.de.txt")],
            }),
            Job::Bilingual(BilingualInput {
                path: "corpus/b.tmx".into(),
                display: "b.tmx".into(),
            }),
        ];
        let files = Files::of(&jobs);
        assert_eq!(files.path("a.de.txt"), "corpus/a.de.txt");
        assert_eq!(files.path("a.en.txt"), "corpus/a.en.txt");
        assert_eq!(files.path("b.tmx"), "corpus/b.tmx");
        assert_eq!(files.path("gone.de.txt"), "gone.de.txt");
    }
}
