//! `concord align`: aligns two documents and prints the sentence alignment.
//!
//! Sentences are the input's lines with `--presplit` (indexes in the output are then 0-based line
//! numbers, blank lines counted but never aligned), else the sentences `segment` finds in the
//! paragraphs between blank lines (indexes are then 0-based sentence numbers in the document).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::{align_expecting, AlignUnit, Bead};
use crate::cli::{AlignArgs, AlignFormat};
use crate::lang::profile::{profile, usual_length_ratio, Profile};
use crate::lang::tag::{canonical, is_language_tag};

/// One sentence of an input document.
struct Sentence {
    text: String,
    paragraph: usize,
    /// Its index in the output: the line number with `--presplit`, else its position.
    number: usize,
}

pub fn run(args: &AlignArgs) -> anyhow::Result<ExitCode> {
    let source = read(&args.source)?;
    let target = read(&args.target)?;
    let source_lang = language(args.source_lang.as_deref(), &args.source);
    let target_lang = language(args.target_lang.as_deref(), &args.target);
    let (source_profile, target_profile) = (profile(&source_lang), profile(&target_lang));
    let source = sentences(&source, args.presplit, source_profile);
    let target = sentences(&target, args.presplit, target_profile);
    let source_units = units(&source, source_profile);
    let target_units = units(&target, target_profile);
    // The same alignment as `concord check` makes of the two documents.
    let beads = align_expecting(
        &source_units,
        &target_units,
        usual_length_ratio(&source_lang, &target_lang),
    );

    let written = match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            let file = fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            write_beads(
                &mut BufWriter::new(file),
                &beads,
                &source,
                &target,
                args.format,
            )
            .with_context(|| format!("cannot write {}", path.display()))
        }
        _ => match write_beads(
            &mut BufWriter::new(io::stdout().lock()),
            &beads,
            &source,
            &target,
            args.format,
        ) {
            // A closed pipe (`concord align ... | head`) is not a failure.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("cannot write to standard output"),
        },
    };
    written?;
    Ok(ExitCode::SUCCESS)
}

/// A file's text: UTF-8, without a byte-order mark.
fn read(path: &Path) -> anyhow::Result<String> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .with_context(|| format!("{} is not UTF-8 text", path.display()))
}

/// The language given, else the `<lang>` of a file name `<name>.<lang>.<ext>`, else `und`.
fn language(given: Option<&str>, path: &Path) -> String {
    if let Some(tag) = given {
        return canonical(tag);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() >= 3 {
        let tag = parts[parts.len() - 2];
        if is_language_tag(tag) {
            return canonical(tag);
        }
    }
    "und".to_string()
}

/// The sentences of a document: one a non-blank line with `presplit`, else the paragraphs
/// (separated by blank lines) split by `segment`.
fn sentences(text: &str, presplit: bool, profile: &Profile) -> Vec<Sentence> {
    let mut paragraphs: Vec<Vec<(usize, &str)>> = vec![Vec::new()];
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !paragraphs.last().is_some_and(Vec::is_empty) {
                paragraphs.push(Vec::new());
            }
        } else {
            paragraphs
                .last_mut()
                .expect("never empty")
                .push((number, line));
        }
    }
    if paragraphs.last().is_some_and(Vec::is_empty) {
        paragraphs.pop();
    }
    if presplit {
        return paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, lines)| {
                lines.iter().map(move |&(number, line)| Sentence {
                    text: line.trim().to_string(),
                    paragraph: p,
                    number,
                })
            })
            .collect();
    }
    let joined: Vec<String> = paragraphs
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|&(_, l)| l.trim())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    crate::segment::split_document(&joined, profile)
        .into_iter()
        .enumerate()
        .map(|(number, s)| Sentence {
            text: s.text,
            paragraph: s.paragraph,
            number,
        })
        .collect()
}

fn units<'a>(sentences: &'a [Sentence], profile: &Profile) -> Vec<AlignUnit<'a>> {
    sentences
        .iter()
        .map(|s| AlignUnit {
            text: &s.text,
            paragraph: s.paragraph,
            anchors: crate::extract::extract(&s.text, profile).anchor_keys(),
        })
        .collect()
}

fn write_beads(
    out: &mut impl Write,
    beads: &[Bead],
    source: &[Sentence],
    target: &[Sentence],
    format: AlignFormat,
) -> io::Result<()> {
    for bead in beads {
        match format {
            AlignFormat::Vecalign => writeln!(
                out,
                "{}:{}:{:.3}",
                index_list(source, &bead.source),
                index_list(target, &bead.target),
                bead.confidence
            )?,
            AlignFormat::Text => writeln!(
                out,
                "{}\t{}",
                joined_text(source, &bead.source),
                joined_text(target, &bead.target)
            )?,
        }
    }
    out.flush()
}

/// `[3, 4]`, `[7]` or `[]`, as the alignment benchmarks write them.
fn index_list(sentences: &[Sentence], range: &Range<usize>) -> String {
    let numbers: Vec<String> = sentences[range.clone()]
        .iter()
        .map(|s| s.number.to_string())
        .collect();
    format!("[{}]", numbers.join(", "))
}

/// The sentences' texts joined by a space, on one line with no tab.
fn joined_text(sentences: &[Sentence], range: &Range<usize>) -> String {
    sentences[range.clone()]
        .iter()
        .flat_map(|s| s.text.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_file_name() {
        assert_eq!(language(None, Path::new("dir/report.de.txt")), "de");
        assert_eq!(language(None, Path::new("report.pt-br.md")), "pt-BR");
        assert_eq!(language(None, Path::new("notes.old.txt")), "und");
        assert_eq!(language(None, Path::new("dev.fr")), "und");
        assert_eq!(language(Some("fr"), Path::new("dev.de")), "fr");
    }

    #[test]
    fn presplit_keeps_line_numbers_and_paragraphs() {
        let s = sentences("a\nb\n\n\nc\n", true, profile("und"));
        let got: Vec<(usize, usize, &str)> = s
            .iter()
            .map(|s| (s.number, s.paragraph, s.text.as_str()))
            .collect();
        assert_eq!(got, vec![(0, 0, "a"), (1, 0, "b"), (4, 1, "c")]);
    }
}
